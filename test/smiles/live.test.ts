import type { Client } from 'graphql-ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { closeAll } from '../helpers/app.js'
import { gql, subscribe, until, wsClient } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import {
  ADD_ICON,
  ADD_SMILE,
  freshCode,
  gqlUpload,
  iconPng,
  smilePng,
  startSmilesApp,
  type SmilesApp,
} from './support.js'
import { graphql } from '../generated/index.js'

/**
 * Live: everyone can follow the public set, smilers the approval queue, and a masterstreamer hears (as a core
 * notification) that their change set was approved or rejected. Over graphql-ws on a real socket; in memory or Redis.
 */

let t: SmilesApp
const clients: Client[] = []
let idle = 0 // the app's own listeners (session revocation), present with no client subscribed
beforeAll(async () => {
  t = await startSmilesApp()
  idle = t.app.services.pubsub.listenerCount()
})
afterAll(async () => {
  for (const c of clients) await c.dispose()
  await closeAll(t)
})

const client = (token?: string) => {
  const c = wsClient(t.url, token)
  clients.push(c)
  return c
}

/** Subscribes and waits until the server (and Redis) listens, so no event is published before that. */
async function live<R>(doc: TypedDocumentNode<R, Record<string, never>>, token?: string) {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const sub = subscribe(client(token), doc)
  await until(() => ps.listenerCount() > before, 10_000, 'subscription established')
  await ps.ready()
  return sub
}

const PUBLIC = graphql(
  `subscription SmilesChanged { smilesChanged { kind user { databaseId name } smiles { databaseId code url tab position level siteLevel masterStreamerLevel icon user { databaseId } } removedIds } }`,
)
const QUEUE = graphql(
  `subscription SmileQueueChanged { smileQueueChanged { kind user { databaseId name } set { submitted smiles { code change user { databaseId } } removed { databaseId } } } }`,
)
const NOTIFICATIONS = graphql(`subscription NotificationsLive { notifications { type data } }`)

const approve = (smiler: TestUser, m: TestUser) =>
  gql(
    t.url,
    graphql(`mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }`),
    { u: m.id },
    smiler.token,
  )

describe('the public set, for everyone', () => {
  it('a guest sees smiler additions, updates and removals, and approved change sets — not pending uploads', async () => {
    const smiler = await userWithRoles(t, { smiler: 1 })
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const sub = await live(PUBLIC)

    const code = freshCode('live')
    const up = await gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: smilePng() }, smiler.token)
    const id = up.data!.addSmile.databaseId
    expect((await sub.next(10_000)).data!.smilesChanged).toEqual({
      kind: 'ADDED',
      user: null,
      smiles: [
        {
          databaseId: id,
          code,
          url: up.data!.addSmile.url,
          tab: 0,
          position: 0,
          level: 0,
          siteLevel: 0,
          masterStreamerLevel: 0,
          icon: false,
          user: null,
        },
      ],
      removedIds: [],
    })
    await gql(
      t.url,
      graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
      { s: [{ id, tab: 2, position: 3, level: 4 }] },
      smiler.token,
    )
    expect((await sub.next(10_000)).data!.smilesChanged).toMatchObject({
      kind: 'UPDATED',
      smiles: [{ databaseId: id, tab: 2, position: 3, siteLevel: 4 }],
      removedIds: [],
    })

    // a masterstreamer's upload is private until approved
    const msCode = freshCode('msl')
    await gqlUpload(t.url, ADD_SMILE, { name: `${msCode}.png`, bytes: smilePng() }, ms.token)
    await gqlUpload(t.url, ADD_ICON, { name: `${freshCode('msi')}.png`, bytes: iconPng() }, ms.token)
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    expect(await sub.nothingWithin(300)).toBe(true)
    await approve(smiler, ms)
    const approved = (await sub.next(10_000)).data!.smilesChanged
    expect(approved).toMatchObject({ kind: 'APPROVED', user: { databaseId: ms.id, name: ms.name }, removedIds: [] })
    expect(approved.smiles).toHaveLength(2)
    expect(approved.smiles.find((s: { code: string }) => s.code === msCode)).toMatchObject({
      icon: false,
      user: { databaseId: ms.id },
    })

    await gql(
      t.url,
      graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
      { ids: [id] },
      smiler.token,
    )
    expect((await sub.next(10_000)).data!.smilesChanged).toEqual({
      kind: 'REMOVED',
      user: null,
      smiles: [],
      removedIds: [id],
    })
    sub.unsubscribe()
  })
})

