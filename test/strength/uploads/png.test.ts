import { deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { cleanPng, encodePng, readPng, stripPng } from '../../../plugins/smiles/png.js'
import { chunk, chunks, file, grey, ihdr, raw, rawOf, scanlines, SIGNATURE, type Header } from './png-bytes.js'

/**
 * The PNG parser and cleaner called directly, one rule per test: every check it makes is met once by a file that
 * just passes it and once by one that just fails it.
 */

const ok = (b: Buffer) => expect(readPng(b)).not.toBeNull()
const refused = (b: Buffer) => {
  expect(readPng(b)).toBeNull()
  expect(cleanPng(b)).toBeNull()
}
/** A file with this header and exactly `size` bytes of raw data (filter bytes 0). */
const sized = (header: Header, size: number, extra: { before?: Buffer[] } = {}) =>
  file({ header, data: raw(size, 0), ...extra })
const PLTE = chunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255]))

describe('readPng: the signature', () => {
  it('reads the dimensions of a well-formed file', () => {
    expect(readPng(grey(3, 2))).toEqual({ width: 3, height: 2 })
    expect(readPng(grey(1, 1))).toEqual({ width: 1, height: 1 })
  })

  it('refuses any wrong byte of the eight, a file shorter than them, and the signature alone', () => {
    for (let i = 0; i < 8; i++) {
      const b = grey(2, 2)
      b[i] ^= 0x01
      refused(b)
    }
    refused(SIGNATURE.subarray(0, 7))
    refused(Buffer.alloc(0))
    refused(Buffer.from(SIGNATURE))
  })

  it('reads a Uint8Array view into a larger buffer by its own bytes', () => {
    const b = grey(4, 3)
    const big = new Uint8Array(b.length + 20)
    big.set(b, 10)
    expect(readPng(big.subarray(10, 10 + b.length))).toEqual({ width: 4, height: 3 })
    expect(cleanPng(big.subarray(10, 10 + b.length))).not.toBeNull()
  })
})

describe('readPng: chunk framing', () => {
  it('refuses a file cut anywhere inside its chunks, and one whose last chunk is not IEND', () => {
    const b = grey(2, 2)
    for (const cut of [9, 20, 33, b.length - 13, b.length - 1]) refused(b.subarray(0, cut))
    refused(Buffer.concat([SIGNATURE, ihdr({ width: 1, height: 1 }), chunk('IDAT', deflateSync(raw(2, 0)))]))
  })

  it('refuses a chunk whose length runs past the end of the file', () => {
    const b = grey(2, 2)
    const idatAt = 8 + 25
    b.writeUInt32BE(b.readUInt32BE(idatAt) + 1000, idatAt)
    refused(b)
  })

  it('refuses a chunk length above 2^31 - 1 (the spec limit)', () => {
    const b = Buffer.concat([SIGNATURE, ihdr({ width: 1, height: 1 }), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(8)])
    refused(b)
  })

  it('refuses chunk types that are not four ASCII letters, whatever their CRC', () => {
    for (const type of ['tEX1', 'te t', 'tE\u00e9t', '1234', 'IDA_'])
      refused(grey(2, 2, { before: [chunk(type, Buffer.from('x'))] }))
    ok(grey(2, 2, { before: [chunk('zzZZ', Buffer.from('x'))] }))
  })

  it('refuses a wrong CRC on any chunk, and accepts the right one', () => {
    refused(grey(2, 2, { before: [chunk('tEXt', Buffer.from('a\0b'), 0)] }))
    const b = grey(2, 2)
    b[b.length - 1] ^= 1 // IEND's CRC
    refused(b)
    const c = grey(2, 2)
    c[8 + 8] ^= 1 // a byte of IHDR's data: its CRC no longer matches
    refused(c)
  })
})

