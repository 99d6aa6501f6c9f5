import type { IncomingMessage, ServerResponse } from 'node:http'
import { parse, type DocumentNode, type GraphQLError } from 'graphql'
import type { AppYoga, EnvelopedGraphQL } from '../app/graphql.js'
import type { Dialect, Method, RestBody, RestRoute, RouteObjects, UserObjectPart } from './route.js'
import { DIALECTS, dialectResolver } from './dialects.js'
import { AppError, type ErrorRegistry } from '../errors.js'
import { readJsonObject } from '../http/body.js'
import { stackOf, type Logger } from '../log.js'
import type { Limiter } from '../http/rate-limit.js'
import { clientIp } from '../http/client-ip.js'
import { sendJson } from '../http/respond.js'
import { checkVariables } from './variables.js'
import type { ContextInput } from '../context.js'
import { bindingsOf, bodyNamer, renameField, type Bindings } from './field-names.js'
import { pageSizeOf, pagesOf } from './pages.js'
import { sessionCookieOf } from './session-cookie.js'
import { bulkBody, checkAccess, merged, pageList, readRouteBody } from './route-input.js'
import { isPattern, matchPath } from './path-pattern.js'
import { justchatUserObject } from './justchat.js'

/** Requests one /api/bulk call may carry. */
export const BULK_MAX = 20

interface Compiled {
  route: RestRoute
  document: DocumentNode
  bindings: Bindings
  /** the page size of `route.pageBy`, read from the schema on first use */
  pageSize?: number
  lookup?: DocumentNode
}

/** The routes of one path (pattern), by method. */
type PathRoutes = Map<Method, Compiled>

/** A route's answer: status, body and the headers it carries (Set-Cookie of a login or logout). */
interface Answer {
  status: number
  body: unknown
  headers: Record<string, string | string[]>
}

export interface RestEngine {
  /** answers the request when the path belongs to a REST dialect; false otherwise */
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean>
  routes: RestRoute[]
  /** the dialect whose form a refusal on this path takes (null: not a REST path) */
  dialectOf(path: string): Dialect | null
  /** an error in that dialect's documented form */
  errorResponse(dialect: Dialect, code: string, message: string): { status: number; body: unknown }
}

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE'] satisfies Method[]
const isMethod = (m: string | undefined): m is Method => m !== undefined && METHODS.includes(m)

