import { createHash } from 'node:crypto'
import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { cleanPng, readPng } from '../../src/uploads/png.js'
import { pngFiles } from '../../src/uploads/png-files.js'
import type { UploadFile } from '../../src/uploads/file.js'
import { requireRoomAdmin, roomOrThrow, type RoomRow } from './access.js'
import { roomModified } from './notices.js'

/** Room previews on disk (UPLOAD_DIR/rooms/<sha256>.png), served under /uploads/rooms/. */
export const previewFiles = pngFiles('rooms', '/uploads/rooms/')

/** The only size peka2 accepts (room.md, /api/room/preview). */
export const PREVIEW = { width: 534, height: 300 } as const
/** A 534×300 PNG needs far less; the request body limit (BODY_LIMIT_BYTES) applies before this. */
export const PREVIEW_MAX_BYTES = 1024 * 1024

/** Serializes writing a preview file with deciding that no room uses it any more ("ROPV" + the hash's first bits). */
const lockFile = (tx: Prisma.TransactionClient, hash: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x524f5056}::int4, ${parseInt(hash.slice(0, 8), 16) | 0}::int4)`

/** The full URL of a room's preview (peka2 image and thumbnail), or null when it has none. */
export const previewUrl = (ctx: Pick<Context, 'config'>, room: Pick<RoomRow, 'image'>) =>
  room.image === null ? null : `${ctx.config.publicUrl}${room.image}`

/** The upload's clean copy and its hash, after every check: a PNG by its bytes, exactly 534×300. */
async function readPreview(file: UploadFile): Promise<{ bytes: Buffer; hash: string }> {
  const field = { field: 'file' }
  if (file.size === 0) throw new AppError('FILE_EMPTY', undefined, field)
  const tooLarge = () => new AppError('FILE_TOO_LARGE', `The file is larger than ${PREVIEW_MAX_BYTES} bytes`, field)
  if (file.size > PREVIEW_MAX_BYTES) throw tooLarge()
  const raw = Buffer.from(await file.arrayBuffer())
  if (raw.length > PREVIEW_MAX_BYTES) throw tooLarge()
  const png = readPng(raw)
  if (!png) throw new AppError('INVALID_IMAGE', undefined, field)
  if (png.width !== PREVIEW.width || png.height !== PREVIEW.height)
    throw new AppError(
      'INVALID_IMAGE_SIZE',
      `A room preview must be ${PREVIEW.width}×${PREVIEW.height} px, got ${png.width}×${png.height}`,
      field,
    )
  // dimensions first: they bound how much of the image data is inflated
  const bytes = cleanPng(raw)
  if (!bytes) throw new AppError('INVALID_IMAGE', undefined, field)
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex') }
}

/** Sets a room's preview (room admins): the clean copy is stored under its hash, a file no room uses any more goes. */
export async function setPreview(ctx: Context, roomId: number, file: UploadFile): Promise<RoomRow> {
  const room = await roomOrThrow(ctx.prisma, roomId)
  await requireRoomAdmin(ctx, room)
  const { bytes, hash } = await readPreview(file)
  const updated = await ctx.prisma.$transaction(async (tx) => {
    await lockFile(tx, hash)
    await previewFiles.write(ctx.config, hash, bytes)
    return tx.room.update({ where: { id: room.id }, data: { image: previewFiles.pathOf(hash) } })
  }, TX_OPTIONS)
  if (room.image !== null && room.image !== updated.image) await dropUnused(ctx, room.image)
  await roomModified(ctx, updated)
  return updated
}

/** Removes a preview file once no room refers to it (after a change or a deletion). */
export async function dropUnused(ctx: Pick<Context, 'prisma' | 'config' | 'services'>, image: string) {
  const hash = previewFiles.hashOf(image)
  if (!hash) return
  try {
    await ctx.prisma.$transaction(async (tx) => {
      await lockFile(tx, hash)
      if ((await tx.room.count({ where: { image } })) === 0) await previewFiles.remove(ctx.config, hash)
    }, TX_OPTIONS)
  } catch (e) {
    // a file left behind costs disk space only; the change itself stands
    ctx.services.log.warn('room preview clean-up failed', { hash, error: String(e) })
  }
}
