import { crc32, deflateSync, inflateSync } from 'node:zlib'

/**
 * PNG files built and read byte by byte, independently of plugins/smiles/png.ts: what the parser is checked against.
 */

export const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function chunk(type: string, data: Uint8Array = new Uint8Array(0), crc?: number): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  out.set(data, 8)
  out.writeUInt32BE(crc ?? crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

export interface Header {
  width: number
  height: number
  depth?: number
  colour?: number
  compression?: number
  filter?: number
  interlace?: number
}

export function ihdr(h: Header): Buffer {
  const data = Buffer.alloc(13)
  data.writeUInt32BE(h.width, 0)
  data.writeUInt32BE(h.height, 4)
  data.set([h.depth ?? 8, h.colour ?? 0, h.compression ?? 0, h.filter ?? 0, h.interlace ?? 0], 8)
  return chunk('IHDR', data)
}

/** raw (filtered) image data of `size` bytes: every scanline's filter byte is 0 when `rowBytes` is given */
export const raw = (size: number, fill = 0x5a) => Buffer.alloc(size, fill)

/** Raw data of a non-interlaced image: `rows` scanlines of `rowBytes` bytes, each led by the filter type given. */
export function scanlines(rows: number, rowBytes: number, filter: (row: number) => number = () => 0): Buffer {
  const out = Buffer.alloc(rows * rowBytes, 0x33)
  for (let r = 0; r < rows; r++) out[r * rowBytes] = filter(r)
  return out
}

export interface FileParts {
  header: Header
  /** the raw data deflated into one IDAT (or split into several) */
  data: Buffer
  split?: number
  before?: Buffer[]
  after?: Buffer[]
}

/** signature, IHDR, `before` chunks, the IDATs, `after` chunks, IEND */
export function file(p: FileParts): Buffer {
  const z = deflateSync(p.data)
  const parts = p.split ? [z.subarray(0, p.split), z.subarray(p.split)] : [z]
  return Buffer.concat([
    SIGNATURE,
    ihdr(p.header),
    ...(p.before ?? []),
    ...parts.map((d) => chunk('IDAT', d)),
    ...(p.after ?? []),
    chunk('IEND'),
  ])
}

/** An 8-bit greyscale w×h image with filter type 0 on every row: the smallest well-formed file of a size. */
export const grey = (width: number, height: number, extra: Partial<FileParts> = {}) =>
  file({ header: { width, height }, data: scanlines(height, 1 + width), ...extra })

export interface Chunk {
  type: string
  data: Buffer
  crcOk: boolean
}

/** The chunks of a file (after its signature), with whether each CRC is right. */
export function chunks(b: Buffer): Chunk[] {
  const out: Chunk[] = []
  for (let at = 8; at < b.length;) {
    const length = b.readUInt32BE(at)
    const type = b.toString('latin1', at + 4, at + 8)
    const data = b.subarray(at + 8, at + 8 + length)
    out.push({ type, data, crcOk: crc32(b.subarray(at + 4, at + 8 + length)) === b.readUInt32BE(at + 8 + length) })
    at += 12 + length
  }
  return out
}

/** The raw image data of a file: its IDATs joined and inflated. */
export const rawOf = (b: Buffer) =>
  inflateSync(
    Buffer.concat(
      chunks(b)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    ),
  )
