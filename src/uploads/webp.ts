import { bufferOf, type CleanImage } from './clean-image.js'

/**
 * WebP by its RIFF structure: a RIFF size that fits the file (bytes after it are dropped), chunks that fit it, and an
 * image chunk first — VP8 (lossy), VP8L (lossless) or VP8X (extended, with its canvas size) — that gives the
 * dimensions. The stored copy lacks the EXIF and XMP chunks, with VP8X's flags for them cleared and the RIFF size
 * fixed; the image data is kept as it was.
 */
const DROPPED = new Set(['EXIF', 'XMP '])
/** VP8X flags: EXIF present, XMP present */
const EXIF_FLAG = 0x08
const XMP_FLAG = 0x04

interface Chunk {
  type: string
  data: Buffer
}

export function cleanWebp(bytes: Uint8Array): CleanImage | null {
  const b = bufferOf(bytes)
  if (b.length < 20 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return null
  const size = b.readUInt32LE(4)
  if (size < 12 || 8 + size > b.length) return null
  const chunks = readChunks(b.subarray(12, 8 + size))
  if (!chunks?.length) return null
  const dims = dimensions(chunks[0])
  if (!dims) return null
  if (chunks[0].type === 'VP8X' && !chunks.some((c) => c.type === 'VP8 ' || c.type === 'VP8L' || c.type === 'ANMF'))
    return null
  const kept = chunks
    .filter((c) => !DROPPED.has(c.type))
    .map((c) => {
      if (c.type !== 'VP8X') return c
      const data = Buffer.from(c.data)
      data[0] &= ~(EXIF_FLAG | XMP_FLAG)
      return { type: c.type, data }
    })
  const body = Buffer.concat(kept.map(frame))
  const head = Buffer.alloc(12)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(4 + body.length, 4)
  head.write('WEBP', 8, 'latin1')
  return { bytes: Buffer.concat([head, body]), ...dims }
}

/** The chunks of a RIFF body (each padded to an even length), or null when one does not fit. */
function readChunks(body: Buffer): Chunk[] | null {
  const out: Chunk[] = []
  let at = 0
  while (at < body.length) {
    if (at + 8 > body.length) return null
    const type = body.toString('latin1', at, at + 4)
    const length = body.readUInt32LE(at + 4)
    if (!/^[\x20-\x7e]{4}$/.test(type) || at + 8 + length > body.length) return null
    out.push({ type, data: body.subarray(at + 8, at + 8 + length) })
    at += 8 + length + (length & 1)
  }
  return at === body.length || at === body.length + 1 ? out : null
}

function frame(c: Chunk): Buffer {
  const head = Buffer.alloc(8)
  head.write(c.type, 0, 'latin1')
  head.writeUInt32LE(c.data.length, 4)
  return Buffer.concat([head, c.data, Buffer.alloc(c.data.length & 1)])
}

/** Width and height from the first chunk (WebP container spec), or null when it is not an image chunk. */
function dimensions({ type, data }: Chunk): { width: number; height: number } | null {
  if (type === 'VP8 ') {
    // frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height
    if (data.length < 10 || data[3] !== 0x9d || data[4] !== 0x01 || data[5] !== 0x2a) return null
    return nonZero(data.readUInt16LE(6) & 0x3fff, data.readUInt16LE(8) & 0x3fff)
  }
  if (type === 'VP8L') {
    if (data.length < 5 || data[0] !== 0x2f) return null
    const bits = data.readUInt32LE(1)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (type === 'VP8X') {
    if (data.length < 10) return null
    return { width: data.readUIntLE(4, 3) + 1, height: data.readUIntLE(7, 3) + 1 }
  }
  return null
}

const nonZero = (width: number, height: number) => (width && height ? { width, height } : null)
