// What one WebSocket client may cost the server: a bounded number of operations per socket, each charged to the
// per-IP budget, frames no larger than the body limit, presence that counts people rather than subscriptions, and a
// bounded backlog for a client that stops reading (the socket is closed, 1013, rather than buffered without end).
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { print } from 'graphql'
import type { Client } from 'graphql-ws'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { disposeAll, subscribe, textOf, until, wsClient } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { EVENTS, presence, send } from '../chat/support.js'
import { NOTIFICATIONS, envelope } from './support.js'
import { graphql } from '../generated/index.js'

const WAIT = 15_000
const apps: TestApp[] = []
const clients: Client[] = []
const sockets: WebSocket[] = []

async function app(env: Record<string, string> = {}, share?: TestApp) {
  const t = await startTestApp(env, { share })
  apps.push(t)
  return t
}
function client(t: TestApp, token?: string) {
  const c = wsClient(t.url, token)
  clients.push(c)
  return c
}

afterAll(async () => {
  await disposeAll(clients)
  for (const s of sockets) s.terminate()
  for (const t of apps.reverse()) await t.close()
})

/** A graphql-ws socket without the client library: the test decides when it reads and what it sends. */
async function rawSocket(t: TestApp, token?: string) {
  const sock = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws')
  sockets.push(sock)
  const messages: { id?: string; type: string; payload?: any }[] = []
  sock.on('message', (m) => messages.push(JSON.parse(textOf(m))))
  const closed = new Promise<number>((resolve) => sock.once('close', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    sock.once('open', () => resolve())
    sock.once('error', reject)
  })
  sock.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }))
  await until(() => messages.some((m) => m.type === 'connection_ack'), WAIT, 'connection_ack')
  return { sock, messages, closed }
}

/** The server's end of a client socket (matched by port). */
function serverSide(t: TestApp, sock: WebSocket): WebSocket {
  const port = (sock as any)._socket.localPort
  for (const s of t.app.ws.wss.clients) if ((s as any)._socket?.remotePort === port) return s
  throw new Error('no server socket for this client')
}

const errorsOf = (e: any): { message: string; extensions?: Record<string, any> }[] => e.errors ?? e.error ?? []

