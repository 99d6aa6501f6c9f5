import { deflateSync } from 'node:zlib'
import { PNG_SIGNATURE, pngChunk } from '../helpers/png.js'
import fc from 'fast-check'
import { anyString } from './values.js'

/** PNG files written here (not with the plugin's encoder): valid ones of any size, then mutated at chunk or byte level. */

const SIGNATURE = PNG_SIGNATURE

export function png(
  width: number,
  height: number,
  opts: { depth?: number; colour?: number; interlace?: number; extra?: Buffer[] } = {},
): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width >>> 0, 0)
  ihdr.writeUInt32BE(height >>> 0, 4)
  ihdr.set([opts.depth ?? 8, opts.colour ?? 6, 0, 0, opts.interlace ?? 0], 8)
  // real pixel rows for small images; a token IDAT for absurd sizes (the header is what is being tested)
  const rows = width <= 256 && height <= 256 ? Buffer.alloc(height * (1 + width * 4), 0x7f) : Buffer.alloc(16)
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...(opts.extra ?? []),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** File contents: valid smiles and icons, wrong sizes, broken structure, flipped bytes, junk. */
export const fileBytes: fc.Arbitrary<{ label: string; bytes: Buffer }> = fc.oneof(
  { arbitrary: fc.constantFrom(30, 14).map((s) => ({ label: `png ${s}x${s}`, bytes: png(s, s) })), weight: 4 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom(0, 1, 13, 29, 31, 0x7fffffff, 0x80000000, 0xffffffff, 30, 14),
        fc.constantFrom(0, 1, 14, 30, 0xffffffff),
      )
      .map(([w, h]) => ({ label: `png ${w}x${h}`, bytes: png(w, h) })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom(0, 1, 2, 3, 4, 6, 7, 255),
        fc.constantFrom(1, 2, 4, 8, 16, 0, 3, 255),
        fc.constantFrom(0, 1, 2),
      )
      .map(([colour, depth, interlace]) => ({
        label: `png colour ${colour} depth ${depth} interlace ${interlace}`,
        bytes: png(30, 30, { colour, depth, interlace }),
      })),
    weight: 1,
  },
  {
    // flipped bytes, truncation, appended junk, a chunk whose length runs past the end
    arbitrary: fc
      .tuple(
        fc.constantFrom(30, 14),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('flip', 'truncate', 'junk', 'length', 'iend-first', 'two-ihdr'),
      )
      .map(([s, edits, how]) => {
        const base = png(s, s)
        let bytes = Buffer.from(base)
        if (how === 'flip') for (const [at, v] of edits) bytes[at % bytes.length] = v
        else if (how === 'truncate') bytes = bytes.subarray(0, edits[0][0] % bytes.length)
        else if (how === 'junk') bytes = Buffer.concat([bytes, Buffer.from(edits.map(([, v]) => v))])
        else if (how === 'length') bytes.writeUInt32BE(0xfffffff0 - edits[0][1], 33)
        else if (how === 'iend-first')
          bytes = Buffer.concat([SIGNATURE, pngChunk('IEND', Buffer.alloc(0)), base.subarray(8)])
        else bytes = Buffer.concat([base.subarray(0, 33), base.subarray(8, 33), base.subarray(33)])
        return { label: `png ${s} ${how}`, bytes }
      }),
    weight: 3,
  },
  {
    arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => ({ label: 'random bytes', bytes: Buffer.from(a) })),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      { label: 'empty', bytes: Buffer.alloc(0) },
      { label: 'signature only', bytes: SIGNATURE },
      { label: 'gif', bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') },
      { label: 'svg', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="30" height="30"/>') },
      {
        label: 'over SMILES_MAX_BYTES',
        bytes: png(30, 30, { extra: [pngChunk('tEXt', Buffer.alloc(262_200, 0x41))] }),
      },
      { label: 'over BODY_LIMIT_BYTES', bytes: Buffer.concat([SIGNATURE, Buffer.alloc(3_000_000, 0x41)]) },
      {
        label: 'many chunks',
        bytes: png(30, 30, { extra: Array.from({ length: 2000 }, () => pngChunk('tEXt', Buffer.from('k\0v'))) }),
      },
    ),
    weight: 1,
  },
)

export const fileName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.stringMatching(/^fz[A-Za-z0-9_-]{1,20}$/).map((c) => `${c}.png`), weight: 5 },
  {
    arbitrary: fc.constantFrom(
      '',
      '.png',
      'x',
      'x.PNG',
      'a.b.c.png',
      '../../../etc/passwd.png',
      '..\\..\\win.png',
      '/abs/path/ok.png',
      'C:\\x\\ok.png',
      'a'.repeat(33) + '.png',
      'a'.repeat(5000) + '.png',
      'nul\u0000byte.png',
      'ünïcødé.png',
      '😀.png',
      'sp ace.png',
      'quo"te.png',
      "apo'strophe.png",
      'semi;colon.png',
      'new\r\nline.png',
      '%00.png',
      'CON.png',
      '.hidden',
    ),
    weight: 3,
  },
  { arbitrary: anyString.map((s) => s.slice(0, 300)), weight: 1 },
)

export interface Part {
  name: string
  filename?: string
  contentType?: string
  body: Buffer | string
}

/** A multipart/form-data body, correct or broken on purpose. */
export function encodeMultipart(
  parts: Part[],
  boundary: string,
  breakage: 'none' | 'no-final' | 'lf-only' | 'garbage-preamble' | 'truncated' = 'none',
): Buffer {
  const nl = breakage === 'lf-only' ? '\n' : '\r\n'
  const out: Buffer[] = []
  if (breakage === 'garbage-preamble') out.push(Buffer.from(`this is a preamble${nl}`))
  for (const p of parts) {
    let head = `--${boundary}${nl}Content-Disposition: form-data; name="${p.name}"`
    if (p.filename !== undefined) head += `; filename="${p.filename}"`
    head += nl
    if (p.contentType !== undefined) head += `Content-Type: ${p.contentType}${nl}`
    out.push(
      Buffer.from(head + nl, 'utf8'),
      Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body, 'utf8'),
      Buffer.from(nl),
    )
  }
  if (breakage !== 'no-final') out.push(Buffer.from(`--${boundary}--${nl}`))
  const all = Buffer.concat(out)
  return breakage === 'truncated' ? all.subarray(0, Math.floor(all.length / 2)) : all
}
