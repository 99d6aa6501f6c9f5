import type { IncomingMessage } from 'node:http'
import { AppError } from '../errors.js'

/** Reads a request body up to `limit` bytes; larger bodies are refused without buffering them. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** JSON object body; an empty body is `{}` (peka2 clients post nothing to argument-less routes). */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, any>> {
  const raw = await readBody(req, limit)
  if (raw.length === 0) return {}
  const type = String(req.headers['content-type'] ?? '')
  if (type && !/^application\/(json|[\w.+-]+\+json)\b/i.test(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new AppError('BAD_REQUEST', 'Malformed JSON in request body')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new AppError('BAD_REQUEST', 'Request body must be a JSON object')
  return parsed as Record<string, any>
}
