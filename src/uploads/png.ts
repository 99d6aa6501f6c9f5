import { crc32, deflateSync, inflateSync } from 'node:zlib'

/**
 * PNG by its bytes, never by file name or declared type: the signature (all eight bytes), then a well-formed chunk
 * list — IHDR first (its width and height are what we report), every chunk's CRC right, at least one IDAT, IEND last
 * and nothing after, no unknown critical chunk.
 * What is stored is not the upload but a clean copy (`cleanPng`): the image data inflated with a bound (a "PNG bomb"
 * cannot make us inflate more than the declared dimensions need), checked scanline by scanline, deflated again, and
 * only the chunks that draw the image kept — text, private chunks, appended archives or HTML ride along no further.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** bit depths each colour type allows (PNG spec, table 11.1) */
const DEPTHS: Partial<Record<number, number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
}
/** samples per pixel of each colour type */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }
/** the chunks a clean copy keeps besides IHDR, IDAT and IEND: palette, transparency, colour space */
const KEPT = new Set(['PLTE', 'tRNS', 'gAMA', 'cHRM', 'sRGB'])
const KNOWN_CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND'])
/** Larger raw images are refused before inflating anything (a 30×30 RGBA 16-bit image needs 7,230 bytes). */
const MAX_RAW_BYTES = 16 * 1024 * 1024

export interface PngInfo {
  width: number
  height: number
}

interface Parsed extends PngInfo {
  depth: number
  colour: number
  interlace: number
  ihdr: Buffer
  /** the kept ancillary and palette chunks, in file order (all before the first IDAT, as the spec orders them) */
  kept: { type: string; data: Buffer }[]
  idat: Buffer[]
}

function parse(bytes: Uint8Array): Parsed | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (b.length < SIGNATURE.length || !b.subarray(0, 8).equals(SIGNATURE)) return null
  let parsed: Parsed | null = null
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
      parsed = { width, height, depth, colour, interlace, ihdr: data, kept: [], idat: [] }
    } else if (!parsed || type === 'IHDR') return null
    else if (type === 'IEND') {
      if (length !== 0 || end !== b.length || !parsed.idat.length) return null
      // an indexed image needs its palette; greyscale ones may not have one
      const hasPalette = parsed.kept.some((c) => c.type === 'PLTE')
      if (parsed.colour === 3 ? !hasPalette : hasPalette && (parsed.colour === 0 || parsed.colour === 4)) return null
      return parsed
    } else if (type === 'IDAT') {
      parsed.idat.push(data)
    } else if (KEPT.has(type)) {
      if (parsed.idat.length || parsed.kept.some((c) => c.type === type)) return null // once each, before the image data
      parsed.kept.push({ type, data })
    } else if (KNOWN_CRITICAL.has(type) || (type.charCodeAt(0) & 0x20) === 0) {
      return null // a critical chunk we do not know (or PLTE/IHDR out of place): the spec says refuse the file
    }
    at = end
  }
  return null
}

/** The image's dimensions, or null when the bytes are not a well-formed PNG (structure only; see cleanPng). */
export function readPng(bytes: Uint8Array): PngInfo | null {
  const p = parse(bytes)
  return p && { width: p.width, height: p.height }
}

/** Raw (filtered) scanline sizes of the image: one pass, or Adam7's seven (PNG spec 8.2). */
function scanlines(p: Parsed): { rows: number; rowBytes: number }[] {
  const bits = CHANNELS[p.colour] * p.depth
  const rowBytes = (w: number) => 1 + Math.ceil((w * bits) / 8)
  if (!p.interlace) return [{ rows: p.height, rowBytes: rowBytes(p.width) }]
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ]
  return passes
    .map(([x0, y0, dx, dy]) => ({ w: Math.ceil((p.width - x0) / dx), h: Math.ceil((p.height - y0) / dy) }))
    .filter(({ w, h }) => w > 0 && h > 0)
    .map(({ w, h }) => ({ rows: h, rowBytes: rowBytes(w) }))
}

/**
 * A clean copy of a well-formed PNG, or null when its image data is not what its header declares: the data must
 * inflate to exactly the bytes the dimensions need (inflating stops one byte past that, so a bomb costs nothing) with a
 * valid filter type on every scanline. The copy holds the signature, IHDR, the kept chunks, one IDAT with the data
 * deflated again, and IEND — nothing else of the upload.
 */
export function cleanPng(bytes: Uint8Array): Buffer | null {
  const p = parse(bytes)
  if (!p) return null
  const lines = scanlines(p)
  const expected = lines.reduce((n, l) => n + l.rows * l.rowBytes, 0)
  if (expected > MAX_RAW_BYTES) return null
  let raw: Buffer
  try {
    raw = inflateSync(Buffer.concat(p.idat), { maxOutputLength: expected + 1 })
  } catch {
    return null // not zlib, truncated, or more data than the image needs
  }
  if (raw.length !== expected) return null
  let at = 0
  for (const l of lines) {
    for (let r = 0; r < l.rows; r++, at += l.rowBytes) if (raw[at] > 4) return null // filter types 0–4
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', p.ihdr),
    ...p.kept.map((c) => chunk(c.type, c.data)),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * A copy of a well-formed PNG of any size with only the chunks that draw it (as cleanPng keeps them) and its image data
 * as it was — not inflated, so nothing bounds its size but the upload's: for general uploads, where a photo may need
 * far more raw bytes than MAX_RAW_BYTES, and the picture must not change.
 */
export function stripPng(bytes: Uint8Array): (PngInfo & { bytes: Buffer }) | null {
  const p = parse(bytes)
  if (!p) return null
  return {
    width: p.width,
    height: p.height,
    bytes: Buffer.concat([
      SIGNATURE,
      chunk('IHDR', p.ihdr),
      ...p.kept.map((c) => chunk(c.type, c.data)),
      ...p.idat.map((d) => chunk('IDAT', d)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** An 8-bit RGBA PNG drawn by `pixel(x, y)` → [r, g, b, a]: demo images are generated, not shipped as binaries. */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 4))
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4) // each scanline starts with filter type 0 (none)
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
