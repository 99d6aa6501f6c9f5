import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { print } from 'graphql'
import { Redis } from 'ioredis'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { subscribe, until, wsClient } from '../helpers/clients.js'
import { freePort } from '../helpers/services.js'
import { NOTIFICATIONS, envelope, registerUser } from './support.js'
import { createAppPubSub, type PubSubMetrics } from '../../src/pubsub/index.js'
import { decodeEnvelope, encodeEnvelope } from '../../src/pubsub/envelope.js'
import { Inbox, mergeByOrigin } from '../../src/pubsub/inbox.js'
import { OutageQueue } from '../../src/pubsub/outage-queue.js'
import { createLogger } from '../../src/log.js'
import { crashWatch } from '../fault/support.js'

const REDIS = process.env.TEST_REDIS_URL

/** The Redis channel of a topic and key: `${topic}:${key}`, behind our prefix. */
const channelOf = (app: TestApp['app'], topic: string, key: number) => `${app.config.redisPrefix}${topic}:${key}`

describe('pub/sub listener accounting', () => {
  let t: TestApp
  let user: { token: string; id: number }
  beforeAll(async () => {
    t = await startTestApp()
    user = await registerUser(t.url)
  })
  afterAll(() => (t as TestApp | undefined)?.close()) // unset if beforeAll failed

  it('1,000 subscribe/publish/dispose cycles through the pubsub leave no listener behind', async () => {
    const ps = t.app.services.pubsub
    const start = ps.listenerCount()
    const key = 900_000 + user.id
    for (let i = 0; i < 1000; i++) {
      const iter = ps.subscribe('core.notification', key)
      const next = iter.next() // the listener is registered when iteration starts
      expect(ps.listenerCount()).toBe(start + 1)
      await ps.ready() // Redis: SUBSCRIBE acknowledged before we publish
      ps.publish('core.notification', key, envelope('cycle', { i }))
      const r = await next
      expect(r.done).toBe(false)
      expect(r.value.data).toEqual({ i })
      await iter.return?.(undefined)
    }
    await until(() => ps.listenerCount() === start, 10_000, 'listener count back at its start value')
    if (REDIS) {
      const redis = new Redis(REDIS)
      try {
        // the last listener of a channel unsubscribes it in Redis too
        await until(
          async () => {
            const [, n] = (await redis.pubsub('NUMSUB', channelOf(t.app, 'core.notification', key))) as [
              string,
              unknown,
            ]
            return Number(n) === 0
          },
          10_000,
          'Redis channel unsubscribed',
        )
      } finally {
        redis.disconnect()
      }
    }
  })

  it('1,000 graphql-ws subscribe/unsubscribe cycles (10 rounds of 100 on one socket) leave no listener behind', async () => {
    const ps = t.app.services.pubsub
    const start = ps.listenerCount()
    const client = wsClient(t.url, user.token)
    try {
      for (let round = 0; round < 10; round++) {
        const subs = Array.from({ length: 100 }, () => subscribe(client, NOTIFICATIONS))
        await until(() => ps.listenerCount() === start + 100, 15_000, `100 server-side listeners (round ${round})`)
        await ps.ready()
        ps.publish('core.notification', user.id, envelope('round', { round }))
        const events = await Promise.all(subs.map((s) => s.next(10_000)))
        for (const e of events) expect(e.data?.notifications).toMatchObject({ type: 'round', data: { round } })
        for (const s of subs) s.unsubscribe()
        await until(() => ps.listenerCount() === start, 15_000, `listeners released (round ${round})`)
      }
    } finally {
      await client.dispose()
    }
    expect(ps.listenerCount()).toBe(start)
  })

  it('200 subscriptions completed by the client before the server finished setting them up leave nothing behind', async () => {
    const ps = t.app.services.pubsub
    const start = ps.listenerCount()
    const client = wsClient(t.url, user.token)
    try {
      for (let i = 0; i < 200; i++) subscribe(client, NOTIFICATIONS).unsubscribe()
      // a probe sent after them on the same socket is set up after them
      const probe = subscribe(client, NOTIFICATIONS)
      await until(() => ps.listenerCount() >= start + 1, 15_000, 'probe listener')
      await ps.ready()
      ps.publish('core.notification', user.id, envelope('probe', {}))
      expect((await probe.next(10_000)).data?.notifications.type).toBe('probe')
      probe.unsubscribe()
      await until(() => ps.listenerCount() === start, 10_000, 'no listener left by the early-completed subscriptions')
    } finally {
      await client.dispose()
    }
  })

  it('closing a socket with live subscriptions releases its listeners', async () => {
    const ps = t.app.services.pubsub
    const start = ps.listenerCount()
    const client = wsClient(t.url, user.token)
    const subs = Array.from({ length: 5 }, () => subscribe(client, NOTIFICATIONS))
    await until(() => ps.listenerCount() === start + 5, 10_000, '5 listeners')
    expect(subs).toHaveLength(5)
    await client.dispose() // closes the socket without completing the operations first
    await until(() => ps.listenerCount() === start, 10_000, 'listeners released after close')
  })

  it('a socket that vanishes without a close frame (or mid-subscribe) releases its listeners', async () => {
    const ps = t.app.services.pubsub
    const start = ps.listenerCount()
    const wsUrl = `${t.url.replace(/^http/, 'ws')}/graphql`
    const open = async () => {
      const sock = new WebSocket(wsUrl, 'graphql-transport-ws')
      await new Promise<void>((resolve, reject) => {
        sock.once('open', () => resolve())
        sock.once('error', reject)
      })
      const acked = new Promise<void>((resolve) =>
        sock.on('message', (m) => {
          if (JSON.parse((m as Buffer).toString()).type === 'connection_ack') resolve()
        }),
      )
      sock.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${user.token}` } }))
      await acked
      return sock
    }
    const sub = (sock: WebSocket, id: string) =>
      sock.send(JSON.stringify({ id, type: 'subscribe', payload: { query: print(NOTIFICATIONS) } }))

    // established subscriptions, then the TCP connection is destroyed
    const a = await open()
    for (let i = 0; i < 5; i++) sub(a, `a${i}`)
    await until(() => ps.listenerCount() === start + 5, 10_000, '5 listeners')
    a.terminate()
    await until(() => ps.listenerCount() === start, 10_000, 'listeners released after terminate')

    // subscriptions still being set up (context, auth) when the socket goes away
    const b = await open()
    for (let i = 0; i < 20; i++) sub(b, `b${i}`)
    b.terminate()
    // give the server time to finish every pending onSubscribe: a probe subscription on a new socket goes through
    // the same pipeline after them
    const client = wsClient(t.url, user.token)
    const probe = subscribe(client, NOTIFICATIONS)
    await until(() => ps.listenerCount() >= start + 1, 10_000, 'probe listener')
    probe.unsubscribe()
    await client.dispose()
    await until(() => ps.listenerCount() === start, 10_000, 'no listener left by the half-set-up subscriptions')
  })
})

describe('in-memory engine', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: '' }) // force the in-memory engine even when the suite runs with Redis
  })
  afterAll(() => (t as TestApp | undefined)?.close()) // unset if beforeAll failed

  it('delivers JSON-safe payloads: a Date becomes an ISO string, the subscriber gets a copy', async () => {
    expect(t.app.config.redisUrl).toBeUndefined()
    const ps = t.app.services.pubsub
    const iter = ps.subscribe('core.notification', 7)
    const next = iter.next()
    const sent = {
      type: 'dated',
      data: { at: new Date(0), nested: { list: [new Date(1000)] }, gone: undefined },
      time: new Date(2000).toISOString(),
    }
    ps.publish('core.notification', 7, sent)
    const { value } = await next
    await iter.return?.(undefined)
    expect(value).toEqual({
      type: 'dated',
      data: { at: '1970-01-01T00:00:00.000Z', nested: { list: ['1970-01-01T00:00:01.000Z'] } },
      time: '1970-01-01T00:00:02.000Z',
    })
    expect(typeof (value.data as { at: unknown }).at).toBe('string')
    expect('gone' in (value.data as object)).toBe(false)
    expect(value.data).not.toBe(sent.data)
  })

  it('many subscribers of one key (tabs, a busy channel) do not trip the listener-leak warning', async () => {
    const ps = t.app.services.pubsub
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`)
    process.on('warning', onWarning)
    const iters = Array.from({ length: 50 }, () => ps.subscribe('core.notification', 8))
    try {
      const nexts = iters.map((i) => i.next())
      ps.publish('core.notification', 8, envelope('fan-out', {}))
      for (const n of await Promise.all(nexts)) expect(n.value.type).toBe('fan-out')
      await new Promise((r) => setImmediate(r)) // process warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning)
      await Promise.all(iters.map(async (i) => i.return?.(undefined)))
    }
    expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([])
  })

  it('delivers only to the subscribed key, and the same JSON shape over graphql-ws', async () => {
    const ps = t.app.services.pubsub
    const alice = await registerUser(t.url)
    const bob = await registerUser(t.url)
    const client = wsClient(t.url, alice.token)
    try {
      const start = ps.listenerCount()
      const sub = subscribe(client, NOTIFICATIONS)
      await until(() => ps.listenerCount() === start + 1, 10_000, 'subscription established')
      ps.publish('core.notification', bob.id, envelope('for-bob', {}))
      ps.publish('core.notification', alice.id, {
        type: 'for-alice',
        data: { at: new Date(0) },
        time: new Date(0).toISOString(),
      })
      const e = await sub.next(10_000)
      expect(e.data?.notifications).toEqual({
        type: 'for-alice',
        data: { at: '1970-01-01T00:00:00.000Z' },
        time: '1970-01-01T00:00:00.000Z',
      })
      expect(await sub.nothingWithin(200)).toBe(true)
      sub.unsubscribe()
    } finally {
      await client.dispose()
    }
  })
})

