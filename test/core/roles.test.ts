import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

let t: TestApp
let admin: TestUser
beforeAll(async () => {
  t = await startTestApp()
  admin = await userWithRoles(t, { roleAdmin: 1 })
})
afterAll(() => closeAll(t))

describe('roles', () => {
  it('a role admin sets roles with the documented types, and the change applies at once', async () => {
    const u = await registerUser(t)
    const set = await rest(
      t.url,
      '/api/user/roles/set',
      { userId: u.id, role: 'moderator', value: true },
      { token: admin.token },
    )
    expect(set).toMatchObject({ status: 200, body: [] })
    const cit = await rest(
      t.url,
      '/api/user/roles/set',
      { userId: u.id, role: 'citizen', value: 7 },
      { token: admin.token },
    )
    expect(cit.status).toBe(200)
    const cur = await rest(t.url, '/api/user/current', {}, { token: u.token })
    expect(cur.body.roles).toMatchObject({ moderator: true, citizen: 7 })
    const list = await rest(t.url, '/api/user/roles/list', { role: 'moderator' }, { token: admin.token })
    expect(list.body).toContainEqual({ id: u.id, name: u.name, slug: u.name.toLowerCase() })
    await rest(t.url, '/api/user/roles/set', { userId: u.id, role: 'moderator', value: false }, { token: admin.token })
    const list2 = await rest(t.url, '/api/user/roles/list', { role: 'moderator' }, { token: admin.token })
    expect(list2.body.map((x: any) => x.id)).not.toContain(u.id)
  })

  it('lists holders of a role that is on by default (canUseSupport) minus those switched off', async () => {
    const u = await registerUser(t)
    await rest(
      t.url,
      '/api/user/roles/set',
      { userId: u.id, role: 'canUseSupport', value: false },
      { token: admin.token },
    )
    const list = await rest(t.url, '/api/user/roles/list', { role: 'canUseSupport' }, { token: admin.token })
    const ids = list.body.map((x: any) => x.id)
    expect(ids).toContain(admin.id)
    expect(ids).not.toContain(u.id)
  })

  it.each([
    [{ role: 'moderator', value: 1 }, /true or false/],
    [{ role: 'citizen', value: true }, /integer/],
    [{ role: 'citizen', value: 101 }, /integer/],
    [{ role: 'wizard', value: true }, /unknown role/],
  ])('refuses %j', async (body, msg) => {
    const u = await registerUser(t)
    const r = await rest(t.url, '/api/user/roles/set', { userId: u.id, ...body }, { token: admin.token })
    expect(r.status).toBe(500)
    expect(r.body.message).toMatch(msg)
  })

  it('refuses an unknown user id', async () => {
    const r = await rest(
      t.url,
      '/api/user/roles/set',
      { userId: 987654, role: 'moderator', value: true },
      { token: admin.token },
    )
    expect(r).toMatchObject({ status: 500, body: { message: expect.stringMatching(/userId/) } })
  })

  it('refuses non-admins: RA routes and fields', async () => {
    const u = await registerUser(t)
    expect(
      (await rest(t.url, '/api/user/roles/set', { userId: u.id, role: 'moderator', value: true }, { token: u.token }))
        .status,
    ).toBe(500)
    expect((await rest(t.url, '/api/user/roles/list', { role: 'moderator' }, { token: u.token })).body.message).toMatch(
      /permission/i,
    )
    expect((await rest(t.url, '/api/user/full', { id: u.id }, { token: u.token })).status).toBe(500)
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation SetRoleRoles { setRole(userId: 1, role: "moderator", value: true) }`),
          undefined,
          u.token,
        ),
      ),
    ).toBe('INSUFFICIENT_PERMISSIONS')
    expect(
      codeOf(await gql(t.url, graphql(`mutation SetRoleRoles { setRole(userId: 1, role: "moderator", value: true) }`))),
    ).toBe('UNAUTHENTICATED')
  })

  it('/api/user/full returns block, roles and settings to a role admin', async () => {
    const u = await registerUser(t)
    const r = await rest(t.url, '/api/user/full', { name: u.name }, { token: admin.token })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      id: u.id,
      name: u.name,
      slug: u.name.toLowerCase(),
      block: false,
      roles: { citizen: 2 },
      settings: { chat: { theme: 'sc2tv' } },
    })
  })
})

describe('blocking', () => {
  it("a blocker's block ends the user's sessions at once; unblock lets them log in again", async () => {
    const blocker = await userWithRoles(t, { blocker: 1 })
    const u = await registerUser(t)
    expect(
      (await gql(t.url, graphql(`query ViewerAccounts { viewer { name } }`), undefined, u.token)).data!.viewer!.name,
    ).toBe(u.name)
    const r = await gql(
      t.url,
      graphql(`mutation SetUserBlocked($id: Int!) { setUserBlocked(userId: $id, state: true) }`),
      { id: u.id },
      blocker.token,
    )
    expect(r.data!.setUserBlocked).toBe(true)
    expect(
      (await gql(t.url, graphql(`query ViewerAccounts { viewer { name } }`), undefined, u.token)).data!.viewer,
    ).toBeNull()
    const login = await gql(t.url, graphql(`mutation Login($i: LoginInput!) { login(input: $i) { token } }`), {
      i: { login: u.name, password: u.password },
    })
    expect(codeOf(login)).toBe('USER_BLOCKED')
    await gql(
      t.url,
      graphql(`mutation SetUserBlockedRoles($id: Int!) { setUserBlocked(userId: $id, state: false) }`),
      { id: u.id },
      blocker.token,
    )
    const again = await gql(t.url, graphql(`mutation Login($i: LoginInput!) { login(input: $i) { token } }`), {
      i: { login: u.name, password: u.password },
    })
    expect(again.data!.login.token).toEqual(expect.any(String))
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation SetUserBlocked($id: Int!) { setUserBlocked(userId: $id, state: true) }`),
          { id: u.id },
          again.data!.login.token,
        ),
      ),
    ).toBe('INSUFFICIENT_PERMISSIONS')
  })
})
