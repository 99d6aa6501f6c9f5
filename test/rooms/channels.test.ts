import { afterAll, describe, expect, it } from 'vitest'
import { codeOf, gql } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'
import { EVERYONE, makeCast, startRoomsApp, tokenOf, type Who } from './rooms-support.js'

const t = await startRoomsApp()
afterAll(() => t.close())

const CREATE = graphql(`
  mutation CreateRoomChannelT($r: Int!, $name: String!, $type: String, $readOnly: Boolean, $categoryId: Int) {
    createRoomChannel(roomId: $r, name: $name, type: $type, readOnly: $readOnly, categoryId: $categoryId) {
      databaseId roomId name type position readOnly categoryId chatChannel
    }
  }
`)
const UPDATE = graphql(`
  mutation UpdateRoomChannelT($c: Int!, $name: String, $readOnly: Boolean, $position: Int) {
    updateRoomChannel(channelId: $c, name: $name, readOnly: $readOnly, position: $position) { databaseId name readOnly position }
  }
`)
const CHANNELS = graphql(
  `query RoomChannelsT($r: Int!) { room(databaseId: $r) { channels { databaseId name position } } }`,
)
const SEND = graphql(`
  mutation SendInRoomChannelT($c: String!) { sendChatMessage(input: { channel: $c, text: "hello" }) { isSent dropReason } }
`)

const ADMINS: Who[] = ['admin', 'owner', 'staff']
const refusal = (who: Who) =>
  who === 'guest' ? 'UNAUTHENTICATED' : ADMINS.includes(who) ? undefined : 'ROOM_NOT_ADMIN'

describe('createRoomChannel / updateRoomChannel', () => {
  it('room admins, the owner and site staff create and change channels; users, members and guests cannot', async () => {
    const c = await makeCast(t)
    let n = 0
    for (const who of EVERYONE) {
      const r = await gql(t.url, CREATE, { r: c.room, name: `by-${who}` }, tokenOf(c, who))
      expect(codeOf(r), who).toBe(refusal(who))
      if (!refusal(who)) {
        expect(r.data!.createRoomChannel).toMatchObject({
          roomId: c.room,
          type: 'text',
          readOnly: false,
          position: n++,
        })
        expect(r.data!.createRoomChannel.chatChannel).toBe(`room/${c.room}/${r.data!.createRoomChannel.databaseId}`)
      }
    }
    const channel = (await gql(t.url, CREATE, { r: c.room, name: 'general', categoryId: 7 }, c.owner.token)).data!
      .createRoomChannel
    expect(channel.categoryId).toBe(7)
    for (const who of EVERYONE) {
      const r = await gql(
        t.url,
        UPDATE,
        { c: channel.databaseId, name: `general-${who}`, position: 9 },
        tokenOf(c, who),
      )
      expect(codeOf(r), who).toBe(refusal(who))
    }
    const moved = await gql(t.url, UPDATE, { c: channel.databaseId, readOnly: true, position: 0 }, c.admin.token)
    expect(moved.data!.updateRoomChannel).toMatchObject({ name: 'general-staff', readOnly: true, position: 0 })
  })

  it('names are 1–100 characters and unique in a room; only text channels; missing ones are not found', async () => {
    const c = await makeCast(t)
    await gql(t.url, CREATE, { r: c.room, name: 'news' }, c.owner.token)
    const second = (await gql(t.url, CREATE, { r: c.room, name: 'talk' }, c.owner.token)).data!.createRoomChannel
    expect(codeOf(await gql(t.url, CREATE, { r: c.room, name: 'news' }, c.owner.token))).toBe('ROOM_CHANNEL_NAME_TAKEN')
    expect(codeOf(await gql(t.url, UPDATE, { c: second.databaseId, name: 'news' }, c.owner.token))).toBe(
      'ROOM_CHANNEL_NAME_TAKEN',
    )
    for (const vars of [{ name: '' }, { name: 'x'.repeat(101) }, { name: 'voice', type: 'voice' }]) {
      const r = await gql(t.url, CREATE, { r: c.room, ...vars }, c.owner.token)
      expect(codeOf(r), JSON.stringify(vars)).toBe('INVALID_INPUT')
    }
    expect(codeOf(await gql(t.url, UPDATE, { c: second.databaseId, position: -1 }, c.owner.token))).toBe(
      'INVALID_INPUT',
    )
    expect(codeOf(await gql(t.url, CREATE, { r: 2_000_000_000, name: 'x' }, c.owner.token))).toBe('ROOM_NOT_FOUND')
    expect(codeOf(await gql(t.url, UPDATE, { c: 2_000_000_000, name: 'x' }, c.owner.token))).toBe(
      'ROOM_CHANNEL_NOT_FOUND',
    )
    // another room's channel of the same name is fine
    const other = await makeCast(t)
    expect((await gql(t.url, CREATE, { r: other.room, name: 'news' }, other.owner.token)).errors).toBeUndefined()
  })

  it('a room has at most 500 channels (ROOM_CHANNEL_LIMIT)', async () => {
    const c = await makeCast(t)
    // test setup: 499 channels straight in the database
    await t.app.services.prisma.roomChannel.createMany({
      data: Array.from({ length: 499 }, (_, i) => ({ roomId: c.room, name: `c${i}`, position: i })),
    })
    const last = await gql(t.url, CREATE, { r: c.room, name: 'the 500th' }, c.owner.token)
    expect(last.data!.createRoomChannel.position).toBe(499)
    expect(codeOf(await gql(t.url, CREATE, { r: c.room, name: 'one too many' }, c.owner.token))).toBe(
      'ROOM_CHANNEL_LIMIT',
    )
  })
})

