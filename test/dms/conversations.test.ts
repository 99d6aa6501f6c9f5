import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gqlRaw } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { channelOf, conversation, dialogs, markRead, send, sent, unreadTotal, MESSAGE } from './dm-support.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('direct messages: send, dialogs, unread, read receipts', () => {
  it('a message lands in both dialogs with the right unread counts, and reading clears them', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const m1 = await sent(t, a, b.id, 'hi b')
    const m2 = await sent(t, a, b.id, 'are you there?')
    const ofB = (await dialogs(t, b)).list
    expect(ofB).toHaveLength(1)
    expect(ofB[0]).toMatchObject({ channel: channelOf(a.id, b.id), peerId: a.id, unreadCount: 2, lastReadId: 0 })
    expect(ofB[0].lastMessage).toMatchObject({ databaseId: m2, text: 'are you there?' })
    const ofA = (await dialogs(t, a)).list
    // the author has read their own messages
    expect(ofA[0]).toMatchObject({ peerId: b.id, unreadCount: 0, lastReadId: m2, peerLastReadId: 0 })
    expect(await unreadTotal(t, b)).toBe(2)
    const r = await markRead(t, b, m1)
    expect(r.errors).toBeUndefined()
    expect(r.data.markDirectMessagesRead).toMatchObject({ userId: b.id, upToId: m1 })
    expect((await dialogs(t, b)).list[0].unreadCount).toBe(1)
    expect((await dialogs(t, a)).list[0].peerLastReadId).toBe(m1)
    // read positions only move forward
    await markRead(t, b, m2)
    await markRead(t, b, m1)
    expect((await dialogs(t, b)).list[0]).toMatchObject({ unreadCount: 0, lastReadId: m2 })
    expect(await conversation(t, b, a.id)).toMatchObject([{ databaseId: m1 }, { databaseId: m2 }])
  })

  it('orders dialogs by last activity and pages them by cursor', async () => {
    const me = await registerUser(t)
    const peers = [await registerUser(t), await registerUser(t), await registerUser(t)]
    for (const p of peers) await sent(t, p, me.id, `from ${p.name}`)
    await sent(t, me, peers[0].id, 'back to the first')
    const page1 = await dialogs(t, me, 2)
    expect(page1.list.map((d) => d.peerId)).toEqual([peers[0].id, peers[2].id])
    expect(page1.pageInfo.hasNextPage).toBe(true)
    const page2 = await dialogs(t, me, 2, page1.pageInfo.endCursor!)
    expect(page2.list.map((d) => d.peerId)).toEqual([peers[1].id])
    expect(page2.pageInfo.hasNextPage).toBe(false)
  })

  it('refuses an unknown recipient naming `to`, empty or over-long text naming `text`', async () => {
    const a = await registerUser(t)
    const r = await send(t, a, 2_000_000_000, 'x')
    expect(codeOf(r)).toBe('USER_NOT_FOUND')
    expect(r.errors![0].extensions?.field).toBe('to')
    const b = await registerUser(t)
    for (const text of ['', '   ', 'x'.repeat(2001)]) {
      const e = await send(t, a, b.id, text)
      expect(codeOf(e)).toBe('INVALID_INPUT')
      expect(e.errors![0].extensions?.field).toBe('text')
    }
    expect((await dialogs(t, b)).list).toHaveLength(0)
  })

  it('a third user reaches the conversation by no path: history, node, search, mark-as-read, dialogs', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const eve = await registerUser(t)
    const id = await sent(t, a, b.id, 'secret plans zebra')
    const ch = channelOf(a.id, b.id)
    const histQ = `query($c: String!) { chatHistory(channel: $c, limit: 10) { text } }`
    const hist = await gqlRaw(t.url, histQ, { c: ch }, eve.token)
    expect(codeOf(hist)).toBe('INSUFFICIENT_PERMISSIONS')
    expect((await gqlRaw(t.url, histQ, { c: ch }, b.token)).data.chatHistory).toEqual([{ text: 'secret plans zebra' }])
    expect(JSON.stringify(hist.data ?? null)).not.toContain('secret')
    const node = await gqlRaw(
      t.url,
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: Buffer.from(`ChatMessage:${id}`).toString('base64') },
      eve.token,
    )
    expect(node.data?.node ?? null).toBeNull()
    const nodeOfB = await gqlRaw(
      t.url,
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: Buffer.from(`ChatMessage:${id}`).toString('base64') },
      b.token,
    )
    expect(nodeOfB.data.node).not.toBeNull()
    const search = await gqlRaw(t.url, `{ searchChatMessages(text: "zebra") { message { text } } }`, {}, eve.token)
    expect(JSON.stringify(search)).not.toContain('secret')
    const read = await markRead(t, eve, id)
    expect(codeOf(read)).toBe('MESSAGE_NOT_FOUND')
    expect((await dialogs(t, eve)).list).toHaveLength(0)
    const list = await gqlRaw(
      t.url,
      `query($a: Int) { directMessages(author: $a) { ${MESSAGE} } }`,
      { a: a.id },
      eve.token,
    )
    expect(list.data.directMessages).toEqual([])
    // the members themselves do find it
    const own = await gqlRaw(t.url, `{ searchChatMessages(text: "zebra") { message { text } } }`, {}, b.token)
    expect(JSON.stringify(own.data)).toContain('secret plans zebra')
  })
})