describe('readPng: IHDR', () => {
  it('must be the first chunk, 13 bytes long, and the only one', () => {
    const body = chunks(grey(2, 2))
    const rest = body.slice(1).map((c) => chunk(c.type, c.data))
    refused(Buffer.concat([SIGNATURE, ...rest])) // no IHDR
    refused(Buffer.concat([SIGNATURE, chunk('tEXt', Buffer.from('a\0b')), ihdr({ width: 2, height: 2 }), ...rest]))
    refused(Buffer.concat([SIGNATURE, chunk('IHDR', Buffer.concat([body[0].data, Buffer.from([0])])), ...rest]))
    refused(Buffer.concat([SIGNATURE, chunk('IHDR', body[0].data.subarray(0, 12)), ...rest]))
    refused(grey(2, 2, { before: [ihdr({ width: 2, height: 2 })] }))
    // a first chunk of another type, however much it looks like a header
    for (const type of ['IHDr', 'iHDR', 'tEXt', 'IDAT'])
      refused(Buffer.concat([SIGNATURE, chunk(type, body[0].data), ...rest]))
  })

  it('refuses a zero width or height, and one of 2^31 or more', () => {
    refused(sized({ width: 0, height: 1 }, 1))
    refused(sized({ width: 1, height: 0 }, 0))
    refused(sized({ width: 0x80000000, height: 1 }, 10))
    refused(sized({ width: 1, height: 0x80000000 }, 10))
    refused(sized({ width: 0xffffffff, height: 1 }, 10))
    // 2^31 - 1 is allowed by the header (the raw-size bound refuses it later)
    expect(readPng(sized({ width: 0x7fffffff, height: 1 }, 10))).toEqual({ width: 0x7fffffff, height: 1 })
    expect(readPng(sized({ width: 1, height: 0x7fffffff }, 10))).toEqual({ width: 1, height: 0x7fffffff })
  })

  it('accepts exactly the bit depths each colour type allows', () => {
    const allowed: Record<number, number[]> = {
      0: [1, 2, 4, 8, 16],
      2: [8, 16],
      3: [1, 2, 4, 8],
      4: [8, 16],
      6: [8, 16],
    }
    for (let colour = 0; colour <= 7; colour++) {
      for (const depth of [0, 1, 2, 3, 4, 5, 8, 12, 16, 32]) {
        const b = sized({ width: 1, height: 1, depth, colour }, 2, colour === 3 ? { before: [PLTE] } : {})
        const good = colour in allowed && allowed[colour].includes(depth)
        expect([colour, depth, readPng(b) !== null]).toEqual([colour, depth, good])
      }
    }
  })

  it('refuses compression or filter method other than 0, and interlace other than 0 or 1', () => {
    refused(sized({ width: 1, height: 1, compression: 1 }, 2))
    refused(sized({ width: 1, height: 1, filter: 1 }, 2))
    refused(sized({ width: 1, height: 1, interlace: 2 }, 2))
    refused(sized({ width: 1, height: 1, interlace: 255 }, 2))
    ok(sized({ width: 1, height: 1, interlace: 1 }, 2))
    ok(sized({ width: 1, height: 1, interlace: 0 }, 2))
  })
})