export function createRestEngine(opts: {
  routes: RestRoute[]
  yoga: AppYoga
  bodyLimit: number
  /** the body limit of `largeUploads` routes (default bodyLimit) */
  uploadBodyLimit?: number
  /** the per-IP request budget, charged once more for each extra request of a bulk call */
  perIp?: Limiter | null
  trustProxy?: boolean
  log: Logger
  /** the app's error codes (core + enabled plugins): statuses of the dialects that map codes */
  errors: ErrorRegistry
  /** the app's session secret: the messenger's CSRF tokens */
  sessionSecret: string
  /** the enabled plugins' parts of JustChat's user object (`...JustChatUser` in an operation selects them all) */
  justchatUser?: readonly UserObjectPart[]
}): RestEngine {
  const dialectOf = dialectResolver(opts.routes)
  const errorResponse = (dialect: Dialect, code: string, message: string, field?: string) =>
    DIALECTS[dialect].error(code, message, opts.errors.status, field)
  /** exact paths; `patterns`: paths with `:name` segments, tried in order */
  const table = new Map<string, PathRoutes>()
  const patterns: { path: string; routes: PathRoutes }[] = []
  const jcUser = justchatUserObject(opts.justchatUser ?? [])
  const objects: RouteObjects = { justchatUser: jcUser.render }
  for (const route of opts.routes) {
    let routes = table.get(route.path)
    if (!routes) {
      table.set(route.path, (routes = new Map<Method, Compiled>()))
      if (isPattern(route.path)) patterns.push({ path: route.path, routes })
    }
    const method = route.method ?? 'POST'
    if (routes.has(method)) throw new Error(`two REST routes for ${method} ${route.path}`)
    // Parsed once at start-up: a broken operation fails the boot, not the first request.
    const document = parse(jcUser.complete(route.operation))
    const lookup = route.lookup ? parse(jcUser.complete(route.lookup.operation)) : undefined
    routes.set(method, { route, document, bindings: bindingsOf(document), lookup })
  }
  /** the routes of a request path and its path parameters */
  function find(path: string): { routes: PathRoutes; params: Record<string, string> } | null {
    const exact = table.get(path)
    if (exact && !isPattern(path)) return { routes: exact, params: {} }
    for (const p of patterns) {
      const params = matchPath(p.path, path)
      if (params) return { routes: p.routes, params }
    }
    return null
  }

  /**
   * Runs one route's operation in-process: the same envelop pipeline (auth, limits, plugins) and context as
   * /graphql.
   */
  async function run(
    compiled: Compiled,
    body: RestBody,
    req: IncomingMessage,
    token: string | null,
    requestId: string,
  ): Promise<Answer> {
    const { route, document } = compiled
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
    const request = new Request(`http://internal${route.path}`, { method: 'POST', headers })
    const initial: ContextInput = { request, req, restToken: token, requestId }
    const graphql: EnvelopedGraphQL = opts.yoga.getEnveloped(initial)
    const { validate, execute, schema, contextFactory } = graphql
    const errors = validate(schema, document)
    if (errors.length) throw new Error(`REST route ${route.path} has an invalid operation: ${errors[0].message}`)
    const contextValue = await contextFactory()
    checkAccess(route, contextValue.viewer)
    const lookupVariables = route.lookup && !Array.isArray(body) ? route.lookup.variables(body) : null
    if (route.lookup && compiled.lookup && lookupVariables && !Array.isArray(body)) {
      // a value only another operation gives (a user's id by name): run first, its fields join the body
      const fields = route.lookup.fields ?? {}
      const named = (v: string) => fields[v] ?? v
      checkVariables(schema, compiled.lookup, lookupVariables, named)
      const found = await execute({ schema, document: compiled.lookup, contextValue, variableValues: lookupVariables })
      if (found.errors?.length) {
        const app = toAppError(found.errors[0])
        throw app?.field ? renameField(app, app.field, named) : found.errors[0]
      }
      body = { ...body, ...route.lookup.result(found.data, body) }
    }
    // After the access check: a guest learns that they must sign in, not what is wrong with their input.
    const variables = mapVariables(route, body, requestId)
    const name = bodyNamer(route, compiled.bindings, body, variables)
    try {
      checkVariables(schema, document, variables, name)
      const pages = route.pageBy
        ? pagesOf(variables, route.pageBy, (compiled.pageSize ??= pageSizeOf(schema, document, route.pageBy)))
        : [variables]
      // each further page is one more request against the caller's per-IP budget, as in /api/bulk
      if (pages.length > 1) await opts.perIp?.consume(clientIp(req, !!opts.trustProxy), pages.length - 1)
      const answers: unknown[] = []
      let data: unknown
      for (const variableValues of pages) {
        const result = await execute({ schema, document, contextValue, variableValues })
        if (result.errors?.length) throw result.errors[0]
        data = result.data
        answers.push(route.result(data, body, objects))
      }
      return {
        status: route.status ? route.status(data, body) : 200,
        body: pages.length === 1 ? answers[0] : answers.flatMap(pageList(route)),
        headers: sessionHeadersOf(route, data, body, contextValue.config.sessionTtlDays),
      }
    } catch (err) {
      // errors name GraphQL arguments and variables; a REST client is told the body field it sent
      const app = toAppError(err)
      throw app?.field ? renameField(app, app.field, name) : err
    }
  }

  /** The headers of a login or logout answer, in the route's dialect. */
  function sessionHeadersOf(
    route: RestRoute,
    data: unknown,
    body: RestBody,
    ttlDays: number,
  ): Record<string, string | string[]> {
    const dialect = DIALECTS[route.dialect]
    if (!route.sessionCookie) return {}
    if (dialect.sessionHeaders)
      return dialect.sessionHeaders(
        route.sessionCookie === 'clear' ? null : route.sessionCookie.set(data, body),
        ttlDays,
        opts.sessionSecret,
      )
    const cookie = sessionCookieOf(route.sessionCookie, data, body, ttlDays)
    return cookie ? { 'set-cookie': cookie } : {}
  }

  /**
   * The route's body → variables mapping; a body it cannot map (a number out of any range …) is the caller's
   * fault.
   */
  function mapVariables(route: RestRoute, body: RestBody, requestId: string): Record<string, unknown> {
    try {
      return route.variables ? route.variables(body) : {}
    } catch (err) {
      if (err instanceof AppError) throw err
      opts.log.warn('REST body the route could not map', {
        requestId,
        path: route.path,
        error: String(err),
        stack: stackOf(err),
      })
      throw new AppError('INVALID_INPUT', 'The request body has a value out of the range this endpoint accepts')
    }
  }

  /**
   * peka2 /api/bulk: several documented requests in one call, each answered as [url, params, result, ok] in order; a
   * failing request gives its {message} and false without failing the others. At most BULK_MAX, no nesting, no uploads.
   */
  async function bulk(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const { command } = await readJsonObject(req, opts.bodyLimit, 'any')
    if (!Array.isArray(command) || command.length === 0 || command.length > BULK_MAX) {
      throw new AppError('INVALID_INPUT', `command: must be an array of 1–${BULK_MAX} [url, params] pairs`, {
        field: 'command',
      })
    }
    // Each request in the batch counts against the caller's per-IP budget, as if sent alone.
    if (command.length > 1) await opts.perIp?.consume(clientIp(req, !!opts.trustProxy), command.length - 1)
    const token = DIALECTS.peka2.token(req.headers, {}, opts.sessionSecret)
    const out: unknown[] = []
    // a login inside the batch signs the caller in as it would alone: the last cookie set goes out with the answer
    let headers: Record<string, string | string[]> = {}
    const requests: unknown[] = command
    for (const [i, entry] of requests.entries()) {
      const pair: unknown[] = Array.isArray(entry) ? entry : []
      const [url, params] = pair
      const compiled = typeof url === 'string' && !isPattern(url) ? table.get(url)?.get('POST') : undefined
      try {
        if (compiled?.route.dialect !== 'peka2' || compiled.route.body === 'multipart' || compiled.route.bulk === false)
          throw new AppError('INVALID_INPUT', `command[${i}]: ${String(url)} cannot be run in a bulk request`, {
            field: `command[${i}]`,
          })
        const answer = await run(compiled, bulkBody(compiled.route, params), req, token, requestId)
        if (answer.headers['set-cookie']) headers = answer.headers
        out.push([url, params ?? {}, answer.body, true])
      } catch (err) {
        const app = toAppError(err)
        if (!app)
          opts.log.error('unexpected error in bulk request', {
            requestId,
            path: url,
            error: String(err),
            stack: stackOf(err),
          })
        out.push([
          url,
          params ?? {},
          { message: app ? app.message : `Internal server error (request id ${requestId})` },
          false,
        ])
      }
    }
    sendJson(res, 200, out, headers)
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://internal')
    const dialectName = dialectOf(url.pathname)
    if (!dialectName) return false
    const dialect = DIALECTS[dialectName]
    const fail = (code: string, message: string, headers?: Record<string, string>, field?: string) => {
      const { status, body } = errorResponse(dialectName, code, message, field)
      sendJson(res, status, body, headers)
    }
    if (url.pathname === '/api/bulk' && req.method === 'POST') {
      try {
        await bulk(req, res, requestId)
      } catch (err) {
        const app = toAppError(err)
        const retry = app?.retryAfter
        fail(
          app?.code ?? 'INTERNAL_SERVER_ERROR',
          app?.message ?? `Internal server error (request id ${requestId})`,
          retry ? { 'retry-after': String(retry) } : undefined,
        )
      }
      return true
    }
    const found = find(url.pathname)
    const first = found?.routes.values().next().value
    if (!found || first?.route.dialect !== dialectName) {
      // drain what the client sent so the socket stays usable
      req.resume()
      fail('NOT_FOUND_ROUTE', `Unknown endpoint ${url.pathname}`)
      return true
    }
    const compiled = isMethod(req.method) ? found.routes.get(req.method) : undefined
    if (!compiled) {
      req.resume()
      const allowed = [...found.routes.keys()].join(', ')
      if (dialectName === 'messenger')
        fail('METHOD_NOT_ALLOWED', `${url.pathname} accepts ${allowed} only`, { allow: allowed })
      else fail('BAD_REQUEST', `${url.pathname} accepts POST only`)
      return true
    }
    try {
      const limit = compiled.route.largeUploads ? (opts.uploadBodyLimit ?? opts.bodyLimit) : opts.bodyLimit
      const read = await readRouteBody(compiled.route, req, limit)
      // a GET route of any dialect reads its fields from the query string
      const body =
        dialectName === 'messenger' || compiled.route.method === 'GET'
          ? merged(read, url.searchParams, found.params)
          : read
      const out = await run(compiled, body, req, dialect.token(req.headers, body, opts.sessionSecret), requestId)
      sendJson(res, out.status, out.body, out.headers)
    } catch (err) {
      const app = toAppError(err)
      if (app) {
        const retry = app.retryAfter
        // refused input is logged as such (the request log line shows only the dialect's status, 500 for all of peka2)
        opts.log.info('rest request refused', {
          requestId,
          path: url.pathname,
          code: app.code,
          field: app.field ?? null,
        })
        fail(app.code, app.message, retry ? { 'retry-after': String(retry) } : undefined, app.field)
      } else {
        opts.log.error('unexpected error in REST route', {
          requestId,
          path: url.pathname,
          error: String(err),
          stack: stackOf(err),
        })
        fail('INTERNAL_SERVER_ERROR', `Internal server error (request id ${requestId})`)
      }
    }
    return true
  }
  return { handle, routes: opts.routes, dialectOf, errorResponse }
}

/** A service error arrives wrapped in a GraphQLError whose originalError is the AppError. */
function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err
  const original = (err as GraphQLError | null | undefined)?.originalError
  if (original instanceof AppError) return original
  // Variable coercion errors are the caller's fault (checkVariables names them first; this is the fallback). Their
  // message names the GraphQL variable and echoes the value: the client gets the field and "is not valid" instead.
  const e = err as GraphQLError
  if (e instanceof Error && e.message.startsWith('Variable "$')) {
    const field = /^Variable "\$(\w+)"/.exec(e.message)?.[1] ?? 'body'
    return new AppError('INVALID_INPUT', `${field}: is not valid`, { field })
  }
  return null
}
