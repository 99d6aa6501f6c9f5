import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import { closeAll } from '../helpers/app.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import * as fx from './fixtures.js'
import {
  UPLOAD_FILE,
  gqlUpload,
  justchatUpload,
  pathOf,
  startUploadsApp,
  type Part,
  type UploadsApp,
} from './support.js'

/**
 * GET/HEAD /uploads/files/<id>: the sniffed type with nosniff, a sandbox CSP, images inline and everything else as a
 * named attachment, a year of caching; 404 for anything that is not a stored file's id. And JustChat's POST /upload.
 */

let t: UploadsApp
let alice: TestUser
beforeAll(async () => {
  t = await startUploadsApp()
  alice = await registerUser(t)
})
afterAll(() => closeAll(t))

async function uploaded(part: Part, who?: TestUser) {
  const r = await gqlUpload(t.url, UPLOAD_FILE, part, (who ?? (await registerUser(t))).token)
  expect(r.errors).toBeUndefined()
  return r.data!.uploadFile
}

/** A raw GET of a path as written (fetch would normalise dot segments away). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${t.url}${path.startsWith('/') ? '' : '/'}`, { path, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('served files', () => {
  it('an image: its sniffed type, inline, nosniff, sandboxed, cached for a year', async () => {
    const f = await uploaded({ name: 'p.png', bytes: fx.png(), type: 'text/html' })
    const res = await fetch(`${t.url}${pathOf(f.url)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toMatch(/^inline; /)
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(Number(res.headers.get('content-length'))).toBe(f.size)
    expect((await res.arrayBuffer()).byteLength).toBe(f.size)
  })

  it('a document: an attachment under its cleaned name (RFC 8187), text with its charset', async () => {
    const f = await uploaded({ name: 'отчёт: итог?.txt', bytes: fx.text(), type: 'image/png' })
    const res = await fetch(`${t.url}${pathOf(f.url)}`)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    const disposition = res.headers.get('content-disposition')!
    expect(disposition).toMatch(/^attachment; /)
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('отчёт итог.txt')}`)
    expect(disposition).toContain('filename="_____ ____.txt"')
    expect(Buffer.from(await res.arrayBuffer()).toString()).toContain('привет')
  })

  it.each([
    ['PDF', { name: 'r.pdf', bytes: fx.pdf() }, 'application/pdf'],
    ['ZIP', { name: 'r.zip', bytes: fx.zip() }, 'application/zip'],
  ] as const)('%s: an attachment of its type', async (_what, part, type) => {
    const f = await uploaded(part)
    const res = await fetch(`${t.url}${pathOf(f.url)}`)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /)
  })

  it('HEAD: the same headers, no body; the bare id serves the file too; If-None-Match gives 304', async () => {
    const f = await uploaded({ name: 'a.gif', bytes: fx.gifWithComment() })
    const head = await fetch(`${t.url}${pathOf(f.url)}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('image/gif')
    expect(Number(head.headers.get('content-length'))).toBe(f.size)
    expect(await head.text()).toBe('')
    const bare = await fetch(`${t.url}/uploads/files/${f.id}`)
    expect(bare.status).toBe(200)
    expect((await bare.arrayBuffer()).byteLength).toBe(f.size)
    const again = await fetch(`${t.url}${pathOf(f.url)}`, { headers: { 'if-none-match': head.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('404: an unknown id, a malformed one, an extension of another type; 405 for other methods', async () => {
    const f = await uploaded({ name: 'a.png', bytes: fx.png() })
    for (const path of [
      '/uploads/files/AAAAAAAAAAAAAAAAAAAAAA.png',
      '/uploads/files/AAAAAAAAAAAAAAAAAAAAAA',
      `/uploads/files/${f.id}.html`,
      `/uploads/files/${f.id}x`,
      `/uploads/files/${f.id.slice(1)}`,
      '/uploads/files/',
    ]) {
      const res = await fetch(`${t.url}${path}`)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
    const post = await fetch(`${t.url}${pathOf(f.url)}`, { method: 'POST' })
    expect(post.status).toBe(405)
  })

  it('a traversal attempt is 404 and reads nothing', async () => {
    const f = await uploaded({ name: 'a.txt', bytes: fx.text() })
    const row = await t.app.services.prisma.uploadedFile.findUniqueOrThrow({ where: { id: f.id } })
    for (const path of [
      '/uploads/files/../../../../etc/passwd',
      '/uploads/files/..%2f..%2f..%2fetc%2fpasswd',
      `/uploads/files/${row.hash}`,
      `/uploads/files/%2e%2e/files/${row.hash}`,
      `/uploads/files/${f.id}/../${row.hash}`,
    ]) {
      const r = await rawGet(path)
      expect(r.status, path).toBe(404)
      expect(r.body, path).toBe('Not found')
    }
  })
})

describe('limits', () => {
  it('files larger than BODY_LIMIT_BYTES are taken up to UPLOAD_MAX_BYTES; one byte more is FILE_TOO_LARGE', async () => {
    const max = t.app.config.uploadMaxBytes
    expect(max).toBe(10 * 1024 * 1024)
    const atMax = Buffer.alloc(max, 'a')
    const ok = await gqlUpload(t.url, UPLOAD_FILE, { name: 'big.txt', bytes: atMax }, alice.token)
    expect(ok.errors).toBeUndefined()
    expect(ok.data!.uploadFile.size).toBe(max)
    const over = await gqlUpload(
      t.url,
      UPLOAD_FILE,
      { name: 'big.txt', bytes: Buffer.alloc(max + 1, 'a') },
      alice.token,
    )
    expect(over.errors![0].extensions).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'file' })
  })

  it('a body far over the upload limit is refused before it is read (413)', async () => {
    const u = await registerUser(t)
    const r = await gqlUpload(
      t.url,
      UPLOAD_FILE,
      { name: 'huge.txt', bytes: Buffer.alloc(11 * 1024 * 1024, 'a') },
      u.token,
    )
    expect(r.status).toBe(413)
    expect(r.errors![0].extensions?.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('other operations keep BODY_LIMIT_BYTES, in multipart requests too', async () => {
    const u = await registerUser(t)
    const form = new FormData()
    form.append('operations', JSON.stringify({ query: 'query Padded { viewer { databaseId } }', variables: {} }))
    form.append('map', '{}')
    // a file part the operation does not even use
    form.append('pad', new Blob([Buffer.alloc(2 * 1024 * 1024, 'x')]), 'pad.txt')
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${u.token}`, accept: 'application/graphql-response+json' },
      body: form,
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    )
  })

  it('the 11th upload of a user within a minute is RATE_LIMIT_EXCEEDED with retryAfter', async () => {
    const u = await registerUser(t)
    for (let i = 0; i < 10; i++) {
      const r = await gqlUpload(t.url, UPLOAD_FILE, { name: `${i}.txt`, bytes: fx.text() }, u.token)
      expect(r.errors, `upload ${i + 1}`).toBeUndefined()
    }
    const r = await gqlUpload(t.url, UPLOAD_FILE, { name: 'eleven.txt', bytes: fx.text() }, u.token)
    expect(r.errors![0].extensions?.code).toBe('RATE_LIMIT_EXCEEDED')
    expect(r.errors![0].extensions?.retryAfter).toBeGreaterThan(0)
    // the limit is per user
    const other = await gqlUpload(
      t.url,
      UPLOAD_FILE,
      { name: 'a.txt', bytes: fx.text() },
      (await registerUser(t)).token,
    )
    expect(other.errors).toBeUndefined()
  })
})

describe('JustChat POST /upload', () => {
  it('201 { url }: relative, ending with the extension, and it serves the bytes', async () => {
    const u = await registerUser(t)
    const bytes = fx.pdf()
    const r = await justchatUpload(t.url, [{ name: 'doc.pdf', bytes }], u.token)
    expect(r.status).toBe(201)
    expect(Object.keys(r.body)).toEqual(['url'])
    expect(r.body.url).toMatch(/^uploads\/files\/[A-Za-z0-9_-]{22}\.pdf$/)
    const res = await fetch(`${t.url}/${r.body.url}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('takes the file as `file` too, and a file over BODY_LIMIT_BYTES', async () => {
    const u = await registerUser(t)
    const bytes = Buffer.concat([fx.text(), Buffer.alloc(3 * 1024 * 1024, 'b')])
    const r = await justchatUpload(t.url, [{ name: 'log.txt', bytes }], u.token, 'file')
    expect(r.status).toBe(201)
    const res = await fetch(`${t.url}/${r.body.url}`)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /)
    expect((await res.arrayBuffer()).byteLength).toBe(bytes.length)
  })

  it('refusals in its form: no session 440, SVG 415, two files 400, too large 413', async () => {
    const u = await registerUser(t)
    expect(await justchatUpload(t.url, [{ name: 'a.png', bytes: fx.png() }])).toMatchObject({ status: 440 })
    expect(await justchatUpload(t.url, [{ name: 'a.svg', bytes: fx.svg() }], u.token)).toEqual({
      status: 415,
      body: { error: expect.stringMatching(/^photo: this kind of file is not accepted/) },
    })
    const two = await justchatUpload(
      t.url,
      [
        { name: 'a.png', bytes: fx.png() },
        { name: 'b.png', bytes: fx.png() },
      ],
      u.token,
    )
    expect(two.status).toBe(400)
    const big = await justchatUpload(
      t.url,
      [{ name: 'a.txt', bytes: Buffer.alloc(t.app.config.uploadMaxBytes + 1, 'a') }],
      u.token,
    )
    expect(big).toEqual({ status: 413, body: { error: expect.stringMatching(/^photo: the file is larger than/) } })
  })
})
