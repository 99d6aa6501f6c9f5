import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { codeOf, gql } from '../helpers/clients.js'
import { userWithRoles } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { ADD_SMILE, gif, png } from '../smiles/support.js'
import { EVERYONE, gqlUpload, hex, makeCast, makeRoom, startRoomsApp, tokenOf, type Who } from './rooms-support.js'

// smiles on, one smile a message (so two of a room's emojis are observably smiles where they count), small limits
const t = await startRoomsApp({
  PLUGINS: 'chat,moderation,smiles,rooms',
  SMILES_PER_MESSAGE: '1',
  ROOMS_EMOJI_MAX: '3',
  ROOMS_STICKER_MAX: '2',
})
const off = await startRoomsApp({ PLUGINS: 'chat,rooms' })
afterAll(async () => {
  await t.close()
  await off.close()
})

const ADD_EMOJI = graphql(`
  mutation AddRoomEmojiT($r: Int!, $n: String!, $file: File!) {
    addRoomEmoji(roomId: $r, name: $n, file: $file) { databaseId name url width height sticker description }
  }
`)
const ADD_STICKER = graphql(`
  mutation AddRoomStickerT($r: Int!, $n: String!, $d: String, $file: File!) {
    addRoomSticker(roomId: $r, name: $n, file: $file, description: $d) { databaseId name url sticker description }
  }
`)
const REMOVE = graphql(`mutation RemoveRoomEmojiT($e: Int!) { removeRoomEmoji(emojiId: $e) }`)
const LISTS = graphql(`
  query RoomEmojisT($r: Int!) { room(databaseId: $r) { emojis { databaseId name } stickers { databaseId name description } } }
`)
const SEND = graphql(`
  mutation SendWithEmojisT($c: String!, $text: String!) { sendChatMessage(input: { channel: $c, text: $text }) { isSent } }
`)
const NEW_CHANNEL = graphql(`
  mutation EmojiChannelT($r: Int!) { createRoomChannel(roomId: $r, name: "general") { databaseId chatChannel } }
`)
const DELETE_ROOM = graphql(`mutation DeleteEmojiRoomT($r: Int!) { deleteRoom(roomId: $r) }`)
const SMILES = graphql(`query SiteSmilesT { smiles { code } }`)
const REMOVE_SMILES = graphql(`mutation SmilerRemovesT($ids: [Int!]!) { removeSmiles(ids: $ids) }`)

const image = (seed?: number) => ({ name: 'e.png', bytes: png(32, 32, { seed }) })
const name = (prefix = 'e') => `${prefix}${hex()}`
const OWNERS: Who[] = ['owner', 'staff']

async function addEmoji(
  app: typeof t,
  room: number,
  n: string,
  token: string | undefined,
  file: { name: string; bytes: Uint8Array } = image(),
) {
  return gqlUpload(app.url, ADD_EMOJI, { r: room, n }, file, token)
}
async function added(room: number, n: string, token: string) {
  const r = await addEmoji(t, room, n, token)
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data!.addRoomEmoji
}
const lists = async (app: typeof t, room: number, token?: string) =>
  (await gql(app.url, LISTS, { r: room }, token)).data!.room!
const smileFiles = () => {
  const dir = path.join(t.uploadDir, 'smiles')
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
}

