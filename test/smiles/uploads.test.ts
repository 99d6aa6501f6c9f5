import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll } from '../helpers/app.js'
import { codeOf, gql, gqlRaw, rest, type GqlResult } from '../helpers/clients.js'
import { userWithRoles, type TestUser } from '../helpers/users.js'
import { deflateSync } from 'node:zlib'
import {
  ADD_ICON,
  ADD_SMILE,
  chunk,
  freshCode,
  gif,
  gqlUpload,
  iconPng,
  png,
  restUpload,
  smilePng,
  startSmilesApp,
  type SmilesApp,
  type UploadPart,
} from './support.js'
import { graphql } from '../generated/index.js'

/**
 * Uploads: the content decides (PNG signature and IHDR, never the name or declared type), and a refused upload
 * leaves neither a file in the upload directory nor a row behind — checked on disk and in the database each time.
 */

const MAX = 4096
let t: SmilesApp
let smiler: TestUser
let ms: TestUser
beforeAll(async () => {
  // a small SMILES_MAX_BYTES and BODY_LIMIT_BYTES, so "too large" needs no megabytes
  t = await startSmilesApp({ SMILES_MAX_BYTES: String(MAX), BODY_LIMIT_BYTES: '16384' })
  smiler = await userWithRoles(t, { smiler: 1 })
  ms = await userWithRoles(t, { masterstreamer: 1 })
})
afterAll(() => closeAll(t))

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

/** Runs `fn` and checks that it stored nothing: same files on disk, same rows. */
async function storesNothing<T>(fn: () => Promise<T>): Promise<T> {
  const files = t.files()
  const rows = await t.smileRows()
  const out = await fn()
  expect(t.files()).toEqual(files)
  expect(await t.smileRows()).toEqual(rows)
  return out
}

const truncated = () => smilePng().subarray(0, 60)
const badCrc = () => {
  const b = Buffer.from(smilePng())
  b[29] ^= 0xff // IHDR's CRC
  return b
}
const trailing = () => Buffer.concat([smilePng(), Buffer.from('<?php echo 1;')])
/** a 30×30 image needs 30 × (1 + 30 × 3) = 2,730 bytes of raw data; this IDAT inflates to 3 MB (its bytes: ~3 KB) */
const bomb = () => smilePng({ idat: () => deflateSync(Buffer.alloc(3_000_000)) })
const notZlib = () => smilePng({ idat: (raw) => raw })
const shortData = () => smilePng({ idat: (raw) => deflateSync(raw.subarray(0, raw.length - 91)) })
const badFilter = () => smilePng({ raw: (raw) => ((raw[91] = 7), raw) })
const unknownCritical = () => smilePng({ before: [chunk('ZQXW', Buffer.from('must be understood'))] })

