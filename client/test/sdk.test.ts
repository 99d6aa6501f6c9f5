import fs from 'node:fs'
import net from 'node:net'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../../test/helpers/app.js'
import { until } from '../../test/helpers/clients.js'
import { registerUser, type TestUser } from '../../test/helpers/users.js'
import { CLIENT_ERRORS_FILE, clientErrorsSource } from '../../scripts/client-errors.js'
import {
  ChatEventsSubscription,
  ChatHistoryQuery,
  createClient,
  ERROR_CODES,
  LoginMutation,
  SendChatMessageMutation,
  StreamhubError,
  ViewerQuery,
  type StreamhubClient,
} from '../src/index.js'

let t: TestApp
let alice: TestUser
let streamer: TestUser
const clients: StreamhubClient[] = []

const sdk = (token?: string, transport?: 'ws' | 'sse', base = t.url) => {
  const c = createClient({
    url: `${base}/graphql`,
    token,
    webSocketImpl: WebSocket,
    transport,
    retryBaseMs: 50,
  })
  clients.push(c)
  return c
}

/** Texts of the messages a subscription hands over, and how it ended. */
function collect(c: StreamhubClient, channel: string) {
  const texts: string[] = []
  const errors: StreamhubError[] = []
  const stop = c.subscribe(
    ChatEventsSubscription,
    { channel },
    {
      next: (d) => {
        if (d.chatEvents.__typename === 'ChatMessageAdded') texts.push(d.chatEvents.message.text)
      },
      error: (e) => errors.push(e),
    },
  )
  return { texts, errors, stop }
}

/** A TCP proxy in front of the app whose open connections a test can cut, as a network drop would. */
async function cuttableProxy(target: string) {
  const { hostname, port } = new URL(target)
  const open = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname)
    for (const s of [client, upstream]) {
      open.add(s)
      s.on('error', () => s.destroy()).on('close', () => (open.delete(s), client.destroy(), upstream.destroy()))
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    cut: () => open.forEach((s) => s.destroy()),
    close: () => new Promise<void>((resolve) => (open.forEach((s) => s.destroy()), server.close(() => resolve()))),
  }
}

/** Waits for the server to hold `n` more pub/sub listeners than `before` (the subscription is live). */
const listening = (before: number, n: number) =>
  until(() => t.app.services.pubsub.listenerCount() >= before + n, 5000, 'subscription')

beforeAll(async () => {
  t = await startTestApp()
  ;[alice, streamer] = await Promise.all([registerUser(t), registerUser(t)])
})
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()))
  await closeAll(t)
})