describe('adding, listing and removing a room’s emojis and stickers', () => {
  it('the owner and site staff add; the others are refused; who may read the room lists them', async () => {
    const c = await makeCast(t, { mode: 'PRIVATE' })
    const ids: number[] = []
    for (const who of EVERYONE) {
      const r = await addEmoji(t, c.room, name(), tokenOf(c, who))
      const want = who === 'guest' ? 'UNAUTHENTICATED' : OWNERS.includes(who) ? undefined : 'INSUFFICIENT_PERMISSIONS'
      expect(codeOf(r), who).toBe(want)
      if (want) expect(r.errors![0].extensions?.field ?? null, who).toBe(who === 'guest' ? null : 'roomId')
      else ids.push(r.data!.addRoomEmoji.databaseId)
    }
    const s = await gqlUpload(t.url, ADD_STICKER, { r: c.room, n: 'wave_1', d: ' hello ' }, image(), c.owner.token)
    expect(s.data!.addRoomSticker).toMatchObject({ name: 'wave_1', sticker: true, description: 'hello' })
    expect(s.data!.addRoomSticker.url).toMatch(/^https:\/\/cdn\.example\.test\/uploads\/smiles\/[0-9a-f]{64}\.png$/)
    for (const who of EVERYONE) {
      const l = await lists(t, c.room, tokenOf(c, who))
      // a closed room: its members, owner and site staff only
      const reads = who !== 'guest' && who !== 'user'
      expect(
        l.emojis.map((e) => e.databaseId),
        who,
      ).toEqual(reads ? ids : [])
      expect(
        l.stickers.map((e) => e.description),
        who,
      ).toEqual(reads ? ['hello'] : [])
    }
    // an open room's lists are everyone's
    const open = await makeCast(t)
    const e = await added(open.room, 'Open_1', open.owner.token)
    expect((await lists(t, open.room)).emojis).toEqual([{ databaseId: e.databaseId, name: 'Open_1' }])
    expect(e).toMatchObject({ width: 32, height: 32, sticker: false, description: null })
    const served = await fetch(e.url.replace('https://cdn.example.test', t.url))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
  })

  it('the owner and site staff remove; others are refused, one who may not read the room is told it does not exist', async () => {
    const c = await makeCast(t, { mode: 'PRIVATE' })
    const first = await added(c.room, name(), c.owner.token)
    const second = await added(c.room, name(), c.owner.token)
    const want: Record<Who, string> = {
      guest: 'UNAUTHENTICATED',
      user: 'ROOM_EMOJI_NOT_FOUND',
      member: 'INSUFFICIENT_PERMISSIONS',
      admin: 'INSUFFICIENT_PERMISSIONS',
      owner: '',
      staff: '',
    }
    for (const who of ['guest', 'user', 'member', 'admin'] as const) {
      const r = await gql(t.url, REMOVE, { e: first.databaseId }, tokenOf(c, who))
      expect(codeOf(r), who).toBe(want[who])
      if (who !== 'guest') expect(r.errors![0].extensions?.field, who).toBe('emojiId')
    }
    const fileOf = (url: string) => url.split('/').pop()!
    expect(smileFiles()).toContain(fileOf(first.url))
    expect((await gql(t.url, REMOVE, { e: first.databaseId }, c.owner.token)).data!.removeRoomEmoji).toBe(true)
    expect((await gql(t.url, REMOVE, { e: second.databaseId }, c.staff.token)).data!.removeRoomEmoji).toBe(true)
    expect((await lists(t, c.room, c.owner.token)).emojis).toEqual([])
    // the files no smile uses any more are gone; removing again finds nothing
    expect(smileFiles()).not.toContain(fileOf(first.url))
    expect(codeOf(await gql(t.url, REMOVE, { e: first.databaseId }, c.owner.token))).toBe('ROOM_EMOJI_NOT_FOUND')
  })

  it('a room’s emojis are none of the site’s smiles: not listed, not removable by a smiler', async () => {
    const c = await makeCast(t)
    const e = await added(c.room, name('site'), c.owner.token)
    expect((await gql(t.url, SMILES, {})).data!.smiles.map((s) => s.code)).not.toContain(e.name)
    const smiler = await userWithRoles(t, { smiler: 1 })
    expect(codeOf(await gql(t.url, REMOVE_SMILES, { ids: [e.databaseId] }, smiler.token))).toBe('SMILE_NOT_FOUND')
    expect((await lists(t, c.room)).emojis).toHaveLength(1)
    // codes are unique per set: a site smile and a room's emoji may share one
    const code = name('same')
    const site = await gqlUpload(t.url, ADD_SMILE, {}, { name: `${code}.png`, bytes: png(30, 30) }, smiler.token)
    expect(site.errors, JSON.stringify(site.errors)).toBeUndefined()
    await added(c.room, code.toUpperCase(), c.owner.token)
    expect((await gql(t.url, SMILES, {})).data!.smiles.map((s) => s.code)).toContain(code)
  })

  it('deleting a room removes its emojis, stickers and their files', async () => {
    const c = await makeCast(t)
    const e = await added(c.room, name(), c.owner.token)
    await gqlUpload(t.url, ADD_STICKER, { r: c.room, n: name() }, image(), c.owner.token)
    expect(await t.app.services.prisma.smile.count({ where: { scope: `room/${c.room}` } })).toBe(2)
    expect((await gql(t.url, DELETE_ROOM, { r: c.room }, c.owner.token)).data!.deleteRoom).toBe(true)
    expect(await t.app.services.prisma.smile.count({ where: { scope: `room/${c.room}` } })).toBe(0)
    expect(smileFiles()).not.toContain(e.url.split('/').pop())
  })
})

