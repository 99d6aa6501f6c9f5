import type http from 'node:http'
import { GraphQLError, OperationTypeNode, getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql'
import { processRegularResult } from 'graphql-yoga'
import type { AppYoga, EnvelopedGraphQL } from '../app/graphql.js'
import type { ContextInput } from '../context.js'
import type { Logger } from '../log.js'
import { logGraphQLRequest, readText } from './yoga-plugins.js'
import type { PersistedOperations } from './persisted-operations.js'

/**
 * POST /graphql with a JSON body — what nearly every API client sends — answered without Yoga's fetch-API adapter: the
 * same envelop (parse and validation caches, armor, input bounds, auth, error masking) and context, but no Request,
 * Headers and Response objects per request and no promise chain through the adapter. That halves the cost of a small
 * request. Everything the fast path does not answer identically goes to Yoga: other methods and content types, an
 * `Origin` (CORS), an `Accept` for which Yoga would not send plain JSON (SSE, multipart, 406), a body declared over the
 * limit, and — with the body already read and handed over — bad JSON, bad parameters, syntax and validation errors,
 * unknown operations and subscriptions. Results with errors are written by Yoga's own result processor (status codes,
 * internal extensions removed); results without errors are written as Yoga writes them.
 */
export function graphqlFastPath(
  yoga: AppYoga,
  log: Logger,
  limit: number,
  /** PERSISTED_OPERATIONS: the allow-list, applied here as Yoga applies it */
  persisted: PersistedOperations | null = null,
) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, requestId: string): Promise<void> => {
    const started = performance.now()
    const mediaType = acceptedMediaType(req)
    const declared = req.headers['content-length']
    if (
      req.method !== 'POST' ||
      !mediaType ||
      !isJson(req.headers['content-type']) ||
      req.headers.origin !== undefined ||
      (declared !== undefined && Number(declared) > limit)
    ) {
      await yoga.handle(req, res, { req, requestId })
      return
    }
    let body: string
    try {
      body = await readText(req, limit)
    } catch (e) {
      if (!(e instanceof GraphQLError)) throw e
      await write(yoga, res, { errors: [e] }, mediaType)
      return
    }
    const params = paramsOf(body, persisted)
    const initial: ContextInput = { req, requestId }
    const graphql: EnvelopedGraphQL | undefined = params && yoga.getEnveloped({ ...initial, params })
    let document: DocumentNode | undefined
    try {
      document = params && graphql?.parse(params.query)
    } catch (e) {
      if (!isGraphQLError(e)) throw e
      await write(yoga, res, { errors: [asParseFailure(e)] }, mediaType)
      return
    }
    const operation = document && getOperationAST(document, params?.operationName)
    if (
      !params ||
      !graphql ||
      !document ||
      !operation ||
      operation.operation === OperationTypeNode.SUBSCRIPTION ||
      !validQuietly(graphql, document)
    ) {
      // Yoga answers these (its own error forms and status codes) from the body already read
      await yoga.handle(req, res, { req, requestId, bodyText: body })
      return
    }
    let contextValue
    try {
      contextValue = await graphql.contextFactory()
    } catch {
      // nothing has run yet (the database may be down): Yoga answers with its masked error, as for any request
      await yoga.handle(req, res, { req, requestId, bodyText: body })
      return
    }
    const result = await graphql.execute({
      schema: graphql.schema,
      document,
      operationName: params.operationName,
      variableValues: params.variables,
      contextValue,
    })
    const status = await write(yoga, res, result, mediaType)
    const name = params.operationName ?? operation.name?.value ?? null
    logGraphQLRequest(log, { requestId, operation: name, status, started })
  }
}

interface Params {
  query: string
  operationName?: string
  variables?: Record<string, unknown>
}

const PARAM_NAMES = new Set(['query', 'operationName', 'variables', 'extensions'])
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The GraphQL parameters when they are exactly what Yoga accepts without a word; undefined sends the body to Yoga.
 * With persisted operations, a known id's document is the query; a refusal is left to Yoga's plugin to answer.
 */
function paramsOf(body: string, persisted: PersistedOperations | null): Params | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  if (!isObject(parsed)) return undefined
  const query = persisted ? persisted.resolve(parsed) : parsed.query
  if (typeof query !== 'string') return undefined
  for (const key of Object.keys(parsed)) if (!PARAM_NAMES.has(key)) return undefined
  const { operationName, variables, extensions } = parsed
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined
  if (variables !== undefined && variables !== null && !isObject(variables)) return undefined
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) return undefined
  return { query, operationName: operationName ?? undefined, variables: variables ?? undefined }
}

const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError'

/**
 * A syntax error as Yoga marks it when its request is in the context (use-prevent-mutation-via-get.js): Yoga's parse
 * cache keeps this very error object and throws it again for the same text, so it is marked here, where the context
 * has no fetch Request.
 */
function asParseFailure(error: GraphQLError): GraphQLError {
  const extensions = error.extensions as { code?: string; http?: { spec?: boolean; status?: number } }
  extensions.code ??= 'GRAPHQL_PARSE_FAILED'
  const http = (extensions.http ??= {})
  http.spec ??= true
  http.status ??= 400
  return error
}

/** Valid without a word; GraphQL Armor's limits throw from validation, and Yoga answers those (and every error). */
function validQuietly(graphql: EnvelopedGraphQL, document: DocumentNode): boolean {
  try {
    return graphql.validate(graphql.schema, document).length === 0
  } catch {
    return false
  }
}

const isJson = (type: string | undefined) => !!type && /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type)

/** Yoga's result processors in its order: the last one matching the Accept header wins (use-result-processor.js). */
const PROCESSORS = [
  { types: ['text/event-stream'], regular: false },
  { types: ['multipart/mixed'], regular: false },
  { types: ['application/graphql-response+json', 'application/json'], regular: true },
]
const accepted = new Map<string, string | null>()

/** The media type Yoga would answer a query with, when it is plain JSON (else null: Yoga answers). */
function acceptedMediaType(req: http.IncomingMessage): string | null {
  const header = req.headers.accept ?? '*/*'
  let chosen = accepted.get(header)
  if (chosen !== undefined) return chosen
  // as Yoga reads it (accept.js): no spaces, lower case, utf-8 only, in reverse order
  const asked = header
    .replace(/\s/g, '')
    .toLowerCase()
    .split(',')
    .flatMap((a) => {
      const [type, ...params] = a.split(';')
      return (params.find((p) => p.includes('charset=')) ?? 'charset=utf-8') === 'charset=utf-8' ? [type] : []
    })
    .reverse()
  let regular = false
  chosen = null
  for (const processor of PROCESSORS)
    for (const a of asked)
      for (const type of processor.types) {
        const [pre, suf] = a.split('/')
        const [tPre, tSuf] = type.split('/')
        if ((pre === '*' || pre === tPre) && (suf === '*' || suf === tSuf)) {
          chosen = type
          regular = processor.regular
        }
      }
  chosen = regular ? chosen : null
  if (accepted.size < 100) accepted.set(header, chosen)
  return chosen
}

/** Writes a result as Yoga's regular result processor does; returns the status. */
async function write(
  yoga: AppYoga,
  res: http.ServerResponse,
  result: ExecutionResult,
  mediaType: string,
): Promise<number> {
  if (!result.errors?.length && !result.extensions) {
    const text = JSON.stringify(result)
    res.writeHead(200, { 'Content-Type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) })
    res.end(text)
    return 200
  }
  const response = processRegularResult(result, yoga.fetchAPI, mediaType)
  const text = await response.text()
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'content-length': Buffer.byteLength(text) })
  res.end(text)
  return response.status
}
