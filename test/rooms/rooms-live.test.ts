import { afterAll, describe, expect, it } from 'vitest'
import { codeOf, disposeAll, gql, rest, subscribe, wsClient, type SubEvent } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { roomEvent } from '../../plugins/rooms/topics.js'
import { gqlUpload, makeCast, startRoomsApp, tokenOf, type Who } from './rooms-support.js'
import { png } from '../smiles/support.js'
import type { Client } from 'graphql-ws'

const t = await startRoomsApp()
const clients: Client[] = []
afterAll(async () => {
  await disposeAll(clients)
  await t.close()
})
const ws = (token?: string) => {
  const c = wsClient(t.url, token)
  clients.push(c)
  return c
}

const CHANGED = graphql(`
  subscription RoomChangedT($r: Int!) {
    roomChanged(roomId: $r) { change roomId room { databaseId name } user { databaseId } role inviteId channelId time }
  }
`)
const UPDATE = graphql(
  `mutation UpdateRoomLiveT($r: Int!, $name: String!) { updateRoom(roomId: $r, input: { name: $name }) { databaseId } }`,
)
const DELETE = graphql(`mutation DeleteRoomLiveT($r: Int!) { deleteRoom(roomId: $r) }`)
const NEW_CHANNEL = graphql(
  `mutation NewChannelLiveT($r: Int!, $n: String!) { createRoomChannel(roomId: $r, name: $n) { databaseId } }`,
)
const EDIT_CHANNEL = graphql(
  `mutation EditChannelLiveT($c: Int!) { updateRoomChannel(channelId: $c, readOnly: true) { databaseId } }`,
)
const PREVIEW = graphql(
  `mutation PreviewLiveT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId } }`,
)
const NOTIFICATIONS = graphql(`subscription RoomNotificationsT { notifications { type data } }`)
const HISTORY = graphql(`query RoomHistoryT($c: String!) { chatHistory(channel: $c) { databaseId text } }`)
const CHAT_EVENTS = graphql(`subscription RoomChatEventsT($c: String!) { chatEvents(channel: $c) { __typename } }`)
const SEND = graphql(
  `mutation RoomSendT($c: String!) { sendChatMessage(input: { channel: $c, text: "secret plans" }) { isSent } }`,
)

const codeOfEvent = (e: SubEvent) => e.errors?.[0]?.extensions?.code ?? e.error?.[0]?.extensions?.code

describe('roomChanged', () => {
  it('MODIFIED, CHANNEL_CREATED, CHANNEL_UPDATED, then DELETED, after which the subscription ends', async () => {
    const c = await makeCast(t)
    const sub = subscribe(ws(c.member.token), CHANGED, { r: c.room })
    // graphql-ws gives no signal when the operation is subscribed: give it a moment
    await new Promise((r) => setTimeout(r, 300))
    await gql(t.url, UPDATE, { r: c.room, name: 'renamed live' }, c.admin.token)
    const modified = await sub.next()
    expect(modified.data!.roomChanged).toMatchObject({
      change: 'MODIFIED',
      roomId: c.room,
      room: { databaseId: c.room, name: 'renamed live' },
      user: null,
      channelId: null,
    })
    const ch = (await gql(t.url, NEW_CHANNEL, { r: c.room, n: 'live' }, c.owner.token)).data!.createRoomChannel
    expect((await sub.next()).data!.roomChanged).toMatchObject({ change: 'CHANNEL_CREATED', channelId: ch.databaseId })
    await gql(t.url, EDIT_CHANNEL, { c: ch.databaseId }, c.owner.token)
    expect((await sub.next()).data!.roomChanged).toMatchObject({ change: 'CHANNEL_UPDATED', channelId: ch.databaseId })
    await gqlUpload(t.url, PREVIEW, { r: c.room }, { name: 'p.png', bytes: png(534, 300) }, c.owner.token)
    expect((await sub.next()).data!.roomChanged.change).toBe('MODIFIED')
    await gql(t.url, DELETE, { r: c.room }, c.owner.token)
    expect((await sub.next()).data!.roomChanged).toMatchObject({ change: 'DELETED', room: null })
    expect(await sub.next()).toEqual({ complete: true })
  })

  it('who may subscribe: anyone to an open room; to a closed one its members, admins, owner and staff', async () => {
    const open = await makeCast(t)
    const closed = await makeCast(t, { mode: 'PRIVATE' })
    for (const who of ['guest', 'user', 'member', 'admin', 'owner', 'staff'] as Who[]) {
      const onOpen = subscribe(ws(tokenOf(open, who)), CHANGED, { r: open.room })
      const onClosed = subscribe(ws(tokenOf(closed, who)), CHANGED, { r: closed.room })
      const refused = who === 'guest' || who === 'user'
      if (refused) expect(codeOfEvent(await onClosed.next()), who).toBe('ROOM_NO_ACCESS')
      else expect(await onClosed.nothingWithin(200), who).toBe(true)
      expect(await onOpen.nothingWithin(100), who).toBe(true)
      onOpen.unsubscribe()
      onClosed.unsubscribe()
    }
    const missing = subscribe(ws(), CHANGED, { r: 2_000_000_000 })
    expect(codeOfEvent(await missing.next())).toBe('ROOM_NOT_FOUND')
  })

  it('access requests (INVITE_*) reach the room admins only', async () => {
    const c = await makeCast(t)
    const asAdmin = subscribe(ws(c.admin.token), CHANGED, { r: c.room })
    const asMember = subscribe(ws(c.member.token), CHANGED, { r: c.room })
    await new Promise((r) => setTimeout(r, 300))
    // what membership's requestRoomAccess publishes, sent straight on the bus: the filter is what is tested here
    t.app.services.pubsub.publish(
      'rooms.room',
      c.room,
      roomEvent('INVITE_REQUESTED', c.room, { userId: c.user.id, inviteId: 5 }),
    )
    t.app.services.pubsub.publish(
      'rooms.room',
      c.room,
      roomEvent('USER_SET', c.room, { userId: c.user.id, role: 'MEMBER' }),
    )
    expect((await asAdmin.next()).data!.roomChanged).toMatchObject({
      change: 'INVITE_REQUESTED',
      inviteId: 5,
      user: { databaseId: c.user.id },
    })
    expect((await asAdmin.next()).data!.roomChanged).toMatchObject({ change: 'USER_SET', role: 'MEMBER' })
    // the member's first event is the USER_SET: the request never reached them
    expect((await asMember.next()).data!.roomChanged.change).toBe('USER_SET')
  })
})

