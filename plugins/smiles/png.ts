import { crc32, deflateSync } from 'node:zlib'

/**
 * PNG by its bytes, never by file name or declared type: the signature, then a well-formed chunk list — IHDR first
 * (its width and height are what we report), every chunk's CRC right, at least one IDAT, IEND last and nothing after.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** bit depths each colour type allows (PNG spec, table 11.1) */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] }

export interface PngInfo {
  width: number
  height: number
}

/** The image's dimensions, or null when the bytes are not a well-formed PNG. */
export function readPng(bytes: Uint8Array): PngInfo | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (b.length < SIGNATURE.length || !b.subarray(0, 8).equals(SIGNATURE)) return null
  let info: PngInfo | null = null
  let sawData = false
  let at = 8
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at)
    const type = b.toString('latin1', at + 4, at + 8)
    const end = at + 12 + length
    if (length > 0x7fffffff || end > b.length || !/^[A-Za-z]{4}$/.test(type)) return null
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== b.readUInt32BE(at + 8 + length)) return null
    const data = b.subarray(at + 8, at + 8 + length)
    if (at === 8) {
      if (type !== 'IHDR' || length !== 13) return null
      const width = data.readUInt32BE(0)
      const height = data.readUInt32BE(4)
      const [depth, colour, compression, filter, interlace] = data.subarray(8)
      if (!width || !height || width > 0x7fffffff || height > 0x7fffffff) return null
      if (!DEPTHS[colour]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) return null
      info = { width, height }
    } else if (type === 'IHDR') return null
    if (type === 'IDAT') sawData = true
    if (type === 'IEND') return length === 0 && end === b.length && sawData ? info : null
    at = end
  }
  return null
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** An 8-bit RGBA PNG drawn by `pixel(x, y)` → [r, g, b, a]: demo smiles are generated, not shipped as binaries. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 4))
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4) // each scanline starts with filter type 0 (none)
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
