// Fault: Redis dies under two instances of one deployment (A and B: one database, one Redis) and comes back after
// 10 s. Writes made during the outage are committed and reach the writing instance's subscribers at once; the other
// instance's subscribers get every one of them once Redis is back — exactly once, in order — and nobody gets a copy.
// One event is caught in flight (Redis frozen with SIGSTOP while it is sent, then killed); another reaches Redis but
// its confirmation is lost (sent again, the copy dropped by its id). A steady light load runs through the outage and
// its figures are printed.
// Each instance reaches Redis through its own TCP gate (test/fault/support.ts), so the test decides who comes back
// first: B only after A has sent its queue, so B has to read A's events back from the catch-up journal.
// The test runs its OWN redis-server (a child process on a free loopback port), never the shared one, so it may kill it.
// Runs wherever a redis-server binary is on PATH (both CI runs); skipped with the reason otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { gql, until } from '../helpers/clients.js'
import { redisUnavailable, startRedis, type ThrowawayRedis } from '../helpers/services.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { live, send, sendRaw, type Live } from '../chat/support.js'
import { createLogger } from '../../src/log.js'
import { crashWatch, ioredisUnhandledWatch, readyz, sleep, tcpGate } from './support.js'
import { graphql } from '../generated/index.js'

// Two app instances on one embedded PGlite share its single connection and interleave their statements (PGlite
// answers `portal "" does not exist`): two instances on one database are a PostgreSQL deployment, tested there.
const SKIP =
  redisUnavailable() ??
  (process.env.TEST_DATABASE_URL ? null : 'needs PostgreSQL: two instances cannot share the embedded database')
/** How long Redis stays away (from the freeze to the restart). */
const OUTAGE_MS = 10_000
const LOGIN = graphql(`mutation LoginRedisCatchUp($i: LoginInput!) { login(input: $i) { token } }`)
const HISTORY = graphql(
  `query ChatHistoryRedisCatchUp($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId } }`,
)
const REACT = graphql(
  `mutation AddChatReactionRedisCatchUp($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { emoji count } }`,
)
const PRESENCE = graphql(`query ChatChannelRedisCatchUp($id: String!) { chatChannel(id: $id) { presence { amount } } }`)

interface Logged {
  level: string
  msg: string
  [k: string]: unknown
}

/** Every event a chatEvents subscription receives, with when it arrived, until stopped. */
interface Recorder {
  events: { at: number; key: string; ev: any }[]
  /** the arrival of an event of this key, waiting up to `ms` */
  arrival(key: string, ms?: number): Promise<number>
  keys(filter?: (k: string) => boolean): string[]
  stop(): Promise<void>
}

/** What a test compares: ChatMessageAdded as `added:<id>`, ChatReactionsChanged as `reactions:<id>:<emoji>` (presence etc. left out). */
function keyOf(ev: any): string | null {
  if (ev.__typename === 'ChatMessageAdded') return `added:${ev.message.databaseId}`
  if (ev.__typename === 'ChatReactionsChanged') return `reactions:${ev.messageId}:${ev.emoji}`
  return null
}

async function record(t: TestApp, token: string, channel: string): Promise<Recorder> {
  const l: Live = await live(t, token, channel)
  const events: Recorder['events'] = []
  let stopped = false as boolean
  let failure: Error | undefined
  const loop = (async () => {
    while (!stopped) {
      const ev = await l.sub.next(1_000).catch(() => null)
      if (!ev) continue
      if (ev.error || ev.complete || ev.errors || !ev.data) {
        failure = new Error(`subscription on ${channel} ended: ${JSON.stringify(ev)}`)
        return
      }
      const key = keyOf(ev.data.chatEvents)
      if (key) events.push({ at: Date.now(), key, ev: ev.data.chatEvents })
    }
  })()
  return {
    events,
    async arrival(key, ms = 15_000) {
      const end = Date.now() + ms
      for (;;) {
        if (failure) throw failure
        const hit = events.find((e) => e.key === key)
        if (hit) return hit.at
        if (Date.now() > end)
          throw new Error(`${key} did not arrive on ${channel} (got: ${events.map((e) => e.key).join(', ')})`)
        await sleep(5)
      }
    },
    keys: (filter = () => true) => events.map((e) => e.key).filter(filter),
    async stop() {
      stopped = true
      await loop
      await l.close()
      if (failure) throw failure
    },
  }
}

