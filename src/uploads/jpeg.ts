import { bufferOf, type CleanImage } from './clean-image.js'

/**
 * JPEG by its segment structure: SOI, marker segments with lengths that fit, one frame header (SOF) before the first
 * scan, entropy-coded data after each SOS up to the next real marker, EOI last (anything after it is dropped). The
 * stored copy lacks the segments that carry metadata — APP1 (EXIF, XMP), APP13 (IPTC) and COM — and keeps every other
 * byte as it was, so the picture does not change (the compressed data is not decoded).
 */
const DROPPED = new Set([0xe1, 0xed, 0xfe])
const SOS = 0xda
const EOI = 0xd9
/** restart markers and TEM stand alone (no length) */
const standalone = (code: number) => (code >= 0xd0 && code <= 0xd7) || code === 0x01
/** start-of-frame markers (C0–CF but DHT C4, JPG C8 and DAC CC) */
const isFrame = (code: number) => code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc

export function cleanJpeg(bytes: Uint8Array): CleanImage | null {
  const b = bufferOf(bytes)
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  const out: Buffer[] = [b.subarray(0, 2)]
  let at = 2
  let width = 0
  let height = 0
  let scanned = false
  for (;;) {
    if (b[at] !== 0xff) return null
    while (b[at] === 0xff) at++ // fill bytes before a marker
    if (at >= b.length) return null
    const code = b[at++]
    if (code === EOI) {
      if (!scanned) return null
      out.push(Buffer.from([0xff, EOI]))
      return { bytes: Buffer.concat(out), width, height }
    }
    if (standalone(code)) {
      out.push(Buffer.from([0xff, code]))
      continue
    }
    if (code === 0x00 || code === 0xd8 || at + 2 > b.length) return null
    const length = b.readUInt16BE(at)
    if (length < 2 || at + length > b.length) return null
    if (isFrame(code)) {
      if (width || length < 8) return null // one frame (hierarchical JPEGs are not taken)
      height = b.readUInt16BE(at + 3)
      width = b.readUInt16BE(at + 5)
      if (!width || !height) return null
    }
    if (!DROPPED.has(code)) out.push(Buffer.from([0xff, code]), b.subarray(at, at + length))
    at += length
    if (code === SOS) {
      if (!width) return null
      scanned = true
      const end = scanEnd(b, at)
      if (end < 0) return null
      out.push(b.subarray(at, end))
      at = end
    }
  }
}

/** Where a scan's entropy-coded data ends: the first 0xFF not followed by a stuffed 0x00 or a restart marker. */
function scanEnd(b: Buffer, from: number): number {
  let at = from
  for (;;) {
    const ff = b.indexOf(0xff, at)
    if (ff < 0 || ff + 1 >= b.length) return -1
    const next = b[ff + 1]
    if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) return ff
    at = ff + 2
  }
}
