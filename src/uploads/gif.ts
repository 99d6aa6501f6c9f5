import { bufferOf, type CleanImage } from './clean-image.js'

/**
 * GIF by its block structure: header, logical screen (its size is what we report) and colour table, then images and
 * extensions whose sub-blocks fit, up to the trailer (anything after it is dropped); at least one image. The stored
 * copy lacks comment extensions and XMP application extensions; every other block is kept as it was.
 */
const IMAGE = 0x2c
const EXTENSION = 0x21
const TRAILER = 0x3b
const COMMENT = 0xfe
const APPLICATION = 0xff

export function cleanGif(bytes: Uint8Array): CleanImage | null {
  const b = bufferOf(bytes)
  if (b.length < 14) return null
  const version = b.toString('latin1', 0, 6)
  if (version !== 'GIF87a' && version !== 'GIF89a') return null
  const width = b.readUInt16LE(6)
  const height = b.readUInt16LE(8)
  if (!width || !height) return null
  let at = 13 + colourTable(b[10])
  const out: Buffer[] = [b.subarray(0, at)]
  let images = 0
  while (at < b.length) {
    const start = at
    const block = b[at]
    if (block === TRAILER) {
      if (!images) return null
      out.push(b.subarray(at, at + 1))
      return { bytes: Buffer.concat(out), width, height }
    }
    if (block === IMAGE) {
      if (at + 11 > b.length) return null
      at += 10 + colourTable(b[at + 9])
      if (at >= b.length || b[at] < 2 || b[at] > 11) return null // LZW minimum code size
      at = subBlocksEnd(b, at + 1)
      if (at < 0) return null
      images++
      out.push(b.subarray(start, at))
    } else if (block === EXTENSION) {
      if (at + 2 > b.length) return null
      const label = b[at + 1]
      const end = subBlocksEnd(b, at + 2)
      if (end < 0) return null
      if (label !== COMMENT && !isXmp(b, label, at + 2)) out.push(b.subarray(start, end))
      at = end
    } else return null
  }
  return null
}

/** bytes of a colour table announced by a packed field (flag 0x80, size 3 × 2^(n+1)) */
const colourTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0)

/** The end of a run of sub-blocks (size byte, data; a 0 size ends it), or -1 when it does not fit. */
function subBlocksEnd(b: Buffer, from: number): number {
  let at = from
  while (at < b.length) {
    const n = b[at]
    at += 1 + n
    if (n === 0) return at
  }
  return -1
}

/** An application extension whose identifier is "XMP Data" with code "XMP". */
const isXmp = (b: Buffer, label: number, at: number) =>
  label === APPLICATION && b[at] === 11 && b.toString('latin1', at + 1, at + 12) === 'XMP DataXMP'
