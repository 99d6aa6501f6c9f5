import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { print } from 'graphql'
import type { Client } from 'graphql-ws'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { disposeAll, gql, subscribe, subscribeRaw, textOf, until, wsClient } from '../helpers/clients.js'
import { NOTIFICATIONS, envelope, registerUser } from './support.js'
import { graphql } from '../generated/index.js'

let t: TestApp
let user: { token: string; id: number }
const clients: Client[] = []
const client = (token?: string) => {
  const c = wsClient(t.url, token)
  clients.push(c)
  return c
}

beforeAll(async () => {
  t = await startTestApp()
  user = await registerUser(t.url)
})
afterAll(async () => {
  await disposeAll(clients)
  await closeAll(t)
})

/** graphql-ws reports failures either as a `next` with errors (execution) or an `error` message (validation). */
const errorsOf = (event: any): { message: string; extensions?: Record<string, unknown> }[] =>
  event.errors ?? event.error ?? []

describe('graphql-ws authentication from connectionParams', () => {
  it('notifications with a token delivers the viewer’s events', async () => {
    const ps = t.app.services.pubsub
    const start = ps.listenerCount()
    const sub = subscribe(client(user.token), NOTIFICATIONS)
    await until(() => ps.listenerCount() === start + 1, 10_000, 'subscription established')
    await ps.ready()
    ps.publish('core.notification', user.id, envelope('hello', { n: 1 }))
    const e = await sub.next(10_000)
    expect(e.errors).toBeUndefined()
    expect(e.data!.notifications).toMatchObject({
      type: 'hello',
      data: { n: 1 },
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    sub.unsubscribe()
  })

  it('queries over the socket see the same viewer', async () => {
    const sub = subscribe(client(user.token), graphql(`query Viewer { viewer { databaseId } }`))
    expect(await sub.next(10_000)).toEqual({ data: { viewer: { databaseId: user.id } } })
  })

  it('notifications without a token → UNAUTHENTICATED in the error payload, and no listener', async () => {
    const ps = t.app.services.pubsub
    const start = ps.listenerCount()
    const sub = subscribe(client(), NOTIFICATIONS)
    const e = await sub.next(10_000)
    expect(errorsOf(e).map((x) => x.extensions?.code)).toEqual(['UNAUTHENTICATED'])
    expect(e.data ?? null).toBeNull()
    expect(ps.listenerCount()).toBe(start)
  })

  it('notifications with a bogus or revoked token → UNAUTHENTICATED', async () => {
    const bogus = subscribe(client('not-a-real-token'), NOTIFICATIONS)
    expect(errorsOf(await bogus.next(10_000))[0]?.extensions?.code).toBe('UNAUTHENTICATED')

    const other = await registerUser(t.url)
    expect((await gql(t.url, graphql(`mutation Logout { logout }`), undefined, other.token)).data).toEqual({
      logout: true,
    })
    const revoked = subscribe(client(other.token), NOTIFICATIONS)
    expect(errorsOf(await revoked.next(10_000))[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('graphql-ws robustness', () => {
  it('an invalid query yields an error, and the socket keeps serving', async () => {
    const c = client(user.token)
    let closes = 0
    c.on('closed', () => closes++)
    const unknownField = subscribeRaw(c, 'subscription { nope }')
    const e1 = await unknownField.next(10_000)
    expect(errorsOf(e1)[0]?.message).toMatch(/nope/)

    const syntax = subscribeRaw(c, 'subscription {')
    expect(errorsOf(await syntax.next(10_000))[0]?.message).toMatch(/Syntax Error/)

    const badVariable = subscribeRaw(c, 'query($id: Int) { user(databaseId: $id) { name } }', { id: 'seven' })
    expect(errorsOf(await badVariable.next(10_000))[0]?.message).toMatch(/\$id/)

    const ok = subscribe(c, graphql(`query Viewer { viewer { databaseId } }`))
    expect(await ok.next(10_000)).toEqual({ data: { viewer: { databaseId: user.id } } })
    expect(closes).toBe(0)
  })

  it('GraphQL Armor limits apply over the socket too, as errors that keep the socket open', async () => {
    const c = client(user.token)
    let closes = 0
    c.on('closed', () => closes++)
    const aliases = '{ ' + Array.from({ length: 20 }, (_, i) => `a${i}: viewer { id }`).join(' ') + ' }'
    expect(errorsOf(await subscribeRaw(c, aliases).next(10_000))[0]?.message).toMatch(/alias/i)
    const tokens = '{ ' + Array.from({ length: 600 }, () => 'viewer { id }').join(' ') + ' }'
    expect(errorsOf(await subscribeRaw(c, tokens).next(10_000))[0]?.message).toMatch(/token/i)
    const ok = subscribe(c, graphql(`query Viewer { viewer { databaseId } }`))
    expect(await ok.next(10_000)).toEqual({ data: { viewer: { databaseId: user.id } } })
    expect(closes).toBe(0)
  })

  it('a malformed protocol message closes only that socket', async () => {
    const { default: WebSocket } = await import('ws')
    const sock = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws')
    await new Promise((r) => sock.once('open', r))
    const closed = new Promise<number>((r) => sock.once('close', (code) => r(code)))
    sock.send('{not json')
    expect(await closed).toBe(4400)
    const ok = subscribe(client(user.token), graphql(`query Viewer { viewer { databaseId } }`))
    expect(await ok.next(10_000)).toEqual({ data: { viewer: { databaseId: user.id } } })
  })
})

describe('subscriptions over SSE (Accept: text/event-stream)', () => {
  /** Reads `event:`/`data:` blocks from a text/event-stream body. */
  function sseReader(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    return async function nextEvent(ms = 10_000): Promise<{ event: string; data: string }> {
      const deadline = Date.now() + ms
      for (;;) {
        const blocks = buffer.split('\n\n')
        while (blocks.length > 1) {
          const block = blocks.shift()!
          buffer = blocks.join('\n\n')
          const lines = block.split('\n')
          const event = lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim()
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n')
          if (event) return { event, data } // skip keep-alive comments (":")
        }
        if (Date.now() > deadline) throw new Error(`no SSE event within ${ms} ms`)
        const { value, done } = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no SSE event within ${ms} ms`)), Math.max(1, deadline - Date.now())),
          ),
        ])
        if (done) throw new Error('SSE stream ended')
        buffer += decoder.decode(value, { stream: true })
      }
    }
  }

  it('delivers a published notification, and releases the listener when the client goes away', async () => {
    const ps = t.app.services.pubsub
    const start = ps.listenerCount()
    const abort = new AbortController()
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${user.token}`,
      },
      body: JSON.stringify({ query: print(NOTIFICATIONS) }),
      signal: abort.signal,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const next = sseReader(res.body!)
    await until(() => ps.listenerCount() === start + 1, 10_000, 'SSE subscription established')
    await ps.ready()
    ps.publish('core.notification', user.id, envelope('over-sse', { n: 2 }))
    const e = await next()
    expect(e.event).toBe('next')
    expect(JSON.parse(e.data)).toEqual({
      data: { notifications: { type: 'over-sse', data: { n: 2 }, time: expect.any(String) } },
    })
    abort.abort()
    await until(() => ps.listenerCount() === start, 10_000, 'SSE listener released after disconnect')
  })

  it('an unauthenticated SSE subscription gets UNAUTHENTICATED and the stream completes', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: print(NOTIFICATIONS) }),
    })
    const next = sseReader(res.body!)
    const e = await next()
    expect(e.event).toBe('next')
    expect(JSON.parse(e.data).errors[0].extensions.code).toBe('UNAUTHENTICATED')
    expect((await next()).event).toBe('complete')
  })
})

describe('WebSocket upgrade handling', () => {
  it('refuses an upgrade on another path, and keeps serving', async () => {
    const { default: WebSocket } = await import('ws')
    const sock = new WebSocket(`${t.url.replace(/^http/, 'ws')}/not-graphql`, 'graphql-transport-ws')
    const status = await new Promise<number | string>((resolve) => {
      sock.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      sock.once('open', () => resolve('open'))
      sock.once('error', (e) => resolve(e.message))
    })
    expect(status).toBe(400)
    const ok = subscribe(client(user.token), graphql(`query Viewer { viewer { databaseId } }`))
    expect(await ok.next(10_000)).toEqual({ data: { viewer: { databaseId: user.id } } })
  })

  it('app.close() with live subscriptions closes the sockets (1001) and finishes promptly', async () => {
    const other = await startTestApp()
    const { default: WebSocket } = await import('ws')
    try {
      const u = await registerUser(other.url)
      const sock = new WebSocket(`${other.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws')
      await new Promise((r) => sock.once('open', r))
      const messages: any[] = []
      sock.on('message', (m) => messages.push(JSON.parse(textOf(m))))
      const closed = new Promise<number>((r) => sock.once('close', (code) => r(code)))
      sock.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${u.token}` } }))
      await until(() => messages.some((m) => m.type === 'connection_ack'), 10_000, 'ack')
      const ps = other.app.services.pubsub
      const start = ps.listenerCount()
      sock.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: print(NOTIFICATIONS) } }))
      await until(() => ps.listenerCount() === start + 1, 10_000, 'live subscription')
      const t0 = performance.now()
      await other.close()
      expect(performance.now() - t0).toBeLessThan(4000)
      expect(await closed).toBe(1001)
      // nothing left listening: the subscription, and the instance's own session-revocation listener
      expect(ps.listenerCount()).toBe(0)
    } finally {
      await other.close()
    }
  })
})
