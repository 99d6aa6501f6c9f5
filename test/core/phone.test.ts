import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest, until } from '../helpers/clients.js'
import { startInbox, type Inbox } from '../helpers/users.js'

let t: TestApp
let inbox: Inbox
beforeAll(async () => {
  inbox = await startInbox()
  t = await startTestApp({ NOTIFY_WEBHOOK_URL: inbox.url })
})
afterAll(async () => {
  await closeAll(t, inbox)
})

/** A fresh Russian mobile number, as JustChat clients send it: "+79…" (11 digits). */
const newPhone = () => `+79${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`
const digits = (phone: string) => phone.replace(/^\+/, '')
/** a JustChat id (24 hex digits) → the database id */
const dbId = (id: string) => parseInt(id, 16)

/**
 * The SMS sent to `phone` since `since` messages were in the inbox (the gateway call completes before the REST answer,
 * so it is normally there already). Reads inbox.messages directly: messages to several phones may arrive in any order.
 */
async function smsTo(phone: string, since: number) {
  const to = `+${digits(phone)}`
  const find = () => inbox.messages.slice(since).filter((m) => m.to === to)
  await until(() => find().length > 0, 5000, `an SMS to ${to}`)
  const all = find()
  expect(all).toHaveLength(1)
  const m = all[0]
  expect(m.channel).toBe('sms')
  expect(m.code).toMatch(/^\d{6}$/)
  expect(m.text).toContain(m.code)
  return m
}

/** /init/reg and the code it sent. */
async function reg(phone: string, extra: Record<string, unknown> = {}) {
  const since = inbox.messages.length
  const r = await rest(t.url, '/init/reg', { phone, ...extra })
  expect([200, 201]).toContain(r.status)
  expect(r.body).toEqual({})
  return { status: r.status, code: (await smsTo(phone, since)).code! }
}

/** /init/reg + /init/auth: a signed-in JustChat user. */
async function signIn(phone = newPhone(), extra: Record<string, unknown> = {}) {
  const { code } = await reg(phone, extra)
  const r = await rest(t.url, '/init/auth', { phone, key: code })
  expect(r.status).toBe(200)
  return { phone, session: r.body.data.session_key as string, user: r.body.data.user }
}

const expectJcError = (r: { status: number; body: any }, status: number) => {
  expect(r.status).toBe(status)
  expect(r.body).toEqual({ error: expect.any(String) })
  expect(r.body.error.length).toBeGreaterThan(0)
}

describe('/init/reg', () => {
  it('creates the account (201 {}) and sends a code by SMS', async () => {
    const phone = newPhone()
    const since = inbox.messages.length
    const r = await rest(t.url, '/init/reg', { phone })
    expect(r.status).toBe(201)
    expect(r.body).toEqual({})
    const sms = await smsTo(phone, since)
    expect(sms.purpose).toBe('signup')
  })

  it('registering again answers 200 {} with a new code, and the old code stops working', async () => {
    const phone = newPhone()
    const first = await reg(phone)
    expect(first.status).toBe(201)
    // without the "+" it is the same number
    const second = await reg(digits(phone))
    expect(second.status).toBe(200)
    expect(second.code).not.toBe(first.code)
    const old = await rest(t.url, '/init/auth', { phone, key: first.code })
    expectJcError(old, 401)
    const ok = await rest(t.url, '/init/auth', { phone, key: second.code })
    expect(ok.status).toBe(200)
    expect(ok.body.data.session_key).toEqual(expect.any(String))
  })

  it('refuses an invalid or missing phone with 400 {error} and sends nothing', async () => {
    const since = inbox.messages.length
    for (const phone of ['abc', '12345', '', '+'.padEnd(20, '1')]) {
      expectJcError(await rest(t.url, '/init/reg', { phone }), 400)
    }
    expectJcError(await rest(t.url, '/init/reg', {}), 400)
    expect(inbox.messages.length).toBe(since)
  })

  it('accepts a numeric phone and other model fields at sign-up', async () => {
    const phone = newPhone()
    const since = inbox.messages.length
    const r = await rest(t.url, '/init/reg', { phone: Number(digits(phone)), nickname: 'early-bird', location: 'Perm' })
    expect(r.status).toBe(201)
    const { code } = await smsTo(phone, since)
    const a = await rest(t.url, '/init/auth', { phone, key: code })
    expect(a.status).toBe(200)
    expect(a.body.data.user).toMatchObject({ nickname: 'early-bird', location: 'Perm' })
  })
})

