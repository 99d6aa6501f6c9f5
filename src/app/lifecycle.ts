import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Database } from '../db/index.js'
import type { WsServer } from '../http/ws.js'
import type { SseSessions } from '../http/sse-sessions.js'
import type { LegacySockets } from '../sockets/server.js'
import type { ConfiguredPlugin } from '../plugin-system/contract.js'
import type { ApiRegistry } from '../plugin-system/apis.js'
import type { Services } from '../services.js'
import type { Ops } from '../ops/index.js'

/** Starts the plugins in dependency order (the core first); each may register the API others ask for. */
export async function startPlugins(
  configured: readonly ConfiguredPlugin[],
  services: Services,
  apis: ApiRegistry,
): Promise<void> {
  for (const p of configured) await p.start(services, apis)
}

/** Starts listening; resolves with the base URL (a wildcard host becomes the loopback address). */
export function listen(server: http.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: p } = server.address() as AddressInfo
      resolve(`http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${p}`)
    })
  })
}

export interface Closeable {
  server: http.Server
  ws: Pick<WsServer, 'close'>
  sockets: Pick<LegacySockets, 'close'> | null
  sse: Pick<SseSessions, 'close'>
  /** stops listening for plugin switches, lets a switch under way finish, stops the plugins in reverse start order */
  live: { close(): Promise<void> }
  services: Services
  database: Pick<Database, 'close'>
  /** the operator console's sampling and heartbeat (src/ops/) */
  ops?: Pick<Ops, 'stop'>
}

/**
 * The app's close, idempotent (every call gets the same promise): stop accepting, let in-flight requests finish
 * (forced after 5 s), then stop the plugins and release sockets, pools and the database — in that order.
 */
export function closer({ server, ws, sockets, sse, live, services, database, ops }: Closeable): () => Promise<void> {
  let closing: Promise<void> | undefined
  return () => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((r) => server.close(() => r()))
      server.closeIdleConnections()
      await ws.close()
      await sockets?.close()
      // SSE responses are HTTP requests in flight: their streams end here so the server can close
      await sse.close()
      const force = setTimeout(() => server.closeAllConnections(), 5_000)
      await httpClosed
      clearTimeout(force)
      await live.close()
      await ops?.stop()
      await services.pubsub.close()
      await services.limits.close()
      await database.close()
    })()
    return closing
  }
}
