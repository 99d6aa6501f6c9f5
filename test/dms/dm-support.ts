// Shared by the direct-message tests: sending, reading and the JustChat routes, through GraphQL as clients do.
import { expect } from 'vitest'
import type { TestApp } from '../helpers/app.js'
import { gqlRaw, type GqlResult } from '../helpers/clients.js'
import type { TestUser } from '../helpers/users.js'

export const MESSAGE = 'databaseId channel text time editedAt replyToId from { databaseId } to { databaseId }'

export interface Msg {
  databaseId: number
  channel: string
  text: string
  from: { databaseId: number } | null
}

export const channelOf = (a: number, b: number) => `private/${Math.min(a, b)}/${Math.max(a, b)}`

/** sendDirectMessage as `from`; the whole result (isSent, dropReason, message). */
export async function send(t: TestApp, from: TestUser, to: number, text: string, more: Record<string, unknown> = {}) {
  const r = await gqlRaw(
    t.url,
    `mutation($i: SendDirectMessageInput!) { sendDirectMessage(input: $i) { isSent dropReason dropMessage message { ${MESSAGE} } } }`,
    { i: { to, text, ...more } },
    from.token,
  )
  return r as GqlResult<{
    sendDirectMessage: { isSent: boolean; dropReason: string | null; dropMessage: string | null; message: Msg | null }
  }>
}

/** A message that must go out: its databaseId. */
export async function sent(t: TestApp, from: TestUser, to: number, text: string) {
  const r = await send(t, from, to, text)
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  expect(r.data!.sendDirectMessage.isSent, r.data!.sendDirectMessage.dropMessage ?? '').toBe(true)
  return r.data!.sendDirectMessage.message!.databaseId
}

export interface DialogOut {
  channel: string
  peerId: number
  unreadCount: number
  lastReadId: number
  peerLastReadId: number
  lastMessage: Msg | null
}

const DIALOG = `channel peerId unreadCount lastReadId peerLastReadId lastMessage { ${MESSAGE} }`

export async function dialogs(t: TestApp, user: TestUser, first = 20, after?: string) {
  const r = await gqlRaw(
    t.url,
    `query($first: Int, $after: String) { directDialogs(first: $first, after: $after) { edges { cursor node { ${DIALOG} } } pageInfo { hasNextPage endCursor } } }`,
    { first, after },
    user.token,
  )
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  const c = r.data.directDialogs as {
    edges: { cursor: string; node: DialogOut }[]
    pageInfo: { hasNextPage: boolean; endCursor: string | null }
  }
  return { list: c.edges.map((e) => e.node), pageInfo: c.pageInfo }
}

export async function conversation(t: TestApp, user: TestUser, peer: number, limit = 100, skip = 0) {
  const r = await gqlRaw(
    t.url,
    `query($u: Int!, $l: Int, $s: Int) { directConversation(user: $u, limit: $l, skip: $s) { ${MESSAGE} } }`,
    { u: peer, l: limit, s: skip },
    user.token,
  )
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data.directConversation as Msg[]
}

export async function unreadTotal(t: TestApp, user: TestUser) {
  const r = await gqlRaw(t.url, `{ directUnreadCount }`, {}, user.token)
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data.directUnreadCount as number
}

export const markRead = (t: TestApp, user: TestUser, message: number) =>
  gqlRaw(
    t.url,
    `mutation($m: Int!) { markDirectMessagesRead(message: $m) { channel userId upToId time } }`,
    { m: message },
    user.token,
  )

/** Sets a user's `messages.allowFrom` through updateSettings, as a client does. */
export async function allowFrom(t: TestApp, user: TestUser, value: 'everyone' | 'friends' | 'nobody') {
  const r = await gqlRaw(
    t.url,
    `mutation($s: SettingsInput!) { updateSettings(settings: $s) { messages { allowFrom } } }`,
    { s: { messages: { allowFrom: value } } },
    user.token,
  )
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  expect(r.data.updateSettings.messages.allowFrom).toBe(value)
}
