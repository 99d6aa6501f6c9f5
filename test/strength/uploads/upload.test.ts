import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/errors.js'
import { cleanPng } from '../../../plugins/smiles/png.js'
import {
  codeOfName,
  DIMENSIONS,
  isUploadFile,
  readUpload,
  singleFile,
  type UploadFile,
} from '../../../plugins/smiles/upload.js'
import { chunk, grey } from './png-bytes.js'

/** The upload checks called directly with real File objects (the platform's, as the REST shim hands them over). */

const fileOf = (bytes: Uint8Array, name = 'smile.png') => new File([new Uint8Array(bytes)], name, { type: 'image/png' })
const smile = (extra = {}) => grey(30, 30, extra)
const icon = () => grey(14, 14)

/** The AppError `fn` throws (sync or async): its code, field and message. */
async function failure(fn: () => unknown) {
  try {
    await fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    const err = e as AppError
    return { code: err.code, field: err.extensions.field, message: err.message }
  }
  throw new Error('expected an AppError')
}

describe('DIMENSIONS', () => {
  it('smiles are 30×30, icons 14×14', () => {
    expect(DIMENSIONS).toEqual({ smile: { width: 30, height: 30 }, icon: { width: 14, height: 14 } })
  })
})

describe('isUploadFile', () => {
  it('takes what has a string name, a number size and an arrayBuffer function', () => {
    expect(isUploadFile(fileOf(icon()))).toBe(true)
    expect(isUploadFile({ name: 'a', size: 1, arrayBuffer: () => Promise.resolve(new ArrayBuffer(1)) })).toBe(true)
  })

  it('refuses anything missing one of them, or of the wrong type', () => {
    const good = { name: 'a', size: 1, arrayBuffer: () => Promise.resolve(new ArrayBuffer(1)) }
    for (const v of [
      null,
      undefined,
      0,
      1,
      'a.png',
      true,
      { ...good, name: 1 },
      { ...good, name: undefined },
      { ...good, size: '1' },
      { ...good, size: undefined },
      { ...good, arrayBuffer: new ArrayBuffer(1) },
      { ...good, arrayBuffer: undefined },
      // a function with those properties is not a file object
      Object.assign(() => undefined, { size: 1, arrayBuffer: good.arrayBuffer }),
    ])
      expect(isUploadFile(v)).toBe(false)
  })
})

describe('singleFile', () => {
  it('returns the one file', () => {
    const f = fileOf(icon())
    expect(singleFile([f])).toBe(f)
  })

  it('refuses none or several, saying how many came', async () => {
    expect(await failure(() => singleFile([]))).toMatchObject({
      code: 'FILE_COUNT_INVALID',
      message: 'Exactly one file is required, got 0',
    })
    expect(await failure(() => singleFile([fileOf(icon()), fileOf(icon())]))).toMatchObject({
      code: 'FILE_COUNT_INVALID',
      message: 'Exactly one file is required, got 2',
    })
  })
})

describe('codeOfName', () => {
  it('is the file name without its extension and without any directory a client sent', () => {
    expect(codeOfName('kappa.png')).toBe('kappa')
    expect(codeOfName('kappa.gif')).toBe('kappa')
    expect(codeOfName('kappa')).toBe('kappa')
    expect(codeOfName('dir/sub/kappa.png')).toBe('kappa')
    expect(codeOfName('C:\\Users\\me\\kappa.png')).toBe('kappa')
    expect(codeOfName('a\\b/c.png')).toBe('c')
    expect(codeOfName('a/b\\c.png')).toBe('c')
    expect(codeOfName('Ab_9-Z.png')).toBe('Ab_9-Z')
    expect(codeOfName('x.png')).toBe('x')
  })

  it('takes 1 to 32 letters, digits, _ or -', async () => {
    expect(codeOfName(`${'a'.repeat(32)}.png`)).toBe('a'.repeat(32))
    for (const name of [
      `${'a'.repeat(33)}.png`,
      '.png',
      '.hidden',
      'a.b.png',
      'a b.png',
      'ä.png',
      'a:b.png',
      '',
      'dir/',
      'dir/.png',
      'x\n.png',
    ])
      expect([name, (await failure(() => codeOfName(name))).code]).toEqual([name, 'INVALID_SMILE_CODE'])
  })

  it('says what it got (at most 40 characters of it), on the file field', async () => {
    expect(await failure(() => codeOfName('bad code.png'))).toEqual({
      code: 'INVALID_SMILE_CODE',
      field: 'file',
      message: 'The smile code is taken from the file name and must be 1–32 letters, digits, _ or -; got "bad code"',
    })
    // a leading dot starts the name, not an extension
    expect((await failure(() => codeOfName('.png'))).message).toMatch(/got "\.png"$/)
    const long = await failure(() => codeOfName(`${'b'.repeat(50)}.png`))
    expect(long.message.endsWith(`got "${'b'.repeat(40)}"`)).toBe(true)
  })
})

