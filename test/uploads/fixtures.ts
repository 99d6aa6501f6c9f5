import { crc32, deflateSync, gzipSync } from 'node:zlib'
import { PNG_SIGNATURE, pngChunk } from '../helpers/png.js'

/**
 * Small files of every kind the upload service takes (and some it must refuse), assembled byte by byte here,
 * independently of src/uploads, so a test fails when the service's idea of a format drifts from the format.
 */

const u16be = (n: number) => Buffer.from([n >> 8, n & 255])
const u16le = (n: number) => Buffer.from([n & 255, n >> 8])
const u32le = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}

// ------------------------------------------------------------------ PNG

export { pngChunk }

let seq = 0
/** A valid 8-bit RGB PNG with different pixels on every call; `text` adds a tEXt chunk before the image data. */
export function png(width = 4, height = 3, text?: string): Buffer {
  const s = ++seq
  const raw = Buffer.alloc(height * (1 + width * 3))
  for (let i = 0; i < raw.length; i++) raw[i] = i % (1 + width * 3) === 0 ? 0 : (i * 7 + s) & 255
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...(text ? [pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1'))] : []),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ])
}

// ------------------------------------------------------------------ JPEG

const segment = (marker: number, payload: Uint8Array) =>
  Buffer.concat([Buffer.from([0xff, marker]), u16be(payload.length + 2), payload])

export interface JpegParts {
  /** the whole file */
  bytes: Buffer
  /** the APP1 (EXIF) segment, the COM segment and the APP13 segment as they sit in the file */
  exif: Buffer
  comment: Buffer
  iptc: Buffer
  /** everything from the first DQT to EOI: tables, frame, scan data — what draws the picture */
  picture: Buffer
}

/**
 * A baseline JPEG's structure: SOI, APP0 (JFIF), APP1 (EXIF with a GPS-looking tag), COM, APP13 (IPTC), DQT, SOF0
 * (`width`×`height`), DHT, SOS, scan data with a stuffed 0xFF00 and a restart marker, EOI. The scan data is not a
 * decodable picture: the service must not need to decode one.
 */
export function jpeg(width = 16, height = 8): JpegParts {
  const app0 = segment(0xe0, Buffer.from('JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00', 'latin1'))
  const exif = segment(0xe1, Buffer.from('Exif\0\0MM\0*\0\0\0\x08GPS 55.7558N 37.6173E camera=secret', 'latin1'))
  const comment = segment(0xfe, Buffer.from('made by a secret tool', 'latin1'))
  const iptc = segment(0xed, Buffer.from('Photoshop 3.0\x008BIM\x04\x04 byline=secret', 'latin1'))
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]))
  const sof = segment(
    0xc0,
    Buffer.concat([
      Buffer.from([8]),
      u16be(height),
      u16be(width),
      Buffer.from([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
    ]),
  )
  const dht = segment(
    0xc4,
    Buffer.concat([Buffer.from([0]), Buffer.from([0, 1, 5, 1, 1, 1, 1, 1, 1]), Buffer.alloc(7), Buffer.alloc(12, 3)]),
  )
  const sos = segment(0xda, Buffer.from([3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]))
  const scan = Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a, seq++ & 255])
  const eoi = Buffer.from([0xff, 0xd9])
  const picture = Buffer.concat([dqt, sof, dht, sos, scan, eoi])
  return {
    bytes: Buffer.concat([Buffer.from([0xff, 0xd8]), app0, exif, comment, iptc, picture]),
    exif,
    comment,
    iptc,
    picture,
  }
}

// ------------------------------------------------------------------ WebP

const riffChunk = (type: string, data: Uint8Array) =>
  Buffer.concat([Buffer.from(type, 'latin1'), u32le(data.length), data, Buffer.alloc(data.length & 1)])

export interface WebpParts {
  bytes: Buffer
  /** the VP8L chunk (the picture), as it sits in the file */
  image: Buffer
}

