import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll } from '../helpers/app.js'
import { codeOf } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import * as fx from './fixtures.js'
import { UPLOAD_FILE, gqlUpload, pathOf, startUploadsApp, type Part, type UploadsApp } from './support.js'

/**
 * uploadFile: the bytes decide the type (never the name or the claimed Content-Type), images are stored without their
 * metadata and with their picture unchanged, and a refused file leaves neither an object nor a row behind.
 */

let t: UploadsApp
beforeAll(async () => {
  t = await startUploadsApp()
})
afterAll(() => closeAll(t))

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

/** A fresh user per few uploads: each may upload 10 files a minute. */
let user: TestUser | undefined
let used = 0
async function uploader(): Promise<TestUser> {
  if (!user || used >= 8) {
    user = await registerUser(t)
    used = 0
  }
  used++
  return user
}

const upload = async (part: Part) => gqlUpload(t.url, UPLOAD_FILE, part, (await uploader()).token)

/** The stored object behind an accepted upload (by its row's hash). */
async function storedBytes(id: string): Promise<Buffer> {
  const row = await t.app.services.prisma.uploadedFile.findUniqueOrThrow({ where: { id } })
  return t.object(row.hash)
}

/** Runs `fn` and checks it stored nothing: same objects on disk, same rows. */
async function storesNothing<T>(fn: () => Promise<T>): Promise<T> {
  const objects = t.objects()
  const rows = await t.app.services.prisma.uploadedFile.count()
  const out = await fn()
  expect(t.objects()).toEqual(objects)
  expect(await t.app.services.prisma.uploadedFile.count()).toBe(rows)
  return out
}

