import { afterAll, describe, expect, it } from 'vitest'
import { codeOf, gql } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'
import { gif, png, restUpload } from '../smiles/support.js'
import { EVERYONE, gqlUpload, makeCast, startRoomsApp, tokenOf, type Who } from './rooms-support.js'

const t = await startRoomsApp()
afterAll(() => t.close())

const SET_PREVIEW = graphql(`
  mutation SetRoomPreviewT($r: Int!, $file: File!) { setRoomPreview(roomId: $r, file: $file) { databaseId image imageUrl } }
`)
const IMAGE = graphql(`query RoomImageT($r: Int!) { room(databaseId: $r) { image imageUrl } }`)

const preview = (opts?: Parameters<typeof png>[2]) => ({ name: 'preview.png', bytes: png(534, 300, opts) })
const ADMINS: Who[] = ['admin', 'owner', 'staff']

describe('setRoomPreview (GraphQL multipart)', () => {
  it('room admins, the owner and site staff set a 534×300 PNG; it is served under /uploads/rooms/', async () => {
    const c = await makeCast(t)
    for (const who of EVERYONE) {
      const r = await gqlUpload(t.url, SET_PREVIEW, { r: c.room }, preview(), tokenOf(c, who))
      const want = who === 'guest' ? 'UNAUTHENTICATED' : ADMINS.includes(who) ? undefined : 'ROOM_NOT_ADMIN'
      expect(codeOf(r), who).toBe(want)
    }
    const r = await gqlUpload(t.url, SET_PREVIEW, { r: c.room }, preview({ seed: 77 }), c.owner.token)
    const { image, imageUrl } = r.data!.setRoomPreview
    expect(image).toMatch(/^\/uploads\/rooms\/[0-9a-f]{64}\.png$/)
    expect(imageUrl).toBe(`https://cdn.example.test${image}`)
    const served = await fetch(`${t.url}${image}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(
      Buffer.from(await served.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
    expect((await fetch(`${t.url}/uploads/rooms/../smiles/x.png`)).status).toBe(404)
    // replaced previews no room uses are removed: three admins' uploads before, one file now
    expect(t.previews().filter((f) => f.endsWith('.png'))).toHaveLength(1)
    expect((await gql(t.url, IMAGE, { r: c.room })).data!.room).toEqual({ image, imageUrl })
  })

  it('refused: not a PNG, a broken PNG, the wrong size, an empty file; nothing is stored', async () => {
    const c = await makeCast(t)
    const before = t.previews()
    const cases: [string, Uint8Array, string][] = [
      ['gif', gif(), 'INVALID_IMAGE'],
      ['text', Buffer.from('not an image at all'), 'INVALID_IMAGE'],
      ['truncated', png(534, 300).subarray(0, 200), 'INVALID_IMAGE'],
      ['30×30', png(30, 30), 'INVALID_IMAGE_SIZE'],
      ['533×300', png(533, 300), 'INVALID_IMAGE_SIZE'],
      ['300×534', png(300, 534), 'INVALID_IMAGE_SIZE'],
      ['empty', new Uint8Array(0), 'FILE_EMPTY'],
      // the header says 534×300, the image data is one scanline short
      ['short data', png(534, 300, { raw: (raw) => raw.subarray(0, raw.length - (1 + 534 * 3)) }), 'INVALID_IMAGE'],
    ]
    for (const [label, bytes, code] of cases) {
      const r = await gqlUpload(t.url, SET_PREVIEW, { r: c.room }, { name: 'p.png', bytes }, c.owner.token)
      expect(codeOf(r), label).toBe(code)
      expect(r.errors![0].extensions?.field, label).toBe('file')
    }
    expect(t.previews()).toEqual(before)
    expect((await gql(t.url, IMAGE, { r: c.room })).data!.room!.image).toBeNull()
    const missing = await gqlUpload(t.url, SET_PREVIEW, { r: 2_000_000_000 }, preview(), c.owner.token)
    expect(codeOf(missing)).toBe('ROOM_NOT_FOUND')
  })
})

describe('/api/room/preview (peka2 multipart)', () => {
  it('a single 534×300 PNG from a room admin → {}; other callers, counts and files are refused as 500 {message}', async () => {
    const c = await makeCast(t)
    const ok = await restUpload(t.url, '/api/room/preview', [preview()], c.admin.token, { roomId: String(c.room) })
    expect(ok).toEqual({ status: 200, body: {} })
    const row = await t.app.services.prisma.room.findUniqueOrThrow({ where: { id: c.room } })
    expect(row.image).toMatch(/^\/uploads\/rooms\//)
    for (const [label, parts, token, fields, message] of [
      ['a plain user', [preview()], c.user.token, { roomId: String(c.room) }, /administrator/],
      ['a member', [preview()], c.member.token, { roomId: String(c.room) }, /administrator/],
      ['a guest', [preview()], undefined, { roomId: String(c.room) }, /auth/i],
      ['no file', [], c.owner.token, { roomId: String(c.room) }, /one file/],
      ['two files', [preview(), preview()], c.owner.token, { roomId: String(c.room) }, /one file/],
      ['wrong size', [{ name: 'p.png', bytes: png(100, 100) }], c.owner.token, { roomId: String(c.room) }, /534×300/],
      ['not a png', [{ name: 'p.png', bytes: gif() }], c.owner.token, { roomId: String(c.room) }, /PNG/],
      ['no room', [preview()], c.owner.token, { roomId: '2000000000' }, /room/i],
    ] as const) {
      const r = await restUpload(t.url, '/api/room/preview', [...parts], token, fields)
      expect(r.status, label).toBe(500)
      expect(r.body.message, label).toMatch(message)
    }
  })
})