describe('the approval queue, for smilers', () => {
  it('shows submissions with their smiles and owner, then approvals and rejections', async () => {
    const smiler = await userWithRoles(t, { smiler: 1 })
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const sub = await live(QUEUE, smiler.token)
    const code = freshCode('q')
    await gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: smilePng() }, ms.token)
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    expect((await sub.next(10_000)).data!.smileQueueChanged).toEqual({
      kind: 'SUBMITTED',
      user: { databaseId: ms.id, name: ms.name },
      set: { submitted: true, smiles: [{ code, change: 'ADDED', user: { databaseId: ms.id } }], removed: [] },
    })
    await gql(
      t.url,
      graphql(`mutation RejectSmileChanges($u: Int!) { rejectSmileChanges(userId: $u) }`),
      { u: ms.id },
      smiler.token,
    )
    expect((await sub.next(10_000)).data!.smileQueueChanged).toEqual({
      kind: 'REJECTED',
      user: { databaseId: ms.id, name: ms.name },
      set: null,
    })
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    expect((await sub.next(10_000)).data!.smileQueueChanged.kind).toBe('SUBMITTED')
    await approve(smiler, ms)
    expect((await sub.next(10_000)).data!.smileQueueChanged).toEqual({
      kind: 'APPROVED',
      user: { databaseId: ms.id, name: ms.name },
      set: null,
    })
    sub.unsubscribe()
  })

  it.each([
    ['guest', 'UNAUTHENTICATED'],
    ['user', 'INSUFFICIENT_PERMISSIONS'],
    ['masterstreamer', 'INSUFFICIENT_PERMISSIONS'],
  ])('is refused to a %s', async (who, code) => {
    const u =
      who === 'guest'
        ? undefined
        : who === 'user'
          ? await registerUser(t)
          : await userWithRoles(t, { masterstreamer: 1 })
    const ps = t.app.services.pubsub
    // the earlier tests' subscriptions are released asynchronously
    await until(() => ps.listenerCount() === idle, 10_000, 'earlier subscriptions released')
    const sub = subscribe(client(u?.token), QUEUE)
    const e = await sub.next(10_000)
    const errors = Array.isArray(e.error) ? e.error : (e.errors ?? [])
    expect(errors.map((x: { extensions?: { code?: string } }) => x.extensions?.code)).toEqual([code])
    expect(ps.listenerCount()).toBe(idle)
  })
})

describe("the masterstreamer's notifications", () => {
  it('tell them their change set was rejected, then approved, and by whom', async () => {
    const smiler = await userWithRoles(t, { smiler: 1 })
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const sub = await live(NOTIFICATIONS, ms.token)
    await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('n')}.png`, bytes: smilePng() }, ms.token)
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    await gql(
      t.url,
      graphql(`mutation RejectSmileChanges($u: Int!) { rejectSmileChanges(userId: $u) }`),
      { u: ms.id },
      smiler.token,
    )
    expect((await sub.next(10_000)).data!.notifications).toEqual({
      type: 'smilesRejected',
      data: { smiler: { id: smiler.id, name: smiler.name } },
    })
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    await approve(smiler, ms)
    expect((await sub.next(10_000)).data!.notifications).toEqual({
      type: 'smilesApproved',
      data: { smiler: { id: smiler.id, name: smiler.name } },
    })
    sub.unsubscribe()
  })
})
