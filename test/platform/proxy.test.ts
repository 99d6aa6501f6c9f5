import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

const from = (ip: string) => ({ headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` } })

describe('client address behind a proxy', () => {
  let trusted: TestApp
  let direct: TestApp
  beforeAll(async () => {
    ;[trusted, direct] = await Promise.all([
      startTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '3' }),
      startTestApp({ RATE_LIMIT_PER_MINUTE: '3' }),
    ])
  })
  afterAll(async () => {
    await closeAll(trusted, direct)
  })

  it('TRUST_PROXY=true: each forwarded client has its own budget, and login history records its address', async () => {
    for (let i = 0; i < 3; i++)
      expect((await rest(trusted.url, '/api/user/current', {}, from('203.0.113.7'))).status).toBe(200)
    expect((await rest(trusted.url, '/api/user/current', {}, from('203.0.113.7'))).status).toBe(429)
    expect((await rest(trusted.url, '/api/user/current', {}, from('198.51.100.9'))).status).toBe(200)
  })

  it('records the forwarded address in login history', async () => {
    const app = await startTestApp({ TRUST_PROXY: 'true' })
    try {
      const u = await registerUser(app)
      await gql(
        app.url,
        graphql(`mutation Login($i: LoginInput!) { login(input: $i) { token } }`),
        { i: { login: u.name, password: u.password } },
        undefined,
        from('192.0.2.44').headers,
      )
      const sec = await rest(app.url, '/api/security/user', {}, { token: u.token })
      expect(sec.body.map((l: { ip: string }) => l.ip)).toContain('192.0.2.44')
    } finally {
      await app.close()
    }
  })

  it('without TRUST_PROXY the header is ignored: a client cannot dodge the limit by forging it', async () => {
    for (let i = 0; i < 3; i++)
      expect((await rest(direct.url, '/api/user/current', {}, from(`203.0.113.${i}`))).status).toBe(200)
    expect((await rest(direct.url, '/api/user/current', {}, from('203.0.113.99'))).status).toBe(429)
  })
})
