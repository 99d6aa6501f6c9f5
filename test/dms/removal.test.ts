import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gqlRaw } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { channelOf, conversation, dialogs, sent } from './dm-support.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const removeDialog = (u: TestUser, peer: number) =>
  gqlRaw(t.url, `mutation($u: Int!) { removeDirectDialog(user: $u) }`, { u: peer }, u.token)
const hide = (u: TestUser, message: number) =>
  gqlRaw(t.url, `mutation($m: Int!) { removeDirectMessageForMe(message: $m) }`, { m: message }, u.token)
const history = async (u: TestUser, channel: string) => {
  const r = await gqlRaw(
    t.url,
    `query($c: String!) { chatHistory(channel: $c, limit: 50) { databaseId } }`,
    { c: channel },
    u.token,
  )
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return (r.data.chatHistory as { databaseId: number }[]).map((m) => m.databaseId).sort()
}

describe('removing for oneself', () => {
  it('remove dialog: gone for me with its messages, kept by the other side, back with the next message', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const m1 = await sent(t, a, b.id, 'one')
    const m2 = await sent(t, b, a.id, 'two')
    const r = await removeDialog(b, a.id)
    expect(r.data.removeDirectDialog).toBe(true)
    expect((await dialogs(t, b)).list).toEqual([])
    expect(await conversation(t, b, a.id)).toEqual([])
    expect(await history(b, channelOf(a.id, b.id))).toEqual([])
    // the other side keeps everything
    expect((await conversation(t, a, b.id)).map((m) => m.databaseId)).toEqual([m1, m2])
    expect((await dialogs(t, a)).list).toHaveLength(1)
    // a new message brings the dialog back, with only what came after
    const m3 = await sent(t, a, b.id, 'three')
    expect((await dialogs(t, b)).list[0]).toMatchObject({
      peerId: a.id,
      unreadCount: 1,
      lastMessage: { databaseId: m3 },
    })
    expect((await conversation(t, b, a.id)).map((m) => m.databaseId)).toEqual([m3])
    // no conversation: false
    const c = await registerUser(t)
    expect((await removeDialog(c, a.id)).data.removeDirectDialog).toBe(false)
  })

  it('delete for me hides one message from me everywhere; the other side and delete-for-everyone are apart', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const m1 = await sent(t, a, b.id, 'keep me')
    const m2 = await sent(t, a, b.id, 'hide me quokka')
    expect((await hide(b, m2)).data.removeDirectMessageForMe).toBe(true)
    expect((await conversation(t, b, a.id)).map((m) => m.databaseId)).toEqual([m1])
    expect(await history(b, channelOf(a.id, b.id))).toEqual([m1])
    const search = await gqlRaw(t.url, `{ searchChatMessages(text: "quokka") { message { databaseId } } }`, {}, b.token)
    expect(search.data.searchChatMessages).toEqual([])
    // not unread any more either, and the dialog shows the last message b still sees
    expect((await dialogs(t, b)).list[0]).toMatchObject({ unreadCount: 1, lastMessage: { databaseId: m1 } })
    // a still has both, and can still delete it for everyone
    expect(await history(a, channelOf(a.id, b.id))).toEqual([m1, m2].sort())
    const removed = await gqlRaw(t.url, `mutation($id: Int!) { removeChatMessage(id: $id) }`, { id: m2 }, a.token)
    expect(removed.data.removeChatMessage).toBe(true)
    expect(await history(a, channelOf(a.id, b.id))).toEqual([m1])
    // hiding again, or a message not of my conversations: MESSAGE_NOT_FOUND naming `message`
    const again = await hide(b, m2)
    expect(codeOf(again)).toBe('MESSAGE_NOT_FOUND')
    expect(again.errors![0].extensions?.field).toBe('message')
    const eve = await registerUser(t)
    expect(codeOf(await hide(eve, m1))).toBe('MESSAGE_NOT_FOUND')
    // b cannot delete a's message for everyone
    const notMine = await gqlRaw(t.url, `mutation($id: Int!) { removeChatMessage(id: $id) }`, { id: m1 }, b.token)
    expect(codeOf(notMine)).toBe('INSUFFICIENT_PERMISSIONS')
  })
})