/** One Prometheus sample from GET /metrics, e.g. `redis_up` or `redis_fallback_total{component="pubsub"}` (this test is a loopback client: no token needed). */
async function metric(t: TestApp, series: string): Promise<number> {
  const res = await fetch(`${t.url}/metrics`)
  expect(res.status).toBe(200)
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${series} `))
  if (!line) throw new Error(`metric ${series} missing`)
  return Number(line.slice(series.length + 1))
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

describe.skipIf(!!SKIP)(`two instances catch up after Redis comes back${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  let redis: ThrowawayRedis
  let gateA: Awaited<ReturnType<typeof tcpGate>>, gateB: Awaited<ReturnType<typeof tcpGate>>
  let a: TestApp, b: TestApp
  let alice: TestUser, bob: TestUser, carol: TestUser, streamer: TestUser
  let loaders: TestUser[]
  const watchdog = crashWatch()
  const logged: Record<'a' | 'b', Logged[]> = { a: [], b: [] }
  const ioredis = ioredisUnhandledWatch()

  beforeAll(async () => {
    watchdog.start()
    ioredis.start()
    redis = await startRedis()
    ;[gateA, gateB] = await Promise.all([tcpGate(redis.port), tcpGate(redis.port)])
    a = await startTestApp(
      { REDIS_URL: gateA.url, REDIS_TIMEOUT_MS: '100' },
      { log: createLogger('info', (line) => logged.a.push(JSON.parse(line))) },
    )
    b = await startTestApp(
      { REDIS_URL: gateB.url, REDIS_TIMEOUT_MS: '100' },
      { share: a, log: createLogger('info', (line) => logged.b.push(JSON.parse(line))) },
    )
    ;[alice, bob, carol, streamer, ...loaders] = await Promise.all(
      Array.from({ length: 8 }, (_, i) => registerUser(i % 2 ? b : a)),
    )
  })
  afterAll(async () => {
    try {
      // each is unset if beforeAll failed before it
      await (b as TestApp | undefined)?.close()
      await (a as TestApp | undefined)?.close()
    } finally {
      await (gateA as typeof gateA | undefined)?.close()
      await (gateB as typeof gateB | undefined)?.close()
      await (redis as ThrowawayRedis | undefined)?.destroy()
      watchdog.stop()
      ioredis.stop()
    }
  })

  it('an event Redis took but never confirmed is sent again after the reconnection, and B drops the copy by its id', async () => {
    const onA = await record(a, bob.token, 'main')
    const onB = await record(b, carol.token, 'main')
    let failed = true
    try {
      const copies = await metric(b, 'pubsub_duplicates_dropped_total')
      // A's requests reach Redis, Redis's answers never reach A
      gateA.swallowReplies()
      const m = await send(a, alice.token, { channel: 'main', text: 'confirmation lost' })
      const key = `added:${m.databaseId}`
      await onA.arrival(key, 5_000)
      // Redis took it: B has it, live
      await onB.arrival(key, 5_000)
      expect(a.app.services.pubsub.waiting(), 'unconfirmed on A').toBeGreaterThanOrEqual(1)
      // the connection drops: A sends it again once reconnected, B recognises the copy
      gateA.cut()
      await until(() => a.app.services.pubsub.waiting() === 0, 10_000, 'A sending it again')
      await expect.poll(() => metric(b, 'pubsub_duplicates_dropped_total'), { timeout: 10_000 }).toBeGreaterThan(copies)
      const next = await send(a, alice.token, { channel: 'main', text: 'and the next one' })
      const nextKey = `added:${next.databaseId}`
      await onB.arrival(nextKey)
      await sleep(300)
      expect(onB.keys((k) => k === key || k === nextKey)).toEqual([key, nextKey])
      expect(onA.keys((k) => k === key || k === nextKey)).toEqual([key, nextKey])
      failed = false
    } finally {
      for (const r of [onA, onB])
        await r.stop().catch((e: unknown) => {
          if (!failed) throw e
        })
    }
  }, 30_000)

  it('writes during a 10 s outage are committed, reach A at once and B once Redis is back, exactly once and in order', async () => {
    expect(b.app.config.redisPrefix).toBe(a.app.config.redisPrefix)
    const loadChannel = `stream/${streamer.id}`
    const onA = await record(a, bob.token, 'main')
    const onB = await record(b, carol.token, 'main')
    const loadOnA = await record(a, bob.token, loadChannel)
    const loadOnB = await record(b, carol.token, loadChannel)
    const recorders = [onA, onB, loadOnA, loadOnB]
    // what each instance logs and counts from here on
    const logStart = { a: logged.a.length, b: logged.b.length }
    const both = async (series: string) => (await metric(a, series)) + (await metric(b, series))
    const metricsAtStart = {
      caughtUp: await metric(b, 'pubsub_caught_up_total'),
      copies: await both('pubsub_duplicates_dropped_total'),
      fallbacks: Object.fromEntries(
        await Promise.all(
          ['rate_limit', 'presence', 'pubsub'].map(
            async (c) => [c, await both(`redis_fallback_total{component="${c}"}`)] as const,
          ),
        ),
      ) as Record<string, number>,
    }
    let failed = true
    try {
      // both instances hear each other before the outage
      const before = await send(a, alice.token, { channel: 'main', text: 'before the outage' })
      await onB.arrival(`added:${before.databaseId}`)
      const fromB = await send(b, carol.token, { channel: 'main', text: 'before, from B' })
      await onA.arrival(`added:${fromB.databaseId}`)

      // --- Redis freezes (SIGSTOP): a message sent now is written to A's Redis connection and never confirmed ---
      const downAt = Date.now()
      process.kill(redis.pid!, 'SIGSTOP')
      const inFlight = await send(a, alice.token, { channel: 'main', text: 'in flight when Redis died' })
      await onA.arrival(`added:${inFlight.databaseId}`, 5_000)
      expect(a.app.services.pubsub.waiting(), 'the in-flight event waits for its confirmation').toBeGreaterThanOrEqual(
        1,
      )
      // --- and dies (SIGKILL; the frozen process goes at once, its connections are reset) ---
      await redis.kill('SIGKILL')

      // A steady light load through the outage, on both instances: reads, logins, chat sends on another channel.
      const load: { kind: string; ms: number; ok: boolean; detail?: string }[] = []
      const sentOn: Record<'a' | 'b', number[]> = { a: [], b: [] }
      let loading = true
      const worker = async (w: number) => {
        for (let i = 0; loading; i++) {
          const on = (i + w) % 2 ? b : a
          const which: 'a' | 'b' = on === a ? 'a' : 'b'
          const user = loaders[(i + 2 * w) % loaders.length]
          const kind = ['history', 'login', 'send', 'presence', 'send'][i % 5]
          const t0 = Date.now()
          let ok = false
          let detail: string | undefined
          try {
            if (kind === 'history') {
              const r = await gql(on.url, HISTORY, { c: 'main' }, user.token)
              ok = !r.errors && Array.isArray(r.data?.chatHistory)
              detail = JSON.stringify(r.errors)
            } else if (kind === 'presence') {
              const r = await gql(on.url, PRESENCE, { id: loadChannel }, user.token)
              ok = !r.errors && (r.data?.chatChannel.presence.amount ?? 0) >= 1
              detail = JSON.stringify(r.errors ?? r.data)
            } else if (kind === 'login') {
              const r = await gql(on.url, LOGIN, { i: { login: user.name, password: user.password } })
              ok = !r.errors && typeof r.data?.login.token === 'string'
              detail = JSON.stringify(r.errors)
            } else {
              const r = await sendRaw(on, user.token, { channel: loadChannel, text: `load ${which} ${w}.${i}` })
              const message = r.data?.sendChatMessage.message
              ok = !r.errors && r.data?.sendChatMessage.isSent === true && !!message
              detail = JSON.stringify(r.errors ?? r.data)
              if (ok && message) sentOn[which].push(message.databaseId)
            }
          } catch (e) {
            detail = String(e)
          }
          load.push({
            kind: `${kind} on ${which.toUpperCase()}`,
            ms: Date.now() - t0,
            ok,
            detail: ok ? undefined : detail,
          })
          await sleep(100)
        }
      }
      const workers = [worker(0), worker(1)]

      // On A: three messages and a reaction. Each is committed, and A's subscriber has it at once.
      const during: number[] = []
      for (const text of ['during 1', 'during 2', 'during 3']) {
        const m = await send(a, alice.token, { channel: 'main', text })
        during.push(m.databaseId)
        await onA.arrival(`added:${m.databaseId}`, 5_000)
      }
      const reacted = await gql(a.url, REACT, { id: during[1], e: '🔥' }, alice.token)
      expect(reacted.errors, JSON.stringify(reacted.errors)).toBeUndefined()
      await onA.arrival(`reactions:${during[1]}:🔥`, 5_000)
      const stored = await a.app.services.prisma.chatMessage.findMany({
        where: { id: { in: [inFlight.databaseId, ...during] } },
        select: { id: true, text: true },
        orderBy: { id: 'asc' },
      })
      expect(stored.map((m) => m.text)).toEqual(['in flight when Redis died', 'during 1', 'during 2', 'during 3'])
      expect(await a.app.services.prisma.chatReaction.count({ where: { messageId: during[1], emoji: '🔥' } })).toBe(1)

      const missed = [`added:${inFlight.databaseId}`, ...during.map((id) => `added:${id}`), `reactions:${during[1]}:🔥`]
      const degraded = await readyz(a.url)
      expect(degraded.status).toBe(200)
      expect(degraded.body.checks.pubsub).toMatch(/^degraded: .*events queued for other instances/)
      expect(await metric(a, 'redis_up')).toBe(0)
      expect(await metric(a, 'pubsub_outage_queue')).toBeGreaterThanOrEqual(missed.length)

      while (Date.now() - downAt < OUTAGE_MS) await sleep(50)
      // B has heard nothing of them (its own load messages it has, at once)
      expect(onB.keys((k) => missed.includes(k))).toEqual([])

      // --- Redis back on the same port (empty: no persistence); B kept away until A has sent its queue ---
      loading = false
      await Promise.all(workers)
      gateB.refuse()
      await redis.start()
      const upAt = Date.now()
      const outageMs = upAt - downAt
      await until(
        () =>
          a.app.services.pubsub.waiting() === 0 &&
          logged.a.slice(logStart.a).some((l) => l.msg === 'pubsub outage queue sent'),
        15_000,
        'A sending its outage queue',
      )
      const aSentMs = Date.now() - upAt
      // nobody was listening on B: the PUBLISHes are gone, the journal has them
      await sleep(200)
      expect(onB.keys((k) => missed.includes(k))).toEqual([])
      const bOpenAt = Date.now()
      gateB.open()

      // B gets every missed event, once, in the order A made them
      let lastAt = 0
      for (const k of missed) lastAt = Math.max(lastAt, await onB.arrival(k, 20_000))
      const catchUpMs = lastAt - upAt
      const catchUpAfterBackMs = lastAt - bOpenAt
      // the load sent on each instance reaches the other one too
      for (const id of sentOn.a) lastAt = Math.max(lastAt, await loadOnB.arrival(`added:${id}`, 20_000))
      for (const id of sentOn.b) lastAt = Math.max(lastAt, await loadOnA.arrival(`added:${id}`, 20_000))
      const loadCatchUpMs = lastAt - upAt

      // after the outage: a new message comes after the caught-up ones, on both
      const afterAt = Date.now()
      const after = await sendRaw(a, alice.token, { channel: 'main', text: 'after the outage' })
      expect(after.errors, JSON.stringify(after.errors)).toBeUndefined()
      const afterKey = `added:${after.data!.sendChatMessage.message!.databaseId}`
      await onB.arrival(afterKey, 10_000)
      await onA.arrival(afterKey, 10_000)
      const afterMs = Date.now() - afterAt
      // time for any late copy to show up
      await sleep(1_000)

      const outageKeys = [...missed, afterKey]
      expect(
        onB.keys((k) => outageKeys.includes(k)),
        'B: every missed event once, in order, then the new one',
      ).toEqual(outageKeys)
      expect(
        onA.keys((k) => outageKeys.includes(k)),
        'A: no copy from Redis',
      ).toEqual(outageKeys)
      // every load message exactly once on both instances, each instance's in the order it was sent
      for (const [rec, name] of [
        [loadOnA, 'A'],
        [loadOnB, 'B'],
      ] as const) {
        const got = rec.keys()
        expect(new Set(got).size, `${name}: no load message twice`).toBe(got.length)
        for (const from of ['a', 'b'] as const) {
          const sent = sentOn[from].map((id) => `added:${id}`)
          expect(
            got.filter((k) => sent.includes(k)),
            `${name}: the load sent on ${from.toUpperCase()}, in order`,
          ).toEqual(sent)
        }
      }

      // every request of the load during the outage was served
      const failures = load.filter((r) => !r.ok)
      expect(failures, JSON.stringify(failures.slice(0, 5))).toEqual([])
      // two workers, one request at a time each: ~15 a second on a quiet machine, fewer on a loaded CI runner
      expect(load.length).toBeGreaterThanOrEqual(20)
      const p99 = percentile(
        load.map((r) => r.ms),
        99,
      )
      const p50 = percentile(
        load.map((r) => r.ms),
        50,
      )
      // nothing waits for Redis (REDIS_TIMEOUT_MS is 100 ms here); a request hanging on the bus would show up as seconds
      expect(p99, 'p99 of the load during the outage').toBeLessThan(2_500)

      // metrics: A queued (and sent) them, dropped none; Redis up again on both, nothing left waiting
      expect(await metric(a, 'pubsub_outage_queued_total')).toBeGreaterThanOrEqual(missed.length + sentOn.a.length)
      expect(await metric(a, 'pubsub_outage_dropped_total')).toBe(0)
      for (const t of [a, b]) {
        await expect.poll(() => metric(t, 'redis_up'), { timeout: 10_000 }).toBe(1)
        await expect.poll(() => metric(t, 'pubsub_outage_queue'), { timeout: 10_000 }).toBe(0)
      }
      // B read A's events back from the journal (B came back after A had sent them)
      const viaJournal = (await metric(b, 'pubsub_caught_up_total')) - metricsAtStart.caughtUp
      expect(viaJournal).toBeGreaterThanOrEqual(missed.length + sentOn.a.length)
      const copiesDropped =
        (await metric(a, 'pubsub_duplicates_dropped_total')) +
        (await metric(b, 'pubsub_duplicates_dropped_total')) -
        metricsAtStart.copies
      // every fallback decision was counted, per component
      for (const component of ['rate_limit', 'presence', 'pubsub']) {
        const total =
          (await metric(a, `redis_fallback_total{component="${component}"}`)) +
          (await metric(b, `redis_fallback_total{component="${component}"}`))
        expect(total, `fallbacks counted for ${component}`).toBeGreaterThan(metricsAtStart.fallbacks[component])
      }

      // the logs: per instance one warning for the outage, no error; A reports the queue it sent
      for (const name of ['a', 'b'] as const) {
        const bad = logged[name]
          .slice(logStart[name])
          .filter((l) => l.level === 'warn' || l.level === 'error')
          .map((l) => l.msg)
        expect(bad, `${name}'s warnings and errors`).toEqual([expect.stringMatching(/^redis unreachable/)])
      }
      const flushed = logged.a.slice(logStart.a).find((l) => l.msg === 'pubsub outage queue sent')
      expect(flushed, 'A logs the outage queue it sent').toBeDefined()
      expect(flushed!.events).toBeGreaterThanOrEqual(missed.length)
      expect(flushed!.dropped).toBe(0)
      expect(ioredis.lines).toEqual([])

      const kinds = new Map<string, number>()
      for (const r of load) kinds.set(r.kind.split(' ')[0], (kinds.get(r.kind.split(' ')[0]) ?? 0) + 1)
      const byKind = [...kinds].map(([k, n]) => `${k} ${n}`).join(', ')
      console.info(
        `[fault] redis outage ${outageMs} ms under two instances: ${load.length} requests served during it (${byKind}), none failed, ` +
          `latency p50 ${p50} ms, p99 ${p99} ms, max ${Math.max(...load.map((r) => r.ms))} ms; ` +
          `A sent its queue ${aSentMs} ms after Redis answered again; B, let back in then, had the ${missed.length} missed events on main ${catchUpAfterBackMs} ms later ` +
          `(${catchUpMs} ms after Redis answered), all load messages on both sides ${loadCatchUpMs} ms after Redis answered ` +
          `(${viaJournal} of B's from the catch-up journal, ${copiesDropped} copies dropped by id); a new message after the outage reached both in ${afterMs} ms`,
      )
      failed = false
    } finally {
      if (failed && redis.pid === undefined) await redis.start().catch(() => {})
      for (const r of recorders)
        await r.stop().catch((e: unknown) => {
          if (!failed) throw e
        })
    }
    await sleep(200)
    expect(watchdog.crashes).toEqual([])
  }, 60_000)
})