describe('/init/auth', () => {
  it('answers {data:{session_key, user:{_id, phone, create_at}}} for the SMS code', async () => {
    const phone = newPhone()
    const { code } = await reg(phone)
    const before = Date.now()
    const r = await rest(t.url, '/init/auth', { phone, key: code })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      data: {
        session_key: expect.any(String),
        user: expect.objectContaining({
          _id: expect.stringMatching(/^[0-9a-f]{24}$/),
          __v: '0',
          phone: digits(phone),
          create_at: expect.any(String),
        }),
      },
    })
    expect(r.body.data.session_key.length).toBeGreaterThanOrEqual(20)
    const created = Date.parse(r.body.data.user.create_at)
    expect(r.body.data.user.create_at).toBe(new Date(created).toISOString())
    expect(Math.abs(created - before)).toBeLessThan(60_000)
    // the key is the account's password until the next /init/reg: it signs in again
    const again = await rest(t.url, '/init/auth', { phone, key: code })
    expect(again.status).toBe(200)
    expect(again.body.data.session_key).not.toBe(r.body.data.session_key)
  })

  it('accepts the code as a number, as the spec shows it (key: 1234)', async () => {
    // Codes must survive a client that sends them as numbers: a code with a leading zero would not.
    for (let i = 0; i < 30; i++) {
      const phone = newPhone()
      const { code } = await reg(phone)
      const r = await rest(t.url, '/init/auth', { phone: Number(digits(phone)), key: Number(code) })
      expect(r.status, `code ${code}`).toBe(200)
    }
  })

  it('wrong key → 401 {error}; unknown phone → 401; invalid phone → 400', async () => {
    const phone = newPhone()
    const { code } = await reg(phone)
    const wrong = code === '999999' ? '111111' : '999999'
    expectJcError(await rest(t.url, '/init/auth', { phone, key: wrong }), 401)
    expectJcError(await rest(t.url, '/init/auth', { phone: newPhone(), key: code }), 401)
    expectJcError(await rest(t.url, '/init/auth', { phone: 'not-a-phone', key: code }), 400)
    // the wrong tries above did not burn the code
    expect((await rest(t.url, '/init/auth', { phone, key: code })).status).toBe(200)
  })

  it('wrong keys are throttled as wrong passwords: past LOGIN_ATTEMPTS_PER_15MIN even the right key waits (429)', async () => {
    const phone = newPhone()
    const { code } = await reg(phone)
    const wrong = code === '100001' ? '100002' : '100001'
    // a right key gives the tries back
    for (let i = 0; i < 9; i++) expectJcError(await rest(t.url, '/init/auth', { phone, key: wrong }), 401)
    expect((await rest(t.url, '/init/auth', { phone, key: code })).status).toBe(200)
    for (let i = 0; i < 10; i++) expectJcError(await rest(t.url, '/init/auth', { phone, key: wrong }), 401)
    const refused = await rest(t.url, '/init/auth', { phone, key: code })
    expectJcError(refused, 429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('an expired code fails', async () => {
    const phone = newPhone()
    const { code } = await reg(phone)
    // test setup: age the code past its lifetime
    const n = await t.app.services.prisma.oneTimeCode.updateMany({
      where: { target: phone, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    expect(n.count).toBe(1)
    expectJcError(await rest(t.url, '/init/auth', { phone, key: code }), 401)
  })
})

describe('/init/edit', () => {
  it('sets the model fields from session_key in the body and drops unknown ones', async () => {
    const me = await signIn()
    const r = await rest(t.url, '/init/edit', {
      session_key: me.session,
      user: { nickname: 'shuvalov-anton', location: 'Perm', dob: '1990-02-08', gender: 0, unknownField: 1 },
    })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ data: { user: expect.any(Object) } })
    const u = r.body.data.user
    expect(u).toMatchObject({
      _id: me.user._id,
      phone: digits(me.phone),
      nickname: 'shuvalov-anton',
      location: 'Perm',
      gender: 0,
      create_at: me.user.create_at,
    })
    // a Date in JustChat's model: an ISO string, as every date
    expect(u.dob).toBe('1990-02-08T00:00:00.000Z')
    expect(u).not.toHaveProperty('unknownField')
    // persisted: a later edit of one field keeps the others
    const again = await rest(t.url, '/init/edit', { session_key: me.session, user: { gender: 1 } })
    expect(again.status).toBe(200)
    expect(again.body.data.user).toMatchObject({ nickname: 'shuvalov-anton', location: 'Perm', gender: 1 })
    const row = await t.app.services.prisma.user.findUniqueOrThrow({ where: { id: dbId(me.user._id) } })
    expect(row.dob?.toISOString().slice(0, 10)).toBe('1990-02-08')
  })

  it('bad dob or gender → 400 {error}, nothing written', async () => {
    const me = await signIn()
    await rest(t.url, '/init/edit', { session_key: me.session, user: { nickname: 'kept' } })
    const bad = [
      { dob: 'yesterday' },
      { dob: '2999-01-01' },
      { gender: 2 },
      { gender: 'male' },
      { nickname: 'x'.repeat(33) },
      { nickname: 'changed', gender: 5 },
    ]
    for (const user of bad) expectJcError(await rest(t.url, '/init/edit', { session_key: me.session, user }), 400)
    const row = await t.app.services.prisma.user.findUniqueOrThrow({ where: { id: dbId(me.user._id) } })
    expect(row).toMatchObject({ nickname: 'kept', gender: null, dob: null })
  })

  it('no or unknown session → 440', async () => {
    expectJcError(await rest(t.url, '/init/edit', { user: { nickname: 'x' } }), 440)
    expectJcError(await rest(t.url, '/init/edit', { session_key: 'nope', user: { nickname: 'x' } }), 440)
  })
})

describe('/init/getUser', () => {
  it('answers {data:{user}} for another user by _id', async () => {
    const me = await signIn()
    const other = await signIn(newPhone(), { nickname: 'root' })
    const r = await rest(t.url, '/init/getUser', { session_key: me.session, user_id: other.user._id })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      data: {
        user: expect.objectContaining({ _id: other.user._id, nickname: 'root', create_at: other.user.create_at }),
      },
    })
    // the integer id of earlier answers is accepted too
    const n = await rest(t.url, '/init/getUser', { session_key: me.session, user_id: dbId(other.user._id) })
    expect(n.body.data.user._id).toBe(other.user._id)
  })

  it('unknown id → 404; no session → 440', async () => {
    const me = await signIn()
    expectJcError(await rest(t.url, '/init/getUser', { session_key: me.session, user_id: '999999' }), 404)
    expectJcError(
      await rest(t.url, '/init/getUser', { session_key: me.session, user_id: '52efb7baf009c900003731c7' }),
      404,
    )
    expectJcError(await rest(t.url, '/init/getUser', { user_id: me.user._id }), 440)
  })
})

