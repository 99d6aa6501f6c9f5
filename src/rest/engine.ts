import type { IncomingMessage, ServerResponse } from 'node:http'
import { parse, type DocumentNode, type GraphQLError } from 'graphql'
import type { YogaServerInstance } from 'graphql-yoga'
import type { Access, RestRoute } from './route.js'
import type { RoleName } from '../auth/roles.js'
import { DIALECTS, dialectOfPath } from './dialects.js'
import { AppError } from '../errors.js'
import { readJsonArray, readJsonObject, readMultipart } from '../http/body.js'
import type { Logger } from '../log.js'
import type { Context, ContextInput, Viewer } from '../context.js'

interface Compiled {
  route: RestRoute
  document: DocumentNode
}

export interface RestEngine {
  /** answers the request when the path belongs to a REST dialect; false otherwise */
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean>
  routes: RestRoute[]
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

export function createRestEngine(opts: {
  routes: RestRoute[]
  yoga: YogaServerInstance<any, any>
  bodyLimit: number
  log: Logger
}): RestEngine {
  const table = new Map<string, Compiled>()
  for (const route of opts.routes) {
    if (table.has(route.path)) throw new Error(`two REST routes for ${route.path}`)
    // Parsed once at start-up: a broken operation fails the boot, not the first request.
    table.set(route.path, { route, document: parse(route.operation) })
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://internal')
    const dialectName = dialectOfPath(url.pathname)
    if (!dialectName) return false
    const dialect = DIALECTS[dialectName]
    const fail = (code: string, message: string, headers?: Record<string, string>) => {
      const { status, body } = dialect.error(code, message)
      send(res, status, body, headers)
    }
    const compiled = table.get(url.pathname)
    if (!compiled || compiled.route.dialect !== dialectName) {
      // drain what the client sent so the socket stays usable
      req.resume()
      fail('NOT_FOUND_ROUTE', `Unknown endpoint ${url.pathname}`)
      return true
    }
    if (req.method !== 'POST') {
      req.resume()
      fail('BAD_REQUEST', `${url.pathname} accepts POST only`)
      return true
    }
    try {
      const { route, document } = compiled
      const body = await readRouteBody(route, req, opts.bodyLimit)
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
      const request = new Request(`http://internal${url.pathname}`, { method: 'POST', headers })
      const initial: ContextInput = { request, req, restToken: dialect.token(req.headers, body), requestId }
      // The same envelop pipeline (auth, limits, plugins) and context factory as /graphql.
      const { validate, contextFactory, execute, schema } = opts.yoga.getEnveloped(initial)
      const errors = validate(schema, document)
      if (errors.length) throw new Error(`REST route ${route.path} has an invalid operation: ${errors[0].message}`)
      const contextValue = await contextFactory()
      checkAccess(route, (contextValue as unknown as Context).viewer)
      // After the access check: a guest learns that they must sign in, not what is wrong with their input.
      const variables = route.variables ? route.variables(body) : {}
      const result = await execute({ schema, document, contextValue, variableValues: variables })
      if ('errors' in result && result.errors?.length) throw result.errors[0]
      const data = (result as { data: unknown }).data
      send(res, route.status ? route.status(data, body) : 200, route.result(data, body))
    } catch (err) {
      const app = toAppError(err)
      if (app) {
        const retry = app.extensions.retryAfter as number | undefined
        fail(app.code, app.message, retry ? { 'retry-after': String(retry) } : undefined)
      } else {
        opts.log.error('unexpected error in REST route', { requestId, path: url.pathname, error: String(err), stack: (err as Error)?.stack })
        fail('INTERNAL_SERVER_ERROR', `Internal server error (request id ${requestId})`)
      }
    }
    return true
  }
  return { handle, routes: opts.routes }
}

/** The documented access letter of a route: P and C (the site's own login) are open, A needs a session, others a role. */
const ACCESS_ROLE: Partial<Record<Access, RoleName>> = {
  M: 'moderator', S: 'support', B: 'blocker', Sm: 'smiler', MS: 'masterstreamer', RA: 'roleAdmin',
  Sc: 'schedule', Se: 'seasoner', StA: 'storeAdmin', StS: 'storeSupport',
}
function checkAccess(route: RestRoute, viewer: Viewer | null) {
  const letters: Access[] = [route.access, ...(route.orAccess ?? [])]
  if (letters.some((a) => a === 'P' || a === 'C')) return
  if (!viewer) throw new AppError('UNAUTHENTICATED')
  const admits = (a: Access) => {
    const role = ACCESS_ROLE[a]
    return !role || viewer.roles[role] > 0
  }
  if (!letters.some(admits)) throw new AppError('INSUFFICIENT_PERMISSIONS')
}

function readRouteBody(route: RestRoute, req: IncomingMessage, limit: number): Promise<Record<string, any>> {
  if (route.body === 'multipart') return readMultipart(req, limit)
  // the array itself: peka2 documents bare lists (`[1, 2]`) as some request bodies
  if (route.body === 'json-array') return readJsonArray(req, limit) as Promise<any>
  return readJsonObject(req, limit)
}

/** A service error arrives wrapped in a GraphQLError whose originalError is the AppError. */
function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err
  const original = (err as GraphQLError)?.originalError
  if (original instanceof AppError) return original
  // Variable coercion errors are the caller's fault: a bad type or a missing required field.
  const e = err as GraphQLError
  if (e instanceof Error && e.message.startsWith('Variable "$')) {
    const field = e.message.match(/^Variable "\$(\w+)"/)?.[1]
    return new AppError('INVALID_INPUT', e.message, { field })
  }
  return null
}