describe('every accepted type', () => {
  const ACCEPTED: { what: string; part: () => Part; mime: string; name: string; size?: [number, number] }[] = [
    {
      what: 'PNG',
      part: () => ({ name: 'a.png', bytes: fx.png(4, 3) }),
      mime: 'image/png',
      name: 'a.png',
      size: [4, 3],
    },
    {
      what: 'JPEG',
      part: () => ({ name: 'photo.JPEG', bytes: fx.jpeg(16, 8).bytes }),
      mime: 'image/jpeg',
      name: 'photo.jpeg',
      size: [16, 8],
    },
    {
      what: 'GIF',
      part: () => ({ name: 'anim.gif', bytes: fx.gifWithComment() }),
      mime: 'image/gif',
      name: 'anim.gif',
      size: [1, 1],
    },
    {
      what: 'WebP',
      part: () => ({ name: 'x.webp', bytes: fx.webp(5, 7).bytes }),
      mime: 'image/webp',
      name: 'x.webp',
      size: [5, 7],
    },
    { what: 'PDF', part: () => ({ name: 'report.pdf', bytes: fx.pdf() }), mime: 'application/pdf', name: 'report.pdf' },
    { what: 'UTF-8 text', part: () => ({ name: 'notes.md', bytes: fx.text() }), mime: 'text/plain', name: 'notes.md' },
    { what: 'ZIP', part: () => ({ name: 'bundle.zip', bytes: fx.zip() }), mime: 'application/zip', name: 'bundle.zip' },
    {
      what: 'gzip',
      part: () => ({ name: 'logs.tar.gz', bytes: fx.gzip() }),
      mime: 'application/gzip',
      name: 'logs.tar.gz',
    },
    {
      what: '7z',
      part: () => ({ name: 'backup.7z', bytes: fx.sevenZip() }),
      mime: 'application/x-7z-compressed',
      name: 'backup.7z',
    },
  ]
  it.each(ACCEPTED)('$what is accepted as $mime, whatever the client claims', async ({ part, mime, name, size }) => {
    const p = { ...part(), type: 'application/x-msdownload' }
    const r = await upload(p)
    expect(r.errors).toBeUndefined()
    const f = r.data!.uploadFile
    expect(f).toMatchObject({ mimeType: mime, name, width: size?.[0] ?? null, height: size?.[1] ?? null })
    expect(f.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(f.url).toBe(`https://files.example.test/uploads/files/${f.id}.${name.split('.').pop()}`)
    const stored = await storedBytes(f.id)
    expect(f.size).toBe(stored.length)
    // documents and archives are stored as sent
    if (!size) expect(stored.equals(Buffer.from(p.bytes))).toBe(true)
  })

  it('the name is a clean basename with the extension of the real type', async () => {
    const cases: [Part, string][] = [
      [{ name: '../../etc/passwd', bytes: fx.text() }, 'passwd.txt'],
      [{ name: 'C:\\Users\\me\\page.html', bytes: fx.text() }, 'page.txt'],
      [{ name: 'invoice\u202Efdp.exe', bytes: fx.pdf() }, 'invoicefdp.pdf'],
      [{ name: 'a\u0000b\u0007c.png', bytes: fx.png() }, 'abc.png'],
      [{ name: 'picture.png', bytes: fx.jpeg().bytes }, 'picture.jpg'],
      [{ name: '...', bytes: fx.zip() }, 'file.zip'],
      [{ name: `${'я'.repeat(150)}.txt`, bytes: fx.text() }, `${'я'.repeat(96)}.txt`],
    ]
    for (const [part, name] of cases) {
      const r = await upload(part)
      expect(r.errors, part.name).toBeUndefined()
      expect(r.data!.uploadFile.name, part.name).toBe(name)
    }
  })

  it('identical contents are stored once; each upload still gets its own id', async () => {
    const bytes = fx.pdf()
    const a = (await upload({ name: 'one.pdf', bytes })).data!.uploadFile
    const before = t.objects()
    const b = (await upload({ name: 'two.pdf', bytes })).data!.uploadFile
    expect(t.objects()).toEqual(before)
    expect(b.id).not.toBe(a.id)
    expect(before).toContain(sha(bytes))
  })
})

describe('refused types', () => {
  const REFUSED: { what: string; part: () => Part; code: string }[] = [
    {
      what: 'HTML named .png',
      part: () => ({ name: 'cat.png', bytes: fx.html(), type: 'image/png' }),
      code: 'INVALID_FILE_TYPE',
    },
    {
      what: 'SVG',
      part: () => ({ name: 'logo.svg', bytes: fx.svg(), type: 'image/svg+xml' }),
      code: 'INVALID_FILE_TYPE',
    },
    {
      what: 'SVG behind a BOM and an XML declaration',
      part: () => ({ name: 'a.txt', bytes: fx.xmlSvg() }),
      code: 'INVALID_FILE_TYPE',
    },
    { what: 'an ELF executable', part: () => ({ name: 'tool.zip', bytes: fx.elf() }), code: 'INVALID_FILE_TYPE' },
    { what: 'a shell script', part: () => ({ name: 'run.txt', bytes: fx.shellScript() }), code: 'INVALID_FILE_TYPE' },
    {
      what: 'Latin-1 text (not UTF-8)',
      part: () => ({ name: 'a.txt', bytes: fx.latin1() }),
      code: 'INVALID_FILE_TYPE',
    },
    {
      what: 'text with NUL',
      part: () => ({ name: 'a.txt', bytes: Buffer.from('hello\0world') }),
      code: 'INVALID_FILE_TYPE',
    },
    {
      what: 'a PNG signature on garbage',
      part: () => ({
        name: 'a.png',
        bytes: Buffer.concat([fx.png().subarray(0, 8), Buffer.from('<script>x</script>')]),
      }),
      code: 'INVALID_IMAGE',
    },
    {
      what: 'a PNG with bytes after IEND',
      part: () => ({ name: 'a.png', bytes: Buffer.concat([fx.png(), Buffer.from('<html>')]) }),
      code: 'INVALID_IMAGE',
    },
    {
      what: 'a truncated JPEG',
      part: () => ({ name: 'a.jpg', bytes: fx.jpeg().bytes.subarray(0, 60) }),
      code: 'INVALID_IMAGE',
    },
    {
      what: 'a JPEG without a frame header',
      part: () => {
        const j = fx.jpeg()
        return { name: 'a.jpg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8]), j.exif, Buffer.from([0xff, 0xd9])]) }
      },
      code: 'INVALID_IMAGE',
    },
    {
      what: 'a WebP whose RIFF size overruns the file',
      part: () => {
        const w = Buffer.from(fx.webp().bytes)
        w.writeUInt32LE(w.length, 4)
        return { name: 'a.webp', bytes: w }
      },
      code: 'INVALID_IMAGE',
    },
    {
      what: 'a GIF without its trailer',
      part: () => ({ name: 'a.gif', bytes: fx.GIF_WITHOUT_COMMENT.subarray(0, -1) }),
      code: 'INVALID_IMAGE',
    },
    { what: 'an empty file', part: () => ({ name: 'a.txt', bytes: new Uint8Array(0) }), code: 'FILE_EMPTY' },
  ]
  it.each(REFUSED)('$what: $code naming the field, nothing stored', async ({ part, code }) => {
    const r = await storesNothing(() => upload(part()))
    expect(r.data).toBeNull()
    expect(codeOf(r)).toBe(code)
    expect(r.errors![0].extensions?.field).toBe('file')
    expect(r.errors![0].message).toMatch(/^file: /)
  })
})

describe('images lose their metadata, not their picture', () => {
  it('JPEG: APP1 (EXIF), APP13 (IPTC) and COM are gone, every other byte is kept', async () => {
    const j = fx.jpeg(16, 8)
    const f = (await upload({ name: 'p.jpg', bytes: j.bytes })).data!.uploadFile
    const stored = await storedBytes(f.id)
    const expected = Buffer.from(
      j.bytes
        .toString('latin1')
        .replace(j.exif.toString('latin1'), '')
        .replace(j.comment.toString('latin1'), '')
        .replace(j.iptc.toString('latin1'), ''),
      'latin1',
    )
    expect(stored.equals(expected)).toBe(true)
    expect(stored.includes('Exif')).toBe(false)
    expect(stored.includes('secret')).toBe(false)
    expect(stored.subarray(-j.picture.length).equals(j.picture)).toBe(true)
    expect(f.size).toBe(j.bytes.length - j.exif.length - j.comment.length - j.iptc.length)
  })

  it('PNG: the tEXt chunk is gone, the image data is kept', async () => {
    const bytes = fx.png(4, 3, 'GPS 55.7558N secret')
    const f = (await upload({ name: 'p.png', bytes })).data!.uploadFile
    const stored = await storedBytes(f.id)
    expect(stored.includes('tEXt')).toBe(false)
    expect(stored.includes('secret')).toBe(false)
    const text = fx.pngChunk('tEXt', Buffer.from('Comment\0GPS 55.7558N secret', 'latin1'))
    expect(stored.equals(Buffer.from(bytes.toString('latin1').replace(text.toString('latin1'), ''), 'latin1'))).toBe(
      true,
    )
  })

  it('WebP: the EXIF and XMP chunks are gone, their VP8X flags cleared, the RIFF size fixed', async () => {
    const w = fx.webp(5, 7)
    const f = (await upload({ name: 'p.webp', bytes: w.bytes })).data!.uploadFile
    const stored = await storedBytes(f.id)
    expect(stored.includes('EXIF')).toBe(false)
    expect(stored.includes('XMP ')).toBe(false)
    expect(stored.includes('secret')).toBe(false)
    expect(stored.readUInt32LE(4)).toBe(stored.length - 8)
    expect(stored.toString('latin1', 12, 16)).toBe('VP8X')
    expect(stored[20] & 0x0c).toBe(0)
    expect(stored.includes(w.image)).toBe(true)
  })

  it('GIF: the comment extension is gone, the rest is byte for byte', async () => {
    const f = (await upload({ name: 'g.gif', bytes: fx.gifWithComment('secret comment') })).data!.uploadFile
    const stored = await storedBytes(f.id)
    expect(stored.equals(fx.GIF_WITHOUT_COMMENT)).toBe(true)
    expect(f.size).toBe(fx.GIF_WITHOUT_COMMENT.length)
  })

  it('the served copy is the clean one', async () => {
    const j = fx.jpeg()
    const f = (await upload({ name: 'p.jpg', bytes: j.bytes })).data!.uploadFile
    const res = await fetch(`${t.url}${pathOf(f.url)}`)
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.includes('Exif')).toBe(false)
    expect(body.equals(await storedBytes(f.id))).toBe(true)
  })
})

describe('who may upload', () => {
  it('a guest is refused', async () => {
    const r = await storesNothing(() => gqlUpload(t.url, UPLOAD_FILE, { name: 'a.txt', bytes: fx.text() }))
    expect(codeOf(r)).toBe('UNAUTHENTICATED')
  })
})
