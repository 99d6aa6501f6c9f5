import http from 'node:http'
import { randomUUID } from 'node:crypto'
import type { Services } from '../services.js'
import type { PluginHttpRoute } from '../plugin-system/contract.js'
import type { RestEngine } from '../rest/engine.js'
import type { AppYoga } from '../app/graphql.js'
import { AppError, type ErrorRegistry } from '../errors.js'
import { clientIp } from './client-ip.js'
import { sendJson } from './respond.js'
import { stackOf } from '../log.js'
import { graphqlFastPath } from './graphql-fast-path.js'
import { persistedOperationsOf } from './persisted-operations.js'
import { isLegacySocketRequest, type LegacySockets } from '../sockets/server.js'
import { CONSOLE_PREFIX, createConsoleRoute } from '../ops/console-route.js'
import { handleOpenApi } from '../rest/openapi/handler.js'

export interface RouterDeps {
  /** config, log, metrics and the per-IP rate limit come from here; plugin routes get it too */
  services: Services
  /** GET /readyz */
  readiness: (res: http.ServerResponse) => Promise<void>
  /**
   * what the plugins enabled now serve: their own paths (files …, answered before the API rate limit) and REST
   * routes; `active` counts the requests it answers, so that plugins switched off stop once those are done
   */
  serving: () => { httpRoutes: readonly PluginHttpRoute[]; extra: RestEngine; errors: ErrorRegistry; active: number }
  yoga: AppYoga
  /** engine.io's long-polling requests (EIO= in the query) */
  sockets: LegacySockets
}

/**
 * Every HTTP request, in this order: probes (/healthz, /readyz), /metrics, the operator console's files (/ops), plugin
 * files, then the per-IP rate limit, the REST dialects and Yoga (/graphql). A refused rate limit is a 429 in the asker's
 * form; anything unexpected a 500 with the request id that finds the logged stack.
 */
export function createRouter({ services, readiness, serving, yoga, sockets }: RouterDeps): http.RequestListener {
  const { config, log, metrics, limits } = services
  const graphql = graphqlFastPath(yoga, log, config.bodyLimitBytes, persistedOperationsOf(config))
  const opsConsole = createConsoleRoute()
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const requestId = (req.headers['x-request-id'] as string) || randomUUID()
    res.setHeader('x-request-id', requestId)
    // counted when it ends, whatever answered it (an SSE stream when it closes)
    res.once('close', () => metrics.httpResponse(res.headersSent ? res.statusCode : null))
    const path = (req.url ?? '/').split('?')[0]
    const gen = serving()
    const rest = gen.extra
    // an event stream lives as long as its client wants: switching plugins off does not wait for it
    const counted = !req.headers.accept?.includes('text/event-stream')
    if (counted) gen.active++
    try {
      if (path === '/healthz') {
        sendJson(res, 200, { status: 'ok' })
        return
      }
      if (path === '/readyz') {
        await readiness(res)
        return
      }
      // before the API rate limit, like the probes: a scraper is one known client (access rule in src/http/metrics.ts)
      if (path === '/metrics') {
        await metrics.handle(req, res)
        return
      }
      // the operator console's static page and modules: public files (the data needs the operator scope), cheap
      if (path === CONSOLE_PREFIX || path.startsWith(`${CONSOLE_PREFIX}/`)) {
        opsConsole(req, res, path)
        return
      }
      // A legacy socket's polling requests are its transport: the socket charges its connection and each event instead.
      if (isLegacySocketRequest(req)) {
        sockets.handleRequest(req, res)
        return
      }
      // Plugin files (uploaded images …) before the API rate limit: a client loads dozens at once, each is cheap.
      const httpRoute = gen.httpRoutes.find((h) => path.startsWith(h.prefix))
      if (httpRoute) {
        await httpRoute.handle(req, res, services)
        return
      }
      if (limits.perIp) await limits.perIp.consume(clientIp(req, config.trustProxy))
      // the REST dialects' OpenAPI documents and docs page, generated from the route table in force
      if (await handleOpenApi(req, res, () => rest.routes, yoga, gen.errors)) return
      const started = performance.now()
      if (path !== yoga.graphqlEndpoint && (await rest.handle(req, res, requestId))) {
        log.info('rest request', {
          requestId,
          path,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        })
        return
      }
      if (path === yoga.graphqlEndpoint) await graphql(req, res, requestId)
      else await yoga.handle(req, res, { req, requestId })
    } catch (err) {
      if (err instanceof AppError && err.code === 'RATE_LIMIT_EXCEEDED') {
        tooMany(res, rest, path, err)
        return
      }
      log.error('unexpected error in HTTP handler', { requestId, error: String(err), stack: stackOf(err) })
      if (!res.headersSent) sendJson(res, 500, { message: `Internal server error (request id ${requestId})` })
      else res.destroy()
    } finally {
      if (counted) gen.active--
    }
  }
  // every failure inside is answered (or the socket destroyed) by the handler itself
  return (req, res) => void handle(req, res)
}

/** 429 with Retry-After in the error form of whoever asked: a REST dialect or GraphQL. */
function tooMany(res: http.ServerResponse, rest: RestEngine, path: string, err: AppError) {
  const retry = String(err.retryAfter ?? 60)
  const dialect = rest.dialectOf(path)
  if (dialect) {
    const { body } = rest.errorResponse(dialect, 'RATE_LIMIT_EXCEEDED', err.message)
    sendJson(res, 429, body, { 'retry-after': retry })
    return
  }
  sendJson(
    res,
    429,
    { errors: [{ message: err.message, extensions: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: Number(retry) } }] },
    { 'retry-after': retry },
  )
}
