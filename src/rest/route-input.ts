import type { IncomingMessage } from 'node:http'
import type { Access, JsonBody, RestBody, RestRoute } from './route.js'
import type { Viewer } from '../context.js'
import { ACCESS_ROLE } from '../auth/roles.js'
import { AppError } from '../errors.js'
import { readJsonArray, readJsonObject, readMultipart, type JsonTypes } from '../http/body.js'

/* How a REST route's request is admitted and read: its access letter, its body, its bulk and paged forms. */

/**
 * The documented access letter of a route: P and C (the site's own login) are open, A needs a session, others a
 * role.
 */
export function checkAccess(route: RestRoute, viewer: Viewer | null) {
  const letters: Access[] = [route.access, ...(route.orAccess ?? [])]
  if (letters.some((a) => a === 'P' || a === 'C')) return
  if (!viewer) throw new AppError('UNAUTHENTICATED')
  const admits = (a: Access) => {
    const role = ACCESS_ROLE[a]
    return !role || viewer.roles[role] > 0
  }
  if (!letters.some(admits)) throw new AppError('INSUFFICIENT_PERMISSIONS')
}

/**
 * A messenger route's (or a GET route's) one object: `{ ...query, ...body, ...params }`, so the path names the resource
 * whatever the body says.
 */
export function merged(body: RestBody, query: URLSearchParams, params: Record<string, string>): RestBody {
  if (Array.isArray(body)) return body
  const fromQuery = Object.fromEntries(query)
  if ('files' in body && Array.isArray(body.files)) return { ...fromQuery, ...body, ...params, files: body.files }
  return { ...fromQuery, ...body, ...params }
}

export async function readRouteBody(route: RestRoute, req: IncomingMessage, limit: number): Promise<RestBody> {
  // GET and DELETE carry no body
  if (route.method === 'GET' || route.method === 'DELETE') {
    req.resume()
    return {}
  }
  if (route.body === 'multipart') return readMultipart(req, limit)
  // peka2's clients post JSON whatever Content-Type they give it (peka2-api-index.md shows none)
  const types: JsonTypes = route.dialect === 'peka2' ? 'any' : 'json'
  // the array itself: peka2 documents bare lists (`[1, 2]`) as some request bodies
  if (route.body === 'json-array') return readJsonArray(req, limit, types)
  return readJsonObject(req, limit, types)
}

const isJsonObject = (v: unknown): v is JsonBody => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A bulk entry's params as its route reads a body: a bare list for list routes, an object (or `{}`) for the rest. */
export function bulkBody(route: RestRoute, params: unknown): RestBody {
  if (route.body !== 'json-array') return isJsonObject(params) ? params : {}
  if (params === undefined || params === null) return []
  if (!Array.isArray(params)) throw new AppError('BAD_REQUEST', 'Request body must be a JSON array')
  const list: unknown[] = params
  return list
}

/** A paged route's answers are lists, joined in order. */
export const pageList = (route: RestRoute) => (answer: unknown) => {
  if (!Array.isArray(answer)) throw new Error(`REST route ${route.path} pages its answer, which is not a list`)
  const list: unknown[] = answer
  return list
}