describe('operations per socket (WS_MAX_SUBSCRIPTIONS)', () => {
  it('the subscription over the cap gets TOO_MANY_SUBSCRIPTIONS naming the limit; the socket stays and a completed one frees its slot', async () => {
    const t = await app({ WS_MAX_SUBSCRIPTIONS: '5' })
    const u = await registerUser(t)
    const ps = t.app.services.pubsub
    const c = client(t, u.token)
    let closes = 0
    c.on('closed', () => closes++)
    const base = ps.listenerCount()
    const subs = Array.from({ length: 5 }, () => subscribe(c, NOTIFICATIONS))
    await until(() => ps.listenerCount() === base + 5, WAIT, '5 live subscriptions')

    const over = subscribe(c, NOTIFICATIONS)
    const refused = errorsOf(await over.next(WAIT))
    expect(refused[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS')
    expect(refused[0]?.extensions?.limit).toBe(5)
    expect(refused[0]?.message).toMatch(/at most 5\b/)
    expect(ps.listenerCount()).toBe(base + 5)

    // one event is delivered once per live subscription: 5 times, not 6
    await ps.ready()
    ps.publish('core.notification', u.id, envelope('once', {}))
    for (const s of subs) expect((await s.next(WAIT)).data!.notifications.type).toBe('once')
    expect(await over.nothingWithin(300)).toBe(true)

    // completing one frees a slot
    subs[0].unsubscribe()
    await until(() => ps.listenerCount() === base + 4, WAIT, 'one released')
    const again = subscribe(c, NOTIFICATIONS)
    await until(() => ps.listenerCount() === base + 5, WAIT, 'the slot reused')
    ps.publish('core.notification', u.id, envelope('again', {}))
    expect((await again.next(WAIT)).data!.notifications.type).toBe('again')
    expect(closes).toBe(0)

    // the cap is per socket: another socket has its own
    const other = client(t, u.token)
    const fresh = Array.from({ length: 5 }, () => subscribe(other, NOTIFICATIONS))
    await until(() => ps.listenerCount() === base + 10, WAIT, "the other socket's 5")
    for (const s of fresh) s.unsubscribe()
  })
})

describe('the per-IP budget counts operations, not connections', () => {
  it('each subscribe message is charged: past RATE_LIMIT_PER_MINUTE an operation gets RATE_LIMIT_EXCEEDED (retryAfter) and the socket stays', async () => {
    // nothing else talks to this app from this address: the connection costs 1, then 19 operations fit
    const t = await app({ RATE_LIMIT_PER_MINUTE: '20' })
    const c = client(t)
    let closes = 0
    c.on('closed', () => closes++)
    const answers = []
    for (let i = 0; i < 25; i++) answers.push(await subscribe(c, graphql(`query Typename { __typename }`)).next(WAIT))
    expect(answers.slice(0, 19).every((a) => a.data?.__typename === 'Query')).toBe(true)
    for (const a of answers.slice(19)) {
      expect(errorsOf(a)[0]?.extensions?.code).toBe('RATE_LIMIT_EXCEEDED')
      expect(errorsOf(a)[0]?.extensions?.retryAfter).toBeGreaterThan(0)
    }
    expect(closes).toBe(0)
  })
})

describe('frames larger than BODY_LIMIT_BYTES', () => {
  it('a frame under the limit is served; one over it closes the socket with 1009', async () => {
    const t = await app({ BODY_LIMIT_BYTES: '4096' })
    const { sock, messages, closed } = await rawSocket(t)
    const pad = (n: number) => `{ __typename } #${'x'.repeat(n)}`
    sock.send(JSON.stringify({ id: 'small', type: 'subscribe', payload: { query: pad(3500) } }))
    await until(() => messages.some((m) => m.id === 'small' && m.type === 'next'), WAIT, 'the small operation answered')
    expect(messages.find((m) => m.id === 'small' && m.type === 'next')?.payload).toEqual({
      data: { __typename: 'Query' },
    })
    sock.send(JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: pad(5000) } }))
    expect(await closed).toBe(1009)
    expect(messages.some((m) => m.id === 'big')).toBe(false)
  })
})

describe('presence counts people, not subscriptions', () => {
  it('one user on two sockets with three subscriptions each counts once; a guest counts too', async () => {
    const t = await app()
    const [alice, bob, streamer] = [await registerUser(t), await registerUser(t), await registerUser(t)]
    const channel = `stream/${streamer.id}`
    const base = t.app.services.pubsub.listenerCount()
    const subs = [client(t, alice.token), client(t, alice.token), client(t)].flatMap((c, i) =>
      Array.from({ length: i < 2 ? 3 : 1 }, () => subscribe(c, EVENTS, { c: channel })),
    )
    // a message every subscription received means every one has joined (a subscription joins before it delivers)
    const ps = t.app.services.pubsub
    await until(() => ps.listenerCount() >= base + 3 * 2 * 2 + 1, WAIT, 'subscriptions live')
    await ps.ready()
    await send(t, bob.token, { channel, text: 'roll call' })
    for (const s of subs) {
      for (;;) {
        const e = await s.next(WAIT)
        if (e.data?.chatEvents.__typename === 'ChatMessageAdded') break
      }
    }
    expect(await presence(t, channel)).toEqual({ amount: 2, users: [alice.id] })
  })

  it.runIf(!!process.env.TEST_REDIS_URL)('across instances: the same user on A and on B counts once', async () => {
    const a = await app()
    const b = await app({}, a)
    const [alice, bob, streamer] = [await registerUser(a), await registerUser(a), await registerUser(a)]
    const channel = `stream/${streamer.id}`
    // each app's own listeners (session events …) before these subscriptions
    const [baseA, baseB] = [a.app.services.pubsub.listenerCount(), b.app.services.pubsub.listenerCount()]
    const subs = [
      subscribe(client(a, alice.token), EVENTS, { c: channel }),
      subscribe(client(b, alice.token), EVENTS, { c: channel }),
      subscribe(client(b), EVENTS, { c: channel }),
    ]
    // a signed-in viewer's chat subscription listens to the channel and to their ignore list; a guest's to the channel
    await until(
      () => a.app.services.pubsub.listenerCount() >= baseA + 2 && b.app.services.pubsub.listenerCount() >= baseB + 3,
      WAIT,
      'subscriptions live',
    )
    await a.app.services.pubsub.ready()
    await b.app.services.pubsub.ready()
    await send(a, bob.token, { channel, text: 'roll call' })
    for (const s of subs) {
      for (;;) {
        const e = await s.next(WAIT)
        if (e.data?.chatEvents.__typename === 'ChatMessageAdded') break
      }
    }
    expect(await presence(a, channel)).toEqual({ amount: 2, users: [alice.id] })
    expect(await presence(b, channel)).toEqual({ amount: 2, users: [alice.id] })
  })
})