describe.skipIf(!REDIS)('Redis engine across instances', () => {
  let a: TestApp
  let b: TestApp
  let redis: Redis
  beforeAll(async () => {
    // Instances behind one load balancer share SESSION_SECRET (tokens are checked with it) and the database; `share`
    // gives the same Redis prefix. The database URL is passed explicitly: the helper shares config.databaseUrl, which
    // is undefined for the embedded database.
    const SESSION_SECRET = randomBytes(32).toString('hex')
    a = await startTestApp({ SESSION_SECRET })
    b = await startTestApp({ SESSION_SECRET, DATABASE_URL: a.app.database.url }, { share: a })
    redis = new Redis(REDIS!)
  })
  afterAll(async () => {
    // each is unset if beforeAll failed before it
    ;(redis as Redis | undefined)?.disconnect()
    await (b as TestApp | undefined)?.close()
    await (a as TestApp | undefined)?.close()
  })

  const numsub = async (channel: string) => Number(((await redis.pubsub('NUMSUB', channel)) as [string, unknown])[1])

  it('an event published on instance A reaches a graphql-ws subscriber on instance B', async () => {
    expect(a.app.config.redisUrl).toBeTruthy()
    expect(b.app.config.redisPrefix).toBe(a.app.config.redisPrefix)
    const user = await registerUser(a.url)
    const client = wsClient(b.url, user.token)
    try {
      const sub = subscribe(client, NOTIFICATIONS)
      const channel = channelOf(b.app, 'core.notification', user.id)
      await until(
        async () => (await numsub(channel)) === 1,
        10_000,
        `Redis SUBSCRIBE ${channel} (or the subscription on B was refused)`,
      )
      a.app.services.pubsub.publish('core.notification', user.id, {
        type: 'cross',
        data: { at: new Date(0), n: 1 },
        time: new Date(0).toISOString(),
      })
      const e = await sub.next(10_000)
      expect(e.data?.notifications).toEqual({
        type: 'cross',
        data: { at: '1970-01-01T00:00:00.000Z', n: 1 },
        time: '1970-01-01T00:00:00.000Z',
      })
      sub.unsubscribe()
      await until(async () => (await numsub(channel)) === 0, 10_000, 'Redis UNSUBSCRIBE after the last listener')
    } finally {
      await client.dispose()
    }
  })

  it('an event arrives once however often Redis carries it; one without an id (an earlier version) is delivered as is; an instance ignores its own', async () => {
    const watchdog = crashWatch()
    watchdog.start()
    const ps = b.app.services.pubsub
    const key = 777_000 + Math.floor(Math.random() * 1000)
    const iter = ps.subscribe('core.notification', key)
    const got: string[] = []
    const reading = (async () => {
      for await (const e of iter) got.push(e.type)
    })()
    await until(() => ps.listenerCount() > 0, 5_000, 'listener')
    await ps.ready()
    const channel = channelOf(b.app, 'core.notification', key)
    const origin = `test${randomBytes(4).toString('hex')}`
    const wire = (seq: number, type: string) => encodeEnvelope(origin, seq, JSON.stringify(envelope(type, {})))
    // seq 1 twice (a re-send after a lost confirmation), then 2, then 1 again (late), then 3
    // (and something that is not JSON at all, from someone else publishing on our channel: dropped, nothing breaks)
    for (const m of [
      wire(1, 'one'),
      wire(1, 'one again'),
      wire(2, 'two'),
      wire(1, 'one late'),
      JSON.stringify(envelope('no id', {})),
      '{not json',
      wire(3, 'three'),
    ])
      await redis.publish(channel, m)
    // A's events carry A's origin: A publishes, B gets it once; A's own listener gets it once, not again from Redis
    const onA = a.app.services.pubsub.subscribe('core.notification', key)
    const fromA = onA.next()
    a.app.services.pubsub.publish('core.notification', key, envelope('from A', {}))
    expect((await fromA).value.type).toBe('from A')
    await until(() => got.length >= 5, 5_000, 'five deliveries on B')
    await new Promise((r) => setTimeout(r, 300))
    const aMore = await Promise.race([
      onA.next().then((r) => r.value?.type),
      new Promise((r) => setTimeout(() => r('nothing'), 300)),
    ])
    expect(aMore, 'A gets no copy of its own event from Redis').toBe('nothing')
    await onA.return?.(undefined)
    await iter.return?.(undefined)
    await reading
    expect(got).toEqual(['one', 'two', 'no id', 'three', 'from A'])
    watchdog.stop()
    expect(watchdog.crashes).toEqual([])
  })

  it('instances with different prefixes do not see each other’s events', async () => {
    const c = await startTestApp({ DATABASE_URL: a.app.database.url })
    try {
      expect(c.app.config.redisPrefix).not.toBe(a.app.config.redisPrefix)
      const ps = c.app.services.pubsub
      const iter = ps.subscribe('core.notification', 4242)
      const first = iter.next()
      await ps.ready()
      expect(await numsub(channelOf(c.app, 'core.notification', 4242))).toBe(1)
      expect(await numsub(channelOf(a.app, 'core.notification', 4242))).toBe(0)
      a.app.services.pubsub.publish('core.notification', 4242, envelope('other-prefix', {}))
      c.app.services.pubsub.publish('core.notification', 4242, envelope('own-prefix', {}))
      expect((await first).value.type).toBe('own-prefix')
      const more = await Promise.race([iter.next(), new Promise((r) => setTimeout(() => r('nothing'), 300))])
      expect(more).toBe('nothing')
      await iter.return?.(undefined)
    } finally {
      await c.close()
    }
  })
})

