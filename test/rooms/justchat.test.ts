import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw, rest, subscribeRaw, wsClient, disposeAll } from '../helpers/clients.js'
import { registerUser, userWithRoles } from '../helpers/users.js'
import { cast, must, SEND, type Cast } from './members-support.js'
import { oid, OBJECT_ID } from '../helpers/justchat.js'

/**
 * JustChat's room routes (justchat-api.md): session_key in the body, ObjectId strings (integers read too), documented statuses with {error}, the
 * RoomSchema shape without its password; room chat over chat's channel room/<id>; sanctions over moderation's.
 */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const jc = (path: string, body: Record<string, unknown>) => rest(t.url, path, body)
const ROOM_KEYS = [
  '_id',
  'admin',
  'banned',
  'created_at',
  'is_private',
  'max_users',
  'moderators',
  'name',
  'silently',
  'users',
  'visiters',
]

describe('/room/create, /room/enter, /room/get, /room/remove', () => {
  it('creates (201) with the documented room, enters with the password (401 when wrong, 404 unknown)', async () => {
    const owner = await registerUser(t)
    const created = await jc('/room/create', {
      session_key: owner.token,
      room: { name: 'jc room', password: 'baz-secret' },
    })
    expect(created.status).toBe(201)
    const room = created.body.data.room
    expect(Object.keys(room).sort()).toEqual(ROOM_KEYS)
    expect(room).toMatchObject({
      _id: expect.stringMatching(OBJECT_ID),
      name: 'jc room',
      is_private: true,
      admin: oid(owner.id),
      users: [],
      moderators: [],
      banned: [],
      silently: {},
      max_users: 255,
    })
    const u = await registerUser(t)
    const wrong = await jc('/room/enter', { session_key: u.token, room: { id: room._id, password: 'nope-nope' } })
    expect(wrong).toMatchObject({ status: 401, body: { error: expect.any(String) } })
    const unknown = await jc('/room/enter', { session_key: u.token, room: { id: '999999', password: 'x' } })
    expect(unknown.status).toBe(404)
    const garbage = await jc('/room/enter', { session_key: u.token, room: { id: '52ee29b565e203779f2e37f3' } })
    expect(garbage.status).toBe(404)
    const ok = await jc('/room/enter', { session_key: u.token, room: { id: room._id, password: 'baz-secret' } })
    expect(ok.status).toBe(200)
    expect(ok.body.data.room).toMatchObject({ users: [oid(u.id)], visiters: [oid(u.id)] })
    expect(JSON.stringify(ok.body)).not.toMatch(/baz-secret|password/)
    const noSession = await jc('/room/enter', { room: { id: room._id } })
    expect(noSession.status).toBe(440)
  })

  it('/room/get: one room, a name search, countOnly, pages', async () => {
    const owner = await registerUser(t)
    const tag = `zq${Date.now().toString(36)}`
    const ids: string[] = []
    for (const n of [1, 2, 3]) {
      const r = await jc('/room/create', { session_key: owner.token, room: { name: `${tag} ${n}` } })
      ids.push(r.body.data.room._id)
    }
    const one = await jc('/room/get', { session_key: owner.token, room_id: ids[0] })
    expect(one.body.data.rooms.map((r: { _id: string }) => r._id)).toEqual([ids[0]])
    const byName = await jc('/room/get', { session_key: owner.token, name: tag.toUpperCase(), sort: { create_at: 1 } })
    expect(byName.body.data.rooms.map((r: { _id: string }) => r._id)).toEqual(ids)
    const count = await jc('/room/get', { session_key: owner.token, name: tag, filter: { countOnly: true } })
    expect(count.body).toEqual({ data: { count: 3 } })
    const page2 = await jc('/room/get', {
      session_key: owner.token,
      name: tag,
      per_page: 2,
      page: 2,
      sort: { create_at: 1 },
    })
    expect(page2.body.data.rooms.map((r: { _id: string }) => r._id)).toEqual([ids[2]])
    const bad = await jc('/room/get', { session_key: owner.token, per_page: 0 })
    expect(bad).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^per_page: /) } })
  })

  it('/room/remove: the owner removes (200 {}), others are refused, an unknown room is 404', async () => {
    const owner = await registerUser(t)
    const other = await registerUser(t)
    const id = (await jc('/room/create', { session_key: owner.token, room: { name: 'to remove' } })).body.data.room._id
    const refused = await jc('/room/remove', { session_key: other.token, room: { id } })
    expect(refused.status).toBe(403)
    expect(await jc('/room/remove', { session_key: owner.token, room: { id } })).toMatchObject({
      status: 200,
      body: {},
    })
    expect((await jc('/room/remove', { session_key: owner.token, room: { id } })).status).toBe(404)
  })
})

