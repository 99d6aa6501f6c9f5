import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { pngChunk } from '../helpers/png.js'
import type { TestApp } from '../helpers/app.js'
import { startTestApp } from '../helpers/app.js'
import { blobOf, gqlUpload, type UploadPart } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'

/**
 * Smile test support: images built byte by byte here (independently of the plugin's own PNG code), real multipart
 * bodies (FormData + Blob through fetch) for GraphQL and REST, and a throwaway upload directory per app.
 */

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A PNG chunk (test/helpers/png.ts), under the name these tests use. */
export const chunk = pngChunk

export interface PngOptions {
  seed?: number
  padding?: number
  /** chunks (already framed, see `chunk`) between IHDR and IDAT, and between IDAT and IEND */
  before?: Buffer[]
  after?: Buffer[]
  /** the IDAT payload made from the raw (filtered) scanlines; default deflateSync(raw) */
  idat?: (raw: Buffer) => Uint8Array
  /** changes the raw scanlines before they are deflated */
  raw?: (raw: Buffer) => Buffer
}

let seq = 0
/** A valid 8-bit RGB PNG; every call draws different pixels, so every file has its own hash unless `seed` repeats. */
export function png(width: number, height: number, opts: PngOptions = {}): Buffer {
  const seed = opts.seed ?? ++seq
  let raw: Buffer = Buffer.alloc(height * (1 + width * 3))
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      raw.set([(x * 7 + seed) & 255, (y * 11 + seed * 3) & 255, (seed * 13) & 255], y * (1 + width * 3) + 1 + x * 3)
  if (opts.raw) raw = opts.raw(raw)
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  // an ancillary text chunk makes a valid file as large as a test needs
  const text = opts.padding
    ? [chunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(opts.padding, 0x61)]))]
    : []
  const idat = opts.idat ? opts.idat(raw) : deflateSync(raw)
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    ...text,
    ...(opts.before ?? []),
    chunk('IDAT', idat),
    ...(opts.after ?? []),
    chunk('IEND', new Uint8Array(0)),
  ])
}

export const smilePng = (opts?: PngOptions) => png(30, 30, opts)
export const iconPng = (opts?: { seed?: number }) => png(14, 14, opts)

/** A 1×1 GIF89a: a real image, just not a PNG. */
export const gif = () =>
  Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex')

export type { UploadPart }
export { gqlUpload }

let codeSeq = 0
/** A fresh, valid smile code per call (codes are unique across the whole set). */
export const freshCode = (prefix = 's') => `${prefix}${Date.now().toString(36)}${(++codeSeq).toString(36)}`

const part = blobOf

/** A peka2 multipart upload: the file parts (any number) plus optional text fields. */
export async function restUpload(
  base: string,
  route: string,
  parts: UploadPart[],
  token?: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const p of parts) form.append('file', part(p), p.name)
  const res = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: token ? { token: `Bearer ${token}` } : {},
    body: form,
  })
  const text = await res.text()
  let body: any
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  return { status: res.status, body }
}

export const ADD_SMILE = graphql(
  `mutation AddSmile($file: File!) { addSmile(file: $file) { databaseId code url approved width height icon } }`,
)
export const ADD_ICON = graphql(
  `mutation AddIcon($file: File!) { addIcon(file: $file) { databaseId code url approved width height icon } }`,
)

export interface SmilesApp extends TestApp {
  uploadDir: string
  /** names of the stored files (temp files included, so a half-written one shows) */
  files(): string[]
  smileRows(): Promise<{ id: number; code: string; hash: string; approved: boolean }[]>
}

/** An app with its own upload directory, removed on close. */
export async function startSmilesApp(env: Record<string, string> = {}): Promise<SmilesApp> {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smiles-test-'))
  const t = await startTestApp({ UPLOAD_DIR: uploadDir, PUBLIC_URL: 'https://cdn.example.test', ...env })
  return {
    ...t,
    uploadDir,
    files: () => {
      const dir = path.join(uploadDir, 'smiles')
      return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
    },
    smileRows: () =>
      t.app.services.prisma.smile.findMany({
        select: { id: true, code: true, hash: true, approved: true },
        orderBy: { id: 'asc' },
      }),
    async close() {
      await t.close()
      fs.rmSync(uploadDir, { recursive: true, force: true })
    },
  }
}