describe('event ids, duplicate filter and outage queue (src/pubsub/envelope.ts, inbox.ts, outage-queue.ts)', () => {
  it('puts the id first in the payload object and takes it out again; other payloads are wrapped; messages without an id are not taken for one', () => {
    for (const payload of [{ type: 'x', data: { n: 1, s: '"$ev":"a:1"' } }, {}, [1, 2], 'text', 42, null]) {
      const message = JSON.stringify(payload)
      const wire = encodeEnvelope('origin_A-1', 7, message)
      // an instance of an earlier version parses it as the payload plus one member
      if (payload && typeof payload === 'object' && !Array.isArray(payload))
        expect(JSON.parse(wire)).toEqual({ $ev: 'origin_A-1:7', ...payload })
      expect(decodeEnvelope(wire)).toEqual({ origin: 'origin_A-1', seq: 7, message })
    }
    // no payload (serialized as '') comes back as null
    expect(JSON.parse(decodeEnvelope(encodeEnvelope('o', 1, ''))!.message)).toBeNull()
    for (const raw of [
      '{"type":"x"}',
      '',
      '[]',
      '{"$ev":"nocolon"}',
      '{"$ev":"o:0"}',
      '{"$ev":"o:-1"}',
      '{"$ev":"o:1.5"}',
      '{"$ev":"o:1"x',
    ])
      expect(decodeEnvelope(raw)).toBeNull()
  })

  it('Inbox: per origin, a sequence number at or below the highest delivered is a copy; gaps are fine; memory is bounded by origins', () => {
    const inbox = new Inbox(3)
    expect([1, 2, 5, 5, 3, 6].map((n) => inbox.accept('a', n))).toEqual([true, true, true, false, false, true])
    expect(inbox.accept('b', 1)).toBe(true)
    expect(inbox.accept('b', 1)).toBe(false)
    for (let i = 0; i < 1000; i++) inbox.accept(`o${i}`, 1)
    expect(inbox.size).toBe(3)
  })

  it('OutageQueue: keeps the newest `limit` events in order, drops the oldest and says how many; unconfirmed events go back in front', () => {
    const q = new OutageQueue<number>(3)
    expect([1, 2, 3, 4, 5].map((n) => q.push(n))).toEqual([0, 0, 0, 1, 1])
    expect(q.length).toBe(3)
    expect(q.take(2)).toEqual([3, 4])
    // 3 and 4 were sent but never confirmed: back in front of 5, and 6 behind — one too many, the oldest goes
    expect(q.requeue([3, 4])).toBe(0)
    expect(q.push(6)).toBe(1)
    expect(q.take(10)).toEqual([4, 5, 6])
    expect(q.length).toBe(0)
    const none = new OutageQueue<number>(0)
    expect(none.push(1)).toBe(1)
    expect(none.length).toBe(0)
  })

  it('mergeByOrigin: events read back and events received live, per origin in sequence order', () => {
    const e = (origin: string | null, seq: number) => ({ origin, seq })
    const merged = mergeByOrigin([e('a', 3), e('b', 1), e('a', 1), e(null, 0), e('a', 2), e('b', 1)])
    expect(merged).toEqual([e('a', 1), e('b', 1), e('a', 2), e(null, 0), e('a', 3), e('b', 1)])
  })
})

