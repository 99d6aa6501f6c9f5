import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { legacyClient, type LegacyClient } from '../helpers/legacy-sockets.js'
import { encodeObjectId } from '../../src/rest/object-ids.js'
import { graphql } from '../generated/index.js'

let t: TestApp
const clients: LegacyClient[] = []
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  for (const c of clients) c.close()
  await closeAll(t)
})

const jc = (path: string, body: Record<string, unknown>) => rest(t.url, path, body)
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
const hex = (id: number) => encodeObjectId(id)
// requests send plain ids (the dialect reads them as well as the 24-hex form it answers with)

/** JustChat's example (justchat-api.md "Связывание сессии и сокета"): connect, `init` with the session key, `ready`. */
async function initSocket(u: TestUser) {
  // the documented client connects with socket.io's defaults: its own path, long-polling first
  const c = await legacyClient(t.url, 2, { path: '/socket.io/', transports: ['polling', 'websocket'] })
  clients.push(c)
  c.socket.emit('init', { session_key: u.token })
  expect(await c.next('ready')).toEqual({ error: null })
  return c
}

describe('JustChat socket (socket.io-client 2)', () => {
  it('init with a bad session key is refused; without init nothing personal arrives', async () => {
    const c = await legacyClient(t.url, 2)
    clients.push(c)
    c.socket.emit('init', { session_key: 'nope' })
    expect(await c.next('error')).toEqual({ error: expect.any(String), status: 440 })
    expect(await c.nothingWithin('ready', 200)).toBe(true)
  })

  it('direct-message to the recipient, read-message to the writer', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)]
    const sa = await initSocket(a)
    const sb = await initSocket(b)
    const sent = await jc('/user/sendMessage', { session_key: b.token, message: { user: String(a.id), text: 'Dude!' } })
    expect(sent.status).toBe(200)
    expect(await sa.next('direct-message')).toEqual({
      error: null,
      type: 'direct-message',
      author: hex(b.id),
      user: hex(a.id),
      text: 'Dude!',
      created_at: ISO,
    })
    expect(await sb.nothingWithin('direct-message', 200)).toBe(true)

    const read = await jc('/user/messages/mark-as-read', {
      session_key: a.token,
      message: sent.body.data.message[0]._id,
    })
    expect(read.status).toBe(200)
    const receipt = await sb.next('read-message')
    expect(receipt).toEqual({
      error: null,
      data: expect.objectContaining({ _id: sent.body.data.message[0]._id, text: 'Dude!', create_at: ISO }),
    })
    expect(receipt.data.author).toBe(sent.body.data.message[0].author)
  })

  it('gift-message to the recipient', async () => {
    const admin = await userWithRoles(t, { storeAdmin: 1 })
    const gift = await gql(
      t.url,
      graphql(`mutation JcSocketGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId } }`),
      { i: { name: 'Rose', image: '/uploads/rose.png', price: 5, active: true } },
      admin.token,
    )
    const [from, to] = [await registerUser(t), await registerUser(t)]
    const fund = await gql(
      t.url,
      graphql(`mutation JcSocketFund($u: Int!) {
        adjustStoreBalance(userId: $u, currency: PEKOINS, amount: 10, reason: "test funds") { pekoins } }`),
      { u: from.id },
      admin.token,
    )
    expect(fund.errors).toBeUndefined()
    const s = await initSocket(to)
    const r = await jc('/gifts/send', {
      session_key: from.token,
      gift: String(gift.data!.saveStoreGift.databaseId),
      user: String(to.id),
      text: 'for you',
    })
    expect(r.status).toBe(200)
    expect(await s.next('gift-message')).toEqual({
      error: null,
      room: null,
      user: hex(to.id),
      author: hex(from.id),
      created_at: ISO,
    })
  })

  it("message and service-message of the user's room (author: its owner, not site staff), following them", async () => {
    const [owner, guest] = [await registerUser(t), await registerUser(t)]
    const create = async (name: string) => {
      const r = await jc('/room/create', { session_key: owner.token, room: { name } })
      expect(r.status).toBe(201)
      return r.body.data.room._id as string
    }
    const first = await create(`jc-socket-${owner.id}`)
    const second = await create(`jc-socket-2-${owner.id}`)
    const so = await initSocket(owner)
    expect((await jc('/room/enter', { session_key: owner.token, room: { id: first } })).status).toBe(200)
    expect((await jc('/room/enter', { session_key: guest.token, room: { id: first } })).status).toBe(200)
    const say = (u: TestUser, room: string, text: string) =>
      jc('/room/sendMessage', { session_key: u.token, message: { room_id: room, text } })
    // the socket follows its user into the room (viewerRoom): wait until it hears the room
    let heard: { text: string } | null = null
    for (let i = 0; i < 50 && !heard; i++) {
      expect((await say(guest, first, `SUP ${i}`)).status).toBe(200)
      heard = await so.next('message', 200).catch(() => null)
    }
    expect(heard).toEqual({ error: null, text: expect.stringMatching(/^SUP/), author: hex(guest.id), created_at: ISO })

    const ref = (await say(guest, first, 'rude')).body.data.message
    expect((await so.next('message')).text).toBe('rude')
    const kick = await jc('/room/kick', {
      session_key: owner.token,
      room_id: first,
      user_id: String(guest.id),
      ref_message: ref._id ?? null,
    })
    expect(kick.status).toBe(200)
    const kicked = (author: string | null) => ({
      error: null,
      type: 'kick',
      room: hex(Number.parseInt(first, 16) || Number(first)),
      user: hex(guest.id),
      author,
      created_at: ISO,
      ref_message: null,
    })
    // the room's owner is public (the room object's `admin`): their kick names them
    expect(await so.next('service-message')).toEqual(kicked(hex(owner.id)))
    // site staff acting in a room they do not moderate stay anonymous
    const staff = await userWithRoles(t, { moderator: 1 })
    const byStaff = await jc('/room/kick', { session_key: staff.token, room_id: first, user_id: String(guest.id) })
    expect(byStaff.status).toBe(200)
    expect(await so.next('service-message')).toEqual(kicked(null))

    // into the second room: the first one's chat no longer reaches the socket
    expect((await jc('/room/enter', { session_key: owner.token, room: { id: second } })).status).toBe(200)
    let moved = false
    for (let i = 0; i < 50 && !moved; i++) {
      await say(owner, second, `here ${i}`)
      moved = (await so.next('message', 200).catch(() => null)) !== null
    }
    expect(moved).toBe(true)
    expect((await jc('/room/enter', { session_key: guest.token, room: { id: first } })).status).toBe(200)
    await say(guest, first, 'not heard')
    expect(await so.nothingWithin('message', 300)).toBe(true)
  })
})
