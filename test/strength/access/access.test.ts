import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCESS_LETTERS,
  ACCESS_ROLE,
  ROLE_DEFAULTS,
  ROLE_NAMES,
  type Access,
  type RoleName,
} from '../../../src/auth/roles.js'
import { startTestApp, type TestApp } from '../../helpers/app.js'
import { ALL_PLUGINS } from '../../../plugins/index.js'
import { gql, post, usersWith, type StrengthUser } from '../http.js'
import { fieldOf, pathOf, ROUTES, SCOPES, strengthAccess, type Scope } from './fixture.js'

/**
 * The two places access is decided for everything else: the role scopes GraphQL fields ask for (src/schema/builder.ts)
 * and the access letter of each REST route (src/rest/engine.ts). Each is asked by a guest, a user without roles, and
 * for each role a holder (value 1), a user whose role is switched off (value 0) and an admin holding every role.
 */

let t: TestApp
let plain: StrengthUser
let admin: StrengthUser
const holder = {} as Record<RoleName, StrengthUser>
const zeroed = {} as Record<RoleName, StrengthUser>

beforeAll(async () => {
  t = await startTestApp({ PLUGINS: 'strength-access' }, { available: [...ALL_PLUGINS, strengthAccess] })
  const made = await usersWith(t, [
    {},
    Object.fromEntries(ROLE_NAMES.map((r) => [r, 1])),
    ...ROLE_NAMES.flatMap((r) => [{ [r]: 1 }, { [r]: 0 }]),
  ])
  ;[plain, admin] = made
  for (const [i, r] of ROLE_NAMES.entries()) {
    holder[r] = made[2 + 2 * i]
    zeroed[r] = made[3 + 2 * i]
  }
}, 120_000)
afterAll(() => t.close())

/**
 * What every scope field answers this caller: 'OK' or the error code, all fields in one query (each is nullable, so
 * one refusal does not hide the others).
 */
async function scopesOf(user?: StrengthUser): Promise<Record<Scope, string>> {
  const r = await gql(t, `{ ${SCOPES.map(fieldOf).join(' ')} }`, {}, user?.token)
  const errors = new Map(r.errors?.map((e) => [e.path?.[0], e.extensions?.code]))
  return Object.fromEntries(SCOPES.map((s) => [s, errors.get(fieldOf(s)) ?? 'OK'])) as Record<Scope, string>
}

/** The rule: a role scope is held when the role's value (its row, else its default) is above 0. */
function expected(rows: Partial<Record<RoleName, number>>): Record<Scope, string> {
  const held = (r: RoleName) => (rows[r] ?? ROLE_DEFAULTS[r]) > 0
  return {
    ...(Object.fromEntries(ROLE_NAMES.map((r) => [r, held(r) ? 'OK' : 'INSUFFICIENT_PERMISSIONS'])) as Record<
      RoleName,
      string
    >),
    public: 'OK',
    authenticated: 'OK',
    internal: 'INSUFFICIENT_PERMISSIONS',
  }
}

describe('GraphQL role scopes', () => {
  it('a guest is told to sign in for every scope but public', async () => {
    expect(await scopesOf()).toEqual(
      Object.fromEntries(SCOPES.map((s) => [s, s === 'public' ? 'OK' : 'UNAUTHENTICATED'])),
    )
  })

  it('a user without role rows holds exactly the roles that are on by default, and public and authenticated', async () => {
    expect(await scopesOf(plain)).toEqual(expected({}))
  })

  it("a role's holder (value 1) holds it and the defaults, nothing more", async () => {
    for (const r of ROLE_NAMES) expect([r, await scopesOf(holder[r])]).toEqual([r, expected({ [r]: 1 })])
  })

  it('a role switched off (value 0) is not held, even one that is on by default', async () => {
    for (const r of ROLE_NAMES) expect([r, await scopesOf(zeroed[r])]).toEqual([r, expected({ [r]: 0 })])
  })

  it('an admin holds every role, but never the internal scope', async () => {
    expect(await scopesOf(admin)).toEqual(expected(Object.fromEntries(ROLE_NAMES.map((r) => [r, 1]))))
  })

  it('a subscription is authorized when it starts: a guest or a non-moderator is refused at once', async () => {
    for (const [user, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [plain, 'INSUFFICIENT_PERMISSIONS'],
    ] as const) {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(user ? { authorization: `Bearer ${user.token}` } : {}),
        },
        body: JSON.stringify({ query: 'subscription { strengthModeratorsOnly }' }),
        signal: AbortSignal.timeout(3000),
      })
      // the refusal ends the stream: the whole body arrives well before the timeout
      const body = await res.text()
      expect(body).toContain('event: next')
      expect(body).toContain(`"code":"${code}"`)
      expect(body).toContain('event: complete')
    }
  })
})

describe('REST access letters', () => {
  const call = async (letters: Access[], user?: StrengthUser) =>
    (await post(t, pathOf(letters), {}, user ? { authorization: `Bearer ${user.token}` } : {})).status

  it('P and C are open to guests; every other letter tells a guest to sign in (JustChat 440)', async () => {
    for (const a of ACCESS_LETTERS) expect([a, await call([a])]).toEqual([a, a === 'P' || a === 'C' ? 200 : 440])
  })

  it('A admits any signed-in user', async () => {
    expect(await call(['A'], plain)).toBe(200)
    expect(await call(['A'], zeroed.canUseSupport)).toBe(200)
  })

  it('a role letter admits a holder of its role (value above 0), nobody else', async () => {
    for (const [letter, role] of Object.entries(ACCESS_ROLE) as [Access, RoleName][]) {
      expect([letter, await call([letter], holder[role])]).toEqual([letter, 200])
      expect([letter, await call([letter], admin)]).toEqual([letter, 200])
      expect([letter, 'zeroed', await call([letter], zeroed[role])]).toEqual([letter, 'zeroed', 403])
      expect([letter, 'plain', await call([letter], plain)]).toEqual([letter, 'plain', 403])
      const other = ROLE_NAMES.find((r) => r !== role && ROLE_DEFAULTS[r] === 0)!
      expect([letter, other, await call([letter], holder[other])]).toEqual([letter, other, 403])
    }
  })

  it('further letters admit too: MS/Sm takes either role; a P or C among them opens the route', async () => {
    expect(await call(['MS', 'Sm'], holder.masterstreamer)).toBe(200)
    expect(await call(['MS', 'Sm'], holder.smiler)).toBe(200)
    expect(await call(['MS', 'Sm'], plain)).toBe(403)
    expect(await call(['MS', 'Sm'])).toBe(440)
    expect(await call(['M', 'P'])).toBe(200)
    expect(await call(['S', 'C'])).toBe(200)
    expect(await call(['M', 'P'], plain)).toBe(200)
  })

  it('every route of the fixture exists (a 404 would make the refusals above mean nothing)', async () => {
    for (const letters of ROUTES) expect(await call(letters, admin)).toBe(200)
  })
})
