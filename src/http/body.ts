import type { IncomingMessage } from 'node:http'
import { AppError, invalid } from '../errors.js'
import { MAX_INPUT_DEPTH, NO_NUL, formatPath, jsonProblem } from '../schema/input-bounds.js'

/** Reads a request body up to `limit` bytes; larger bodies are refused without buffering them. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit)
    throw new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * How a JSON body's Content-Type is taken: `json` — absent or a JSON type, anything else refused (415); `any` — not
 * looked at, the body is JSON or malformed (peka2: its clients post JSON as text/plain, form-urlencoded or untyped).
 */
export type JsonTypes = 'json' | 'any'

async function readJson(req: IncomingMessage, limit: number, types: JsonTypes): Promise<unknown> {
  const raw = await readBody(req, limit)
  if (raw.length === 0) return undefined
  const type = req.headers['content-type'] ?? ''
  if (types === 'json' && type && !/^application\/(json|[\w.+-]+\+json)\b/i.test(type))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE')
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new AppError('BAD_REQUEST', 'Malformed JSON in request body')
  }
  checkJsonInput(parsed)
  return parsed
}

/**
 * What no route can take, refused before any mapping sees it: nesting deeper than MAX_INPUT_DEPTH (walking a
 * 100,000-level array overflows the stack of String(), JSON.stringify, Prisma …) and NUL characters, which PostgreSQL
 * refuses in text and jsonb. The error names the field (`user.nickname`, `[2]`).
 */
export function checkJsonInput(value: unknown) {
  const problem = jsonProblem(value)
  if (!problem) return
  const field = formatPath(problem.path) || 'body'
  if (problem.kind === 'depth')
    throw new AppError('BAD_REQUEST', `${field}: must not nest deeper than ${MAX_INPUT_DEPTH} levels`, { field })
  throw invalid(field, NO_NUL)
}

/** JSON object body; an empty body is `{}` (peka2 clients post nothing to argument-less routes). */
export async function readJsonObject(
  req: IncomingMessage,
  limit: number,
  types: JsonTypes = 'json',
): Promise<Record<string, unknown>> {
  const parsed = (await readJson(req, limit, types)) ?? {}
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AppError('BAD_REQUEST', 'Request body must be a JSON object')
  return parsed as Record<string, unknown>
}

/** JSON array body (peka2 list routes: `[1, 2, 3]`); an empty body is `[]`. */
export async function readJsonArray(
  req: IncomingMessage,
  limit: number,
  types: JsonTypes = 'json',
): Promise<unknown[]> {
  const parsed = (await readJson(req, limit, types)) ?? []
  if (!Array.isArray(parsed)) throw new AppError('BAD_REQUEST', 'Request body must be a JSON array')
  const list: unknown[] = parsed
  return list
}

/** A multipart/form-data body: the text fields by name (the last one wins) and every file part, in order. */
export type MultipartBody = Record<string, string | File[]> & { files: File[] }

/**
 * Reads multipart/form-data within `limit` bytes and parses it with the platform's own parser (`Request.formData()`),
 * so no extra dependency decodes untrusted input. A file part's type and name are whatever the client claimed.
 */
export async function readMultipart(req: IncomingMessage, limit: number): Promise<MultipartBody> {
  const type = req.headers['content-type'] ?? ''
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    req.resume()
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be multipart/form-data')
  }
  const raw = await readBody(req, limit)
  let form: FormData
  try {
    // (a Buffer is a Uint8Array over an ArrayBuffer; the DOM typings only miss that)
    form = await new Request('http://internal/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw as Uint8Array<ArrayBuffer>,
    }).formData()
  } catch {
    throw new AppError('BAD_REQUEST', 'Malformed multipart/form-data body')
  }
  const body = { files: [] as File[] } as MultipartBody
  for (const [name, value] of form) {
    if (typeof value === 'string') {
      if (value.includes('\u0000') || name.includes('\u0000')) throw invalid(name.replaceAll('\u0000', ''), NO_NUL)
      if (name !== 'files') body[name] = value
    } else body.files.push(value)
  }
  return body
}
