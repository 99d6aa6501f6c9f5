/**
 * The messenger's socket.io events (messenger-api.md "WebSocket события") with socket.io-client 4 at its default
 * path: `authenticate` with the session token login gives, rooms `g:<guild>:c:<channel>`. alice owns a guild with a
 * channel, bob joins it by invite, carol is a stranger.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw } from '../helpers/clients.js'
import { legacyClient, type LegacyClient } from '../helpers/legacy-sockets.js'
import { Browser } from '../messenger/browser.js'

let t: TestApp
let alice: Browser
let bob: Browser
let carol: Browser
let guild: number
let channel: number
let room: string
const clients: LegacyClient[] = []

const tokenOf = (b: Browser) => decodeURIComponent(b.cookies.get('session') ?? '')
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
const MESSAGE = {
  id: expect.any(Number),
  content: expect.any(String),
  username: expect.any(String),
  timestamp: ISO,
  pinned: expect.any(Boolean),
  files: [],
}

beforeAll(async () => {
  t = await startTestApp()
  ;[alice, bob, carol] = [new Browser(t.url), new Browser(t.url), new Browser(t.url)]
  const tag = randomBytes(3).toString('hex')
  await alice.signUp(`alice_${tag}`)
  await bob.signUp(`bob_${tag}`)
  await carol.signUp(`carol_${tag}`)
  guild = (await alice.post('/api/guilds', { name: 'Sockets' })).body.id
  channel = (await alice.post(`/api/guilds/${guild}/channels`, { name: 'general' })).body.id
  room = `g:${guild}:c:${channel}`
  // a private guild: only its members read it
  const closed = await gqlRaw(
    t.url,
    'mutation($id: Int!) { updateRoom(roomId: $id, input: { mode: PRIVATE }) { databaseId } }',
    { id: guild },
    tokenOf(alice),
  )
  expect(closed.errors).toBeUndefined()
  const code = (await alice.post(`/api/guilds/${guild}/invites`, {})).body.code
  expect((await bob.post(`/api/invites/${code}/join`)).status).toBe(200)
})
afterAll(async () => {
  for (const c of clients) c.close()
  await closeAll(t)
})

async function connect(as?: Browser) {
  const c = await legacyClient(t.url, 4, { path: '/socket.io/' })
  clients.push(c)
  if (as) expect(await c.ask('authenticate', { token: tokenOf(as) })).toMatchObject({ ok: true })
  return c
}

/** alice and bob both in the room (bob's history read) */
async function pair() {
  const [a, b] = [await connect(alice), await connect(bob)]
  for (const c of [a, b]) {
    expect(await c.ask('join_room', { room })).toEqual({ ok: true, room })
    await c.next('messages_history')
  }
  return { a, b }
}

