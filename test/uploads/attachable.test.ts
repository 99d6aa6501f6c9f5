import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll } from '../helpers/app.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { AppError } from '../../src/errors.js'
import { attachableFiles } from '../../src/uploads/files.js'
import * as fx from './fixtures.js'
import { UPLOAD_FILE, gqlUpload, startUploadsApp, type UploadsApp } from './support.js'

/**
 * attachableFiles, what plugins call before attaching files to something: only the caller's own uploads, in the order
 * given, and the same answer for an id that does not exist as for someone else's.
 */

let t: UploadsApp
let alice: TestUser
let bob: TestUser
const ids: Record<string, string> = {}
beforeAll(async () => {
  t = await startUploadsApp()
  alice = await registerUser(t)
  bob = await registerUser(t)
  for (const [key, who, part] of [
    ['a1', alice, { name: 'one.png', bytes: fx.png() }],
    ['a2', alice, { name: 'two.pdf', bytes: fx.pdf() }],
    ['b1', bob, { name: 'bobs.txt', bytes: fx.text() }],
  ] as const) {
    const r = await gqlUpload(t.url, UPLOAD_FILE, part, who.token)
    ids[key] = r.data!.uploadFile.id
  }
})
afterAll(() => closeAll(t))

const attach = (userId: number, list: unknown, field?: string) =>
  attachableFiles(t.app.services.prisma, userId, list, field)

/** The refusal, as the API would show it. */
async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(AppError)
  const app = e as AppError
  return { code: app.code, field: app.field, message: app.message }
}

describe('attachableFiles', () => {
  it("the caller's own files, in the order given, as their views", async () => {
    const views = await attach(alice.id, [ids.a2, ids.a1])
    expect(views.map((v) => v.id)).toEqual([ids.a2, ids.a1])
    expect(views[0]).toMatchObject({ name: 'two.pdf', mimeType: 'application/pdf', width: null })
    expect(views[1]).toMatchObject({ name: 'one.png', mimeType: 'image/png', url: `uploads/files/${ids.a1}.png` })
    expect(await attach(alice.id, [])).toEqual([])
  })

  it("someone else's file and an unknown id are refused the same way, naming the entry", async () => {
    const others = await refusal(attach(alice.id, [ids.a1, ids.b1]))
    const unknown = await refusal(attach(alice.id, [ids.a1, 'AAAAAAAAAAAAAAAAAAAAAA']))
    const malformed = await refusal(attach(alice.id, [ids.a1, '../etc/passwd']))
    expect(others).toEqual({ code: 'INVALID_INPUT', field: 'attachments[1]', message: expect.any(String) })
    expect(unknown).toEqual(others)
    expect(malformed).toEqual(others)
    // bob's own file is fine for bob
    expect((await attach(bob.id, [ids.b1]))[0].name).toBe('bobs.txt')
  })

  it('at most 10, each once, a list of strings; the field name is the caller’s', async () => {
    expect(
      await refusal(
        attach(
          alice.id,
          Array.from({ length: 11 }, () => ids.a1),
        ),
      ),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'attachments',
    })
    expect(await refusal(attach(alice.id, [ids.a1, ids.a1]))).toMatchObject({ field: 'attachments[1]' })
    expect(await refusal(attach(alice.id, [42]))).toMatchObject({ field: 'attachments[0]' })
    expect(await refusal(attach(alice.id, 'nope', 'files'))).toMatchObject({ code: 'INVALID_INPUT', field: 'files' })
  })
})
