// Shared by the fault tests: a watch on process-level failures, the readiness probe as an orchestrator calls it, and a
// TCP gate that decides when an app reaches a server.
import net from 'node:net'

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Collects unhandled rejections and uncaught exceptions while a fault is injected (the app runs in this process, so
 * they would crash a real server). Vitest reports them too; this lets the test name them and fail on them itself.
 */
/**
 * What ioredis prints when one of its clients emits 'error' with no listener ("[ioredis] Unhandled error event"):
 * every client of the app must have a listener, so a test collects these lines and expects none.
 */
export function ioredisUnhandledWatch() {
  const lines: string[] = []
  const original = console.error
  return {
    lines,
    start() {
      console.error = (...args: unknown[]) => {
        if (String(args[0]).includes('[ioredis]')) lines.push(args.map(String).join(' '))
        else original(...args)
      }
    },
    stop() {
      console.error = original
    },
  }
}

export function crashWatch() {
  const crashes: string[] = []
  const onRejection = (e: unknown) =>
    crashes.push(`unhandledRejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  const onException = (e: unknown) =>
    crashes.push(`uncaughtException: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  return {
    crashes,
    start() {
      process.on('unhandledRejection', onRejection)
      process.on('uncaughtException', onException)
    },
    stop() {
      process.off('unhandledRejection', onRejection)
      process.off('uncaughtException', onException)
    },
  }
}

export interface Readiness {
  status: number
  body: { status: string; checks: Record<string, string> }
}

export async function readyz(base: string): Promise<Readiness> {
  const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) })
  return { status: res.status, body: (await res.json()) as Readiness['body'] }
}

/** Polls /readyz every `everyMs` until stopped: the sequence of distinct statuses seen, with when they were first seen. */
export function readinessTrace(base: string, everyMs = 50) {
  const seen: { status: number; at: number; checks: Record<string, string> }[] = []
  let stopped = false
  const done = (async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `stop()` below sets it
    while (!stopped) {
      try {
        const r = await readyz(base)
        if (seen.at(-1)?.status !== r.status) seen.push({ status: r.status, at: Date.now(), checks: r.body.checks })
      } catch (e) {
        seen.push({ status: 0, at: Date.now(), checks: { error: String(e) } })
      }
      await sleep(everyMs)
    }
  })()
  return {
    seen,
    async stop() {
      stopped = true
      await done
      return seen
    },
  }
}

/**
 * A TCP forwarder between the app and a server this test runs (Redis), so a test decides when one instance can reach
 * it: `refuse()` cuts every connection and turns new ones away, `open()` lets them through again, `cut()` resets the
 * live connections once (clients reconnect at once), and `swallowReplies()` passes requests on but drops what comes
 * back — a command reaches the server, its answer never reaches the client.
 */
export async function tcpGate(upstreamPort: number) {
  const pairs = new Set<[net.Socket, net.Socket]>()
  let refusing = false
  let swallowing = false
  const server = net.createServer((client) => {
    if (refusing) return client.destroy()
    const upstream = net.connect({ host: '127.0.0.1', port: upstreamPort })
    const pair: [net.Socket, net.Socket] = [client, upstream]
    pairs.add(pair)
    const end = () => {
      pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.on('data', (d) => upstream.write(d))
    upstream.on('data', (d) => {
      if (!swallowing) client.write(d)
    })
    for (const s of pair) {
      s.on('error', end)
      s.on('close', end)
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as net.AddressInfo).port
  const cutAll = () => {
    for (const [c, u] of pairs) {
      c.resetAndDestroy()
      u.destroy()
    }
    pairs.clear()
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    refuse() {
      refusing = true
      cutAll()
    },
    open() {
      refusing = false
    },
    cut() {
      swallowing = false
      cutAll()
    },
    swallowReplies() {
      swallowing = true
    },
    close: () =>
      new Promise<void>((r) => {
        cutAll()
        server.close(() => r())
      }),
  }
}