describe('client SDK', () => {
  it('logs in and runs typed queries with the token it got', async () => {
    const anon = sdk()
    const { login } = await anon.mutate(LoginMutation, { input: { login: alice.name, password: alice.password } })
    expect(login.viewer.databaseId).toBe(alice.id)
    anon.setToken(login.token)
    const { viewer } = await anon.query(ViewerQuery)
    expect(viewer?.name).toBe(alice.name)
  })

  it('throws a StreamhubError with the server code, its registry entry and retryable', async () => {
    const err = await sdk()
      .mutate(LoginMutation, { input: { login: alice.name, password: 'wrong-password-1' } })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(err).toBeInstanceOf(StreamhubError)
    expect(err).toMatchObject({ code: 'INVALID_CREDENTIALS', retryable: false, status: 401 })
    expect(ERROR_CODES.RATE_LIMIT_EXCEEDED.retryable).toBe(true)
    const anonSend = await sdk()
      .mutate(SendChatMessageMutation, { input: { channel: `stream/${alice.id}`, text: 'hi' } })
      .catch((e: unknown) => e)
    expect(anonSend).toMatchObject({ code: 'UNAUTHENTICATED', retryable: false })
  })

  it('receives chat events over graphql-ws, and again after the server drops the socket', async () => {
    const channel = `stream/${streamer.id}`
    const ps = t.app.services.pubsub
    const before = ps.listenerCount()
    const sender = sdk(alice.token)
    const sub = collect(sdk(streamer.token), channel)
    await listening(before, 2)
    await ps.ready()
    const sent = await sender.mutate(SendChatMessageMutation, { input: { channel, text: 'before the drop' } })
    expect(sent.sendChatMessage.isSent).toBe(true)
    await until(() => sub.texts.includes('before the drop'), 5000, 'first message')

    // the server side lets go of every socket, as a restart or a lost connection would
    for (const socket of t.app.ws.wss.clients) socket.terminate()
    await until(() => ps.listenerCount() < before + 2, 5000, 'server-side cleanup')
    await listening(before, 2) // reconnected and subscribed again, without the app doing anything
    await ps.ready()
    await sender.mutate(SendChatMessageMutation, { input: { channel, text: 'after the drop' } })
    await until(() => sub.texts.includes('after the drop'), 5000, 'message after reconnect')
    expect(sub.errors).toEqual([])

    const history = await sender.query(ChatHistoryQuery, { channel, limit: 10 })
    expect(history.chatHistory.map((m) => m.text)).toEqual(
      expect.arrayContaining(['before the drop', 'after the drop']),
    )
    sub.stop()
    // the next test counts listeners from a settled value
    await until(() => ps.listenerCount() === before, 5000, 'server lets go')
  })

  it('receives chat events over server-sent events', async () => {
    const channel = `stream/${alice.id}`
    const ps = t.app.services.pubsub
    const before = ps.listenerCount()
    const sub = collect(sdk(streamer.token, 'sse'), channel)
    await listening(before, 2)
    await ps.ready()
    await sdk(alice.token).mutate(SendChatMessageMutation, { input: { channel, text: 'over sse' } })
    await until(() => sub.texts.includes('over sse'), 5000, 'sse message')
    expect(sub.errors).toEqual([])
    sub.stop()
    await until(() => ps.listenerCount() === before, 5000, 'server lets go')
  })

  it('opens the event stream again after the network drops it, and subscribes again', async () => {
    const channel = `stream/${alice.id}`
    const ps = t.app.services.pubsub
    const before = ps.listenerCount()
    const proxy = await cuttableProxy(t.url)
    try {
      const sub = collect(sdk(streamer.token, 'sse', proxy.url), channel)
      await listening(before, 2)
      await ps.ready()
      const sender = sdk(alice.token)
      await sender.mutate(SendChatMessageMutation, { input: { channel, text: 'sse before the cut' } })
      await until(() => sub.texts.includes('sse before the cut'), 5000, 'sse message before the cut')

      proxy.cut()
      await until(() => ps.listenerCount() < before + 2, 5000, 'server-side cleanup')
      await listening(before, 2) // the SDK opened the stream again through the proxy
      await ps.ready()
      await sender.mutate(SendChatMessageMutation, { input: { channel, text: 'sse after the cut' } })
      await until(() => sub.texts.includes('sse after the cut'), 5000, 'sse message after the cut')
      expect(sub.errors).toEqual([])
      sub.stop()
      await until(() => ps.listenerCount() === before, 5000, 'server lets go')
    } finally {
      await proxy.close()
    }
  })

  it('ends an event-stream subscription with the error when reconnecting cannot help', async () => {
    const proxy = await cuttableProxy(t.url)
    const c = createClient({ url: `${proxy.url}/graphql`, transport: 'sse', retryAttempts: 2, retryBaseMs: 20 })
    clients.push(c)
    await proxy.close() // nothing listens there any more: every attempt is refused
    const sub = collect(c, `stream/${alice.id}`)
    await until(() => sub.errors.length > 0, 5000, 'the error after the last attempt')
    expect(sub.errors[0]).toMatchObject({ code: 'NETWORK_ERROR', retryable: true })
    // the server's error answer is final: handed over at once, not retried
    const bad = collect(sdk(undefined, 'sse'), 'no-such-kind/1')
    await until(() => bad.errors.length > 0, 5000, 'the refusal')
    expect(bad.errors).toEqual([expect.objectContaining({ code: 'CHANNEL_NOT_FOUND', retryable: false })])
  })

  it('client/src/generated/errors.ts is what scripts/client-errors.ts writes (npm run client:errors)', () => {
    expect(fs.readFileSync(CLIENT_ERRORS_FILE, 'utf8')).toBe(clientErrorsSource())
  })
})
