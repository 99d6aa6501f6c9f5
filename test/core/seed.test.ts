import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { seed, DEMO_USERS } from '../../src/seed.js'
import { MODERATION_DEMO_USERS } from '../../plugins/moderation/seed.js'
import { graphql } from '../generated/index.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ SEED_ADMIN_NAME: 'root_admin', SEED_ADMIN_PASSWORD: 'root-admin-pass-1', SEED_DEMO: 'true' })
})
afterAll(() => closeAll(t))

describe('bootstrap and demo data', () => {
  it('creates the configured admin with every role, and the demo users, once', async () => {
    await seed(t.app.services, t.app.plugins)
    const login = await rest(t.url, '/api/user/login', { name: 'root_admin', password: 'root-admin-pass-1' })
    expect(login.status).toBe(200)
    const roles = login.body.current.roles
    expect(Object.entries(roles).every(([k, v]) => (k === 'citizen' ? (v as number) > 0 : v === true))).toBe(true)
    // the core's demo accounts and those of the enabled plugins (moderation's staff account)
    for (const u of [...DEMO_USERS, ...MODERATION_DEMO_USERS]) {
      const r = await gql(
        t.url,
        graphql(`mutation LoginSeed($i: LoginInput!) { login(input: $i) { viewer { name } } }`),
        {
          i: { login: u.name, password: u.password },
        },
      )
      expect(r.data?.login.viewer.name).toBe(u.name)
    }
    const count = await t.app.services.prisma.user.count()
    await seed(t.app.services, t.app.plugins)
    expect(await t.app.services.prisma.user.count()).toBe(count)
    // a changed admin password is applied on the next start
    t.app.services.config.seedAdmin = { name: 'root_admin', password: 'another-pass-2' }
    await seed(t.app.services, t.app.plugins)
    expect((await rest(t.url, '/api/user/login', { name: 'root_admin', password: 'another-pass-2' })).status).toBe(200)
  })
})
