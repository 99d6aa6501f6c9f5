import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { disposeAll, gqlRaw, subscribeRaw, until, wsClient } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { CALLERS, cast, manyUsers, must, refused, tokenOf, type Cast } from './members-support.js'

/**
 * Access requests (peka2 /api/room/invite/*) through each of their states, what the requester hears, and invite links
 * (messenger) with their limits — uses counted exactly under a crowd.
 */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const REQUEST = 'mutation($r: Int!) { requestRoomAccess(roomId: $r) { databaseId status blacklisted userId roomId } }'
const MINE = 'query($r: Int!) { myRoomInvite(roomId: $r) { databaseId status blacklisted } }'
const LIST = 'query($r: Int!) { roomInvites(roomId: $r) { databaseId userId status user { databaseId } } }'
const ACCEPT = 'mutation($i: Int!) { acceptRoomInvite(inviteId: $i) { userId role } }'
const REJECT = 'mutation($i: Int!) { rejectRoomInvite(inviteId: $i) }'
const BLACKLIST = 'mutation($i: Int!) { blacklistRoomInvite(inviteId: $i) { status blacklisted } }'
const LINK =
  'mutation($r: Int!, $h: Int, $m: Int) { createRoomInviteLink(roomId: $r, expiresHours: $h, maxUses: $m) { code expiresAt maxUses uses roomId } }'
const JOIN = 'mutation($code: String!) { joinRoomByCode(code: $code) { databaseId viewerRole } }'
const LINKS = 'query($r: Int!) { roomInviteLinks(roomId: $r) { code uses } }'
const REVOKE = 'mutation($code: String!) { revokeRoomInviteLink(code: $code) }'

describe('the request workflow', () => {
  let c: Cast
  beforeAll(async () => {
    c = await cast(t)
  })

  it('pending → status → accepted: a member, the request gone', async () => {
    const u = await registerUser(t)
    const req = (await must(t, REQUEST, { r: c.room }, u.token)).requestRoomAccess
    expect(req).toMatchObject({ status: 'PENDING', blacklisted: false, userId: u.id, roomId: c.room })
    expect((await must(t, MINE, { r: c.room }, u.token)).myRoomInvite.status).toBe('PENDING')
    expect(await refused(t, REQUEST, { r: c.room }, u.token)).toBe('ROOM_INVITE_EXISTS')
    const listed = (await must(t, LIST, { r: c.room }, c.admin.token)).roomInvites
    expect(listed).toContainEqual({
      databaseId: req.databaseId,
      userId: u.id,
      status: 'PENDING',
      user: { databaseId: u.id },
    })
    expect((await must(t, ACCEPT, { i: req.databaseId }, c.admin.token)).acceptRoomInvite).toEqual({
      userId: u.id,
      role: 'MEMBER',
    })
    expect((await must(t, MINE, { r: c.room }, u.token)).myRoomInvite).toBeNull()
    expect(await refused(t, ACCEPT, { i: req.databaseId }, c.admin.token)).toBe('ROOM_INVITE_NOT_FOUND')
    expect(await refused(t, REQUEST, { r: c.room }, u.token)).toBe('ROOM_ALREADY_MEMBER')
  })

  it('rejected: deleted, and the user may ask again', async () => {
    const u = await registerUser(t)
    const req = (await must(t, REQUEST, { r: c.room }, u.token)).requestRoomAccess
    expect((await must(t, REJECT, { i: req.databaseId }, c.owner.token)).rejectRoomInvite).toBe(true)
    expect((await must(t, MINE, { r: c.room }, u.token)).myRoomInvite).toBeNull()
    await must(t, REQUEST, { r: c.room }, u.token)
  })

  it('blacklisted: kept as such, asking again refused', async () => {
    const u = await registerUser(t)
    const req = (await must(t, REQUEST, { r: c.room }, u.token)).requestRoomAccess
    expect((await must(t, BLACKLIST, { i: req.databaseId }, c.staff.token)).blacklistRoomInvite).toEqual({
      status: 'BLACKLISTED',
      blacklisted: true,
    })
    expect((await must(t, MINE, { r: c.room }, u.token)).myRoomInvite.blacklisted).toBe(true)
    expect(await refused(t, REQUEST, { r: c.room }, u.token)).toBe('ROOM_INVITE_EXISTS')
  })

  it('the owner, admins and members cannot ask (ROOM_ALREADY_MEMBER); a guest must sign in', async () => {
    for (const who of ['member', 'admin', 'owner'] as const)
      expect(await refused(t, REQUEST, { r: c.room }, c[who].token)).toBe('ROOM_ALREADY_MEMBER')
    expect(await refused(t, REQUEST, { r: c.room })).toBe('UNAUTHENTICATED')
    expect(await refused(t, REQUEST, { r: 999_999 }, c.user.token)).toBe('ROOM_NOT_FOUND')
  })

  it.for(CALLERS)('%s deciding on a request and listing them: room admins and staff only', async (who) => {
    const u = await registerUser(t)
    const req = (await must(t, REQUEST, { r: c.room }, u.token)).requestRoomAccess
    const want = { guest: 'UNAUTHENTICATED', user: 'ROOM_NOT_ADMIN', member: 'ROOM_NOT_ADMIN' }[who as string]
    expect(await refused(t, LIST, { r: c.room }, tokenOf(c, who))).toBe(want)
    for (const op of [BLACKLIST, REJECT]) {
      const code = await refused(t, op, { i: req.databaseId }, tokenOf(c, who))
      expect(code).toBe(want)
      if (!want) break
    }
  })

  it('myRoomInvites: the requester hears each decision, nothing else', async () => {
    const u = await registerUser(t)
    const ws = wsClient(t.url, u.token)
    const before = t.app.services.pubsub.listenerCount()
    const sub = subscribeRaw(ws, 'subscription { myRoomInvites { change roomId inviteId room { databaseId } } }')
    await until(() => t.app.services.pubsub.listenerCount() > before)
    await t.app.services.pubsub.ready()
    try {
      const first = (await must(t, REQUEST, { r: c.room }, u.token)).requestRoomAccess.databaseId
      await must(t, REJECT, { i: first }, c.admin.token)
      const second = (await must(t, REQUEST, { r: c.room }, u.token)).requestRoomAccess.databaseId
      await must(t, BLACKLIST, { i: second }, c.admin.token)
      await must(t, ACCEPT, { i: second }, c.owner.token)
      const got = []
      for (let i = 0; i < 3; i++) got.push((await sub.next()).data.myRoomInvites)
      const room = { databaseId: c.room }
      expect(got).toEqual([
        { change: 'REJECTED', roomId: c.room, inviteId: first, room },
        { change: 'BLACKLISTED', roomId: c.room, inviteId: second, room },
        { change: 'ACCEPTED', roomId: c.room, inviteId: second, room },
      ])
      expect(await sub.nothingWithin(200)).toBe(true)
    } finally {
      await disposeAll([ws])
    }
  })
})

