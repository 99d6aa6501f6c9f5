/**
 * The messenger's friends (messenger-api.md "Система друзей"), users and polls over HTTP as a browser page sends
 * them: friends by username, the status lists, refusals in the documented error form.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { Browser } from './browser.js'

let t: TestApp
let alice: Browser
let bob: Browser
let carol: Browser
const tag = randomBytes(3).toString('hex')
const [A, B, C] = ['alice', 'bob', 'carol'].map((n) => `${n}_${tag}`)
beforeAll(async () => {
  t = await startTestApp()
  alice = new Browser(t.url)
  bob = new Browser(t.url)
  carol = new Browser(t.url)
  await alice.signUp(A)
  await bob.signUp(B)
  await carol.signUp(C)
})
afterAll(() => closeAll(t))

describe('messenger friends', () => {
  it('requests, accepts, declines, removes by username', async () => {
    const sent = await alice.post('/api/friends/request', { to: B })
    expect(sent.status).toBe(200)
    expect(sent.body).toEqual({ message: 'Friend request sent' })
    expect((await carol.post('/api/friends/request', { to: B })).status).toBe(200)
    expect((await bob.get('/api/friends/status')).body).toEqual({
      friends: [],
      pending_in: expect.arrayContaining([A, C]),
      pending_out: [],
    })
    expect((await alice.get('/api/friends/status')).body).toEqual({ friends: [], pending_in: [], pending_out: [B] })

    expect((await bob.post('/api/friends/accept', { from: A })).status).toBe(200)
    expect((await bob.post('/api/friends/decline', { from: C })).status).toBe(200)
    expect((await bob.get('/api/friends/status')).body).toEqual({ friends: [A], pending_in: [], pending_out: [] })

    expect((await alice.post('/api/friends/remove', { username: B })).status).toBe(200)
    expect((await alice.get('/api/friends/status')).body.friends).toEqual([])
  })

  it('refuses unknown names and missing fields in the error form', async () => {
    const unknown = await alice.post('/api/friends/request', { to: `nobody_${tag}` })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ code: 'USER_NOT_FOUND', error: expect.any(String) })
    const missing = await alice.post('/api/friends/request', {})
    expect(missing.status).toBe(400)
    expect(missing.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'to' } })
    expect((await new Browser(t.url).get('/api/friends/status')).status).toBe(401)
  })
})