describe("a closed room's chat", () => {
  it('is read, written and followed live by its members only (chat history, chatEvents on room/<id>)', async () => {
    const c = await makeCast(t, { password: 'club-pass' })
    const channel = `room/${c.room}`
    expect((await gql(t.url, SEND, { c: channel }, c.member.token)).data?.sendChatMessage.isSent).toBe(true)
    for (const who of ['guest', 'user'] as Who[]) {
      const h = await gql(t.url, HISTORY, { c: channel }, tokenOf(c, who))
      expect(h.errors, who).toBeDefined()
      expect(JSON.stringify(h), who).not.toContain('secret plans')
      const sent = await gql(t.url, SEND, { c: channel }, tokenOf(c, who))
      expect(sent.data?.sendChatMessage.isSent ?? false, who).toBe(false)
      const live = subscribe(ws(tokenOf(c, who)), CHAT_EVENTS, { c: channel })
      const first = await live.next()
      expect(first.data ?? null, who).toBeNull()
      expect(codeOfEvent(first), who).toBeDefined()
    }
    for (const who of ['member', 'admin', 'owner', 'staff'] as Who[]) {
      const h = await gql(t.url, HISTORY, { c: channel }, tokenOf(c, who))
      expect(
        h.data!.chatHistory.map((m) => m.text),
        who,
      ).toContain('secret plans')
    }
  })
})

describe('roomModify notifications and following a room', () => {
  it("roomModify carries peka2's room object to the owner and the access list", async () => {
    const c = await makeCast(t, { mode: 'PRIVATE' })
    const memberInbox = subscribe(ws(c.member.token), NOTIFICATIONS)
    const userInbox = subscribe(ws(c.user.token), NOTIFICATIONS)
    await new Promise((r) => setTimeout(r, 300))
    await gql(t.url, UPDATE, { r: c.room, name: 'modified' }, c.admin.token)
    const n = (await memberInbox.next()).data!.notifications
    expect(n.type).toBe('roomModify')
    expect(n.data).toEqual({
      roomId: c.room,
      data: {
        id: c.room,
        name: 'modified',
        owner: { id: c.owner.id, name: c.owner.name, slug: expect.any(String) },
        category: null,
        mode: 'private',
        hidden: false,
        rating: 0,
        image: '',
        thumbnail: '',
        slug: expect.any(String),
        available: true,
      },
    })
    expect(await userInbox.nothingWithin(300)).toBe(true)
  })

  it('peka2 /api/subscribe/* and follow accept content room while rooms is on', async () => {
    const c = await makeCast(t)
    const fan = await registerUser(t)
    const opts = { token: fan.token }
    expect(await rest(t.url, '/api/subscribe/add', { content: 'room', id: c.room }, opts)).toMatchObject({
      status: 200,
      body: [],
    })
    expect((await rest(t.url, '/api/subscribe/check', { content: 'room', id: c.room }, opts)).body).toEqual({
      result: true,
    })
    const missing = await rest(t.url, '/api/subscribe/add', { content: 'room', id: 2_000_000_000 }, opts)
    expect(missing.status).toBe(500)
    const gqlFollow = graphql(`mutation FollowRoomT($id: Int!) { follow(content: ROOM, id: $id) }`)
    expect((await gql(t.url, gqlFollow, { id: c.room }, c.user.token)).data?.follow).toBe(true)
    expect(codeOf(await gql(t.url, gqlFollow, { id: c.room }))).toBe('UNAUTHENTICATED')
    // a deleted room takes its followers with it
    await gql(t.url, DELETE, { r: c.room }, c.owner.token)
    expect(await t.app.services.prisma.follow.count({ where: { content: 'room', itemId: c.room } })).toBe(0)
  })
})