describe('readPng: IDAT, IEND and the chunks between', () => {
  it('needs an IDAT before IEND', () => {
    refused(Buffer.concat([SIGNATURE, ihdr({ width: 1, height: 1 }), chunk('IEND')]))
  })

  it('refuses an IEND with data, and anything after IEND', () => {
    const [head, idat] = chunks(grey(1, 1))
    const start = Buffer.concat([SIGNATURE, chunk(head.type, head.data), chunk(idat.type, idat.data)])
    refused(Buffer.concat([start, chunk('IEND', Buffer.from([0]))]))
    refused(Buffer.concat([start, chunk('IEND'), Buffer.from([0])]))
    refused(Buffer.concat([start, chunk('IEND'), chunk('IEND')]))
    refused(Buffer.concat([start, chunk('IEND'), chunk('tEXt', Buffer.from('a\0b'))]))
    ok(Buffer.concat([start, chunk('IEND')]))
  })

  it('an indexed image needs its palette', () => {
    refused(sized({ width: 1, height: 1, colour: 3 }, 2))
    ok(sized({ width: 1, height: 1, colour: 3 }, 2, { before: [PLTE] }))
  })

  it('other kept chunks are not a palette', () => {
    const tRNS = chunk('tRNS', Buffer.from([0, 1]))
    ok(sized({ width: 1, height: 1, colour: 0 }, 2, { before: [tRNS] }))
    ok(sized({ width: 1, height: 1, colour: 4 }, 3, { before: [chunk('gAMA', Buffer.alloc(4))] }))
    refused(sized({ width: 1, height: 1, colour: 3 }, 2, { before: [tRNS] }))
  })

  it('a greyscale image (with or without alpha) must not have a palette; a truecolour one may', () => {
    refused(sized({ width: 1, height: 1, colour: 0 }, 2, { before: [PLTE] }))
    refused(sized({ width: 1, height: 1, colour: 4 }, 3, { before: [PLTE] }))
    ok(sized({ width: 1, height: 1, colour: 2 }, 4, { before: [PLTE] }))
    ok(sized({ width: 1, height: 1, colour: 6 }, 5, { before: [PLTE] }))
    ok(sized({ width: 1, height: 1, colour: 2 }, 4))
  })

  it('the kept chunks come once each and before the image data', () => {
    for (const type of ['PLTE', 'tRNS', 'gAMA', 'cHRM', 'sRGB']) {
      const c = chunk(type, Buffer.from([0, 0, 0]))
      ok(sized({ width: 1, height: 1, colour: 2 }, 4, { before: [c] }))
      refused(sized({ width: 1, height: 1, colour: 2 }, 4, { before: [c, c] }))
      refused(file({ header: { width: 1, height: 1, colour: 2 }, data: raw(4, 0), after: [c] }))
    }
    // different kept chunks together are fine
    ok(
      sized({ width: 1, height: 1, colour: 2 }, 4, {
        before: [chunk('gAMA', Buffer.alloc(4)), chunk('sRGB', Buffer.alloc(1))],
      }),
    )
  })

  it('refuses an unknown critical chunk (upper-case first letter) anywhere; skips unknown ancillary ones', () => {
    for (const type of ['ZQXW', 'Zqxw', 'AAAA']) {
      refused(grey(2, 2, { before: [chunk(type, Buffer.from('x'))] }))
      refused(grey(2, 2, { after: [chunk(type, Buffer.from('x'))] }))
    }
    for (const type of ['zQXW', 'tEXt', 'aaaa', 'iTXt']) {
      ok(grey(2, 2, { before: [chunk(type, Buffer.from('x'))] }))
      ok(grey(2, 2, { after: [chunk(type, Buffer.from('x'))] }))
    }
  })

  it('image data may be split over several IDAT chunks', () => {
    const b = grey(5, 4, { split: 3 })
    expect(chunks(b).filter((c) => c.type === 'IDAT')).toHaveLength(2)
    ok(b)
    expect(rawOf(cleanPng(b)!)).toEqual(scanlines(4, 6))
  })
})