describe('limits', () => {
  it('files: at most 256 KB, a PNG (JPEG, GIF, WebP refused by type), at most 320×320; nothing is stored', async () => {
    const c = await makeCast(t)
    const before = smileFiles()
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0])
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(8)])
    const cases: [string, Uint8Array, string][] = [
      ['over 256 KB', png(32, 32, { padding: 256 * 1024 }), 'FILE_TOO_LARGE'],
      ['empty', new Uint8Array(0), 'FILE_EMPTY'],
      ['gif', gif(), 'INVALID_FILE_TYPE'],
      ['jpeg', jpeg, 'INVALID_FILE_TYPE'],
      ['webp', webp, 'INVALID_FILE_TYPE'],
      ['text', Buffer.from('not an image'), 'INVALID_IMAGE'],
      ['truncated', png(32, 32).subarray(0, 60), 'INVALID_IMAGE'],
      ['short data', png(32, 32, { raw: (raw) => Buffer.from(raw.subarray(0, raw.length - 10)) }), 'INVALID_IMAGE'],
      ['321 wide', png(321, 8), 'INVALID_IMAGE_SIZE'],
      ['321 high', png(8, 321), 'INVALID_IMAGE_SIZE'],
    ]
    for (const [label, bytes, code] of cases) {
      const r = await addEmoji(t, c.room, name(), c.owner.token, { name: 'x.png', bytes })
      expect(codeOf(r), label).toBe(code)
      expect(r.errors![0].extensions?.field, label).toBe('file')
    }
    // the largest accepted: 320×320 and just under the byte limit
    await addEmoji(t, c.room, name(), c.owner.token, { name: 'x.png', bytes: png(320, 320) })
    expect((await lists(t, c.room)).emojis).toHaveLength(1)
    expect(smileFiles()).toHaveLength(before.length + 1)
  })

  it('names: 2–32 of letters, digits and _, unique in the room in any case (emojis and stickers together)', async () => {
    const c = await makeCast(t)
    for (const bad of ['a', 'x'.repeat(33), 'has-dash', 'sp ace', 'ё_ж', ':colon:']) {
      const r = await addEmoji(t, c.room, bad, c.owner.token)
      expect(codeOf(r), bad).toBe('INVALID_INPUT')
      expect(r.errors![0].extensions?.field, bad).toBe('name')
    }
    await added(c.room, 'Party_Parrot', c.owner.token)
    const again = await addEmoji(t, c.room, 'party_parrot', c.owner.token)
    expect(codeOf(again)).toBe('ROOM_EMOJI_NAME_TAKEN')
    expect(again.errors![0].extensions?.field).toBe('name')
    const sticker = await gqlUpload(t.url, ADD_STICKER, { r: c.room, n: 'PARTY_PARROT' }, image(), c.owner.token)
    expect(codeOf(sticker)).toBe('ROOM_EMOJI_NAME_TAKEN')
    // another room may use it
    const other = await makeRoom(t, c.owner)
    await added(other, 'party_parrot', c.owner.token)
    const long = await gqlUpload(
      t.url,
      ADD_STICKER,
      { r: c.room, n: 'long1', d: 'x'.repeat(201) },
      image(),
      c.owner.token,
    )
    expect(long.errors![0].extensions?.field).toBe('description')
    expect(codeOf(await addEmoji(t, 2_000_000_000, name(), c.owner.token))).toBe('ROOM_NOT_FOUND')
  })

  it('at most ROOMS_EMOJI_MAX emojis and ROOMS_STICKER_MAX stickers a room, also when added at once', async () => {
    const c = await makeCast(t)
    const all = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => addEmoji(t, c.room, name(), c.owner.token, image(1000 + i))),
    )
    expect(all.filter((r) => !r.errors)).toHaveLength(3)
    for (const r of all.filter((x) => x.errors)) {
      expect(codeOf(r)).toBe('ROOM_EMOJI_LIMIT')
      expect(r.errors![0].extensions?.field).toBe('roomId')
    }
    // stickers are counted apart
    for (const i of [1, 2])
      expect(
        codeOf(await gqlUpload(t.url, ADD_STICKER, { r: c.room, n: name() }, image(), c.owner.token)),
        `${i}`,
      ).toBe(undefined)
    const third = await gqlUpload(t.url, ADD_STICKER, { r: c.room, n: name() }, image(), c.owner.token)
    expect(codeOf(third)).toBe('ROOM_EMOJI_LIMIT')
    const l = await lists(t, c.room)
    expect([l.emojis.length, l.stickers.length]).toEqual([3, 2])
  })
})