describe('messenger socket (socket.io-client 4)', () => {
  it('refuses events before authenticate, and a bad token, in the REST error form', async () => {
    const c = await connect()
    expect(await c.ask('join_room', { room })).toEqual({
      error: expect.any(String),
      code: 'UNAUTHENTICATED',
      details: {},
    })
    // without a callback the refusal is an `error` event
    c.socket.emit('send_message', { room, content: 'hi' })
    expect(await c.next('error')).toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(await c.ask('authenticate', { token: 'nope' })).toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(await c.ask('authenticate', { token: tokenOf(bob) })).toMatchObject({
      ok: true,
      user: { username: expect.stringMatching(/^bob_/) },
    })
  })

  it('join_room answers with the latest history, oldest first; a malformed room or a foreign channel is refused', async () => {
    for (const content of ['first', 'second'])
      expect((await alice.post(`/api/channels/${channel}/messages`, { content })).status).toBe(201)
    const b = await connect(bob)
    expect(await b.ask('join_room', { room: 'general' })).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'room' },
    })
    expect(await b.ask('join_room', { room: `g:${guild + 1000}:c:${channel}` })).toMatchObject({
      code: 'CHANNEL_NOT_FOUND',
      details: { field: 'room' },
    })
    await b.ask('join_room', { room })
    const history = await b.next('messages_history')
    expect(history.map((m: { content: string }) => m.content).slice(-2)).toEqual(['first', 'second'])
    for (const m of history) expect(m).toEqual(MESSAGE)
  })

  it('a stranger cannot join a channel of a private guild they are not in', async () => {
    const c = await connect(carol)
    expect(await c.ask('join_room', { room })).toMatchObject({ code: 'CHANNEL_NOT_FOUND', details: { field: 'room' } })
    expect(await c.ask('send_message', { room, content: 'let me in' })).toMatchObject({ code: 'CHANNEL_NOT_FOUND' })
  })

  it('send_message reaches both (the sender too); REST edits and deletes arrive as message_edited, message_deleted', async () => {
    const { a, b } = await pair()
    const sent = await b.ask('send_message', { room, content: 'Hello!' })
    expect(sent).toEqual({ ...MESSAGE, content: 'Hello!', username: expect.stringMatching(/^bob_/) })
    expect(await a.next('new_message')).toEqual(sent)
    expect(await b.next('new_message')).toEqual(sent)
    expect(await b.ask('send_message', { room, content: 5 })).toMatchObject({ details: { field: 'content' } })

    const mine = (await alice.post(`/api/channels/${channel}/messages`, { content: 'typo' })).body.id
    expect((await b.next('new_message')).id).toBe(mine)
    expect((await alice.put(`/api/messages/${mine}`, { content: 'fixed' })).status).toBe(200)
    expect(await b.next('message_edited')).toEqual({ id: mine, content: 'fixed', edited_at: ISO })
    expect((await alice.delete(`/api/messages/${mine}`)).status).toBe(200)
    expect(await b.next('message_deleted')).toEqual({ id: mine })
  })

  it('typing and stop_typing reach the others as user_typing, user_stopped_typing', async () => {
    const { a, b } = await pair()
    expect(await a.ask('typing', { room })).toEqual({ ok: true })
    const username = expect.stringMatching(/^alice_/)
    expect(await b.next('user_typing')).toEqual({ username, room })
    await a.ask('stop_typing', { room })
    expect(await b.next('user_stopped_typing')).toEqual({ username, room })
    expect(await a.nothingWithin('user_typing', 100)).toBe(true)
  })

  it('reactions and pins are announced to the room', async () => {
    const { a, b } = await pair()
    const id = (await a.ask('send_message', { room, content: 'react to me' })).id
    await b.next('new_message')
    expect(await b.ask('add_reaction', { room, message_id: id, emoji: '👍' })).toMatchObject({ message_id: id })
    const bobName = expect.stringMatching(/^bob_/)
    expect(await a.next('reaction_added')).toEqual({ message_id: id, emoji: '👍', username: bobName })
    await b.ask('remove_reaction', { room, message_id: id, emoji: '👍' })
    expect(await a.next('reaction_removed')).toEqual({ message_id: id, emoji: '👍', username: bobName })
    expect(await b.ask('add_reaction', { room, message_id: 'x', emoji: '👍' })).toMatchObject({
      details: { field: 'message_id' },
    })

    expect(await a.ask('pin_message', { room, message_id: id })).toEqual({ message_id: id, room })
    expect(await b.next('message_pinned')).toEqual({ message_id: id, room })
    await a.ask('unpin_message', { room, message_id: id })
    expect(await b.next('message_unpinned')).toEqual({ message_id: id, room })
  })

  it('leave_room stops the room events', async () => {
    const { a, b } = await pair()
    expect(await b.ask('leave_room', { room })).toEqual({ ok: true, room })
    await a.ask('send_message', { room, content: 'after bob left' })
    await a.next('new_message')
    expect(await b.nothingWithin('new_message', 200)).toBe(true)
  })
})
