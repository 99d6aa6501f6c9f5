import { describe, expect, it } from 'vitest'
import { sniffType } from '../../../src/uploads/sniff.js'

/**
 * sniffType called directly on bytes built here from the formats: each signature and length rule met once by input
 * that just passes it and once by input that just fails it.
 */

const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Array.isArray(p) ? Buffer.from(p) : p)),
  )

describe('sniffType: signatures that end where the input ends', () => {
  it('a GIF signature and nothing more is a GIF, one byte short is text', () => {
    expect(sniffType(bytes('GIF89a'))).toBe('gif')
    expect(sniffType(bytes('GIF87a'))).toBe('gif')
    expect(sniffType(bytes('GIF89'))).toBe('text')
  })

  it('RIFF…WEBP ending at WEBP is WebP; WEBP cut short is not', () => {
    expect(sniffType(bytes('RIFFabcdWEBP'))).toBe('webp')
    expect(sniffType(bytes('RIFFabcdWEB'))).toBe('text')
  })
})

describe('sniffType: WebP needs both RIFF and WEBP', () => {
  it('RIFF with another form type, or WEBP without RIFF, is not WebP', () => {
    expect(sniffType(bytes('RIFFabcdWAVEfmt '))).toBe('text')
    expect(sniffType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull()
    expect(sniffType(bytes('RIFXabcdWEBPVP8 '))).toBe('text')
    expect(sniffType(bytes('abcdabcdWEBP'))).toBe('text')
  })
})

describe('sniffType: gzip (RFC 1952)', () => {
  const head = [0x1f, 0x8b, 0x08]
  /** magic, deflate, `flags`, then zeros up to `length` bytes */
  const gz = (length: number, flags = 0) => bytes(head, [flags], Buffer.alloc(length - 4))

  it('needs 18 bytes at least: the 10-byte header and the 8-byte trailer', () => {
    expect(sniffType(gz(18))).toBe('gzip')
    expect(sniffType(gz(17))).toBeNull()
  })

  it('refuses a reserved flag bit; the defined ones are fine', () => {
    for (const flag of [0x20, 0x40, 0x80]) expect(sniffType(gz(20, flag))).toBeNull()
    expect(sniffType(gz(20, 0x1f))).toBe('gzip')
  })

  it('needs the magic and the deflate method', () => {
    expect(sniffType(bytes([0x1f, 0x8b, 0x07, 0], Buffer.alloc(20)))).toBeNull()
    expect(sniffType(bytes([0x1e, 0x8b, 0x08, 0], Buffer.alloc(20)))).toBeNull()
  })

  it('is not taken from a fourth byte whose reserved bits are clear', () => {
    // tab (0x09) has the top three bits clear, as a gzip flag byte must
    expect(sniffType(bytes('abc\tdefghijklmnopqrstuvwxyz'))).toBe('text')
    expect(sniffType(bytes('abc\t'))).toBe('text')
    expect(sniffType(Buffer.alloc(24))).toBeNull()
  })
})

describe('sniffType: 7z', () => {
  const sig = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]
  /** signature, major version `major`, then zeros up to `length` bytes */
  const sevenZip = (length: number, major = 0) => bytes(sig, [major], Buffer.alloc(length - 7))

  it('needs 32 bytes at least: the signature header', () => {
    expect(sniffType(sevenZip(32))).toBe('sevenZip')
    expect(sniffType(sevenZip(31))).toBeNull()
  })

  it('needs major version 0', () => {
    expect(sniffType(sevenZip(40, 1))).toBeNull()
  })

  it('is not taken from a zero seventh byte alone', () => {
    expect(sniffType(bytes('abcdef', [0]))).toBeNull()
    expect(sniffType(bytes('abcdef', [0], Buffer.alloc(40)))).toBeNull()
    expect(sniffType(bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1d, 0], Buffer.alloc(40)))).toBeNull()
  })
})

describe('sniffType: ZIP', () => {
  const local = [0x50, 0x4b, 0x03, 0x04]
  const eocd = [0x50, 0x4b, 0x05, 0x06]
  /** an end-of-central-directory record with a comment of `comment` bytes */
  const end = (comment: number) => {
    const r = bytes(eocd, Buffer.alloc(18), Buffer.alloc(comment, 0x61))
    r.writeUInt16LE(Math.min(comment, 0xffff), 20)
    return r
  }

  it('an empty archive is its end record alone', () => {
    expect(sniffType(end(0))).toBe('zip')
  })

  it('a local file header without an end record is not a ZIP', () => {
    expect(sniffType(bytes(local, Buffer.alloc(40)))).toBeNull()
    expect(sniffType(bytes(local, 'abcdefgh'))).toBeNull()
  })

  it('an end record in a file that does not start like a ZIP is not one', () => {
    expect(sniffType(bytes('abcd', end(0)))).toBeNull()
    expect(sniffType(bytes([0x50, 0x4b, 0x03, 0x05], end(0)))).toBeNull()
  })

  it('the end record may sit 22 + 65,535 bytes before the end, not one byte further', () => {
    expect(sniffType(bytes(local, 'x', end(0xffff)))).toBe('zip')
    expect(sniffType(end(0xffff))).toBe('zip')
    expect(sniffType(bytes(local, 'x', end(0x10000)))).toBeNull()
    expect(sniffType(end(0x10000))).toBeNull()
  })

  it('an empty input is not a ZIP (it is empty text)', () => {
    expect(sniffType(Buffer.alloc(0))).toBe('text')
  })
})

describe('sniffType: PDF', () => {
  it('needs %PDF-1.x or %PDF-2.x at the very start', () => {
    expect(sniffType(bytes('%PDF-1.7\n'))).toBe('pdf')
    expect(sniffType(bytes('%PDF-2.0'))).toBe('pdf')
    expect(sniffType(bytes('%PDF-3.0'))).toBe('text')
    expect(sniffType(bytes(' %PDF-1.7'))).toBe('text')
  })
})
