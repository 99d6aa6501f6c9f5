import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('peka2 /api/bulk', () => {
  it("answers each request as [url, params, result, ok] in order, with the caller's token", async () => {
    const u = await registerUser(t)
    const r = await rest(
      t.url,
      '/api/bulk',
      {
        command: [
          ['/api/user', { id: u.id }],
          ['/api/user/current', {}],
          ['/api/user', { id: 987654 }],
        ],
      },
      { token: u.token },
    )
    expect(r.status).toBe(200)
    expect(r.body).toEqual([
      ['/api/user', { id: u.id }, { id: u.id, name: u.name, slug: u.name.toLowerCase() }, true],
      ['/api/user/current', {}, expect.objectContaining({ guest: false, id: u.id }), true],
      ['/api/user', { id: 987654 }, { message: expect.stringMatching(/not found/i) }, false],
    ])
  })

  it("applies each route's access rule: a guest gets false for a signed-in route", async () => {
    const r = await rest(t.url, '/api/bulk', {
      command: [
        ['/api/user/settings', {}],
        ['/api/user/current', {}],
      ],
    })
    expect(r.body[0]).toEqual(['/api/user/settings', {}, { message: 'Authentication required' }, false])
    expect(r.body[1][2]).toMatchObject({ guest: true })
  })

  it('refuses unknown, nested and upload routes per entry, and a bad command list as a whole', async () => {
    const r = await rest(t.url, '/api/bulk', {
      command: [
        ['/api/nope', {}],
        ['/api/bulk', { command: [] }],
        ['/api/smile/add', {}],
      ],
    })
    expect(r.body.map((x: unknown[]) => x[3])).toEqual([false, false, false])
    for (const bad of [
      {},
      { command: [] },
      { command: 'x' },
      { command: Array.from({ length: 21 }, () => ['/api/user/current', {}]) },
    ]) {
      const res = await rest(t.url, '/api/bulk', bad)
      expect(res.status).toBe(500)
      expect(res.body.message).toMatch(/command/)
    }
  })
})

describe('/api/bulk and the per-IP budget', () => {
  let small: TestApp
  beforeAll(async () => {
    small = await startTestApp({ RATE_LIMIT_PER_MINUTE: '6' })
  })
  afterAll(() => closeAll(small))
  it('charges one request per command', async () => {
    const five = Array.from({ length: 5 }, () => ['/api/user/current', {}])
    expect((await rest(small.url, '/api/bulk', { command: five })).status).toBe(200) // 1 + 4 extra = 5 of 6
    expect((await rest(small.url, '/api/user/current', {})).status).toBe(200) // the 6th
    const over = await rest(small.url, '/api/user/current', {})
    expect(over.status).toBe(429)
    expect(over.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})