const BAD: { what: string; parts: () => UploadPart[]; code: string; message: RegExp; route?: string }[] = [
  {
    what: 'a GIF named .png',
    parts: () => [{ name: `${freshCode()}.png`, bytes: gif(), type: 'image/png' }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'text named .png',
    parts: () => [{ name: `${freshCode()}.png`, bytes: Buffer.from('hello, not an image'), type: 'image/png' }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'a truncated PNG',
    parts: () => [{ name: `${freshCode()}.png`, bytes: truncated() }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'a PNG with a broken CRC',
    parts: () => [{ name: `${freshCode()}.png`, bytes: badCrc() }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'a PNG with bytes after IEND',
    parts: () => [{ name: `${freshCode()}.png`, bytes: trailing() }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'a PNG bomb (image data inflating to 3 MB for 30×30 px)',
    parts: () => [{ name: `${freshCode()}.png`, bytes: bomb() }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'image data that is not zlib',
    parts: () => [{ name: `${freshCode()}.png`, bytes: notZlib() }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'image data one scanline short',
    parts: () => [{ name: `${freshCode()}.png`, bytes: shortData() }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'a scanline with an unknown filter type',
    parts: () => [{ name: `${freshCode()}.png`, bytes: badFilter() }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'an unknown critical chunk',
    parts: () => [{ name: `${freshCode()}.png`, bytes: unknownCritical() }],
    code: 'INVALID_IMAGE',
    message: /not a PNG/,
  },
  {
    what: 'a 31×30 PNG',
    parts: () => [{ name: `${freshCode()}.png`, bytes: png(31, 30) }],
    code: 'INVALID_IMAGE_SIZE',
    message: /30×30 px, got 31×30/,
  },
  {
    what: 'a 30×31 PNG',
    parts: () => [{ name: `${freshCode()}.png`, bytes: png(30, 31) }],
    code: 'INVALID_IMAGE_SIZE',
    message: /got 30×31/,
  },
  {
    what: 'a 14×14 icon as a smile',
    parts: () => [{ name: `${freshCode()}.png`, bytes: iconPng() }],
    code: 'INVALID_IMAGE_SIZE',
    message: /got 14×14/,
  },
  {
    what: 'a 30×30 smile as an icon',
    parts: () => [{ name: `${freshCode()}.png`, bytes: smilePng() }],
    code: 'INVALID_IMAGE_SIZE',
    message: /icon must be 14×14 px, got 30×30/,
    route: 'icon',
  },
  {
    what: 'an empty file',
    parts: () => [{ name: `${freshCode()}.png`, bytes: new Uint8Array(0) }],
    code: 'FILE_EMPTY',
    message: /empty/,
  },
  {
    what: `a valid PNG over SMILES_MAX_BYTES`,
    parts: () => [{ name: `${freshCode()}.png`, bytes: smilePng({ padding: MAX }) }],
    code: 'FILE_TOO_LARGE',
    message: /larger than 4096 bytes/,
  },
  {
    what: 'a name that is no smile code',
    parts: () => [{ name: 'two words.png', bytes: smilePng() }],
    code: 'INVALID_SMILE_CODE',
    message: /letters, digits/,
  },
  {
    what: 'a name with only an extension',
    parts: () => [{ name: '.png', bytes: smilePng() }],
    code: 'INVALID_SMILE_CODE',
    message: /letters, digits/,
  },
]

describe('bad files are refused, and nothing is stored', () => {
  it.each(BAD)('REST: $what', async ({ parts, message, route }) => {
    const as = route === 'icon' ? ms : smiler
    const r = await storesNothing(() =>
      restUpload(t.url, route === 'icon' ? '/api/icon/add' : '/api/smile/add', parts(), as.token),
    )
    expect(r).toEqual({ status: 500, body: { message: expect.stringMatching(message) } })
  })

  it.each(BAD)('GraphQL: $what', async ({ parts, code, route }) => {
    const as = route === 'icon' ? ms : smiler
    const r = await storesNothing<GqlResult>(() =>
      route === 'icon'
        ? gqlUpload(t.url, ADD_ICON, parts()[0], as.token)
        : gqlUpload(t.url, ADD_SMILE, parts()[0], as.token),
    )
    expect(codeOf(r)).toBe(code)
    expect(r.data ?? null).toBeNull()
  })

  it('one wrong byte anywhere in the 8-byte signature is refused (REST and GraphQL)', async () => {
    for (let i = 0; i < 8; i++) {
      const bytes = smilePng()
      bytes[i] ^= i === 0 ? 0x80 : 0x20 // e.g. 0x89 → 0x09 (high bit stripped), "\r\n" → "-*"
      const r = await storesNothing(() =>
        restUpload(t.url, '/api/smile/add', [{ name: `${freshCode()}.png`, bytes }], smiler.token),
      )
      expect(r, `byte ${i}`).toEqual({ status: 500, body: { message: expect.stringMatching(/not a PNG/) } })
      const g = await storesNothing(() =>
        gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes }, smiler.token),
      )
      expect(codeOf(g), `byte ${i}`).toBe('INVALID_IMAGE')
    }
  })

  it('REST: two files, or none, are refused (exactly one file)', async () => {
    const two = await storesNothing(() =>
      restUpload(
        t.url,
        '/api/smile/add',
        [
          { name: `${freshCode()}.png`, bytes: smilePng() },
          { name: `${freshCode()}.png`, bytes: smilePng() },
        ],
        smiler.token,
      ),
    )
    expect(two).toEqual({ status: 500, body: { message: 'Exactly one file is required, got 2' } })
    const none = await storesNothing(() =>
      restUpload(t.url, '/api/smile/add', [], smiler.token, { note: 'no file here' }),
    )
    expect(none).toEqual({ status: 500, body: { message: 'Exactly one file is required, got 0' } })
    const icons = await storesNothing(() =>
      restUpload(
        t.url,
        '/api/icon/add',
        [
          { name: 'a.png', bytes: iconPng() },
          { name: 'b.png', bytes: iconPng() },
        ],
        ms.token,
      ),
    )
    expect(icons.body.message).toBe('Exactly one file is required, got 2')
  })

  it('REST: a JSON body or a broken multipart body is refused', async () => {
    const json = await storesNothing(() => rest(t.url, '/api/smile/add', {}, { token: smiler.token }))
    expect(json).toMatchObject({ status: 500, body: { message: 'Content-Type must be multipart/form-data' } })
    const broken = await storesNothing(() =>
      fetch(`${t.url}/api/smile/add`, {
        method: 'POST',
        headers: { token: `Bearer ${smiler.token}`, 'content-type': 'multipart/form-data; boundary=xyz' },
        body: '--xyz\r\ngarbage',
      }).then(async (r) => ({ status: r.status, body: await r.json() })),
    )
    expect(broken).toEqual({ status: 500, body: { message: 'Malformed multipart/form-data body' } })
  })

  it('a body over BODY_LIMIT_BYTES is refused before it is read (REST 500 as peka2 errors are, GraphQL 413)', async () => {
    const big = smilePng({ padding: 20_000 })
    const r = await storesNothing(() =>
      restUpload(t.url, '/api/smile/add', [{ name: `${freshCode()}.png`, bytes: big }], smiler.token),
    )
    expect(r).toEqual({ status: 500, body: { message: 'Request body is larger than 16384 bytes' } })
    const g = await storesNothing(() =>
      gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes: big }, smiler.token),
    )
    expect(g.status).toBe(413)
    expect(codeOf(g)).toBe('PAYLOAD_TOO_LARGE')
  })

  it('a code already taken (in any case) is refused, also when the other smile is still pending', async () => {
    const code = freshCode('Taken')
    const first = smilePng()
    expect(
      (await gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: first }, ms.token)).data!.addSmile.code,
    ).toBe(code)
    for (const name of [`${code}.png`, `${code.toLowerCase()}.png`, `${code.toUpperCase()}.gif`]) {
      const r = await storesNothing(() => gqlUpload(t.url, ADD_SMILE, { name, bytes: smilePng() }, smiler.token))
      expect(codeOf(r)).toBe('SMILE_CODE_TAKEN')
      const rr = await storesNothing(() =>
        restUpload(t.url, '/api/smile/add', [{ name, bytes: smilePng() }], smiler.token),
      )
      expect(rr.body.message).toMatch(/already exists/)
    }
    // the same bytes under the taken code: the existing smile's file must survive the refusal
    await storesNothing(() => gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: first }, smiler.token))
    expect(t.files()).toContain(`${sha(first)}.png`)
  })

  // The code check and the insert share a transaction: the embedded database runs one at a time, so only PostgreSQL
  // lets two uploads both pass the check and meet at the unique index.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'racing uploads of one code: exactly one wins, the others store nothing (needs PostgreSQL: PGlite is single-connection, so it serialises writers)',
    async () => {
      const code = freshCode('race')
      const files = t.files()
      const bodies = Array.from({ length: 5 }, () => smilePng())
      const results = await Promise.all(
        bodies.map((bytes) => gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes }, smiler.token)),
      )
      const won = results.filter((r) => !r.errors)
      expect(won).toHaveLength(1)
      expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(4).fill('SMILE_CODE_TAKEN'))
      expect(t.files()).toEqual([...files, won[0].data!.addSmile.url.split('/').pop()].sort())
      expect((await t.smileRows()).filter((r) => r.code === code)).toHaveLength(1)
    },
  )

  it('a masterstreamer with changes awaiting approval cannot upload', async () => {
    const m = await userWithRoles(t, { masterstreamer: 1 })
    await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes: smilePng() }, m.token)
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, m.token)
    const r = await storesNothing(() =>
      gqlUpload(t.url, ADD_ICON, { name: `${freshCode()}.png`, bytes: iconPng() }, m.token),
    )
    expect(codeOf(r)).toBe('SMILE_CHANGES_PENDING')
  })
})

