import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { ROLE_NAMES } from '../../src/auth/roles.js'
import { definePlugin } from '../../src/plugin-system/contract.js'
import { registerLiveItems } from '../../src/core/social/live.js'
import { ALL_PLUGINS } from '../../plugins/index.js'
import { bodyKeys, documentedNames, fieldOf, nest } from './rest-fields.js'

/**
 * peka2 requests as the documents (peka2-full/*.md) show them, sent over HTTP as a legacy client does: any
 * Content-Type, one error form, input errors naming body fields, /api/channel/data per id, unsized lists, the login
 * cookie, online subscriptions, the login history, bare lists inside /api/bulk.
 */

/** Streams the fixture reports live: /api/subscribe/amount counts these. */
const live = new Set<number>()
const liveFixture = definePlugin({
  name: 'live-fixture',
  start(services) {
    registerLiveItems(services, 'stream', (_ctx, ids) => Promise.resolve(ids.filter((id) => live.has(id))))
  },
})

let t: TestApp
let admin: TestUser
beforeAll(async () => {
  t = await startTestApp(
    // every shipped plugin but one that would report its own live streams; forwarded addresses for the login history
    {
      PLUGINS: [...ALL_PLUGINS.map((p) => p.name).filter((n) => n !== 'streams'), 'live-fixture'].join(','),
      TRUST_PROXY: 'true',
    },
    { available: [...ALL_PLUGINS, liveFixture] },
  )
  admin = await userWithRoles(t, Object.fromEntries(ROLE_NAMES.map((r) => [r, 1])))
})
afterAll(() => closeAll(t))

const post = (path: string, body: BodyInit | undefined, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { method: 'POST', body, headers }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as unknown,
    headers: r.headers,
  }))