/** An extended WebP: VP8X (flags: EXIF and XMP present), a lossless VP8L image, an EXIF chunk and an XMP chunk. */
export function webp(width = 5, height = 7): WebpParts {
  const vp8x = Buffer.alloc(10)
  vp8x[0] = 0x08 | 0x04
  vp8x.writeUIntLE(width - 1, 4, 3)
  vp8x.writeUIntLE(height - 1, 7, 3)
  const vp8l = Buffer.alloc(9)
  vp8l[0] = 0x2f
  vp8l.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 1)
  vp8l.writeUInt32LE(seq++, 5)
  const image = riffChunk('VP8L', vp8l)
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    image,
    riffChunk('EXIF', Buffer.from('MM\0*\0\0\0\x08 GPS 55.7558N secret', 'latin1')),
    riffChunk('XMP ', Buffer.from('<x:xmpmeta>secret</x:xmpmeta>', 'latin1')),
  ])
  return { bytes: Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(body.length), body]), image }
}

// ------------------------------------------------------------------ GIF

/** A 1×1 GIF89a with a comment extension after its colour table. */
export function gifWithComment(comment = 'secret comment'): Buffer {
  const head = Buffer.from('47494638396101000100800000000000ffffff', 'hex') // header, screen 1×1, 2-colour table
  const com = Buffer.concat([
    Buffer.from([0x21, 0xfe, comment.length]),
    Buffer.from(comment, 'latin1'),
    Buffer.from([0]),
  ])
  const rest = Buffer.from('21f90401000000002c000000000100010000020244010' + '03b', 'hex')
  return Buffer.concat([head, com, rest])
}
export const GIF_WITHOUT_COMMENT = Buffer.from(
  '47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b',
  'hex',
)

// ------------------------------------------------------------------ documents and archives

export const pdf = () =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF ${seq++}\n`)
export const text = () => Buffer.from(`hello, world\nпривет, мир ${seq++}\n\ttabs and CRLF\r\n`)

/** A ZIP archive with one stored entry. */
export function zip(name = 'a.txt', content = `zipped ${seq++}`): Buffer {
  const data = Buffer.from(content)
  const file = Buffer.from(name)
  const crc = u32le(crc32(data))
  const local = Buffer.concat([
    u32le(0x04034b50),
    u16le(20),
    u16le(0),
    u16le(0),
    u16le(0),
    u16le(0),
    crc,
    u32le(data.length),
    u32le(data.length),
    u16le(file.length),
    u16le(0),
    file,
    data,
  ])
  const central = Buffer.concat([
    u32le(0x02014b50),
    u16le(20),
    u16le(20),
    u16le(0),
    u16le(0),
    u16le(0),
    u16le(0),
    crc,
    u32le(data.length),
    u32le(data.length),
    u16le(file.length),
    u16le(0),
    u16le(0),
    u16le(0),
    u16le(0),
    u32le(0),
    u32le(0),
    file,
  ])
  const end = Buffer.concat([
    u32le(0x06054b50),
    u16le(0),
    u16le(0),
    u16le(1),
    u16le(1),
    u32le(central.length),
    u32le(local.length),
    u16le(0),
  ])
  return Buffer.concat([local, central, end])
}

export const gzip = () => gzipSync(Buffer.from(`gzipped ${seq++}`))

/** A 7z signature header (version 0.4) and a few bytes after it. */
export const sevenZip = () =>
  Buffer.concat([
    Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04]),
    Buffer.alloc(24),
    Buffer.from([seq++ & 255, 1, 2, 3]),
  ])

export const html = () =>
  Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>')
export const svg = () =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>')
export const xmlSvg = () =>
  Buffer.from('\uFEFF  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
export const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)])
export const shellScript = () => Buffer.from('#!/bin/sh\nrm -rf ~\n')
/** Latin-1 text: not valid UTF-8 */
export const latin1 = () => Buffer.from('caf\xe9 cr\xe8me', 'latin1')
