// Shared by the chat tests: the operations a client sends, and a live-subscription helper that waits for the
// subscription to be really listening (listener count, then the pub/sub engine's acknowledgement) — no sleeps.
import WebSocket from 'ws'
import { print } from 'graphql'
import type { Client } from 'graphql-ws'
import type { TestApp } from '../helpers/app.js'
import { gql, subscribe, textOf, until, wsClient, type SubEvent, type WsSubscription } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'
import type { ChatEventsSubscription, SendChatMessageInput } from '../generated/graphql.js'

/** Generous: the CI machine is a loaded 2-core VM. */
export const WAIT = 15_000

export const SEND = graphql(`mutation SendChatMessageSupport($i: SendChatMessageInput!) { sendChatMessage(input: $i) {
  isSent dropReason dropMessage retryAfter
  message { databaseId channel text type time editedAt replyToId pinned from { databaseId name color } to { databaseId name } reactions { emoji count } }
} }`)

export const EVENTS = graphql(`subscription ChatEvents($c: String!) { chatEvents(channel: $c) {
  __typename
  ... on ChatMessageAdded { channel message { databaseId channel text type from { databaseId name } to { databaseId } replyToId } }
  ... on ChatMessageEdited { channel message { databaseId text editedAt } }
  ... on ChatMessageRemoved { channel messageId reason data }
  ... on ChatReactionsChanged { channel messageId emoji added user { databaseId } reactions { emoji count } }
  ... on ChatPinChanged { channel pinned message { databaseId pinned } }
  ... on ChatTyping { channel user { databaseId name } expiresAt }
  ... on ChatPresenceChanged { channel amount users }
  ... on ChatSlowModeChanged { channel seconds }
} }`)

/** A chat event of one GraphQL type. */
export type ChatEvent<K extends string = string> = Extract<ChatEventsSubscription['chatEvents'], { __typename: K }>

/** Sends a message through GraphQL; the whole result (errors included) comes back. */
export const sendRaw = (t: TestApp, token: string | undefined, i: SendChatMessageInput) =>
  gql(t.url, SEND, { i }, token)

/** Sends a message that must go out; returns the message. */
export async function send(t: TestApp, token: string, i: SendChatMessageInput) {
  const r = await sendRaw(t, token, i)
  const message = r.data?.sendChatMessage.message
  if (r.errors || !message) throw new Error(`send failed: ${JSON.stringify(r.errors ?? r.data)}`)
  return message
}

export const countMessages = (t: TestApp, where: Record<string, unknown> = {}) =>
  t.app.services.prisma.chatMessage.count({ where })

export interface Live {
  sub: WsSubscription<SubEvent<ChatEventsSubscription>>
  client: Client
  /** the next event of this GraphQL type (others, e.g. presence, are skipped); fails on a subscription error */
  next<K extends ChatEvent['__typename']>(typename: K, ms?: number): Promise<ChatEvent<K>>
  /** unsubscribes and waits until the server has released the subscription's listeners */
  close(): Promise<void>
}

/**
 * Subscribes to a channel over graphql-ws and resolves once the server listens: a logged-in subscription holds two
 * listeners (the channel and the viewer's ignore list), an anonymous one holds one.
 */
export async function live(t: TestApp, token: string | undefined, channel: string): Promise<Live> {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const client = wsClient(t.url, token)
  const sub = subscribe(client, EVENTS, { c: channel })
  const expected = token ? 2 : 1
  await until(() => ps.listenerCount() >= before + expected, WAIT, `subscription to ${channel}`)
  await ps.ready()
  return {
    sub,
    client,
    async next(typename, ms = WAIT) {
      const end = Date.now() + ms
      for (;;) {
        const ev = await sub.next(Math.max(1, end - Date.now()))
        if (ev.error || ev.complete || ev.errors || !ev.data)
          throw new Error(`subscription ended: ${JSON.stringify(ev)}`)
        const event = ev.data.chatEvents
        if (isType(event, typename)) return event
      }
    },
    async close() {
      // wait for the server to let go, so that the next subscription's listener count starts from a settled value
      const open = ps.listenerCount()
      sub.unsubscribe()
      await client.dispose()
      await until(() => ps.listenerCount() <= open - expected, WAIT, `unsubscribe from ${channel}`)
    },
  }
}

const isType = <K extends string>(e: ChatEvent, typename: K): e is ChatEvent<K> => e.__typename === typename

/** The first message a subscription attempt answers (an error for a refused channel). */
export async function subscribeOnce(t: TestApp, token: string | undefined, channel: string) {
  const client = wsClient(t.url, token)
  const sub = subscribe(client, EVENTS, { c: channel })
  try {
    return await sub.next(WAIT)
  } finally {
    sub.unsubscribe()
    await client.dispose()
  }
}

/** A raw graphql-ws socket (no client library), so a test can kill the TCP connection without a goodbye. */
export async function rawSocket(t: TestApp, token?: string) {
  const sock = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws')
  await new Promise<void>((resolve, reject) => {
    sock.once('open', () => resolve())
    sock.once('error', reject)
  })
  const acked = new Promise<void>((resolve) =>
    sock.on('message', (m) => {
      if (JSON.parse(textOf(m)).type === 'connection_ack') resolve()
    }),
  )
  sock.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }))
  await acked
  return {
    sock,
    subscribe(id: string, channel: string) {
      sock.send(JSON.stringify({ id, type: 'subscribe', payload: { query: print(EVENTS), variables: { c: channel } } }))
    },
  }
}

export const presence = async (t: TestApp, channel: string, token?: string) => {
  const r = await gql(
    t.url,
    graphql(`query ChatChannelSupport($id: String!) { chatChannel(id: $id) { presence { amount users } } }`),
    { id: channel },
    token,
  )
  const presence = r.data?.chatChannel.presence
  if (r.errors || !presence) throw new Error(JSON.stringify(r.errors))
  return presence
}