describe('bodies whatever their Content-Type', () => {
  it('reads JSON sent untyped (the document shows none), as text/plain (fetch) or form-urlencoded (curl -d)', async () => {
    const u = await registerUser(t)
    const json = JSON.stringify({ name: u.name })
    const expected = { status: 200, body: { id: u.id, name: u.name, slug: u.name.toLowerCase() } }
    expect(await post('/api/user', new TextEncoder().encode(json))).toMatchObject(expected)
    expect(await post('/api/user', json)).toMatchObject(expected)
    expect(await post('/api/user', json, { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject(
      expected,
    )
    const bulk = await post('/api/bulk', JSON.stringify({ command: [['/api/user', { id: u.id }]] }))
    expect(bulk).toMatchObject({ status: 200, body: [['/api/user', { id: u.id }, expected.body, true]] })
    // what is not JSON is malformed, whatever its type says
    expect(await post('/api/user', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' })).toEqual({
      status: 500,
      body: { message: 'Malformed JSON in request body' },
      headers: expect.anything(),
    })
  })
})

describe('one error form', () => {
  it('an unknown path, or another method, is 500 {message} like every peka2 error', async () => {
    for (const r of [
      await rest(t.url, '/api/nope', {}),
      await rest(t.url, '/api', {}),
      await rest(t.url, '/api/user/nope/deeper', {}),
    ])
      expect(r).toMatchObject({ status: 500, body: { message: expect.stringContaining('Unknown endpoint') } })
    const get = await fetch(`${t.url}/api/user`)
    expect(get.status).toBe(500)
    expect(await get.json()).toEqual({ message: expect.any(String) })
  })
})

describe('input errors name the body field', () => {
  it('the documented field, not the operation’s argument or input field', async () => {
    // users(databaseIds: $ids)
    expect((await rest(t.url, '/api/user/list', { ids: ['x'] })).body).toEqual({
      message: 'ids[0]: must be an integer between -2147483648 and 2147483647',
    })
    // login(input: { login: $name … }): the service checks `login`
    expect((await rest(t.url, '/api/user/login', { name: ' ', password: 'x' })).body).toEqual({
      message: 'name: must not be empty',
    })
    // chatChannels(ids: $ids) from `channels`
    expect((await rest(t.url, '/api/channel/data', { channels: ['main', 7] })).body).toEqual({
      message: 'channels[1]: must be a string',
    })
  })

  it('every route: a wrong value in any body field it reads is refused naming a field of its body', async () => {
    const schema = t.app.yoga.getEnveloped().schema
    const wrong: string[] = []
    let checked = 0
    for (const route of t.app.rest.routes) {
      if (route.body === 'multipart' || route.body === 'json-array') continue
      const names = documentedNames(route)
      for (const path of bodyKeys(route)) {
        const body = nest(path, { not: 'a value' })
        const r =
          route.dialect === 'peka2'
            ? await rest(t.url, route.path, body, { token: admin.token })
            : await rest(t.url, route.path, { ...body, session_key: admin.token })
        const field = fieldOf(r.body)
        if (field === null) continue
        checked++
        const head = /^[^.[]*/.exec(field)![0]
        if (head !== '' && head !== 'body' && !names.has(head))
          wrong.push(`${route.path} ${JSON.stringify(body)} → ${JSON.stringify(r.body)}`)
      }
    }
    expect(schema).toBeDefined()
    expect(wrong).toEqual([])
    expect(checked).toBeGreaterThan(100)
  })
})

describe('/api/channel/data', () => {
  it('answers every documented kind of channel id, per id, in order; what does not resolve is left out', async () => {
    const [streamer, a, b] = [await registerUser(t), await registerUser(t), await registerUser(t)]
    const room = await rest(t.url, '/room/create', { session_key: streamer.token, room: { name: 'data room' } })
    const roomId = parseInt(room.body.data.room._id as string, 16)
    const ticket = await rest(t.url, '/api/support/ask', { category: 4, question: 'where?' }, { token: a.token })
    const [lo, hi] = [Math.min(a.id, b.id), Math.max(a.id, b.id)]
    const owner = { id: streamer.id, name: streamer.name, slug: streamer.name.toLowerCase() }
    const ids = [
      'main',
      'all',
      'system',
      `stream/${streamer.id}`,
      `room/${roomId}`,
      `twitch.tv/${streamer.id}`,
      `goodgame.ru/${streamer.id}`,
      `support/${ticket.body.id}`,
      `private/${lo}/${hi}`,
      // left out: malformed, of no kind, not existing, not the caller's to read
      'stream/abc',
      'nope/1',
      'stream/99999999',
      'admin',
    ]
    const r = await rest(t.url, '/api/channel/data', { channels: ids }, { token: a.token })
    expect(r.status).toBe(200)
    expect(r.body.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 9))
    for (const c of r.body) expect(c).toEqual({ id: expect.any(String), name: expect.any(String), user: c.user })
    const byId = new Map<string, { name: string; user: unknown }>(
      r.body.map((c: { id: string; name: string; user: unknown }) => [c.id, c]),
    )
    for (const kind of ['stream', 'twitch.tv', 'goodgame.ru'])
      expect(byId.get(`${kind}/${streamer.id}`)).toMatchObject({ name: streamer.name, user: owner })
    expect(byId.get(`room/${roomId}`)).toMatchObject({ name: 'data room' })
    expect(byId.get('main')).toEqual({ id: 'main', name: 'Main', user: null })
    // a moderator reads `admin`; a guest not the private and support channels
    const mod = await userWithRoles(t, { moderator: 1 })
    expect((await rest(t.url, '/api/channel/data', { channels: ['admin'] }, { token: mod.token })).body).toEqual([
      { id: 'admin', name: 'Admin', user: null },
    ])
    const guest = await rest(t.url, '/api/channel/data', { channels: ids })
    expect(guest.body.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 7))
  })

  it('takes a list of any length (paged inside), and an empty one is still an error', async () => {
    const many = Array.from({ length: 250 }, (_, i) => (i % 2 ? 'main' : 'nope'))
    const r = await rest(t.url, '/api/channel/data', { channels: many })
    expect(r.status).toBe(200)
    expect(r.body).toHaveLength(125)
    expect(await rest(t.url, '/api/channel/data', { channels: [] })).toMatchObject({ status: 500 })
  })
})

describe('/api/user/list', () => {
  it('takes more ids than one GraphQL page (250), alone and inside /api/bulk', async () => {
    const users = [await registerUser(t), await registerUser(t), await registerUser(t)]
    const ids = [...Array.from({ length: 247 }, (_, i) => 90_000_000 + i), ...users.map((u) => u.id)]
    const expected = users.map((u) => ({ id: u.id, name: u.name, slug: u.name.toLowerCase() }))
    const r = await rest(t.url, '/api/user/list', { ids })
    expect(r).toMatchObject({ status: 200, body: expected })
    const bulk = await rest(t.url, '/api/bulk', { command: [['/api/user/list', { ids }]] })
    expect(bulk.body).toEqual([['/api/user/list', { ids }, expected, true]])
  })
})

describe('the login cookie', () => {
  const cookieOf = (h: Headers) => h.get('set-cookie') ?? ''

  it('/api/user/login and /login/bytoken set it (http-only, Secure, SameSite); /api/user/logout clears it', async () => {
    const u = await registerUser(t)
    const login = await rest(t.url, '/api/user/login', { name: u.name, password: u.password, recaptchaResponse: '' })
    expect(login.status).toBe(200)
    const token = login.body.token as string
    const set = cookieOf(login.headers)
    expect(set).toBe(`token=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${30 * 86_400}`)
    const byToken = await rest(t.url, '/api/user/login/bytoken', { token })
    expect(byToken).toMatchObject({ status: 200, body: { guest: false, id: u.id } })
    expect(cookieOf(byToken.headers)).toBe(set)
    // a wrong token sets nothing
    const wrong = await rest(t.url, '/api/user/login/bytoken', { token: 'nope' })
    expect(wrong.status).toBe(500)
    expect(wrong.headers.get('set-cookie')).toBeNull()
    // the cookie is for the site's pages: a request is signed in by its Token header only
    const byCookie = await rest(t.url, '/api/user/current', {}, { headers: { cookie: `token=${token}` } })
    expect(byCookie.body).toMatchObject({ guest: true })
    const logout = await rest(t.url, '/api/user/logout', {}, { token })
    expect(logout).toMatchObject({ status: 200, body: [] })
    expect(cookieOf(logout.headers)).toBe('token=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0')
    // a login inside /api/bulk sets it too
    const bulk = await rest(t.url, '/api/bulk', {
      command: [['/api/user/login', { name: u.name, password: u.password }]],
    })
    expect(cookieOf(bulk.headers)).toBe(
      `token=${bulk.body[0][2].token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${30 * 86_400}`,
    )
  })
})

describe('/api/subscribe/amount', () => {
  it('counts the followed streams that are online', async () => {
    const fan = await registerUser(t)
    const streamers = [await registerUser(t), await registerUser(t), await registerUser(t)]
    for (const s of streamers)
      await rest(t.url, '/api/subscribe/add', { content: 'stream', id: s.id }, { token: fan.token })
    const amount = async () =>
      (await rest(t.url, '/api/subscribe/amount', { content: 'stream' }, { token: fan.token })).body
    expect(await amount()).toEqual({ amount: 0 })
    live.add(streamers[0].id)
    live.add(streamers[2].id)
    expect(await amount()).toEqual({ amount: 2 })
    await rest(t.url, '/api/subscribe/remove', { content: 'stream', id: streamers[2].id }, { token: fan.token })
    expect(await amount()).toEqual({ amount: 1 })
  })
})

interface Login {
  ip: string
  accessTime: number
  firstAccessTime: number
  lastAccessTime: number
}

describe('/api/security/user', () => {
  it('the last 10 logins, newest first, each with the first and last login from its address', async () => {
    const u = await registerUser(t)
    const ips = Array.from({ length: 12 }, (_, i) => ['192.0.2.1', '192.0.2.2', '198.51.100.7'][i % 3])
    for (const ip of ips) {
      const r = await rest(
        t.url,
        '/api/user/login',
        { name: u.name, password: u.password },
        { headers: { 'x-forwarded-for': ip, 'user-agent': `agent/${ip}` } },
      )
      expect(r.status).toBe(200)
    }
    const r = await rest(t.url, '/api/security/user', {}, { token: u.token })
    expect(r.status).toBe(200)
    expect(r.body).toHaveLength(10)
    expect(r.body.map((l: { ip: string }) => l.ip)).toEqual(ips.slice(-10).reverse())
    for (const l of r.body as Login[]) {
      expect(l).toEqual({
        ip: expect.any(String),
        accessTime: expect.any(Number),
        firstAccessTime: expect.any(Number),
        lastAccessTime: expect.any(Number),
        userAgent: `agent/${l.ip}`,
      })
      // per address: the same first and last; this login between them (a second apart at most: two clocks)
      const same = (r.body as Login[]).filter((o) => o.ip === l.ip)
      for (const o of same) expect([o.firstAccessTime, o.lastAccessTime]).toEqual([l.firstAccessTime, l.lastAccessTime])
      expect(l.firstAccessTime).toBeLessThanOrEqual(l.accessTime + 1)
      expect(l.accessTime).toBeLessThanOrEqual(l.lastAccessTime + 1)
    }
    const times = r.body.map((l: { accessTime: number }) => l.accessTime)
    expect(times).toEqual([...times].sort((x: number, y: number) => y - x))
  })
})

describe('/api/bulk', () => {
  it('runs a route whose body is a bare list, as it runs alone', async () => {
    const alone = await rest(t.url, '/api/smile/remove', [99_999_998], { token: admin.token })
    const bulk = await rest(
      t.url,
      '/api/bulk',
      {
        command: [
          ['/api/smile/remove', [99_999_998]],
          ['/api/smile/remove', { ids: [1] }],
        ],
      },
      { token: admin.token },
    )
    expect(bulk.status).toBe(200)
    expect(bulk.body[0]).toEqual([
      '/api/smile/remove',
      [99_999_998],
      alone.status === 200 ? alone.body : { message: alone.body.message },
      alone.status === 200,
    ])
    expect(bulk.body[1]).toEqual([
      '/api/smile/remove',
      { ids: [1] },
      { message: 'Request body must be a JSON array' },
      false,
    ])
  })
})