describe('/room/sendMessage and /room/chat in a closed room', () => {
  let c: Cast
  beforeAll(async () => {
    c = await cast(t)
  })

  it('members write and read; a stranger gets 403 writing and nothing reading; unknown room 404', async () => {
    const sent = await jc('/room/sendMessage', {
      session_key: c.member.token,
      message: { room_id: String(c.room), text: 'SUP' },
    })
    expect(sent.status).toBe(200)
    expect(sent.body).toEqual({
      data: {
        message: { room: oid(c.room), text: 'SUP', author: oid(c.member.id), create_at: expect.any(String) },
      },
    })
    const stranger = await jc('/room/sendMessage', {
      session_key: c.user.token,
      message: { room_id: String(c.room), text: 'let me in' },
    })
    expect(stranger.status).toBe(403)
    const nowhere = await jc('/room/sendMessage', {
      session_key: c.user.token,
      message: { room_id: '999999', text: 'x' },
    })
    expect(nowhere.status).toBe(404)
    const read = await jc('/room/chat', { session_key: c.admin.token, room: String(c.room) })
    expect(read.status).toBe(200)
    expect(read.body.data.chat.at(-1)).toMatchObject({ text: 'SUP', author: oid(c.member.id), room: oid(c.room) })
    const notRead = await jc('/room/chat', { session_key: c.user.token, room: String(c.room) })
    expect(notRead.status).toBeGreaterThanOrEqual(403)
    expect(JSON.stringify(notRead.body)).not.toContain('SUP')
  })

  it('skip/limit: -n is the n latest (oldest first), n skips the n latest', async () => {
    const owner = await registerUser(t)
    const id = (await jc('/room/create', { session_key: owner.token, room: { name: 'history' } })).body.data.room._id
    for (let i = 1; i <= 6; i++)
      await jc('/room/sendMessage', { session_key: owner.token, message: { room_id: id, text: `m${i}` } })
    const texts = async (skip: number, limit?: number) =>
      (await jc('/room/chat', { session_key: owner.token, room: id, skip, limit })).body.data.chat.map(
        (m: { text: string }) => m.text,
      )
    expect(await texts(-3)).toEqual(['m4', 'm5', 'm6'])
    expect(await texts(-4, 2)).toEqual(['m3', 'm4'])
    expect(await texts(0, 2)).toEqual(['m5', 'm6'])
    expect(await texts(2, 2)).toEqual(['m3', 'm4'])
    // more than there are: the window starts from the first message (justchat-api.md "выберутся с нулевого")
    expect(await texts(-200, 4)).toEqual(['m1', 'm2', 'm3', 'm4'])
    const bad = await jc('/room/chat', { session_key: owner.token, room: id, limit: 1000 })
    expect(bad).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^limit: /) } })
  })

  it('a closed room never reaches a non-member: GraphQL history, a subscription, chat search', async () => {
    const secret = `closed${Date.now().toString(36)}`
    await must(t, SEND, { c: `room/${c.room}`, text: `word ${secret}` }, c.member.token)
    const h = await gqlRaw(
      t.url,
      'query($c: String!) { chatHistory(channel: $c) { text } }',
      { c: `room/${c.room}` },
      c.user.token,
    )
    expect(h.data).toBeNull()
    expect(h.errors?.[0]?.extensions?.code).toMatch(/INSUFFICIENT_PERMISSIONS|CHANNEL_NOT_FOUND/)
    const search = async (token?: string) =>
      gqlRaw(t.url, 'query($q: String!) { searchChatMessages(text: $q) { message { text } } }', { q: secret }, token)
    expect((await search(c.user.token)).data.searchChatMessages).toEqual([])
    expect((await search()).data.searchChatMessages).toEqual([])
    const ws = wsClient(t.url, c.user.token)
    try {
      const sub = subscribeRaw(ws, 'subscription($c: String!) { chatEvents(channel: $c) { __typename } }', {
        c: `room/${c.room}`,
      })
      const first = await sub.next()
      expect(first.errors ?? first.error).toBeDefined()
    } finally {
      await disposeAll([ws])
    }
  })
})

