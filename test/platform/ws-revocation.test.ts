// Revocation reaches open graphql-ws sockets: logout, a block, a password reset, a lost role and an expired session
// close the sockets that speak for that session (4401) or user (4403) within a second, their subscriptions end on the
// server, and nothing more is delivered — on every instance when Redis is on.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from 'graphql-ws'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { disposeAll, gql, subscribe, until, wsClient, type SubEvent, type WsSubscription } from '../helpers/clients.js'
import { registerUser, startInbox, userWithRoles, type Inbox, type TestUser } from '../helpers/users.js'
import { EVENTS, send } from '../chat/support.js'
import { NOTIFICATIONS, envelope } from './support.js'
import { graphql } from '../generated/index.js'
import type { ChatEventsSubscription, NotificationsSubscription } from '../generated/graphql.js'

/** Generous for set-up on a loaded 2-core machine; the revocation itself must take under a second. */
const WAIT = 15_000
const WITHIN = 1_000

const LOGIN = graphql(
  `mutation LoginWsRevocation($l: String!, $p: String!) { login(input: { login: $l, password: $p }) { token } }`,
)
const privateOf = (a: number, b: number) => `private/${Math.min(a, b)}/${Math.max(a, b)}`

/** What a socket here subscribes to: notifications or a chat channel. */
type Sub = WsSubscription<SubEvent<Partial<NotificationsSubscription & ChatEventsSubscription>>>
interface Op {
  start(client: Client): Sub
  /** server-side pub/sub listeners it holds once live */
  listeners: number
}
const notifications: Op = { start: (client) => subscribe(client, NOTIFICATIONS), listeners: 1 }
/** a logged-in chat subscription listens to the channel and to the viewer's ignore list */
const chat = (channel: string, loggedIn = true): Op => ({
  start: (client) => subscribe(client, EVENTS, { c: channel }),
  listeners: loggedIn ? 2 : 1,
})

interface LiveSocket {
  client: Client
  subs: Sub[]
  /** the socket's close code and when it came */
  closed: Promise<{ code: number; at: number }>
  /** server-side listeners before this socket's subscriptions */
  before: number
}

const clients: Client[] = []

/** A graphql-ws client (the library browsers use) with live subscriptions, resolved once the server listens. */
async function openSocket(t: TestApp, token: string | undefined, ops: Op[]): Promise<LiveSocket> {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const client = wsClient(t.url, token)
  clients.push(client)
  const closed = new Promise<{ code: number; at: number }>((resolve) =>
    client.on('closed', (e) => resolve({ code: (e as { code: number }).code, at: Date.now() })),
  )
  const subs = ops.map((op) => op.start(client))
  const total = ops.reduce((n, op) => n + op.listeners, 0)
  await until(() => ps.listenerCount() >= before + total, WAIT, 'subscriptions live')
  await ps.ready()
  return { client, subs, closed, before }
}

/** How a subscription ended: the first error or completion after the events delivered before it. */
async function endOf(sub: Sub) {
  for (;;) {
    const e = await sub.next(WAIT)
    if (e.error || e.complete) return e
  }
}

/** The socket closed with `code` less than a second after `since`, and every subscription on it ended with that. */
async function expectClosed(s: LiveSocket, code: number, since: number) {
  const { code: got, at } = await s.closed
  expect(got).toBe(code)
  expect(at - since).toBeLessThan(WITHIN)
  for (const sub of s.subs) expect((await endOf(sub)).error?.code).toBe(code)
}

/** The server let go of the socket's subscriptions (their pub/sub listeners) within the second. */
const released = (t: TestApp, level: number) =>
  until(() => t.app.services.pubsub.listenerCount() === level, WITHIN, 'subscriptions completed on the server')

/** A notification to the user reaches this subscription. */
async function notified(t: TestApp, userId: number, sub: Sub, type = `n_${randomBytes(3).toString('hex')}`) {
  t.app.services.pubsub.publish('core.notification', userId, envelope(type, {}))
  for (;;) {
    const e = await sub.next(WAIT)
    expect(e.error).toBeUndefined()
    if (e.data?.notifications?.type === type) return
  }
}

/** The next chat message on a subscription (presence and other events skipped). */
async function nextMessage(sub: Sub): Promise<string> {
  for (;;) {
    const e = await sub.next(WAIT)
    if (e.error || e.errors) throw new Error(`subscription ended: ${JSON.stringify(e)}`)
    const event = e.data?.chatEvents
    if (event?.__typename === 'ChatMessageAdded') return event.message.text
  }
}

afterAll(async () => {
  await disposeAll(clients)
})

