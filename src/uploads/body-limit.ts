import { Kind, getOperationAST, type ExecutionArgs } from 'graphql'
import type { Plugin as YogaPlugin } from 'graphql-yoga'
import type { Config } from '../config.js'
import { AppError } from '../errors.js'

/** Bytes a multipart form carries besides its file: boundaries, part headers, `operations`, `map`, text fields. */
const FORM_OVERHEAD = 64 * 1024

/**
 * The largest multipart body read: a file of UPLOAD_MAX_BYTES and its form, or BODY_LIMIT_BYTES when that is larger.
 * Only fields that take such files (LARGE_UPLOAD) are served a body over BODY_LIMIT_BYTES; every other request keeps
 * that limit.
 */
export const uploadBodyLimit = (config: Config) =>
  Math.max(config.bodyLimitBytes, config.uploadMaxBytes + FORM_OVERHEAD)

/** A field's `extensions`: it takes files up to UPLOAD_MAX_BYTES, so its requests may exceed BODY_LIMIT_BYTES. */
export const LARGE_UPLOAD = { largeUpload: true } as const

/**
 * GraphQL multipart requests over BODY_LIMIT_BYTES (bodyLimit lets them through up to uploadBodyLimit) are executed
 * only when every root field they select is a LARGE_UPLOAD field; anything else is refused as the body limit refuses
 * it (413 PAYLOAD_TOO_LARGE). The REST shim hands in its request's headers, so its routes are held to the same rule.
 */
export function largeUploadsOnly(limit: number): YogaPlugin {
  const refusal = () => ({
    errors: [
      new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${limit} bytes`, { http: { status: 413 } }),
    ],
  })
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (overLimit(args, limit) && !onlyLargeUploads(args)) setResultAndStopExecution(refusal())
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (overLimit(args, limit) && !onlyLargeUploads(args)) setResultAndStopExecution(refusal())
    },
  }
}

function overLimit(args: ExecutionArgs, limit: number): boolean {
  const request = (args.contextValue as { request?: Request } | null | undefined)?.request
  return Number(request?.headers.get('content-length') ?? 0) > limit
}

/** Every root selection is a plain field that declares LARGE_UPLOAD (fragments are not looked into: refused). */
function onlyLargeUploads(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName)
  const root = operation && args.schema.getRootType(operation.operation)
  if (!operation || !root) return false
  const fields = root.getFields()
  return operation.selectionSet.selections.every(
    (s) =>
      s.kind === Kind.FIELD &&
      Object.hasOwn(fields, s.name.value) &&
      fields[s.name.value].extensions.largeUpload === true,
  )
}