describe('invite links', () => {
  it('room admins make them within bounds; others may not', async () => {
    const c = await cast(t)
    for (const who of CALLERS) {
      const code = await refused(t, LINK, { r: c.room, h: 24, m: 10 }, tokenOf(c, who))
      expect(code, who).toBe(
        { guest: 'UNAUTHENTICATED', user: 'ROOM_NOT_ADMIN', member: 'ROOM_NOT_ADMIN' }[who as string],
      )
    }
    for (const [h, m, field] of [
      [0, 1, 'expiresHours'],
      [721, 1, 'expiresHours'],
      [1, 0, 'maxUses'],
      [1, 1001, 'maxUses'],
    ] as const) {
      const r = await gqlRaw(t.url, LINK, { r: c.room, h, m }, c.owner.token)
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field })
    }
    const d = await must(t, LINK, { r: c.room, h: null, m: null }, c.owner.token)
    expect(d.createRoomInviteLink).toMatchObject({ expiresAt: null, maxUses: null, uses: 0, roomId: c.room })
    expect(d.createRoomInviteLink.code).toMatch(/^[A-Za-z0-9_-]{16}$/)
  })

  it('joining makes a member; used-up, expired, revoked and unknown codes are ROOM_INVITE_LINK_INVALID', async () => {
    const c = await cast(t)
    const { code } = (await must(t, LINK, { r: c.room, h: 1, m: 1 }, c.admin.token)).createRoomInviteLink
    const [a, b] = await Promise.all([registerUser(t), registerUser(t)])
    expect((await must(t, JOIN, { code }, a.token)).joinRoomByCode).toEqual({
      databaseId: c.room,
      viewerRole: 'MEMBER',
    })
    // a member joining again spends nothing
    await must(t, JOIN, { code }, a.token)
    expect(await refused(t, JOIN, { code }, b.token)).toBe('ROOM_INVITE_LINK_INVALID')
    const expired = (await must(t, LINK, { r: c.room, h: 1, m: null }, c.admin.token)).createRoomInviteLink.code
    await t.app.services.prisma.roomInviteLink.update({
      where: { code: expired },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect(await refused(t, JOIN, { code: expired }, b.token)).toBe('ROOM_INVITE_LINK_INVALID')
    const revoked = (await must(t, LINK, { r: c.room }, c.admin.token)).createRoomInviteLink.code
    expect(await refused(t, REVOKE, { code: revoked }, c.member.token)).toBe('ROOM_NOT_ADMIN')
    expect((await must(t, REVOKE, { code: revoked }, c.admin.token)).revokeRoomInviteLink).toBe(true)
    expect(await refused(t, JOIN, { code: revoked }, b.token)).toBe('ROOM_INVITE_LINK_INVALID')
    expect(await refused(t, JOIN, { code: 'no-such-code' }, b.token)).toBe('ROOM_INVITE_LINK_INVALID')
    expect(await refused(t, JOIN, { code: '' }, b.token)).toBe('ROOM_INVITE_LINK_INVALID')
    const links = (await must(t, LINKS, { r: c.room }, c.owner.token)).roomInviteLinks
    expect(links.find((l: { code: string }) => l.code === code)).toEqual({ code, uses: 1 })
    expect(await refused(t, LINKS, { r: c.room }, c.user.token)).toBe('ROOM_NOT_ADMIN')
  })

  it('50 users joining a link of maxUses 10 at once: exactly 10 get in', { timeout: 60_000 }, async () => {
    const c = await cast(t)
    const { code } = (await must(t, LINK, { r: c.room, m: 10 }, c.owner.token)).createRoomInviteLink
    const users = await manyUsers(t, 50)
    const started = performance.now()
    const results = await Promise.all(users.map((u) => gqlRaw(t.url, JOIN, { code }, u.token)))
    const ms = Math.round(performance.now() - started)
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok')
    const ok = codes.filter((x) => x === 'ok').length
    console.info(`rooms invite-link race: ${ok} of 50 joined in ${ms} ms`)
    expect(ok).toBe(10)
    expect(codes.filter((x) => x !== 'ok').every((x) => x === 'ROOM_INVITE_LINK_INVALID')).toBe(true)
    const db = t.app.services.prisma
    expect((await db.roomInviteLink.findUniqueOrThrow({ where: { code } })).uses).toBe(10)
    const joined = await db.roomMember.count({ where: { roomId: c.room, userId: { in: users.map((u) => u.id) } } })
    expect(joined).toBe(10)
  })
})