describe('readUpload', () => {
  it('returns the code, the clean copy, its sha256 and the dimensions', async () => {
    const bytes = smile({ before: [chunk('tEXt', Buffer.from('Comment\0remove me'))] })
    const up = await readUpload(fileOf(bytes, 'dir/Kappa_1.png'), 'smile', 10_000)
    const clean = cleanPng(bytes)!
    expect(up).toEqual({
      code: 'Kappa_1',
      bytes: clean,
      hash: createHash('sha256').update(clean).digest('hex'),
      width: 30,
      height: 30,
    })
    expect(up.bytes.includes(Buffer.from('remove me'))).toBe(false)
    expect(await readUpload(fileOf(icon(), 'ic.png'), 'icon', 10_000)).toMatchObject({
      code: 'ic',
      width: 14,
      height: 14,
    })
  })

  it('refuses an empty file', async () => {
    expect(await failure(() => readUpload(fileOf(new Uint8Array(0)), 'smile', 10_000))).toMatchObject({
      code: 'FILE_EMPTY',
      field: 'file',
    })
  })

  it('accepts a file of exactly the limit, refuses one byte more (by its size, and by its bytes)', async () => {
    const bytes = smile()
    expect((await readUpload(fileOf(bytes), 'smile', bytes.length)).width).toBe(30)
    expect(await failure(() => readUpload(fileOf(bytes), 'smile', bytes.length - 1))).toEqual({
      code: 'FILE_TOO_LARGE',
      field: 'file',
      message: `The file is larger than ${bytes.length - 1} bytes`,
    })
    // a file whose declared size understates its bytes is measured by what it holds
    const liar: UploadFile = { name: 'liar.png', size: 10, arrayBuffer: () => fileOf(bytes).arrayBuffer() }
    expect(await failure(() => readUpload(liar, 'smile', bytes.length - 1))).toEqual({
      code: 'FILE_TOO_LARGE',
      field: 'file',
      message: `The file is larger than ${bytes.length - 1} bytes`,
    })
    // a declared size over the limit is refused before a byte is read
    const huge: UploadFile = {
      name: 'huge.png',
      size: bytes.length + 1,
      arrayBuffer: () => Promise.reject(new Error('read although too large')),
    }
    expect(await failure(() => readUpload(huge, 'smile', bytes.length))).toMatchObject({ code: 'FILE_TOO_LARGE' })
    const honest: UploadFile = { name: 'ok.png', size: 10, arrayBuffer: () => fileOf(bytes).arrayBuffer() }
    expect((await readUpload(honest, 'smile', bytes.length)).code).toBe('ok')
  })

  it('refuses what is not a PNG, before looking at its name', async () => {
    expect(
      await failure(() => readUpload(fileOf(Buffer.from('GIF89a...'), 'bad name!.png'), 'smile', 10_000)),
    ).toMatchObject({
      code: 'INVALID_IMAGE',
      field: 'file',
    })
  })

  it('refuses wrong dimensions, naming the kind and both sizes', async () => {
    const cases: [Buffer, 'smile' | 'icon', string][] = [
      [grey(31, 30), 'smile', 'A smile must be 30×30 px, got 31×30'],
      [grey(30, 31), 'smile', 'A smile must be 30×30 px, got 30×31'],
      [grey(29, 30), 'smile', 'A smile must be 30×30 px, got 29×30'],
      [grey(30, 29), 'smile', 'A smile must be 30×30 px, got 30×29'],
      [icon(), 'smile', 'A smile must be 30×30 px, got 14×14'],
      [smile(), 'icon', 'An icon must be 14×14 px, got 30×30'],
      [grey(14, 15), 'icon', 'An icon must be 14×14 px, got 14×15'],
      [grey(15, 14), 'icon', 'An icon must be 14×14 px, got 15×14'],
    ]
    for (const [bytes, kind, message] of cases)
      expect(await failure(() => readUpload(fileOf(bytes), kind, 10_000))).toEqual({
        code: 'INVALID_IMAGE_SIZE',
        field: 'file',
        message,
      })
  })

  it('refuses a well-formed file whose image data does not match its header', async () => {
    const short = grey(30, 30, { data: Buffer.alloc(30 * 31 - 1) })
    expect(await failure(() => readUpload(fileOf(short), 'smile', 10_000))).toMatchObject({
      code: 'INVALID_IMAGE',
      field: 'file',
    })
  })

  it('checks the name last: a good image with a bad name is refused for its name', async () => {
    expect(await failure(() => readUpload(fileOf(smile(), 'no good.png'), 'smile', 10_000))).toMatchObject({
      code: 'INVALID_SMILE_CODE',
      field: 'file',
    })
  })
})
