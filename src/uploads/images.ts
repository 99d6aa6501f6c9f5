import type { CleanImage } from './clean-image.js'
import type { ImageTypeName } from './file-types.js'
import { cleanGif } from './gif.js'
import { cleanJpeg } from './jpeg.js'
import { stripPng } from './png.js'
import { cleanWebp } from './webp.js'

const CLEANERS: Record<ImageTypeName, (bytes: Uint8Array) => CleanImage | null> = {
  png: stripPng,
  jpeg: cleanJpeg,
  gif: cleanGif,
  webp: cleanWebp,
}

/**
 * The image as it is stored — its metadata (EXIF, XMP, IPTC, comments, text chunks) removed, its pixels unchanged —
 * or null when the bytes do not parse as the type their signature claims.
 */
export const cleanImage = (type: ImageTypeName, bytes: Uint8Array): CleanImage | null => CLEANERS[type](bytes)