describe('what is accepted and how it is served', () => {
  it('the content decides: a 30×30 PNG named .gif, sent as image/gif, is a PNG smile; a path in the name is dropped', async () => {
    const bytes = smilePng()
    const code = freshCode('gifname')
    const r = await gqlUpload(t.url, ADD_SMILE, { name: `${code}.gif`, bytes, type: 'image/gif' }, smiler.token)
    expect(r.data!.addSmile).toMatchObject({
      code,
      width: 30,
      height: 30,
      url: `https://cdn.example.test/uploads/smiles/${sha(bytes)}.png`,
    })
    const bytes2 = smilePng()
    const code2 = freshCode('path')
    expect(
      await restUpload(t.url, '/api/smile/add', [{ name: `../../etc/${code2}.png`, bytes: bytes2 }], smiler.token),
    ).toEqual({ status: 200, body: {} })
    expect((await t.smileRows()).find((x) => x.code === code2)).toMatchObject({ hash: sha(bytes2) })
    // stored under its hash only: no temp file left, no client-chosen name
    expect(t.files()).toEqual(expect.arrayContaining([`${sha(bytes)}.png`, `${sha(bytes2)}.png`]))
    expect(t.files().every((f) => /^[0-9a-f]{64}\.png$/.test(f))).toBe(true)
  })

  it('foreign chunks and appended data are stripped: what is stored is a clean copy (GraphQL and REST)', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('payload.exe'.repeat(8))])
    const html = Buffer.from('<html><script>alert(1)</script></html>')
    const gama = chunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f]))
    for (const via of ['graphql', 'rest'] as const) {
      const seed = 900 + (via === 'rest' ? 1 : 0)
      const dirty = smilePng({
        seed,
        before: [gama, chunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), html])), chunk('prVt', zip)],
        after: [chunk('zIPp', zip)],
        idat: (raw) => Buffer.concat([deflateSync(raw), zip]), // bytes after the end of the zlib stream
      })
      const clean = smilePng({ seed, before: [gama] })
      const code = freshCode('clean')
      if (via === 'graphql')
        expect(
          (await gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: dirty }, smiler.token)).data!.addSmile,
        ).toMatchObject({ code, width: 30, height: 30 })
      else
        expect(
          await restUpload(t.url, '/api/smile/add', [{ name: `${code}.png`, bytes: dirty }], smiler.token),
        ).toEqual({ status: 200, body: {} })
      const row = (await t.smileRows()).find((x) => x.code === code)!
      expect(row.hash).toBe(sha(clean))
      const served = Buffer.from(await (await fetch(`${t.url}/uploads/smiles/${row.hash}.png`)).arrayBuffer())
      expect(served.equals(clean)).toBe(true)
      for (const foreign of ['PK\x03\x04', '<html', 'tEXt', 'prVt', 'zIPp'])
        expect(served.includes(Buffer.from(foreign, 'latin1')), foreign).toBe(false)
      expect(served.includes(Buffer.from('gAMA'))).toBe(true)
      expect(t.files()).not.toContain(`${sha(dirty)}.png`)
    }
  })

  it('serves files as image/png with long immutable caching, ETag and 304; HEAD; 404 and 405 otherwise', async () => {
    const bytes = smilePng()
    const r = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes }, smiler.token)
    const local = r.data!.addSmile.url.replace('https://cdn.example.test', t.url)
    const res = await fetch(local)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    const etag = res.headers.get('etag')!
    expect(etag).toBe(`"${sha(bytes)}"`)
    expect((await fetch(local, { headers: { 'if-none-match': etag } })).status).toBe(304)
    const head = await fetch(local, { method: 'HEAD' })
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(bytes.length)])
    expect((await fetch(local, { method: 'POST' })).status).toBe(405)
    for (const p of [
      '/uploads/smiles/' + '0'.repeat(64) + '.png',
      '/uploads/smiles/..%2F..%2Fpackage.json',
      '/uploads/smiles/../../package.json',
      '/uploads/smiles/x.png',
    ]) {
      expect((await fetch(t.url + p)).status, p).toBe(404)
    }
  })

  it('identical bytes under two codes share one file, removed with the last smile that uses it', async () => {
    const bytes = smilePng()
    const file = `${sha(bytes)}.png`
    const a = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('twin')}.png`, bytes }, smiler.token)
    const b = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('twin')}.png`, bytes }, smiler.token)
    expect(t.files().filter((f) => f === file)).toHaveLength(1)
    await gql(
      t.url,
      graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
      { ids: [a.data!.addSmile.databaseId] },
      smiler.token,
    )
    expect(t.files()).toContain(file)
    await gql(
      t.url,
      graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
      { ids: [b.data!.addSmile.databaseId] },
      smiler.token,
    )
    expect(t.files()).not.toContain(file)
  })

  it('a File variable must be an uploaded file', async () => {
    const r = await gqlRaw(t.url, ADD_SMILE, { file: 'smile.png' }, smiler.token)
    expect(r.errors?.[0].message).toMatch(/File must be a file part/)
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation AddSmileUploads { addSmile(file: "x") { databaseId } }`),
          undefined,
          smiler.token,
        ),
      ),
    ).toBeDefined()
  })
})
