import type { FileTypeName } from './file-types.js'
import { isPlainText } from './text.js'

/**
 * The type of a file from its bytes — never from its name or the Content-Type its sender claimed — or null when it is
 * none of the accepted ones. Images are only recognised here by their signature; whether they really are what they
 * claim is decided by parsing them (images.ts).
 */
export function sniffType(bytes: Uint8Array): FileTypeName | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const starts = (sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v)
  const ascii = (text: string, at = 0) =>
    b.length >= at + text.length && b.toString('latin1', at, at + text.length) === text
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg'
  if (ascii('GIF87a') || ascii('GIF89a')) return 'gif'
  if (ascii('RIFF') && ascii('WEBP', 8)) return 'webp'
  if (/^%PDF-[12]\.\d/.test(b.toString('latin1', 0, 8))) return 'pdf'
  if (isZip(b)) return 'zip'
  // gzip: magic, deflate, no reserved flag bits (RFC 1952)
  if (starts([0x1f, 0x8b, 0x08]) && b.length >= 18 && (b[3] & 0xe0) === 0) return 'gzip'
  if (starts([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) && b.length >= 32 && b[6] === 0) return 'sevenZip'
  return isPlainText(b) ? 'text' : null
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06])

/** A ZIP archive: a local file header first (or the end record of an empty one), and an end record near the end. */
function isZip(b: Buffer): boolean {
  const head = b.subarray(0, 4)
  if (!head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && !head.equals(EOCD)) return false
  // the end-of-central-directory record is 22 bytes plus a comment of up to 65,535
  return b.lastIndexOf(EOCD) >= Math.max(0, b.length - 22 - 0xffff)
}
