// Shared by the fault tests: a watch on process-level failures, and the readiness probe as an orchestrator calls it.

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Collects unhandled rejections and uncaught exceptions while a fault is injected (the app runs in this process, so
 * they would crash a real server). Vitest reports them too; this lets the test name them and fail on them itself.
 */
export function crashWatch() {
  const crashes: string[] = []
  const onRejection = (e: unknown) => crashes.push(`unhandledRejection: ${(e as Error)?.stack ?? String(e)}`)
  const onException = (e: unknown) => crashes.push(`uncaughtException: ${(e as Error)?.stack ?? String(e)}`)
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
