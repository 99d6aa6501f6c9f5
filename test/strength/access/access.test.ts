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
import { gql, outcome, post, userWith, type StrengthUser } from '../http.js'
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
  plain = await userWith(t)
  admin = await userWith(t, Object.fromEntries(ROLE_NAMES.map((r) => [r, 1])))
  for (const r of ROLE_NAMES) {
    holder[r] = await userWith(t, { [r]: 1 })
    zeroed[r] = await userWith(t, { [r]: 0 })
  }
})
afterAll(() => t?.close())

const field = async (scope: Scope, user?: StrengthUser) =>
  outcome(await gql(t, `{ ${fieldOf(scope)} }`, {}, user?.token))

describe('GraphQL role scopes', () => {
  it('a guest is told to sign in for every scope but public', async () => {
    for (const scope of SCOPES)
      expect([scope, await field(scope)]).toEqual([scope, scope === 'public' ? 'OK' : 'UNAUTHENTICATED'])
  })

  it('a role scope is held when the role value is above 0', async () => {
    for (const r of ROLE_NAMES) {
      expect([r, await field(r, holder[r])]).toEqual([r, 'OK'])
      expect([r, 'zeroed', await field(r, zeroed[r])]).toEqual([r, 'zeroed', 'INSUFFICIENT_PERMISSIONS'])
    }
  })

  it('a user without role rows holds exactly the roles that are on by default', async () => {
    for (const r of ROLE_NAMES)
      expect([r, await field(r, plain)]).toEqual([r, ROLE_DEFAULTS[r] > 0 ? 'OK' : 'INSUFFICIENT_PERMISSIONS'])
  })

  it("one role's holder holds no other off-by-default role", async () => {
    for (const r of ROLE_NAMES)
      for (const other of ROLE_NAMES.filter((o) => o !== r && ROLE_DEFAULTS[o] === 0))
        expect([r, other, await field(other, holder[r])]).toEqual([r, other, 'INSUFFICIENT_PERMISSIONS'])
  })

  it('authenticated: any signed-in user; public: everyone; internal: nobody, not even an admin', async () => {
    for (const u of [plain, admin, holder.moderator]) {
      expect(await field('authenticated', u)).toBe('OK')
      expect(await field('public', u)).toBe('OK')
      expect(await field('internal', u)).toBe('INSUFFICIENT_PERMISSIONS')
    }
    expect(await field('internal')).toBe('UNAUTHENTICATED')
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