describe('/init/exit', () => {
  it('answers 200 {} and the session_key then gets 440', async () => {
    const me = await signIn()
    expect((await rest(t.url, '/init/getUser', { session_key: me.session, user_id: me.user._id })).status).toBe(200)
    const r = await rest(t.url, '/init/exit', { session_key: me.session })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({})
    expectJcError(await rest(t.url, '/init/getUser', { session_key: me.session, user_id: me.user._id }), 440)
    expectJcError(await rest(t.url, '/init/edit', { session_key: me.session, user: { nickname: 'x' } }), 440)
    expectJcError(await rest(t.url, '/init/exit', { session_key: me.session }), 440)
  })

  it('ends only that session', async () => {
    const phone = newPhone()
    const a = await signIn(phone)
    const b = await signIn(phone)
    expect(b.user._id).toBe(a.user._id)
    expect((await rest(t.url, '/init/exit', { session_key: a.session })).status).toBe(200)
    expect((await rest(t.url, '/init/getUser', { session_key: b.session, user_id: b.user._id })).status).toBe(200)
  })
})

describe('/init/invite', () => {
  it('sends each invited phone (with or without +, string or number) a code that /init/auth accepts', async () => {
    const me = await signIn()
    const p1 = newPhone()
    const p2 = `89${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`
    const since = inbox.messages.length
    const r = await rest(t.url, '/init/invite', { session_key: me.session, phons: [p1, Number(p2)] })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({})
    const s1 = await smsTo(p1, since)
    const s2 = await smsTo(p2, since)
    expect(s1.purpose).toBe('invite')
    expect(s2.purpose).toBe('invite')
    const a1 = await rest(t.url, '/init/auth', { phone: p1, key: s1.code })
    expect(a1.status).toBe(200)
    expect(a1.body.data.user.phone).toBe(digits(p1))
    const a2 = await rest(t.url, '/init/auth', { phone: p2, key: s2.code })
    expect(a2.status).toBe(200)
    expect(a2.body.data.user.phone).toBe(p2)
    expect(a2.body.data.user._id).not.toBe(a1.body.data.user._id)
  })

  it('needs a session (440) and valid phones (400, nobody is messaged)', async () => {
    const me = await signIn()
    const since = inbox.messages.length
    expectJcError(await rest(t.url, '/init/invite', { phons: [newPhone()] }), 440)
    expectJcError(await rest(t.url, '/init/invite', { session_key: me.session, phons: [newPhone(), 'bogus'] }), 400)
    expect(inbox.messages.length).toBe(since)
  })
})