describe('cleanPng: the image data must be exactly what the header declares', () => {
  /** rowBytes: what a scanline takes, with its filter byte */
  const cases: { header: Header; rowBytes: number; plte?: boolean }[] = [
    { header: { width: 3, height: 2, depth: 8, colour: 0 }, rowBytes: 4 },
    { header: { width: 3, height: 2, depth: 16, colour: 0 }, rowBytes: 7 },
    { header: { width: 9, height: 2, depth: 1, colour: 0 }, rowBytes: 3 },
    { header: { width: 8, height: 2, depth: 1, colour: 0 }, rowBytes: 2 },
    { header: { width: 5, height: 2, depth: 2, colour: 0 }, rowBytes: 3 },
    { header: { width: 3, height: 2, depth: 4, colour: 0 }, rowBytes: 3 },
    { header: { width: 3, height: 2, depth: 8, colour: 2 }, rowBytes: 10 },
    { header: { width: 3, height: 2, depth: 16, colour: 2 }, rowBytes: 19 },
    { header: { width: 5, height: 2, depth: 1, colour: 3 }, rowBytes: 2, plte: true },
    { header: { width: 3, height: 2, depth: 8, colour: 3 }, rowBytes: 4, plte: true },
    { header: { width: 3, height: 2, depth: 8, colour: 4 }, rowBytes: 7 },
    { header: { width: 3, height: 2, depth: 16, colour: 4 }, rowBytes: 13 },
    { header: { width: 3, height: 2, depth: 8, colour: 6 }, rowBytes: 13 },
    { header: { width: 3, height: 2, depth: 16, colour: 6 }, rowBytes: 25 },
  ]
  for (const { header, rowBytes, plte } of cases) {
    it(`colour ${header.colour}, depth ${header.depth}, ${header.width} px wide: rows of ${rowBytes} bytes`, () => {
      const before = plte ? [PLTE] : []
      const exact = file({ header, data: scanlines(header.height, rowBytes), before })
      expect(rawOf(cleanPng(exact)!)).toEqual(scanlines(header.height, rowBytes))
      expect(cleanPng(file({ header, data: scanlines(header.height, rowBytes).subarray(1), before }))).toBeNull()
      expect(
        cleanPng(file({ header, data: Buffer.concat([scanlines(header.height, rowBytes), raw(1, 0)]), before })),
      ).toBeNull()
    })
  }

  it('Adam7: a 5×5 8-bit greyscale image is 36 bytes over its seven passes', () => {
    // passes (w×h): 1×1, 1×1, 2×1, 1×2, 3×1, 2×3, 5×2 → 2 + 2 + 3 + 4 + 4 + 9 + 12
    const header = { width: 5, height: 5, interlace: 1 }
    expect(cleanPng(sized(header, 36))).not.toBeNull()
    expect(cleanPng(sized(header, 35))).toBeNull()
    expect(cleanPng(sized(header, 37))).toBeNull()
    expect(cleanPng(sized({ width: 5, height: 5 }, 30))).not.toBeNull() // not interlaced: 5 rows of 6
  })

  it('Adam7: passes without pixels take no bytes (a 1×1 image is one scanline of 2)', () => {
    expect(cleanPng(sized({ width: 1, height: 1, interlace: 1 }, 2))).not.toBeNull()
    expect(cleanPng(sized({ width: 1, height: 1, interlace: 1 }, 3))).toBeNull()
    // 1×8: every pass with x0 > 0 is empty: passes 1, 3, 5, 7 → 1×1, 1×1, 1×2, 1×4 → (2) × 8
    expect(cleanPng(sized({ width: 1, height: 8, interlace: 1 }, 16))).not.toBeNull()
    expect(cleanPng(sized({ width: 1, height: 8, interlace: 1 }, 17))).toBeNull()
    // 8×1: passes 1, 2, 4, 6 → 1×1, 1×1, 2×1, 4×1 → 2 + 2 + 3 + 5
    expect(cleanPng(sized({ width: 8, height: 1, interlace: 1 }, 12))).not.toBeNull()
    expect(cleanPng(sized({ width: 8, height: 1, interlace: 1 }, 11))).toBeNull()
  })

  it('Adam7 at 16 bits and RGBA: a 3×3 image is 78 bytes', () => {
    // 8 bytes a pixel; passes 1 (1×1), 4 (1×1), 5 (2×1), 6 (1×2), 7 (3×1) → 9 + 9 + 17 + 2×9 + 25; pass 2 has no
    // column (0×1) and pass 3 no row (1×0)
    const header = { width: 3, height: 3, depth: 16, colour: 6, interlace: 1 }
    expect(cleanPng(sized(header, 78))).not.toBeNull()
    expect(cleanPng(sized(header, 77))).toBeNull()
  })

  it('every scanline must start with filter type 0–4', () => {
    for (const f of [0, 1, 2, 3, 4]) expect(cleanPng(grey(3, 3, { data: scanlines(3, 4, () => f) }))).not.toBeNull()
    for (const row of [0, 1, 2]) {
      for (const f of [5, 6, 255]) {
        const data = scanlines(3, 4, (r) => (r === row ? f : 0))
        expect(cleanPng(grey(3, 3, { data }))).toBeNull()
      }
    }
    // only the filter byte matters: pixel bytes of any value pass
    expect(cleanPng(grey(3, 1, { data: Buffer.from([0, 255, 9, 200]) }))).not.toBeNull()
  })

  it('every scanline of every Adam7 pass is checked', () => {
    // 5×5 grey (see the 36-byte case): the scanlines start at these offsets
    const starts = [0, 2, 4, 7, 9, 11, 15, 18, 21, 24, 30]
    const header = { width: 5, height: 5, interlace: 1 }
    for (const at of starts) {
      const data = raw(36, 0)
      data[at] = 5
      expect([at, cleanPng(file({ header, data }))]).toEqual([at, null])
    }
    const pixels = raw(36, 9)
    for (const at of starts) pixels[at] = 4
    expect(cleanPng(file({ header, data: pixels }))).not.toBeNull()
  })

  it('refuses image data that is not zlib, or truncated zlib', () => {
    const z = deflateSync(scanlines(2, 3))
    const build = (idat: Buffer) =>
      Buffer.concat([SIGNATURE, ihdr({ width: 2, height: 2 }), chunk('IDAT', idat), chunk('IEND')])
    expect(cleanPng(build(z))).not.toBeNull()
    expect(cleanPng(build(scanlines(2, 3)))).toBeNull()
    expect(cleanPng(build(z.subarray(0, z.length - 3)))).toBeNull()
  })

  it('refuses a bomb without inflating it: data far beyond the declared size', () => {
    const bomb = file({ header: { width: 30, height: 30 }, data: raw(3_000_000, 0) })
    expect(readPng(bomb)).toEqual({ width: 30, height: 30 })
    expect(cleanPng(bomb)).toBeNull()
  })

  it('inflates a bomb only as far as the header allows: refusing it costs nothing like inflating it', () => {
    const bomb = file({ header: { width: 30, height: 30 }, data: raw(16 * 1024 * 1024, 0) })
    const idat = Buffer.concat(
      chunks(bomb)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    )
    const time = (fn: () => unknown) => {
      const t0 = performance.now()
      fn()
      return performance.now() - t0
    }
    // the best of three of each: a collection of the bomb's own garbage, or another process, can land in any one
    const refusal = Math.min(...[1, 2, 3].map(() => time(() => expect(cleanPng(bomb)).toBeNull())))
    const full = Math.min(...[1, 2, 3].map(() => time(() => inflateSync(idat))))
    expect(refusal).toBeLessThan(full / 4)
  })

  it('accepts raw data of exactly 16 MiB, refuses an image that needs more before inflating anything', () => {
    // 8-bit grey, 4095 px wide: rows of 4096 bytes; 4096 rows are 2^24 bytes
    const exact = file({ header: { width: 4095, height: 4096 }, data: raw(4096 * 4096, 0) })
    expect(rawOf(cleanPng(exact)!).length).toBe(4096 * 4096)
    const over = file({ header: { width: 4095, height: 4097 }, data: raw(4096 * 4097, 0) })
    expect(readPng(over)).toEqual({ width: 4095, height: 4097 })
    expect(cleanPng(over)).toBeNull()
  })
})

