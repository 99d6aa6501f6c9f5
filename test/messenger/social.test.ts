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

describe('messenger polls', () => {
  it('creates a poll on a message, votes, reads it back', async () => {
    const guild = (await alice.post('/api/guilds', { name: 'Polls' })).body.id
    const channel = (await alice.post(`/api/guilds/${guild}/channels`, { name: 'votes' })).body.id
    const message = (await alice.post(`/api/channels/${channel}/messages`, { content: 'Vote!' })).body.id
    const made = await alice.post(`/api/messages/${message}/poll`, {
      question: 'What is your favorite color?',
      options: ['Red', 'Blue', 'Green'],
      allow_multiple: false,
      expires_hours: 24,
    })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      id: expect.any(String),
      question: 'What is your favorite color?',
      allow_multiple: false,
      options: [
        { id: expect.any(String), text: 'Red', votes: 0 },
        { id: expect.any(String), text: 'Blue', votes: 0 },
        { id: expect.any(String), text: 'Green', votes: 0 },
      ],
    })
    expect(new Date(made.body.expires_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000)
    const red = made.body.options[0].id

    const voted = await bob.post(`/api/polls/${made.body.id}/vote`, { option_id: red })
    expect(voted.status).toBe(200)
    expect(voted.body.options[0]).toEqual({ id: red, text: 'Red', votes: 1 })
    const read = await bob.get(`/api/messages/${message}/poll`)
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ id: made.body.id, user_votes: [red] })
    expect((await alice.get(`/api/messages/${message}/poll`)).body.user_votes).toEqual([])

    const few = await alice.post(`/api/messages/${message}/poll`, { question: 'Only one?', options: ['A'] })
    expect(few.status).toBe(400)
    const none = await alice.get('/api/messages/999999/poll')
    expect(none.status).toBe(404)
    expect(['POLL_NOT_FOUND', 'MESSAGE_NOT_FOUND']).toContain(none.body.code)
    expect((await bob.post('/api/polls/999999/vote', { option_id: '1' })).body.code).toBe('POLL_NOT_FOUND')
  })
})

describe('messenger users', () => {
  it('lists and searches users, revealing name, avatar and status only', async () => {
    const list = await alice.get(`/api/users?limit=100`)
    expect(list.status).toBe(200)
    const bobs = list.body.find((u: { username: string }) => u.username === B)
    expect(bobs).toEqual({ id: expect.any(Number), username: B, avatar: null, status: 'online' })
    const found = await alice.get(`/api/search/users?q=${encodeURIComponent(`ob_${tag}`)}`)
    expect(found.status).toBe(200)
    expect(found.body).toEqual({ results: [{ username: B, avatar: null }], count: 1 })
    const short = await alice.get('/api/search/users?q=a')
    expect(short.status).toBe(400)
    expect(short.body.details).toEqual({ field: 'q' })
    expect((await alice.get('/api/users?limit=101')).body.details).toEqual({ field: 'limit' })
    expect((await new Browser(t.url).get('/api/users')).status).toBe(401)
  })
})
