// Shared by the moderation tests: the client operations they send, and live subscriptions that resolve only once the
// server is really listening (listener count, then the pub/sub engine's acknowledgement) — no sleeps.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import type { DocumentNode } from 'graphql'
import type { Client } from 'graphql-ws'
import type { TestApp } from '../helpers/app.js'
import {
  gql,
  rest,
  subscribeRaw,
  until,
  wsClient,
  type SubEvent,
  type VariablesArg,
  type WsSubscription,
} from '../helpers/clients.js'
import { graphql } from '../generated/index.js'
import type { NotificationsSubscription } from '../generated/graphql.js'

/** Generous: the CI machine is a loaded 2-core VM. */
export const WAIT = 15_000

export const SEND =
  graphql(`mutation ModerationSendChatMessage($i: SendChatMessageInput!) { sendChatMessage(input: $i) {
  isSent dropReason dropMessage retryAfter message { databaseId channel text from { databaseId name } to { databaseId name } }
} }`)

/** Sends a chat message that must go out; returns its id. */
export async function say(t: TestApp, token: string, channel: string, text: string): Promise<number> {
  const r = await gql(t.url, SEND, { i: { channel, text } }, token)
  const message = r.data?.sendChatMessage.message
  if (r.errors || !message) throw new Error(`send failed: ${JSON.stringify(r.errors ?? r.data)}`)
  return message.databaseId
}

/** Sends and returns the publish result (sent or dropped). */
export async function trySay(t: TestApp, token: string, channel: string, text: string) {
  const r = await gql(t.url, SEND, { i: { channel, text } }, token)
  if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors))
  return r.data.sendChatMessage
}

export const accuse = (t: TestApp, token: string | undefined, body: Record<string, unknown>) =>
  rest(t.url, '/api/moderation/accuse', body, { token })
export const check = async (t: TestApp, userId: number) => (await rest(t.url, '/api/moderation/check', { userId })).body

/** Reason ids seeded by the migration. */
export const REASON = { spam: 1, flood: 2, insult: 3, obscene: 4, provocation: 5, serious: 6, unfair: 7 } as const

export interface Live<R> {
  client: Client
  sub: WsSubscription<SubEvent<R>>
  /** the next event whose payload satisfies `pick` (others are skipped) */
  next(pick?: (data: R) => boolean, ms?: number): Promise<R>
  /** every event received so far and not yet taken, raw */
  drain(ms?: number): Promise<SubEvent<R>[]>
  close(): Promise<void>
}

/**
 * A graphql-ws subscription that resolves when the server holds `listeners` more listeners than before (chat channel
 * subscriptions of a signed-in user hold two: the channel and the user's ignore list).
 */
export async function live<R, V extends Record<string, unknown>>(
  t: TestApp,
  token: string | undefined,
  doc: TypedDocumentNode<R, V>,
  ...args: [...VariablesArg<V>, listeners?: number]
): Promise<Live<R>>
export async function live(
  t: TestApp,
  token: string | undefined,
  doc: DocumentNode,
  variables?: Record<string, unknown>,
  listeners = 1,
): Promise<Live<unknown>> {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const client = wsClient(t.url, token)
  const sub = subscribeRaw(client, doc, variables)
  await until(() => ps.listenerCount() >= before + listeners, WAIT, 'the subscription to be live')
  await ps.ready()
  return {
    client,
    sub,
    async next(pick = () => true, ms = WAIT) {
      const end = Date.now() + ms
      for (;;) {
        const ev = await sub.next(Math.max(1, end - Date.now()))
        if (ev.error || ev.complete || ev.errors || !ev.data)
          throw new Error(`subscription ended: ${JSON.stringify(ev)}`)
        if (pick(ev.data)) return ev.data
      }
    },
    async drain(ms = 300) {
      const out = []
      for (;;) {
        try {
          out.push(await sub.next(ms))
        } catch {
          return out
        }
      }
    },
    async close() {
      sub.unsubscribe()
      await client.dispose()
    },
  }
}

export const NOTIFICATIONS = graphql(`subscription Notifications { notifications { type data time } }`)
export const CHAT_EVENTS = graphql(`subscription ModerationChatEvents($c: String!) { chatEvents(channel: $c) {
  __typename
  ... on ChatMessageAdded { message { databaseId channel text type replyToId from { databaseId name color } to { databaseId name color } } }
  ... on ChatMessageEdited { message { databaseId text from { databaseId name } to { databaseId name } } }
  ... on ChatMessageRemoved { messageId reason data }
} }`)

/** Live notifications of a user. */
export const notifications = (t: TestApp, token: string) => live(t, token, NOTIFICATIONS)
/** Live events of a chat channel (a signed-in subscriber holds two listeners). */
export const channelEvents = (t: TestApp, token: string | undefined, channel: string) =>
  live(t, token, CHAT_EVENTS, { c: channel }, token ? 2 : 1)

/** The next chat event of a GraphQL type (that `pick` accepts) on a channel subscription; others are skipped. */
export async function nextEvent<E extends { __typename: string }, K extends E['__typename']>(
  l: Live<{ chatEvents: E }>,
  typename: K,
  pick: (e: Extract<E, { __typename: K }>) => boolean = () => true,
) {
  const is = (e: E): e is Extract<E, { __typename: K }> => e.__typename === typename
  const { chatEvents } = await l.next((d) => is(d.chatEvents) && pick(d.chatEvents))
  if (!is(chatEvents)) throw new Error(`expected ${typename}`)
  return chatEvents
}

/** The next notification of a type. */
export const notice = async (l: Live<NotificationsSubscription>, type: string) =>
  (await l.next((d) => d.notifications.type === type)).notifications

export async function history(t: TestApp, token: string | undefined, channel: string) {
  const r = await gql(
    t.url,
    graphql(
      `query ModerationChatHistory($c: String!) { chatHistory(channel: $c, limit: 100) { databaseId text type replyToId from { databaseId name } to { databaseId name } } }`,
    ),
    { c: channel },
    token,
  )
  if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors))
  return r.data.chatHistory
}
