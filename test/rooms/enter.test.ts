import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles } from '../helpers/users.js'
import { dropAll, failOn, underFailure } from '../failure/support.js'
import {
  CALLERS,
  ENTER,
  HISTORY,
  LEAVE,
  SEND,
  cast,
  makeRoom,
  manyUsers,
  must,
  refused,
  tokenOf,
} from './members-support.js'

/**
 * Entering and leaving rooms (JustChat /room/enter): passwords, closed rooms, bans, one room at a time, maxUsers under
 * a crowd, and what kicks and bans do to who is inside.
 */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterEach(() => dropAll(t))
afterAll(() => closeAll(t))

const db = () => t.app.services.prisma
const inside = (roomId: number) => db().roomOccupant.count({ where: { roomId } })
const KICK = 'mutation($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId } }'
const BAN = 'mutation($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }'
const PEOPLE =
  'query($r: Int!) { room(databaseId: $r) { occupantCount occupants { databaseId } visitors { databaseId } sanctions { userId kind until } moderators { databaseId } } }'

describe('passwords', () => {
  it('a wrong or missing password is ROOM_WRONG_PASSWORD; the right one lets in and makes a member', async () => {
    const owner = await registerUser(t)
    const room = await makeRoom(t, owner, { password: 'secret-1' })
    const u = await registerUser(t)
    expect(await refused(t, ENTER, { r: room, p: 'wrong-1' }, u.token)).toBe('ROOM_WRONG_PASSWORD')
    expect(await refused(t, ENTER, { r: room }, u.token)).toBe('ROOM_WRONG_PASSWORD')
    expect(await inside(room)).toBe(0)
    const d = await must(t, ENTER, { r: room, p: 'secret-1' }, u.token)
    expect(d.enterRoom).toEqual({ databaseId: room, occupantCount: 1 })
    const m = await db().roomMember.findUnique({ where: { roomId_userId: { roomId: room, userId: u.id } } })
    expect(m?.role).toBe('MEMBER')
    // a member comes back without it
    await must(t, LEAVE, {}, u.token)
    await must(t, ENTER, { r: room }, u.token)
  })

  it('the room answers for a password never shows it', async () => {
    const owner = await registerUser(t)
    const room = await makeRoom(t, owner, { password: 'secret-2' })
    const r = await rest(t.url, '/room/enter', { session_key: owner.token, room: { id: String(room) } })
    expect(r.status).toBe(200)
    expect(JSON.stringify(r.body)).not.toMatch(/secret-2|argon|password/i)
  })
})

describe('closed rooms without a password: members only', () => {
  it.for(CALLERS)('%s entering a PRIVATE room', async (who) => {
    const c = await cast(t)
    const code = await refused(t, ENTER, { r: c.room }, tokenOf(c, who))
    expect(code).toBe({ guest: 'UNAUTHENTICATED', user: 'ROOM_NO_ACCESS' }[who as string])
  })

  it('an unknown room is ROOM_NOT_FOUND', async () => {
    const u = await registerUser(t)
    expect(await refused(t, ENTER, { r: 987_654 }, u.token)).toBe('ROOM_NOT_FOUND')
  })
})

describe('one room at a time', () => {
  it('entering another room leaves the first; leaving leaves; visits are kept', async () => {
    const owner = await registerUser(t)
    const a = await makeRoom(t, owner)
    const b = await makeRoom(t, owner)
    const u = await registerUser(t)
    await must(t, ENTER, { r: a }, u.token)
    await must(t, ENTER, { r: a }, u.token)
    expect(await inside(a)).toBe(1)
    await must(t, ENTER, { r: b }, u.token)
    expect([await inside(a), await inside(b)]).toEqual([0, 1])
    const d = await must(t, PEOPLE, { r: a }, u.token)
    expect(d.room.visitors).toEqual([{ databaseId: u.id }])
    expect(d.room.occupants).toEqual([])
    expect((await must(t, LEAVE, {}, u.token)).leaveRoom).toBe(true)
    expect((await must(t, LEAVE, {}, u.token)).leaveRoom).toBe(false)
    expect(await inside(b)).toBe(0)
  })

  it('a closed room keeps its people to itself', async () => {
    const c = await cast(t)
    await must(t, ENTER, { r: c.room }, c.member.token)
    const seen = await must(t, PEOPLE, { r: c.room }, c.member.token)
    expect(seen.room.occupants).toEqual([{ databaseId: c.member.id }])
    const stranger = await must(t, PEOPLE, { r: c.room }, c.user.token)
    expect(stranger.room).toMatchObject({ occupantCount: 1, occupants: [], visitors: [], sanctions: [] })
  })
})

