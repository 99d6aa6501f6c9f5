// Revocation reaches subscriptions over SSE as it reaches graphql-ws sockets: a logout, a block and a lost role end
// the user's streams (the server sends `complete` and closes the response), their listeners are released, and a
// stream opened with a token already revoked ends at once. Streams of other sessions and users stay.
import { print } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, until } from '../helpers/clients.js'
import { registerUser, userWithRoles } from '../helpers/users.js'
import { NOTIFICATIONS, envelope } from './support.js'
import { graphql } from '../generated/index.js'

const WAIT = 15_000

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

interface Stream {
  /** the next `event:` of the stream, or 'ended' when the response closed */
  next(ms?: number): Promise<{ event: string; data: string } | 'ended'>
  abort(): void
}

/** A notifications subscription over SSE with this token, once the server listens for it. */
async function openStream(token: string): Promise<Stream> {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const abort = new AbortController()
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(NOTIFICATIONS) }),
    signal: abort.signal,
  })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let ended = false
  async function next(ms = WAIT): Promise<{ event: string; data: string } | 'ended'> {
    const deadline = Date.now() + ms
    for (;;) {
      const blocks = buffer.split('\n\n')
      while (blocks.length > 1) {
        const lines = blocks.shift()!.split('\n')
        buffer = blocks.join('\n\n')
        const event = lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim()
        const data = lines
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n')
        if (event) return { event, data }
      }
      if (ended) return 'ended'
      if (Date.now() > deadline) throw new Error(`nothing on the stream within ${ms} ms`)
      const r = await Promise.race([
        reader.read(),
        new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(1, deadline - Date.now()))),
      ])
      if (r === 'timeout') continue
      if (r.done) ended = true
      else buffer += decoder.decode(r.value, { stream: true })
    }
  }
  await until(() => ps.listenerCount() > before, WAIT, 'SSE subscription live')
  return { next, abort: () => abort.abort() }
}

/** The stream gets a published notification (it is live). */
async function delivers(s: Stream, userId: number) {
  t.app.services.pubsub.publish('core.notification', userId, envelope('ping', { n: 1 }))
  const e = await s.next()
  expect(e).not.toBe('ended')
  expect(e !== 'ended' && e.event).toBe('next')
}

/** The server ended the stream: `complete`, then the response closes. */
async function ends(s: Stream) {
  const e = await s.next()
  expect(e === 'ended' ? 'ended' : e.event).toMatch(/^(complete|ended)$/)
  if (e !== 'ended') expect(await s.next()).toBe('ended')
}

const LOGOUT = graphql(`mutation LogoutSse { logout }`)
const BLOCK = graphql(`mutation BlockUserSse($u: Int!) { blockUser(userId: $u, state: true) }`)
const SET_ROLE = graphql(
  `mutation SetRoleSse($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }`,
)

describe('SSE subscriptions end when their session does', () => {
  it('a logout ends the streams of that session only; the listeners are released', async () => {
    const u = await registerUser(t)
    const other = await registerUser(t)
    const mine = await openStream(u.token)
    const theirs = await openStream(other.token)
    await delivers(mine, u.id)
    const before = t.app.services.pubsub.listenerCount()
    expect((await gql(t.url, LOGOUT, undefined, u.token)).errors).toBeUndefined()
    await ends(mine)
    await until(() => t.app.services.pubsub.listenerCount() === before - 1, WAIT, 'listener released')
    await delivers(theirs, other.id)
    theirs.abort()
  })

  it('a block ends every stream of the user', async () => {
    const blocker = await userWithRoles(t, { blocker: 1 })
    const u = await registerUser(t)
    const s = await openStream(u.token)
    await delivers(s, u.id)
    expect((await gql(t.url, BLOCK, { u: u.id }, blocker.token)).errors).toBeUndefined()
    await ends(s)
  })

  it('losing a role ends the stream (the client subscribes again with the rights left)', async () => {
    const admin = await userWithRoles(t, { roleAdmin: 1 })
    const mod = await userWithRoles(t, { moderator: 1 })
    const s = await openStream(mod.token)
    await delivers(s, mod.id)
    expect((await gql(t.url, SET_ROLE, { u: mod.id, r: 'moderator', v: false }, admin.token)).errors).toBeUndefined()
    // the role change is notified first, then the stream ends
    let e = await s.next()
    while (e !== 'ended' && e.event === 'next') e = await s.next()
    expect(e === 'ended' ? 'ended' : e.event).toMatch(/^(complete|ended)$/)
  })

  it('a stream whose session ended before it was registered ends at once', async () => {
    const u = await registerUser(t)
    // revoked in the database without an event: only the stream's own check can see it
    await t.app.services.prisma.session.updateMany({ where: { userId: u.id }, data: { revokedAt: new Date() } })
    const ps = t.app.services.pubsub
    const before = ps.listenerCount()
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${u.token}` },
      body: JSON.stringify({ query: print(NOTIFICATIONS) }),
    })
    // the revoked token reads as a guest's: refused, and the stream completes
    const text = await res.text()
    expect(text).toMatch(/UNAUTHENTICATED/)
    expect(ps.listenerCount()).toBe(before)
  })
})
