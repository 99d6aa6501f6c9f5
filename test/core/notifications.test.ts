import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from 'graphql-ws'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, disposeAll, gql, rest, subscribe, until, wsClient } from '../helpers/clients.js'
import { registerUser, userWithRoles } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

const NOTIFICATIONS = graphql(`subscription Notifications { notifications { type data time } }`)
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/

let t: TestApp
const clients: Client[] = []
let idle = 0 // the app's own listeners (session revocation), present with no client subscribed
beforeAll(async () => {
  t = await startTestApp()
  idle = t.app.services.pubsub.listenerCount()
})
afterAll(async () => {
  await disposeAll(clients)
  await closeAll(t)
})

/** Subscribes to a user's notifications over a real socket and waits until the subscription is live. */
async function listen(token?: string) {
  const c = wsClient(t.url, token)
  clients.push(c)
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const sub = subscribe(c, NOTIFICATIONS)
  await until(() => ps.listenerCount() > before, 10_000, 'the notifications subscription to be live')
  // with Redis: the SUBSCRIBE must have landed before anything is published
  await ps.ready()
  return sub
}

/** graphql-ws reports failures either as a `next` with errors (execution) or an `error` message. */
const errorsOf = (event: any): { message: string; extensions?: Record<string, unknown> }[] =>
  event.errors ?? event.error ?? []

describe('notifications over graphql-ws', () => {
  it('following a stream notifies its owner only ("subscriber")', async () => {
    const streamer = await registerUser(t)
    const bystander = await registerUser(t)
    const fan = await registerUser(t)
    const toStreamer = await listen(streamer.token)
    const toBystander = await listen(bystander.token)
    const toFan = await listen(fan.token)

    const f = await gql(
      t.url,
      graphql(`mutation Follow($id: Int!) { follow(content: STREAM, id: $id) }`),
      { id: streamer.id },
      fan.token,
    )
    expect(f.data).toEqual({ follow: true })
    const e = await toStreamer.next(10_000)
    expect(e.errors).toBeUndefined()
    expect(e.data!.notifications).toEqual({
      type: 'subscriber',
      data: { userId: fan.id, name: fan.name },
      time: expect.stringMatching(ISO),
    })
    expect(Math.abs(Date.parse(e.data!.notifications.time) - Date.now())).toBeLessThan(60_000)
    expect(await toBystander.nothingWithin(300)).toBe(true)
    expect(await toFan.nothingWithin(50)).toBe(true)

    // over REST too; following another user's stream reaches that user, not the first streamer
    const r = await rest(t.url, '/api/subscribe/add', { content: 'stream', id: bystander.id }, { token: fan.token })
    expect(r.status).toBe(200)
    expect((await toBystander.next(10_000)).data!.notifications).toMatchObject({
      type: 'subscriber',
      data: { userId: fan.id },
    })
    expect(await toStreamer.nothingWithin(300)).toBe(true)
    toStreamer.unsubscribe()
    toBystander.unsubscribe()
    toFan.unsubscribe()
  })

  it('following one’s own stream notifies nobody', async () => {
    const me = await registerUser(t)
    const inbox = await listen(me.token)
    expect(
      (
        await gql(
          t.url,
          graphql(`mutation Follow($id: Int!) { follow(content: STREAM, id: $id) }`),
          { id: me.id },
          me.token,
        )
      ).data,
    ).toEqual({ follow: true })
    expect(await inbox.nothingWithin(300)).toBe(true)
    inbox.unsubscribe()
  })

  it('a role change by a role admin delivers "roleChanged" to that user', async () => {
    const admin = await userWithRoles(t, { roleAdmin: 1 })
    const target = await registerUser(t)
    const bystander = await registerUser(t)
    const toTarget = await listen(target.token)
    const toBystander = await listen(bystander.token)
    const toAdmin = await listen(admin.token)

    const SET = graphql(
      `mutation SetRole($u: Int!, $r: String!, $v: JSON!) { setRole(userId: $u, role: $r, value: $v) }`,
    )
    expect((await gql(t.url, SET, { u: target.id, r: 'moderator', v: true }, admin.token)).data).toEqual({
      setRole: true,
    })
    expect((await toTarget.next(10_000)).data!.notifications).toEqual({
      type: 'roleChanged',
      data: { role: 'moderator', value: true },
      time: expect.stringMatching(ISO),
    })

    // the peka2 route publishes the same event; numeric roles carry their number
    const r = await rest(
      t.url,
      '/api/user/roles/set',
      { userId: target.id, role: 'citizen', value: 7 },
      { token: admin.token },
    )
    expect(r.status).toBe(200)
    expect((await toTarget.next(10_000)).data!.notifications).toMatchObject({
      type: 'roleChanged',
      data: { role: 'citizen', value: 7 },
    })
    expect(await toBystander.nothingWithin(300)).toBe(true)
    expect(await toAdmin.nothingWithin(50)).toBe(true)

    // a refused change (not a role admin, or a bad value) publishes nothing
    expect(codeOf(await gql(t.url, SET, { u: target.id, r: 'moderator', v: false }, bystander.token))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
    expect(codeOf(await gql(t.url, SET, { u: target.id, r: 'moderator', v: 'yes' }, admin.token))).toBe('INVALID_INPUT')
    expect(await toTarget.nothingWithin(300)).toBe(true)
    toTarget.unsubscribe()
    toBystander.unsubscribe()
    toAdmin.unsubscribe()
  })

  it('a guest (or a revoked token) is refused with UNAUTHENTICATED and gets no listener', async () => {
    const ps = t.app.services.pubsub
    // the earlier tests' subscriptions are gone (unsubscribed): nothing listens now
    await until(() => ps.listenerCount() === idle, 10_000, 'earlier subscriptions to end')
    const c = wsClient(t.url)
    clients.push(c)
    const guest = subscribe(c, NOTIFICATIONS)
    const e = await guest.next(10_000)
    expect(errorsOf(e).map((x) => x.extensions?.code)).toEqual(['UNAUTHENTICATED'])
    expect(e.data ?? null).toBeNull()

    const u = await registerUser(t)
    expect((await gql(t.url, graphql(`mutation Logout { logout }`), {}, u.token)).data).toEqual({ logout: true })
    const c2 = wsClient(t.url, u.token)
    clients.push(c2)
    const revoked = subscribe(c2, NOTIFICATIONS)
    expect(errorsOf(await revoked.next(10_000))[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(ps.listenerCount()).toBe(idle)
  })
})