describe('maxUsers', () => {
  it('a full room refuses (ROOM_FULL); whoever is inside may enter again', async () => {
    const owner = await registerUser(t)
    const room = await makeRoom(t, owner, { maxUsers: 2 })
    const [a, b, c] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)])
    await must(t, ENTER, { r: room }, a.token)
    await must(t, ENTER, { r: room }, b.token)
    expect(await refused(t, ENTER, { r: room }, c.token)).toBe('ROOM_FULL')
    await must(t, ENTER, { r: room }, a.token)
    await must(t, LEAVE, {}, b.token)
    await must(t, ENTER, { r: room }, c.token)
  })

  it('300 users entering a room of 255 at once: exactly 255 get in', { timeout: 120_000 }, async () => {
    const owner = await registerUser(t)
    const room = await makeRoom(t, owner, { maxUsers: 255 })
    const users = await manyUsers(t, 300)
    const started = performance.now()
    const results = await Promise.all(users.map((u) => gqlRaw(t.url, ENTER, { r: room }, u.token)))
    const ms = Math.round(performance.now() - started)
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok')
    const tally = Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]))
    console.info(
      `rooms maxUsers race (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded'}): ${JSON.stringify(tally)} in ${ms} ms`,
    )
    expect(tally).toEqual({ ok: 255, ROOM_FULL: 45 })
    expect(await inside(room)).toBe(255)
  })
})

