import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

/**
 * Look-alike names (Unicode TR39 skeletons): a name that looks like an existing one — other scripts' letters, "rn" for
 * "m", "l" for "I", fullwidth forms — is refused like a taken name, on every path that makes a name.
 */

const REGISTER = graphql(
  `mutation RegisterNames($i: RegisterInput!) { register(input: $i) { token viewer { databaseId name } } }`,
)

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const tag = () =>
  randomBytes(3)
    .toString('hex')
    .replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]) // letters only
const register = (app: TestApp, username: string) =>
  gql(app.url, REGISTER, {
    i: { username, email: `${randomBytes(5).toString('hex')}@example.com`, password: 'correct-horse-1' },
  })

async function expectTaken(app: TestApp, username: string) {
  const r = await register(app, username)
  expect(codeOf(r), username).toBe('USER_ALREADY_EXISTS')
  expect(r.errors![0].extensions!.field).toBe('username')
  expect(await app.app.services.prisma.user.count({ where: { name: username } })).toBe(0)
}

describe('look-alike names', () => {
  it('"аdmin" with a Cyrillic а cannot register beside "admin"; nor other look-alikes of a name', async () => {
    const base = `admin_${tag()}`
    expect((await register(t, base)).data!.register.viewer.name).toBe(base)
    await expectTaken(t, `\u0430${base.slice(1)}`) // Cyrillic а
    await expectTaken(t, `ADM\u0406N${base.slice(5)}`) // upper case with a Cyrillic І
    await expectTaken(t, `a\u0501min${base.slice(5)}`) // Cyrillic ԁ
    await expectTaken(t, `adrnin${base.slice(5)}`) // "rn" for "m"
    await expectTaken(t, `\uff41dmin${base.slice(5)}`) // fullwidth ａ
  })

  it('"lan" cannot register beside "Ian" (capital I and small L look alike), nor "1an"', async () => {
    const t2 = tag()
    expect(codeOf(await register(t, `Ian_${t2}`))).toBeUndefined()
    await expectTaken(t, `lan_${t2}`)
    await expectTaken(t, `1an_${t2}`)
  })

  it('names that differ visibly are still free', async () => {
    const t3 = tag()
    expect(codeOf(await register(t, `anna_${t3}`))).toBeUndefined()
    for (const other of [`anne_${t3}`, `anna_${t3}x`, `hanna_${t3}`, `анна_${t3}`])
      expect(codeOf(await register(t, other)), other).toBeUndefined()
  })

  it('a taken email is told apart from a taken name (field email)', async () => {
    const u = await registerUser(t)
    const r = await gql(t.url, REGISTER, {
      i: { username: `fresh_${tag()}`, email: u.email, password: 'correct-horse-1' },
    })
    expect(codeOf(r)).toBe('USER_ALREADY_EXISTS')
    expect(r.errors![0].extensions!.field).toBe('email')
  })

  it('racing registrations of look-alikes: the database lets exactly one through', async () => {
    const t4 = tag()
    const variants = [`racer_${t4}`, `r\u0430cer_${t4}`, `ra\u0441er_${t4}`, `rac\u0435r_${t4}`, `RACER_${t4}`]
    const results = await Promise.all(variants.map((v) => register(t, v)))
    expect(results.filter((r) => !r.errors)).toHaveLength(1)
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(4).fill('USER_ALREADY_EXISTS'))
  })

  it('phone sign-up (JustChat REST /init/reg) gives its generated name look-alike keys too', async () => {
    const phone = `+7999${Math.floor(Math.random() * 1e7)
      .toString()
      .padStart(7, '0')}`
    expect((await rest(t.url, '/init/reg', { phone })).status).toBe(201)
    const { name } = await t.app.services.prisma.user.findUniqueOrThrow({ where: { phone }, select: { name: true } })
    expect(name).toMatch(/^user_/)
    await expectTaken(t, `us\u0435r${name.slice(4)}`) // Cyrillic е
  })

  it('users from before the keys existed get them at start-up, and new look-alikes of them are refused', async () => {
    const old = `oldtimer_${tag()}`
    // test setup: a row as an older version wrote it (no look-alike keys)
    await t.app.services.prisma.user.create({ data: { name: old, nameLower: old, slug: old } })
    const again = await startTestApp({ SESSION_SECRET: t.app.config.sessionSecret }, { share: t })
    try {
      expect(
        await t.app.services.prisma.user.findUniqueOrThrow({
          where: { nameLower: old },
          select: { nameSkeleton: true, nameSkeletonFolded: true },
        }),
      ).toEqual({ nameSkeleton: expect.any(String), nameSkeletonFolded: expect.any(String) })
      await expectTaken(again, `\u043e${old.slice(1)}`) // Cyrillic о
      await expectTaken(t, `\u043e${old.slice(1)}`)
    } finally {
      await again.close()
    }
  })
})