describe('in chat', () => {
  it('a room’s emojis are smiles in its chat and its text channels, plain text in main and in other rooms', async () => {
    const c = await makeCast(t)
    const other = await makeRoom(t, c.owner)
    const ch = (await gql(t.url, NEW_CHANNEL, { r: c.room }, c.owner.token)).data!.createRoomChannel.chatChannel
    const [a, b] = [name('a'), name('b')]
    await added(c.room, a, c.owner.token)
    await added(c.room, b, c.owner.token)
    const text = `:${a}: and :${b.toUpperCase()}:`
    const send = (channel: string, words = text) => gql(t.url, SEND, { c: channel, text: words }, c.user.token)
    // SMILES_PER_MESSAGE=1: two of them are too many where they are smiles
    for (const channel of [`room/${c.room}`, ch]) {
      const r = await send(channel)
      expect(codeOf(r), channel).toBe('TOO_MANY_SMILES')
      expect(r.errors![0].message).toBe('text: at most 1 smiles in a message (it has 2)')
      expect((await send(channel, `just :${a}:`)).data?.sendChatMessage.isSent, channel).toBe(true)
    }
    for (const channel of ['main', `room/${other}`])
      expect((await send(channel)).data?.sendChatMessage.isSent, channel).toBe(true)
    // a removed emoji is plain text again
    const [first] = (await lists(t, c.room)).emojis
    await gql(t.url, REMOVE, { e: first.databaseId }, c.owner.token)
    expect((await send(`room/${c.room}`)).data?.sendChatMessage.isSent).toBe(true)
  })
})

describe('with smiles off', () => {
  it('the lists are empty and the changes answer ROOM_SMILES_OFF', async () => {
    const c = await makeCast(off)
    expect(await lists(off, c.room, c.owner.token)).toEqual({ emojis: [], stickers: [] })
    const e = await addEmoji(off, c.room, name(), c.owner.token)
    expect(codeOf(e)).toBe('ROOM_SMILES_OFF')
    expect(e.errors![0].extensions?.field).toBe('roomId')
    const s = await gqlUpload(off.url, ADD_STICKER, { r: c.room, n: name() }, image(), c.owner.token)
    expect(codeOf(s)).toBe('ROOM_SMILES_OFF')
    const r = await gql(off.url, REMOVE, { e: 1 }, c.owner.token)
    expect(codeOf(r)).toBe('ROOM_SMILES_OFF')
    expect(r.errors![0].extensions?.field).toBe('emojiId')
  })
})