describe('Room.channels and writing in them', () => {
  it('anyone who may read the room lists its channels by position; a closed room shows none to strangers', async () => {
    const open = await makeCast(t)
    const closed = await makeCast(t, { mode: 'PRIVATE' })
    for (const c of [open, closed]) {
      // b is made first (position 0), then moved behind a (position 1)
      const b = (await gql(t.url, CREATE, { r: c.room, name: 'b' }, c.owner.token)).data!.createRoomChannel
      await gql(t.url, CREATE, { r: c.room, name: 'a' }, c.owner.token)
      await gql(t.url, UPDATE, { c: b.databaseId, position: 2 }, c.owner.token)
    }
    for (const who of EVERYONE) {
      const r = await gql(t.url, CHANNELS, { r: open.room }, tokenOf(open, who))
      expect(
        r.data!.room!.channels.map((ch) => ch.name),
        who,
      ).toEqual(['a', 'b'])
      const hidden = await gql(t.url, CHANNELS, { r: closed.room }, tokenOf(closed, who))
      const sees = who !== 'guest' && who !== 'user'
      expect(
        hidden.data!.room!.channels.map((ch) => ch.name),
        who,
      ).toEqual(sees ? ['a', 'b'] : [])
    }
  })

  it("a read-only channel is written by room admins only; a closed room's channel by its members only", async () => {
    const c = await makeCast(t)
    const ro = (await gql(t.url, CREATE, { r: c.room, name: 'announcements', readOnly: true }, c.owner.token)).data!
      .createRoomChannel.chatChannel
    const rw = (await gql(t.url, CREATE, { r: c.room, name: 'talk' }, c.owner.token)).data!.createRoomChannel
      .chatChannel
    for (const who of ['user', 'member', 'admin', 'owner'] as const) {
      const inRo = await gql(t.url, SEND, { c: ro }, tokenOf(c, who))
      expect(inRo.data?.sendChatMessage.isSent ?? false, `${who} in read-only`).toBe(who === 'admin' || who === 'owner')
      expect((await gql(t.url, SEND, { c: rw }, tokenOf(c, who))).data?.sendChatMessage.isSent, who).toBe(true)
    }
    const closed = await makeCast(t, { mode: 'PRIVATE' })
    const talk = (await gql(t.url, CREATE, { r: closed.room, name: 'talk' }, closed.owner.token)).data!
      .createRoomChannel.chatChannel
    expect((await gql(t.url, SEND, { c: talk }, closed.member.token)).data?.sendChatMessage.isSent).toBe(true)
    const stranger = await gql(t.url, SEND, { c: talk }, closed.user.token)
    expect(stranger.data?.sendChatMessage.isSent ?? false).toBe(false)
  })
})
