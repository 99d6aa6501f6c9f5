// Live streams for the event-completeness tests: a graphql-ws subscription with a selection of every payload field
// (generated from the schema), read strictly — every event is taken in order and compared whole; nothing is skipped.
import { expect } from 'vitest'
import type { TestApp } from '../helpers/app.js'
import { gqlRaw, subscribeRaw, until, wsClient, type WsSubscription } from '../helpers/clients.js'
import type { TestUser } from '../helpers/users.js'
import { subscriptionDocument } from './schema.js'

/** Generous: the CI machine is a loaded 2-core VM. */
export const WAIT = 15_000

/** A Relay global id as the schema encodes it (base64 of `Type:key`). */
export const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64')

/** A user as payloads reference one (`User` is selected by identity: see schema.ts REFERENCES). */
export const userRef = (u: { id: number; name: string } | null) =>
  u ? { id: globalId('User', u.id), databaseId: u.id, name: u.name } : null

/** An ISO time no earlier than `since` and not in the future (for times no row keeps, e.g. a notification's). */
export const isoSince = (since: number) =>
  expect.toSatisfy(
    (v: unknown) =>
      typeof v === 'string' &&
      new Date(v).toISOString() === v &&
      new Date(v).getTime() >= since - 1000 &&
      new Date(v).getTime() <= Date.now(),
    `an ISO time since ${new Date(since).toISOString()}`,
  )

export interface Stream {
  /** the next payload (the subscription field's value), whatever it is; fails on an error or the end */
  next(ms?: number): Promise<any>
  /** takes as many payloads as `expected` has and compares them whole, in order */
  expectNext(...expected: unknown[]): Promise<any[]>
  /** nothing more arrives within `ms` */
  expectQuiet(ms?: number): Promise<void>
  /** throws away whatever is queued (after a failed test, so the next one starts clean) */
  drain(): Promise<void>
  close(): Promise<void>
  readonly sub: WsSubscription
}

/**
 * Subscribes to `field` with every payload field selected and resolves once the server listens (`listeners` more
 * pub/sub listeners than before — a signed-in chat subscription holds two, its channel and the viewer's ignores).
 */
export async function open(
  t: TestApp,
  user: TestUser | undefined,
  field: string,
  variables: Record<string, unknown> = {},
  listeners = 1,
): Promise<Stream> {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const client = wsClient(t.url, user?.token)
  const sub = subscribeRaw(client, subscriptionDocument(field), variables)
  await until(() => ps.listenerCount() >= before + listeners, WAIT, `the ${field} subscription to listen`)
  await ps.ready()
  const next = async (ms = WAIT) => {
    const ev = await sub.next(ms)
    if (ev.error || ev.complete || ev.errors) throw new Error(`${field} ended: ${JSON.stringify(ev)}`)
    return (ev.data as Record<string, unknown>)[field]
  }
  return {
    sub,
    next,
    async expectNext(...expected) {
      const got = []
      while (got.length < expected.length) got.push(await next())
      expect(got).toEqual(expected)
      return got
    },
    async expectQuiet(ms = 300) {
      const extra = await sub.next(ms).then(
        (ev) => ev,
        () => null,
      )
      expect(extra, `${field}: nothing more`).toBeNull()
    },
    async drain() {
      while (!(await sub.nothingWithin(200))) {
        /* discard */
      }
    },
    async close() {
      const open = ps.listenerCount()
      sub.unsubscribe()
      await client.dispose()
      await until(() => ps.listenerCount() <= open - listeners, WAIT, `the ${field} subscription to end`)
    },
  }
}

/** A chat channel stream of a viewer (guest: undefined). */
export const chatStream = (t: TestApp, viewer: TestUser | undefined, channel: string) =>
  open(t, viewer, 'chatEvents', { channel }, viewer ? 2 : 1)

/** Runs a GraphQL operation that must succeed; its data. */
export async function ok(t: TestApp, user: TestUser | undefined, query: string, variables?: Record<string, unknown>) {
  const r = await gqlRaw(t.url, query, variables, user?.token)
  if (r.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(r.errors)}`)
  return r.data
}

/** What a recipe hands back: the payloads it received and compared, so the runner can check the pair's type is among them. */
export type Received = any[]

/** The event type of a payload, as the pair names it. */
export const eventTypeOf = (by: string, payload: any, event: string): string =>
  by === '*' ? event : String(payload?.[by])