describe('a client that stops reading (WS_MAX_BUFFERED_BYTES)', () => {
  it('is closed with 1013 once its unsent data passes the limit; the backlog never exceeds limit + one message and stops growing', async () => {
    const LIMIT = 256 * 1024
    const t = await app({ WS_MAX_BUFFERED_BYTES: String(LIMIT) })
    const u = await registerUser(t)
    const ps = t.app.services.pubsub
    const base = ps.listenerCount()
    const { sock, messages, closed } = await rawSocket(t, u.token)
    sock.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: print(NOTIFICATIONS) } }))
    await until(() => ps.listenerCount() === base + 1, WAIT, 'subscription live')
    await ps.ready()

    // watch the server's end: its backlog right after every write
    const server = serverSide(t, sock)
    const write = server.send.bind(server)
    let writes = 0
    let maxBacklog = 0
    let maxFrame = 0
    server.send = ((data: string) => {
      write(data)
      writes++
      maxFrame = Math.max(maxFrame, Buffer.byteLength(data))
      maxBacklog = Math.max(maxBacklog, server.bufferedAmount)
    }) as typeof server.send

    sock.pause()
    const blob = 'x'.repeat(64 * 1024)
    let published = 0
    while (server.readyState === WebSocket.OPEN && published < 2000) {
      ps.publish('core.notification', u.id, envelope('big', { n: published, blob }))
      published++
      const target = published
      // the server has written this one (or given up on the socket)
      await until(() => writes >= target || server.readyState !== WebSocket.OPEN, WAIT, `write ${target}`)
    }
    expect(server.readyState).not.toBe(WebSocket.OPEN)
    // a header of at most 14 bytes per frame
    expect(maxBacklog).toBeLessThanOrEqual(LIMIT + maxFrame + 14)
    // the server stopped working for it at once, without waiting for the close handshake
    await until(() => ps.listenerCount() === base, 1000, 'subscription released')
    const backlog = server.bufferedAmount
    for (let i = 0; i < 20; i++) ps.publish('core.notification', u.id, envelope('big', { n: published + i, blob }))
    await new Promise((r) => setTimeout(r, 200))
    expect(server.bufferedAmount).toBeLessThanOrEqual(backlog)

    // reading again, the client gets, in order, what was written before the cut (none of the 20 after), then 1013
    sock.resume()
    expect(await closed).toBe(1013)
    const got = messages.filter((m) => m.type === 'next').map((m) => m.payload.data.notifications.data.n)
    expect(got).toEqual([...Array(published).keys()])
  })
})