describe('one instance', () => {
  let t: TestApp
  let inbox: Inbox
  let bob: TestUser
  beforeAll(async () => {
    inbox = await startInbox()
    t = await startTestApp({ NOTIFY_WEBHOOK_URL: inbox.url })
    bob = await registerUser(t)
  })
  afterAll(async () => {
    await disposeAll(clients)
    await closeAll(t, inbox)
  })

  it("logout closes that session's socket with 4401 within a second (notifications, main, private all end); the user's other session and guests stream on", async () => {
    const alice = await registerUser(t)
    const second = (await gql(t.url, LOGIN, { l: alice.name, p: alice.password })).data!.login.token
    const priv = privateOf(alice.id, bob.id)
    const s1 = await openSocket(t, alice.token, [notifications, chat('main'), chat(priv)])
    const s2 = await openSocket(t, second, [notifications])
    const guest = await openSocket(t, undefined, [chat('main', false)])
    const [notes, main, direct] = s1.subs
    // streaming before
    await notified(t, alice.id, notes)
    await notified(t, alice.id, s2.subs[0])
    await send(t, bob.token, { channel: 'main', text: 'before, main' })
    expect(await nextMessage(main)).toBe('before, main')
    expect(await nextMessage(guest.subs[0])).toBe('before, main')
    await send(t, bob.token, { channel: priv, text: 'before, private' })
    expect(await nextMessage(direct)).toBe('before, private')

    expect((await gql(t.url, graphql(`mutation Logout { logout }`), {}, alice.token)).data).toEqual({ logout: true })
    const loggedOut = Date.now()
    await expectClosed(s1, 4401, loggedOut)
    await released(t, s1.before + 1 + 1) // s2's notifications and the guest's channel remain

    // nothing more reaches the closed socket; the other session and the guest still stream
    await send(t, bob.token, { channel: 'main', text: 'after, main' })
    await send(t, bob.token, { channel: priv, text: 'after, private' })
    await notified(t, alice.id, s2.subs[0])
    expect(await nextMessage(guest.subs[0])).toBe('after, main')
    for (const sub of s1.subs) expect(await sub.nothingWithin(300)).toBe(true)
    // and the token no longer opens an authenticated subscription
    const again = await openSocket(t, alice.token, [])
    const refused = subscribe(again.client, NOTIFICATIONS)
    expect((await refused.next(WAIT)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('a block by a moderator (moderation blockUser) closes every socket of the user with 4401', async () => {
    const blocker = await userWithRoles(t, { blocker: 1 })
    const target = await registerUser(t)
    const second = (await gql(t.url, LOGIN, { l: target.name, p: target.password })).data!.login.token
    const s1 = await openSocket(t, target.token, [notifications, chat('main')])
    const s2 = await openSocket(t, second, [chat(privateOf(target.id, bob.id))])
    const bystander = await openSocket(t, bob.token, [notifications])
    await notified(t, target.id, s1.subs[0])

    const r = await gql(
      t.url,
      graphql(`mutation BlockUser($u: Int!) { blockUser(userId: $u, state: true) }`),
      { u: target.id },
      blocker.token,
    )
    expect(r.errors).toBeUndefined()
    const blocked = Date.now()
    await expectClosed(s1, 4401, blocked)
    await expectClosed(s2, 4401, blocked)
    await released(t, s1.before + 1) // the bystander's
    await notified(t, bob.id, bystander.subs[0])
    await send(t, bob.token, { channel: 'main', text: 'after the block' })
    for (const sub of [...s1.subs, ...s2.subs]) expect(await sub.nothingWithin(300)).toBe(true)
  })

  it('a password reset closes the sockets of the sessions it ends (4401); the new session streams', async () => {
    const u = await registerUser(t)
    const s = await openSocket(t, u.token, [notifications])
    await notified(t, u.id, s.subs[0])
    const since = inbox.messages.length
    expect(
      (
        await gql(t.url, graphql(`mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }`), {
          e: u.email,
        })
      ).errors,
    ).toBeUndefined()
    await until(() => inbox.messages.slice(since).some((m) => m.to === u.email), WAIT, 'the reset letter')
    const code = inbox.messages.slice(since).find((m) => m.to === u.email)!.code!
    const r = await gql(
      t.url,
      graphql(
        `mutation ResetPasswordWsRevocation($c: String!, $p: String) { resetPassword(code: $c, newPassword: $p) { token } }`,
      ),
      { c: code, p: 'brand-new-pass-1' },
    )
    expect(r.errors).toBeUndefined()
    const reset = Date.now()
    await expectClosed(s, 4401, reset)
    await released(t, s.before)
    const fresh = await openSocket(t, r.data!.resetPassword.token, [notifications])
    await notified(t, u.id, fresh.subs[0])
    expect(await s.subs[0].nothingWithin(300)).toBe(true)
  })

  it('losing a role closes the user’s sockets with 4403 (they reconnect with what is left); gaining one closes nothing', async () => {
    const admin = await userWithRoles(t, { roleAdmin: 1 })
    const mod = await userWithRoles(t, { moderator: 1 })
    const colleague = await userWithRoles(t, { moderator: 1 })
    const setRole = (role: string, value: unknown) =>
      gql(
        t.url,
        graphql(`mutation SetRole($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }`),
        { u: mod.id, r: role, v: value },
        admin.token,
      )
    const s = await openSocket(t, mod.token, [notifications, chat('admin')])
    const [notes, staffRoom] = s.subs
    await send(t, colleague.token, { channel: 'admin', text: 'staff only' })
    expect(await nextMessage(staffRoom)).toBe('staff only')

    // more rights: the socket stays (the roleChanged notification arrives on it)
    expect((await setRole('citizen', 5)).errors).toBeUndefined()
    const raised = await notes.next(WAIT)
    expect(raised.data?.notifications).toMatchObject({ type: 'roleChanged', data: { role: 'citizen', value: 5 } })

    expect((await setRole('moderator', false)).errors).toBeUndefined()
    await expectClosed(s, 4403, Date.now())
    await released(t, s.before)
    await send(t, colleague.token, { channel: 'admin', text: 'after' })
    for (const sub of s.subs) expect(await sub.nothingWithin(300)).toBe(true)

    // reconnected with the rights left: the staff room is refused, the rest works
    const again = await openSocket(t, mod.token, [notifications])
    const refused = subscribe(again.client, EVENTS, { c: 'admin' })
    const e = await refused.next(WAIT)
    expect(e.errors?.[0]?.extensions?.code ?? e.error?.[0]?.extensions?.code).toBe('INSUFFICIENT_PERMISSIONS')
    await notified(t, mod.id, again.subs[0])
  })

  it('a session that expires closes its socket with 4401 at its expiry', async () => {
    const u = await registerUser(t)
    const expiresAt = Date.now() + 4_000
    await t.app.services.prisma.session.updateMany({
      where: { userId: u.id },
      data: { expiresAt: new Date(expiresAt) },
    })
    const s = await openSocket(t, u.token, [notifications, chat('main')])
    await notified(t, u.id, s.subs[0])
    const { code, at } = await s.closed
    expect(code).toBe(4401)
    expect(at).toBeGreaterThanOrEqual(expiresAt - 50)
    expect(at - expiresAt).toBeLessThan(WITHIN)
    await released(t, s.before)
    for (const sub of s.subs) expect((await endOf(sub)).error?.code).toBe(4401)
  })
})

describe.runIf(!!process.env.TEST_REDIS_URL)('two instances on one Redis', () => {
  let a: TestApp, b: TestApp
  beforeAll(async () => {
    a = await startTestApp()
    b = await startTestApp({}, { share: a })
  })
  afterAll(async () => {
    await disposeAll(clients)
    await closeAll(b, a)
  })

  it('a logout on A closes the session’s socket on B (4401) within a second', async () => {
    const u = await registerUser(a)
    const onB = await openSocket(b, u.token, [notifications, chat('main')])
    await notified(b, u.id, onB.subs[0])
    expect((await gql(a.url, graphql(`mutation Logout { logout }`), {}, u.token)).data).toEqual({ logout: true })
    await expectClosed(onB, 4401, Date.now())
    await released(b, onB.before)
  })

  it('a block on A closes the user’s sockets on A and B; a role lost on A closes the sockets on B (4403)', async () => {
    const blocker = await userWithRoles(a, { blocker: 1, roleAdmin: 1 })
    const target = await registerUser(a)
    const mod = await userWithRoles(a, { moderator: 1 })
    const onA = await openSocket(a, target.token, [notifications])
    const onB = await openSocket(b, target.token, [notifications])
    const modOnB = await openSocket(b, mod.token, [chat('admin')])

    expect(
      (
        await gql(
          a.url,
          graphql(`mutation BlockUser($u: Int!) { blockUser(userId: $u, state: true) }`),
          { u: target.id },
          blocker.token,
        )
      ).errors,
    ).toBeUndefined()
    const blocked = Date.now()
    await expectClosed(onA, 4401, blocked)
    await expectClosed(onB, 4401, blocked)

    const r = await gql(
      a.url,
      graphql(`mutation SetRoleWsRevocation($u: Int!) { setRole(userId: $u, role: "moderator", value: false) }`),
      { u: mod.id },
      blocker.token,
    )
    expect(r.errors).toBeUndefined()
    await expectClosed(modOnB, 4403, Date.now())
    await released(b, onB.before)
  })
})
