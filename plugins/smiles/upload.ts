import { createHash } from 'node:crypto'
import { AppError } from '../../src/errors.js'
import { cleanPng, readPng } from './png.js'

export type SmileKind = 'smile' | 'icon'

/** The only sizes peka2 accepts: smiles 30×30, masterstreamer icons 14×14. */
export const DIMENSIONS: Record<SmileKind, { width: number; height: number }> = {
  smile: { width: 30, height: 30 },
  icon: { width: 14, height: 14 },
}

/** Chat writes smiles as `:code:`, so a code is a plain word. */
const CODE = /^[A-Za-z0-9_-]{1,32}$/

import type { UploadFile } from '../../src/uploads/file.js'
// the core's reading of an uploaded file (GraphQL multipart and the REST shim alike)
export { isUploadFile, type UploadFile } from '../../src/uploads/file.js'

export interface Upload {
  code: string
  /** the clean copy of the uploaded PNG (cleanPng): what is stored and served */
  bytes: Buffer
  /** sha256 of the bytes, hex: the stored file's name */
  hash: string
  width: number
  height: number
}

/** peka2 add routes take "a single file": a request with more or fewer file parts is refused. */
export function singleFile(files: UploadFile[]): UploadFile {
  if (files.length !== 1) throw new AppError('FILE_COUNT_INVALID', `Exactly one file is required, got ${files.length}`)
  return files[0]
}

/** The code is the file name without its extension (peka2); a directory part a client sent is dropped. */
export function codeOfName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  const code = dot > 0 ? base.slice(0, dot) : base
  if (!CODE.test(code))
    throw new AppError(
      'INVALID_SMILE_CODE',
      `The smile code is taken from the file name and must be 1–32 letters, digits, _ or -; got "${code.slice(0, 40)}"`,
      { field: 'file' },
    )
  return code
}

/** Every check a file must pass before anything is stored; the content decides, not the name or declared type. */
export async function readUpload(file: UploadFile, kind: SmileKind, maxBytes: number): Promise<Upload> {
  if (file.size === 0) throw new AppError('FILE_EMPTY', undefined, { field: 'file' })
  if (file.size > maxBytes)
    throw new AppError('FILE_TOO_LARGE', `The file is larger than ${maxBytes} bytes`, { field: 'file' })
  const bytes = Buffer.from(await file.arrayBuffer())
  if (bytes.length > maxBytes)
    throw new AppError('FILE_TOO_LARGE', `The file is larger than ${maxBytes} bytes`, { field: 'file' })
  const png = readPng(bytes)
  if (!png) throw new AppError('INVALID_IMAGE', undefined, { field: 'file' })
  const want = DIMENSIONS[kind]
  if (png.width !== want.width || png.height !== want.height) {
    throw new AppError(
      'INVALID_IMAGE_SIZE',
      `${kind === 'icon' ? 'An icon' : 'A smile'} must be ${want.width}×${want.height} px, got ${png.width}×${png.height}`,
      { field: 'file' },
    )
  }
  // dimensions first: the bound on inflating the image data is what they need
  const clean = cleanPng(bytes)
  if (!clean) throw new AppError('INVALID_IMAGE', undefined, { field: 'file' })
  const code = codeOfName(file.name)
  // what is stored (and hashed) is the clean copy, never the upload's own bytes
  return {
    code,
    bytes: clean,
    hash: createHash('sha256').update(clean).digest('hex'),
    width: png.width,
    height: png.height,
  }
}
