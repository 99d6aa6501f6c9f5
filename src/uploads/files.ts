import { createHash, randomBytes } from 'node:crypto'
import type { Config } from '../config.js'
import type { DbLike } from '../db/client.js'
import { AppError, invalid } from '../errors.js'
import type { UploadedFile } from '../generated/prisma/client.js'
import type { Limiter } from '../http/rate-limit.js'
import { perApp } from '../plugin-system/app-state.js'
import type { Services } from '../services.js'
import { bufferOf } from './clean-image.js'
import type { UploadFile } from './file.js'
import { FILE_TYPES, isImageType } from './file-types.js'
import { cleanImage } from './images.js'
import { cleanFileName, extensionOf } from './names.js'
import { sniffType } from './sniff.js'
import { fileStorage } from './storage.js'

/** Uploads one user may make a minute (messenger-api.md: 10 files a minute per user). */
export const UPLOADS_PER_MINUTE = 10
/** Files one list of attachments may name. */
export const ATTACH_MAX = 10
/** A file id: 128 random bits, base64url — the capability to read the file. */
export const FILE_ID = /^[A-Za-z0-9_-]{22}$/
/** Where files are served: <prefix><id>.<ext> (files-route.ts). */
export const FILES_PATH = 'uploads/files/'

/** An uploaded file as the API shows it. */
export interface FileView {
  id: string
  /** the uploader's name, cleaned, with the extension of the file's real type */
  name: string
  /** sniffed from the bytes */
  mimeType: string
  /** bytes as stored (images without their metadata) */
  size: number
  /** images only */
  width: number | null
  height: number | null
  /** relative to PUBLIC_URL, as legacy REST answers give it: uploads/files/<id>.<ext> (GraphQL: absolute) */
  url: string
}

export const fileView = (row: UploadedFile): FileView => ({
  id: row.id,
  name: row.name,
  mimeType: row.mime,
  size: row.size,
  width: row.width,
  height: row.height,
  url: filePath(row),
})

/** The path a file is served under, relative to PUBLIC_URL. */
export const filePath = (f: { id: string; name: string }) => `${FILES_PATH}${f.id}.${extensionOf(f.name)}`

/** The absolute URL of a file. */
export const fileUrl = (config: Config, f: { url: string }) => `${config.publicUrl}/${f.url}`

const uploadLimiter = perApp((services): Limiter => services.limits.make('uploads', UPLOADS_PER_MINUTE, 60))

const ACCEPTED = 'images (PNG, JPEG, GIF, WebP), PDF, plain UTF-8 text, ZIP, gzip or 7z'

/**
 * Saves one uploaded file for `uploaderId` and returns its view. The bytes decide everything: the type is sniffed
 * (sniff.ts), images are parsed and stored without their metadata (images.ts), the name only labels the download.
 * Refusals name `field`. Identical contents are stored once; each upload gets its own random id.
 */
export async function saveUpload(
  services: Services,
  uploaderId: number,
  file: UploadFile,
  field = 'file',
): Promise<FileView> {
  // counted before any work, refused attempts too: reading and parsing 10 MB is the cost being limited
  await uploadLimiter(services).consume(String(uploaderId))
  const max = services.config.uploadMaxBytes
  const tooLarge = () => new AppError('FILE_TOO_LARGE', `${field}: the file is larger than ${max} bytes`, { field })
  if (file.size > max) throw tooLarge()
  const raw = new Uint8Array(await file.arrayBuffer())
  if (raw.length > max) throw tooLarge()
  if (raw.length === 0) throw new AppError('FILE_EMPTY', `${field}: the file is empty`, { field })
  const typeName = sniffType(raw)
  if (!typeName)
    throw new AppError('INVALID_FILE_TYPE', `${field}: this kind of file is not accepted; send ${ACCEPTED}`, { field })
  const type = FILE_TYPES[typeName]
  let stored = { bytes: bufferOf(raw), width: null as number | null, height: null as number | null }
  if (isImageType(typeName)) {
    const image = cleanImage(typeName, raw)
    if (!image)
      throw new AppError('INVALID_IMAGE', `${field}: the file is not a valid ${typeName.toUpperCase()} image`, {
        field,
      })
    stored = image
  }
  const hash = createHash('sha256').update(stored.bytes).digest('hex')
  await fileStorage(services).put(hash, stored.bytes)
  const row = await services.prisma.uploadedFile.create({
    data: {
      id: randomBytes(16).toString('base64url'),
      hash,
      name: cleanFileName(file.name, type),
      mime: type.mime,
      size: stored.bytes.length,
      width: stored.width,
      height: stored.height,
      uploaderId,
    },
  })
  return fileView(row)
}

/**
 * The files a list of ids names, in its order, when `uploaderId` uploaded every one of them: what a plugin lets its
 * users attach to what they write. At most ATTACH_MAX, each once. An id that does not exist and one uploaded by
 * someone else get the same answer, naming the entry (`attachments[2]`), so it tells nothing about others' files.
 */
export async function attachableFiles(
  db: DbLike,
  uploaderId: number,
  ids: unknown,
  field = 'attachments',
): Promise<FileView[]> {
  if (!Array.isArray(ids)) throw invalid(field, 'must be a list of file ids')
  const list: unknown[] = ids
  if (list.length > ATTACH_MAX) throw invalid(field, `at most ${ATTACH_MAX} files`)
  const notYours = (i: number) => invalid(`${field}[${i}]`, 'no such file among your uploads')
  const wanted = list.map((id, i) => {
    if (typeof id !== 'string') throw invalid(`${field}[${i}]`, 'must be a file id')
    if (!FILE_ID.test(id)) throw notYours(i)
    if (list.indexOf(id) !== i) throw invalid(`${field}[${i}]`, 'names a file already listed')
    return id
  })
  if (!wanted.length) return []
  const rows = await db.uploadedFile.findMany({ where: { id: { in: wanted }, uploaderId } })
  const byId = new Map(rows.map((r) => [r.id, r]))
  return wanted.map((id, i) => {
    const row = byId.get(id)
    if (!row) throw notYours(i)
    return fileView(row)
  })
}
