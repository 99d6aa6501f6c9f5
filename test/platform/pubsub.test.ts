import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Redis } from 'ioredis'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { subscribe, until, wsClient } from '../helpers/clients.js'
import { NOTIFICATIONS, envelope, registerUser } from './support.js'

const REDIS = process.env.TEST_REDIS_URL

/** The channel @graphql-yoga/redis-event-target subscribes to: createPubSub's `${topic}:${key}`, behind our prefix. */
const channelOf = (app: TestApp['app'], topic: string, key: number) => `${app.config.redisPrefix}${topic}:${key}`

describe('pub/sub listener accounting', () => {
  let t: TestApp
  let user: { token: string; id: number }
  beforeAll(async () => {
    t = await startTestApp()
    user = await registerUser(t.url)
  })
  afterAll(() => t?.close())

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
        await until(async () => {
          const [, n] = (await redis.pubsub('NUMSUB', channelOf(t.app, 'core.notification', key))) as [string, number]
          return Number(n) === 0
        }, 10_000, 'Redis channel unsubscribed')
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
        for (const e of events) expect(e.data.notifications).toMatchObject({ type: 'round', data: { round } })
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
      expect((await probe.next(10_000)).data.notifications.type).toBe('probe')
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
    void subs
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
          if (JSON.parse(String(m)).type === 'connection_ack') resolve()
        }),
      )
      sock.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${user.token}` } }))
      await acked
      return sock
    }
    const sub = (sock: WebSocket, id: string) => sock.send(JSON.stringify({ id, type: 'subscribe', payload: { query: NOTIFICATIONS } }))

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
  afterAll(() => t?.close())

  it('delivers JSON-safe payloads: a Date becomes an ISO string, the subscriber gets a copy', async () => {
    expect(t.app.config.redisUrl).toBeUndefined()
    const ps = t.app.services.pubsub
    const iter = ps.subscribe('core.notification', 7)
    const next = iter.next()
    const sent = { type: 'dated', data: { at: new Date(0), nested: { list: [new Date(1000)] }, gone: undefined }, time: new Date(2000).toISOString() }
    ps.publish('core.notification', 7, sent)
    const { value } = await next
    await iter.return?.(undefined)
    expect(value).toEqual({ type: 'dated', data: { at: '1970-01-01T00:00:00.000Z', nested: { list: ['1970-01-01T00:00:01.000Z'] } }, time: '1970-01-01T00:00:02.000Z' })
    expect(typeof (value.data as any).at).toBe('string')
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
      await Promise.all(iters.map((i) => i.return?.(undefined)))
    }
    expect(warnings.filter((w) => /MaxListeners/.test(w))).toEqual([])
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
      ps.publish('core.notification', alice.id, { type: 'for-alice', data: { at: new Date(0) }, time: new Date(0).toISOString() })
      const e = await sub.next(10_000)
      expect(e.data.notifications).toEqual({ type: 'for-alice', data: { at: '1970-01-01T00:00:00.000Z' }, time: '1970-01-01T00:00:00.000Z' })
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
    redis?.disconnect()
    await b?.close()
    await a?.close()
  })

  const numsub = async (channel: string) => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1])

  it('an event published on instance A reaches a graphql-ws subscriber on instance B', async () => {
    expect(a.app.config.redisUrl).toBeTruthy()
    expect(b.app.config.redisPrefix).toBe(a.app.config.redisPrefix)
    const user = await registerUser(a.url)
    const client = wsClient(b.url, user.token)
    try {
      const sub = subscribe(client, NOTIFICATIONS)
      const channel = channelOf(b.app, 'core.notification', user.id)
      await until(async () => (await numsub(channel)) === 1, 10_000, `Redis SUBSCRIBE ${channel} (or the subscription on B was refused)`)
      a.app.services.pubsub.publish('core.notification', user.id, { type: 'cross', data: { at: new Date(0), n: 1 }, time: new Date(0).toISOString() })
      const e = await sub.next(10_000)
      expect(e.data.notifications).toEqual({ type: 'cross', data: { at: '1970-01-01T00:00:00.000Z', n: 1 }, time: '1970-01-01T00:00:00.000Z' })
      sub.unsubscribe()
      await until(async () => (await numsub(channel)) === 0, 10_000, 'Redis UNSUBSCRIBE after the last listener')
    } finally {
      await client.dispose()
    }
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