describe('bans and kicks (moderation on)', () => {
  it('a ban keeps the user out and puts them out; they read and write nothing there', async () => {
    const owner = await registerUser(t)
    const room = await makeRoom(t, owner)
    const u = await registerUser(t)
    await must(t, ENTER, { r: room }, u.token)
    await must(t, SEND, { c: `room/${room}`, text: 'before the ban' }, u.token)
    await must(t, BAN, { c: `room/${room}`, u: u.id }, owner.token)
    expect(await inside(room)).toBe(0)
    expect(await refused(t, ENTER, { r: room }, u.token)).toBe('ROOM_BANNED')
    expect(await refused(t, HISTORY, { c: `room/${room}` }, u.token)).toBe('INSUFFICIENT_PERMISSIONS')
    expect(await refused(t, SEND, { c: `room/${room}`, text: 'banned' }, u.token)).toBe('INSUFFICIENT_PERMISSIONS')
    const d = await must(t, PEOPLE, { r: room }, owner.token)
    expect(d.room.sanctions).toEqual([{ userId: u.id, kind: 'BAN', until: null }])
  })

  it('a kick puts the user out; they write again only after entering again', async () => {
    const owner = await registerUser(t)
    const room = await makeRoom(t, owner)
    const u = await registerUser(t)
    await must(t, ENTER, { r: room }, u.token)
    await must(t, KICK, { c: `room/${room}`, u: u.id }, owner.token)
    expect(await inside(room)).toBe(0)
    const dropped = await must(t, SEND, { c: `room/${room}`, text: 'kicked' }, u.token)
    expect(dropped.sendChatMessage).toMatchObject({ isSent: false, dropReason: 'KICKED' })
    // reading goes on: a kick is about writing
    await must(t, HISTORY, { c: `room/${room}` }, u.token)
    await must(t, ENTER, { r: room }, u.token)
    const sent = await must(t, SEND, { c: `room/${room}`, text: 'back' }, u.token)
    expect(sent.sendChatMessage.isSent).toBe(true)
  })

  it('leaving is not losing access: a member who left still reads and writes the closed room', async () => {
    const c = await cast(t)
    await must(t, ENTER, { r: c.room }, c.member.token)
    await must(t, LEAVE, {}, c.member.token)
    await must(t, SEND, { c: `room/${c.room}`, text: 'from outside' }, c.member.token)
    await must(t, HISTORY, { c: `room/${c.room}` }, c.member.token)
  })

  it('an appointed moderator is listed; silences show with their end', async () => {
    const owner = await registerUser(t)
    const room = await makeRoom(t, owner)
    const [mod, quiet] = await Promise.all([registerUser(t), registerUser(t)])
    await must(
      t,
      'mutation($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }',
      {
        c: `room/${room}`,
        u: mod.id,
      },
      owner.token,
    )
    const until = new Date(Date.now() + 3_600_000).toISOString()
    await must(
      t,
      'mutation($c: String!, $u: Int!, $until: DateTime!) { silenceInChannel(channel: $c, userId: $u, until: $until) { databaseId } }',
      { c: `room/${room}`, u: quiet.id, until },
      owner.token,
    )
    const d = await must(t, PEOPLE, { r: room }, quiet.token)
    expect(d.room.moderators).toEqual([{ databaseId: mod.id }])
    expect(d.room.sanctions).toEqual([{ userId: quiet.id, kind: 'SILENCE', until }])
  })

  it('a kick whose putting-out fails is not made at all, and nothing is announced; the retry is whole', async () => {
    const owner = await registerUser(t)
    const room = await makeRoom(t, owner)
    const u = await registerUser(t)
    await must(t, ENTER, { r: room }, u.token)
    const { retry, events } = await underFailure(t, {
      tables: ['RoomOccupant', 'ChannelSanction', 'ChatMessage'],
      inject: () => failOn(t, 'RoomOccupant', 'DELETE', `OLD."userId" = ${u.id}`),
      run: () => gqlRaw(t.url, KICK, { c: `room/${room}`, u: u.id }, owner.token),
    })
    expect(retry.errors).toBeUndefined()
    expect(await inside(room)).toBe(0)
    expect(events.filter((e) => e.topic === 'rooms.room').map((e) => [e.payload.change, e.payload.userId])).toEqual([
      ['LEFT', u.id],
    ])
  })

  it('site staff enter any room', async () => {
    const c = await cast(t)
    const staff = await userWithRoles(t, { moderator: 1 })
    await must(t, ENTER, { r: c.room }, staff.token)
  })
})

describe('moderation off (PLUGINS=chat,rooms)', () => {
  let bare: TestApp
  beforeAll(async () => {
    bare = await startTestApp({ PLUGINS: 'chat,rooms' })
  })
  afterAll(() => closeAll(bare))

  it('rooms work without sanctions: entering, chat, no moderators, no sanction routes', async () => {
    const owner = await registerUser(bare)
    const room = await makeRoom(bare, owner, { password: 'secret-3' })
    const u = await registerUser(bare)
    expect(await refused(bare, ENTER, { r: room, p: 'nope-1' }, u.token)).toBe('ROOM_WRONG_PASSWORD')
    await must(bare, ENTER, { r: room, p: 'secret-3' }, u.token)
    await must(bare, SEND, { c: `room/${room}`, text: 'no moderation here' }, u.token)
    const d = await must(bare, PEOPLE, { r: room }, u.token)
    expect(d.room).toMatchObject({ occupantCount: 1, moderators: [], sanctions: [] })
    const kick = await rest(bare.url, '/room/kick', {
      session_key: owner.token,
      room_id: String(room),
      user_id: String(u.id),
    })
    expect(kick.status).toBe(404)
    const enter = await rest(bare.url, '/room/enter', { session_key: u.token, room: { id: String(room) } })
    expect(enter.status).toBe(200)
    expect(enter.body.data.room).toMatchObject({ moderators: [], banned: [], silently: {} })
  })
})