describe('cleanPng: the copy', () => {
  it('is signature, IHDR, the kept chunks in order, one IDAT with the same raw data, IEND — nothing else', () => {
    const kept = [
      chunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
      chunk('PLTE', Buffer.from([1, 2, 3])),
      chunk('tRNS', Buffer.from([7])),
      chunk('cHRM', Buffer.alloc(32, 1)),
      chunk('sRGB', Buffer.from([0])),
    ]
    const input = file({
      header: { width: 3, height: 2, colour: 3, depth: 8 },
      data: scanlines(2, 4, (r) => r + 1),
      before: [chunk('tEXt', Buffer.from('Comment\0hi')), ...kept, chunk('zzZz', Buffer.from('private'))],
      after: [chunk('tEXt', Buffer.from('x\0y'))],
      split: 5,
    })
    const out = cleanPng(input)!
    expect(out.subarray(0, 8)).toEqual(SIGNATURE)
    const list = chunks(out)
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'gAMA', 'PLTE', 'tRNS', 'cHRM', 'sRGB', 'IDAT', 'IEND'])
    expect(list.every((c) => c.crcOk)).toBe(true)
    expect(list[0].data).toEqual(chunks(input)[0].data)
    for (const [i, k] of kept.entries()) expect(list[i + 1].data).toEqual(k.subarray(8, k.length - 4))
    expect(inflateSync(list[6].data)).toEqual(scanlines(2, 4, (r) => r + 1))
    expect(list[7].data.length).toBe(0)
    // the copy is itself a well-formed PNG that cleans to itself
    expect(readPng(out)).toEqual({ width: 3, height: 2 })
    expect(cleanPng(out)).toEqual(out)
    expect(out.includes(Buffer.from('Comment'))).toBe(false)
    expect(out.includes(Buffer.from('private'))).toBe(false)
  })

  it('frames each chunk: a 4-byte big-endian length, the type, the data, the CRC', () => {
    const out = cleanPng(grey(2, 2))!
    expect(out.readUInt32BE(8)).toBe(13)
    expect(out.toString('latin1', 12, 16)).toBe('IHDR')
    expect(out.subarray(out.length - 12)).toEqual(chunk('IEND'))
    expect(out.subarray(8, 33)).toEqual(ihdr({ width: 2, height: 2 }))
  })
})

