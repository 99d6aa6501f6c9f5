// Fault: 10,000 graphql-ws subscribe/complete cycles on a few long-lived sockets must leave the server where it started:
// the same pub/sub listener count (and, with Redis, no channel still subscribed) and no retained heap growth.
// Not Redis-dependent: runs in both runs (embedded, and PostgreSQL + Redis).
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from 'graphql-ws'
import { Redis } from 'ioredis'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { subscribe, until, wsClient, type WsSubscription } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { EVENTS } from '../chat/support.js'
import { graphql } from '../generated/index.js'

const CYCLES = 10_000
/** subscriptions open at once per batch, spread over the sockets */
const BATCH = 250
const SOCKETS = 4

const NOTIFICATIONS = graphql(`subscription NotificationsSubscriptionChurn { notifications { type } }`)
const SMILES_CHANGED = graphql(`subscription SmilesChangedSubscriptionChurn { smilesChanged { __typename } }`)

/** A real, full collection: `global.gc` when node runs with --expose-gc, otherwise the same function fetched from V8. */
function collector(): () => void {
  const g = (globalThis as { gc?: () => void }).gc
  if (g) return g
  v8.setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

async function settledHeap(gc: () => void) {
  // a few rounds: finalizers and weak callbacks run between them, freeing more
  for (let i = 0; i < 4; i++) {
    gc()
    await new Promise((r) => setTimeout(r, 20))
  }
  return process.memoryUsage().heapUsed
}

const MiB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`

describe('10,000 graphql-ws subscribe/complete cycles', () => {
  let t: TestApp
  let alice: TestUser
  let clients: Client[] = []
  beforeAll(async () => {
    t = await startTestApp()
    alice = await registerUser(t)
    // two anonymous sockets, two signed in: both context paths, and chat's presence join/leave on every cycle
    clients = Array.from({ length: SOCKETS }, (_, i) => wsClient(t.url, i % 2 ? alice.token : undefined))
  })
  afterAll(async () => {
    await Promise.all(clients.map(async (c) => c.dispose()))
    // unset if beforeAll failed
    await (t as TestApp | undefined)?.close()
  })

  /**
   * What the i-th subscription of a batch subscribes to, and how many server-side listeners it holds. A quarter are
   * chat channel subscriptions (channel check, presence join/leave, the viewer's ignore list when signed in), the rest
   * the cheap public smile feed (anonymous sockets) and the viewer's notifications (signed-in sockets).
   */
  const operation = (i: number) => {
    const socket = i % SOCKETS
    const signedIn = socket % 2 === 1
    if (Math.floor(i / SOCKETS) % 4 === 0)
      return { socket, start: (c: Client) => subscribe(c, EVENTS, { c: 'main' }), listeners: signedIn ? 2 : 1 }
    return signedIn
      ? { socket, start: (c: Client) => subscribe(c, NOTIFICATIONS), listeners: 1 }
      : { socket, start: (c: Client) => subscribe(c, SMILES_CHANGED), listeners: 1 }
  }

  /** With Redis: the channels subscribed under this app's prefix (sorted); null on the in-memory engine. */
  const redisChannels = async () => {
    if (!t.app.config.redisUrl) return null
    const redis = new Redis(t.app.config.redisUrl)
    try {
      return ((await redis.pubsub('CHANNELS', `${t.app.config.redisPrefix}*`)) as string[]).sort()
    } finally {
      redis.disconnect()
    }
  }

  /** `n` cycles in batches: every subscription established on the server (listener count) before it is completed. */
  const churn = async (n: number) => {
    const ps = t.app.services.pubsub
    const base = ps.listenerCount()
    for (let done = 0; done < n;) {
      const size = Math.min(BATCH, n - done)
      const ops = Array.from({ length: size }, (_, i) => operation(i))
      const expected = ops.reduce((s, o) => s + o.listeners, 0)
      const subs: WsSubscription<unknown>[] = ops.map((o) => o.start(clients[o.socket]))
      await until(
        () => ps.listenerCount() === base + expected,
        20_000,
        `${expected} listeners of batch at ${done} (have ${ps.listenerCount() - base})`,
      )
      for (const s of subs) s.unsubscribe()
      await until(
        () => ps.listenerCount() === base,
        20_000,
        `listeners of batch at ${done} released (${ps.listenerCount() - base} left)`,
      )
      done += size
    }
  }

  it('leave listener counts, Redis subscriptions and the heap where they started', async () => {
    const ps = t.app.services.pubsub
    const gc = collector()
    const startedAt = Date.now()
    // warm-up: JIT-compiled code, caches of parsed documents and query plans, pools — grown once, not per cycle
    await churn(1_000)
    const listeners = ps.listenerCount()
    const channels0 = await redisChannels()
    const heap0 = await settledHeap(gc)
    const t0 = Date.now()
    await churn(CYCLES / 2)
    const heap1 = await settledHeap(gc)
    expect(ps.listenerCount()).toBe(listeners)
    await churn(CYCLES / 2)
    const churnMs = Date.now() - t0
    const heap2 = await settledHeap(gc)
    const sign = (n: number) => `${n >= 0 ? '+' : ''}${MiB(n)}`
    console.info(
      `[fault] ${CYCLES} subscribe/complete cycles over ${SOCKETS} sockets in ${churnMs} ms (${Date.now() - startedAt} ms with warm-up and GC); ` +
        `listeners ${listeners} → ${ps.listenerCount()}; heap after warm-up ${MiB(heap0)}, after ${CYCLES / 2} ${MiB(heap1)} (${sign(heap1 - heap0)}), ` +
        `after ${CYCLES} ${MiB(heap2)} (${sign(heap2 - heap1)}; ${Math.round((heap2 - heap0) / CYCLES)} B/cycle overall)`,
    )
    expect(ps.listenerCount()).toBe(listeners)
    // A subscription kept reachable (its Repeater, context, closures, the socket's operation entry) costs several KiB,
    // so a leak grows the heap by MiBs in each half, the second as much as the first. What is left after the warm-up
    // levels off (measured: ~400 B/cycle in the first half, ~100 and falling in the second).
    expect(heap2 - heap0, 'heap growth over all cycles').toBeLessThan(6 * 1024 * 1024)
    expect(heap2 - heap1, 'heap growth over the second half').toBeLessThan(2 * 1024 * 1024)

    // Redis: the channels subscribed now are those of the app's lasting listeners, as after the warm-up
    if (channels0)
      await until(
        async () => (await redisChannels())!.join() === channels0.join(),
        10_000,
        `Redis channels back to ${channels0.join()}`,
      )
  }, 120_000) // ~15–25 s on the shared 2-core machine; the margin is for a full parallel suite run
})