describe('/room/kick, /room/silence, /room/ban, /room/add-moderator, /room/remove-moderator', () => {
  it('the owner sanctions; the user is put out, silenced, banned; a stranger may not (403)', async () => {
    const c = await cast(t, { mode: 'PUBLIC' })
    const target = await registerUser(t)
    const room_id = oid(c.room)
    await jc('/room/enter', { session_key: target.token, room: { id: room_id } })
    const kick = await jc('/room/kick', { session_key: c.owner.token, room_id, user_id: String(target.id) })
    expect(kick).toMatchObject({ status: 200, body: {} })
    const after = await jc('/room/get', { session_key: c.owner.token, room_id })
    expect(after.body.data.rooms[0].users).toEqual([])
    const finished = Date.now() + 3_600_000
    const silence = await jc('/room/silence', {
      session_key: c.owner.token,
      room_id,
      user_id: String(target.id),
      finished,
      text: 'hush',
    })
    expect(silence.status).toBe(200)
    await jc('/room/enter', { session_key: target.token, room: { id: room_id } })
    const hushed = await jc('/room/sendMessage', { session_key: target.token, message: { room_id, text: 'hi' } })
    expect(hushed.status).toBe(403)
    const ban = await jc('/room/ban', { session_key: c.admin.token, room_id, user_id: String(target.id) })
    expect(ban.status).toBe(200)
    const shown = await jc('/room/get', { session_key: c.owner.token, room_id })
    expect(shown.body.data.rooms[0]).toMatchObject({
      banned: [oid(target.id)],
      silently: { [oid(target.id)]: finished },
      users: [],
    })
    // the history's service messages name the owner (public, the room's `admin`); an ADMIN member is not listed: anonymous
    const chat = await jc('/room/chat', { session_key: c.owner.token, room: room_id })
    const services = (chat.body.data.chat as { type: string; author: string | null; text: string }[]).filter(
      (m) => m.type !== 'message',
    )
    expect(services.map((m) => [m.type, m.author, m.text.includes(c.owner.name)])).toEqual([
      ['kick', oid(c.owner.id), true],
      ['silence', oid(c.owner.id), true],
      ['ban', null, false],
    ])
    const stranger = await jc('/room/kick', { session_key: c.user.token, room_id, user_id: String(c.member.id) })
    expect(stranger.status).toBe(403)
    const badTime = await jc('/room/silence', {
      session_key: c.owner.token,
      room_id,
      user_id: String(c.member.id),
      finished: 'soon',
    })
    expect(badTime).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^finished: /) } })
  })

  it('the owner appoints (201) and removes (200) moderators; others may not', async () => {
    const c = await cast(t, { mode: 'PUBLIC' })
    const room_id = String(c.room)
    const add = await jc('/room/add-moderator', { session_key: c.owner.token, room_id, user_id: String(c.member.id) })
    expect(add).toMatchObject({ status: 201, body: {} })
    const shown = await jc('/room/get', { session_key: c.owner.token, room_id })
    expect(shown.body.data.rooms[0].moderators).toEqual([oid(c.member.id)])
    // an appointed moderator is public too: their kick names them (the owner's appointment names the owner)
    const kick = await jc('/room/kick', { session_key: c.member.token, room_id, user_id: String(c.user.id) })
    expect(kick.status).toBe(200)
    const chat = await jc('/room/chat', { session_key: c.owner.token, room: room_id })
    expect((chat.body.data.chat as { type: string; author: string }[]).map((m) => [m.type, m.author])).toEqual([
      ['new moderator', oid(c.owner.id)],
      ['kick', oid(c.member.id)],
    ])
    const byStranger = await jc('/room/add-moderator', {
      session_key: c.user.token,
      room_id,
      user_id: String(c.user.id),
    })
    expect(byStranger.status).toBe(403)
    const remove = await jc('/room/remove-moderator', {
      session_key: c.owner.token,
      room_id,
      user_id: String(c.member.id),
    })
    expect(remove).toMatchObject({ status: 200, body: {} })
  })

  it('site staff sanction in any room', async () => {
    const c = await cast(t)
    const staff = await userWithRoles(t, { moderator: 1 })
    const r = await jc('/room/ban', { session_key: staff.token, room_id: String(c.room), user_id: String(c.member.id) })
    expect(r.status).toBe(200)
  })
})