describe('encodePng', () => {
  it('draws an 8-bit RGBA image, pixel by pixel, with filter type 0 on each row', () => {
    const b = encodePng(3, 2, (x, y) => [x, y, x + y, 200 + x])
    const [head, ...rest] = chunks(b)
    expect(b.subarray(0, 8)).toEqual(SIGNATURE)
    expect(head.type).toBe('IHDR')
    expect(head.data).toEqual(Buffer.from([0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0]))
    expect(rest.map((c) => c.type)).toEqual(['IDAT', 'IEND'])
    expect([head, ...rest].every((c) => c.crcOk)).toBe(true)
    expect(rawOf(b)).toEqual(
      Buffer.from([0, 0, 0, 0, 200, 1, 0, 1, 201, 2, 0, 2, 202, 0, 0, 1, 1, 200, 1, 1, 2, 201, 2, 1, 3, 202]),
    )
    expect(readPng(b)).toEqual({ width: 3, height: 2 })
    expect(cleanPng(b)).toEqual(b)
  })
})

describe('stripPng', () => {
  it('keeps the kept chunks and the image data as they were, drops the rest', () => {
    const kept = [chunk('gAMA', Buffer.from([0, 1, 0x86, 0xa0])), chunk('PLTE', Buffer.from([1, 2, 3, 4, 5, 6]))]
    const input = file({
      header: { width: 3, height: 2, colour: 2 },
      data: scanlines(2, 10),
      split: 4,
      before: [chunk('tEXt', Buffer.from('Comment\0x')), ...kept],
      after: [chunk('prIv', Buffer.from('private'))],
    })
    const out = stripPng(input)!
    expect([out.width, out.height]).toEqual([3, 2])
    const list = chunks(out.bytes)
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'gAMA', 'PLTE', 'IDAT', 'IDAT', 'IEND'])
    expect(list.every((c) => c.crcOk)).toBe(true)
    const idat = chunks(input).filter((c) => c.type === 'IDAT')
    expect(list.slice(3, 5).map((c) => c.data)).toEqual(idat.map((c) => c.data))
    expect(Buffer.concat([SIGNATURE, ...list.slice(0, 3).map((c) => chunk(c.type, c.data))])).toEqual(
      Buffer.concat([SIGNATURE, ihdr({ width: 3, height: 2, colour: 2 }), ...kept]),
    )
    expect(stripPng(grey(2, 1, { before: [chunk('ZZZZ', Buffer.from('x'))] }))).toBeNull()
  })
})
