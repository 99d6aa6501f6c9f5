import { createHash } from 'node:crypto'
import type { Services } from '../../src/services.js'
import type { Smile } from '../../src/generated/prisma/client.js'
import { AppError } from '../../src/errors.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import { cleanPng, readPng } from './png.js'
import { dropUnusedFiles, lockFile, type Tx } from './locks.js'
import { fileUrl, writeFile } from './storage.js'
import { SITE } from './service.js'
import { SCOPED_LIST_MAX, type ScopedSmile, type ScopedSmileInput } from './public.js'

/**
 * Scoped sets: another plugin's own smiles (a room's emojis and stickers), stored and served as the site's are but
 * added and removed through the public API only, approved as they come, and recognised in chat only where a scope
 * resolver maps the channel to their scope (chat-rules.ts).
 */

/** messenger's limit for emojis and stickers */
export const SCOPED_MAX_BYTES = 256 * 1024
/** the largest image kept: a sticker's size (messenger gives none; a chat emoji needs far less) */
export const SCOPED_MAX_SIDE = 320

const CODE = /^[A-Za-z0-9_-]{1,32}$/
const SCOPE = /^[a-z]{1,16}\/[0-9A-Za-z/_-]{1,100}$/

/** Formats messenger accepts that we refuse: we store a re-encoded copy, and can re-encode only PNG. */
const OTHER_FORMATS: { name: string; test: (b: Uint8Array) => boolean }[] = [
  { name: 'JPEG', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { name: 'GIF', test: (b) => Buffer.from(b.subarray(0, 4)).toString('latin1') === 'GIF8' },
  {
    name: 'WebP',
    test: (b) =>
      Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' &&
      Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP',
  },
]

const file = { field: 'file' }

/** The clean copy of an upload and its hash, after every check. */
function readImage(bytes: Uint8Array) {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY', undefined, file)
  if (bytes.length > SCOPED_MAX_BYTES)
    throw new AppError('FILE_TOO_LARGE', `The file is larger than ${SCOPED_MAX_BYTES} bytes`, file)
  const other = OTHER_FORMATS.find((f) => f.test(bytes))
  if (other)
    throw new AppError('INVALID_FILE_TYPE', `file: ${other.name} is not accepted here, only PNG (static)`, file)
  const png = readPng(bytes)
  if (!png) throw new AppError('INVALID_IMAGE', undefined, file)
  if (png.width > SCOPED_MAX_SIDE || png.height > SCOPED_MAX_SIDE)
    throw new AppError(
      'INVALID_IMAGE_SIZE',
      `file: at most ${SCOPED_MAX_SIDE}×${SCOPED_MAX_SIDE} px, got ${png.width}×${png.height}`,
      file,
    )
  // dimensions first: they bound how much of the image data is inflated
  const clean = cleanPng(bytes)
  if (!clean) throw new AppError('INVALID_IMAGE', undefined, file)
  return { clean, hash: createHash('sha256').update(clean).digest('hex'), width: png.width, height: png.height }
}

function checkScope(scope: string) {
  // a programming error of the calling plugin, never a client's input
  if (scope === SITE || !SCOPE.test(scope)) throw new Error(`smiles: invalid scope "${scope}"`)
}

/** Serializes counting a scope's smiles with adding one ("SMSC" + the scope's hash). */
const lockScope = (tx: Tx, scope: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x534d5343}::int4, ${createHash('sha256').update(scope).digest().readInt32BE(0)}::int4)`

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && e.code === 'P2002'
const codeTaken = (code: string) =>
  new AppError('SMILE_CODE_TAKEN', `code: "${code}" is used in this set already`, { field: 'code' })

/** The scoped-set part of smiles' public API (public.ts documents each member). */
export function scopedSmilesApi(services: Services) {
  const { prisma, config } = services
  const view = (r: Smile): ScopedSmile => ({
    id: r.id,
    scope: r.scope,
    code: r.code,
    url: fileUrl(config, r.hash),
    width: r.width,
    height: r.height,
    sticker: r.sticker,
    description: r.description,
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
  })
  const dropFiles = (hashes: string[]) => dropUnusedFiles({ prisma, config, services }, hashes)

  return {
    async addScopedSmile(input: ScopedSmileInput): Promise<ScopedSmile> {
      checkScope(input.scope)
      if (!CODE.test(input.code))
        throw new AppError('INVALID_SMILE_CODE', 'code: 1–32 letters, digits, _ or -', { field: 'code' })
      const image = readImage(input.bytes)
      const codeLower = input.code.toLowerCase()
      try {
        const row = await prisma.$transaction(async (tx) => {
          await lockScope(tx, input.scope)
          if (await tx.smile.findUnique({ where: { scope_codeLower: { scope: input.scope, codeLower } } }))
            throw codeTaken(input.code)
          if (
            input.max !== undefined &&
            (await tx.smile.count({ where: { scope: input.scope, sticker: input.sticker } })) >= input.max
          )
            throw new AppError('SMILE_LIMIT_REACHED', `This set has ${input.max} of these already`, file)
          await lockFile(tx, image.hash)
          const created = await tx.smile.create({
            data: {
              scope: input.scope,
              code: input.code,
              codeLower,
              hash: image.hash,
              bytes: image.clean.length,
              width: image.width,
              height: image.height,
              sticker: input.sticker,
              description: input.description,
              createdById: input.createdById,
            },
          })
          await writeFile(config, image.hash, image.clean)
          return created
        }, TX_OPTIONS)
        return view(row)
      } catch (e) {
        await dropFiles([image.hash])
        throw isUniqueViolation(e) ? codeTaken(input.code) : e
      }
    },

    async scopedSmile(id: number): Promise<ScopedSmile | null> {
      if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null
      const row = await prisma.smile.findFirst({ where: { id, scope: { not: SITE } } })
      return row ? view(row) : null
    },

    async removeScopedSmile(scope: string, id: number): Promise<boolean> {
      checkScope(scope)
      const rows = await prisma.smile.findMany({ where: { id, scope }, select: { hash: true } })
      const { count } = await prisma.smile.deleteMany({ where: { id, scope } })
      await dropFiles(rows.map((r) => r.hash))
      return count > 0
    },

    async removeScope(scope: string): Promise<number> {
      checkScope(scope)
      const rows = await prisma.smile.findMany({ where: { scope }, select: { hash: true } })
      const { count } = await prisma.smile.deleteMany({ where: { scope } })
      await dropFiles(rows.map((r) => r.hash))
      return count
    },

    async scopedSmiles(scope: string, filter: { sticker?: boolean } = {}): Promise<ScopedSmile[]> {
      checkScope(scope)
      const rows = await prisma.smile.findMany({
        where: { scope, ...(filter.sticker === undefined ? {} : { sticker: filter.sticker }) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: SCOPED_LIST_MAX,
      })
      return rows.map(view)
    },
  }
}