describe('Redis unreachable', () => {
  it('publishing never throws, the local listener gets every event at once and in order, and the queue keeps only the newest PUBSUB_OUTAGE_QUEUE', async () => {
    const counts = { queued: 0, dropped: 0 }
    const metrics: PubSubMetrics = {
      queued: (n = 1) => void (counts.queued += n),
      dropped: (n) => void (counts.dropped += n),
      duplicate() {},
      caughtUp() {},
    }
    const lines: { level: string; msg: string }[] = []
    const log = createLogger('info', (line) => lines.push(JSON.parse(line)))
    // nothing listens on that port
    const ps = createAppPubSub({
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      prefix: 'unreachable:',
      allowed: new Set(['core.notification']),
      outageQueue: 3,
      metrics,
      log,
    })
    try {
      const iter = ps.subscribe('core.notification', 1)
      const got: number[] = []
      const reading = (async () => {
        for await (const e of iter) {
          got.push((e.data as { i: number }).i)
          if (got.length === 5) break
        }
      })()
      await new Promise((r) => setTimeout(r, 10)) // the listener is registered once iteration starts
      for (let i = 1; i <= 5; i++) expect(() => ps.publish('core.notification', 1, envelope('n', { i }))).not.toThrow()
      await reading
      expect(got).toEqual([1, 2, 3, 4, 5])
      expect(ps.waiting()).toBe(3)
      expect(counts).toEqual({ queued: 5, dropped: 2 })
      expect(lines.filter((l) => l.msg.startsWith('pubsub outage queue full'))).toHaveLength(1)
      await expect(ps.ready()).rejects.toThrow(/redis/i)
    } finally {
      await ps.close()
    }
    // the queue still held at shutdown is said to be lost for the other instances
    expect(lines.some((l) => l.level === 'warn' && l.msg.includes('still queued'))).toBe(true)
  })

  it('a payload JSON cannot carry is logged, not thrown into the writer', async () => {
    const lines: { level: string; msg: string }[] = []
    const ps = createAppPubSub({
      allowed: new Set(['core.notification']),
      log: createLogger('info', (line) => lines.push(JSON.parse(line))),
    })
    try {
      expect(() => ps.publish('core.notification', 1, { type: 'bad', data: { n: 1n }, time: '' })).not.toThrow()
      expect(lines.map((l) => `${l.level} ${l.msg}`)).toEqual(['error pub/sub publish failed'])
    } finally {
      await ps.close()
    }
  })
})
