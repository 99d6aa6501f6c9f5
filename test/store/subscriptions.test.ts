import { closeAll } from '../helpers/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { live, NOTIFICATIONS, WAIT } from '../moderation/support.js'
import { addMonth } from '../../plugins/store/subscriptions.js'
import { codeOf, expectLedgerSound, fund, newKey, ok, startStoreApp, walletOf, type StoreApp } from './support.js'

/** Streamer subscriptions: bought a month at a time, the streamer's share in the same entry, staff edits, events. */

let t: StoreApp
let streamer: TestUser
beforeAll(async () => {
  // default price 100, the streamer keeps 70 %; expiries are announced every second
  t = await startStoreApp({
    STORE_SUBSCRIPTION_PRICE: '100',
    STORE_STREAMER_SHARE_PERCENT: '70',
    STORE_SWEEP_SECONDS: '1',
  })
  streamer = await userWithRoles(t, { masterstreamer: 1 })
}, 120_000)
afterAll(() => closeAll(t))

const BUY_SUB = graphql(`
  mutation StoreBuySub($s: Int!, $k: String) { buyStreamerSubscription(streamerId: $s, idempotencyKey: $k) { databaseId userId streamerId expiresAt active inEffect } }
`)
const SAVE_SUB = graphql(`
  mutation StoreSaveSub($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { databaseId expiresAt active inEffect } }
`)
const SUB_STATUS = graphql(`
  mutation StoreSubStatus($id: Int!, $a: Boolean!) { setStoreSubscriptionStatus(id: $id, active: $a) { active } }
`)
const SUB_EVENTS = graphql(`
  subscription StoreSubEvents { subscriptionChanged { change subscription { databaseId userId streamerId expiresAt } } }
`)
const WALLET_EVENTS = graphql(
  `subscription StoreWalletEvents { walletChanged { wallet { pekoins points } kind transactionId } }`,
)
const PRICE = graphql(`mutation StoreSubPrice($s: Int!, $p: Int!) { setSubscriptionPrice(streamerId: $s, price: $p) }`)
const PRICE_OF = graphql(`query StoreSubPriceOf($s: Int!) { subscriptionPrice(streamerId: $s) }`)

const payout = async (streamerId: number) =>
  Number(
    (
      await t.app.services.prisma.storeBalance.findUnique({
        where: {
          accountKind_accountOwner_currency: { accountKind: 'PAYOUT', accountOwner: streamerId, currency: 'PEKOINS' },
        },
      })
    )?.balance ?? 0,
  )

describe('buying a month', () => {
  it("posts the price from the wallet, the streamer's share to their payout and the rest to the store, in one entry", async () => {
    const u = await registerUser(t)
    await fund(t, u.id, { pekoins: 250 })
    const before = await payout(streamer.id)
    const wallet = await live(t, u.token, WALLET_EVENTS)
    const events = await live(t, streamer.token, SUB_EVENTS)
    try {
      const s = (await ok(gql(t.url, BUY_SUB, { s: streamer.id }, u.token))).buyStreamerSubscription
      expect(s).toMatchObject({ userId: u.id, streamerId: streamer.id, active: true, inEffect: true })
      const end = Date.parse(s.expiresAt!)
      expect(Math.abs(end - addMonth(new Date()).getTime())).toBeLessThan(60_000)
      expect(await walletOf(t, u)).toEqual({ pekoins: 150, points: 0 })
      expect((await payout(streamer.id)) - before).toBe(70)
      const entry = await t.app.services.prisma.storeTransaction.findFirstOrThrow({
        where: { userId: u.id, kind: 'SUBSCRIPTION_PURCHASE' },
        include: { postings: true },
      })
      expect(entry.postings.map((p) => [p.accountKind, p.amount]).sort()).toEqual([
        ['PAYOUT', 70],
        ['REVENUE', 30],
        ['USER', -100],
      ])
      const w = await wallet.next((d) => d.walletChanged.kind === 'SUBSCRIPTION_PURCHASE')
      expect(w.walletChanged.wallet).toEqual({ pekoins: 150, points: 0 })
      const e = await events.next()
      expect(e.subscriptionChanged).toMatchObject({ change: 'PURCHASED', subscription: { userId: u.id } })

      // renewing extends from the current end, by a calendar month
      const again = (await ok(gql(t.url, BUY_SUB, { s: streamer.id }, u.token))).buyStreamerSubscription
      expect(again.databaseId).toBe(s.databaseId)
      expect(Date.parse(again.expiresAt!)).toBe(addMonth(new Date(end)).getTime())
      expect((await events.next()).subscriptionChanged.change).toBe('EXTENDED')
      // 50 left: not enough for a third month, and nothing moves
      const r = await gql(t.url, BUY_SUB, { s: streamer.id }, u.token)
      expect(codeOf(r)).toBe('INSUFFICIENT_FUNDS')
      expect(await walletOf(t, u)).toEqual({ pekoins: 50, points: 0 })
    } finally {
      await wallet.close()
      await events.close()
    }
    await expectLedgerSound(t)
  })

  it("takes the streamer's own price; refuses non-streamers, oneself, and a retry moves nothing", async () => {
    const admin = t.admin
    const s2 = await userWithRoles(t, { masterstreamer: 1 })
    expect((await ok(gql(t.url, PRICE, { s: s2.id, p: 40 }, admin.token))).setSubscriptionPrice).toBe(40)
    expect((await ok(gql(t.url, PRICE_OF, { s: s2.id }))).subscriptionPrice).toBe(40)
    expect(codeOf(await gql(t.url, PRICE, { s: s2.id, p: 0 }, admin.token))).toBe('INVALID_INPUT')
    expect(codeOf(await gql(t.url, PRICE, { s: s2.id, p: 5 }, t.support.token))).toBe('INSUFFICIENT_PERMISSIONS')
    const u = await registerUser(t)
    await fund(t, u.id, { pekoins: 100 })
    const key = newKey()
    await ok(gql(t.url, BUY_SUB, { s: s2.id, k: key }, u.token))
    await ok(gql(t.url, BUY_SUB, { s: s2.id, k: key }, u.token))
    expect(await walletOf(t, u)).toEqual({ pekoins: 60, points: 0 })
    expect(codeOf(await gql(t.url, BUY_SUB, { s: u.id }, u.token))).toBe('INVALID_INPUT')
    const nobody = await registerUser(t)
    expect(codeOf(await gql(t.url, BUY_SUB, { s: nobody.id }, u.token))).toBe('NOT_A_STREAMER')
    expect(codeOf(await gql(t.url, BUY_SUB, { s: 99_999_999 }, u.token))).toBe('NOT_A_STREAMER')
  })
})

describe('staff edits and the owner switch', () => {
  it('adds, changes and removes a subscription with a reason; the owner shows or hides the icon; peka2 shapes', async () => {
    const u = await registerUser(t)
    const other = await registerUser(t)
    const notes = await live(t, u.token, NOTIFICATIONS)
    try {
      const add = await rest(
        t.url,
        '/api/store/subscription/modify',
        { userId: u.id, streamerId: streamer.id, expires: 0, active: true },
        { token: t.support.token },
      )
      expect(add.status).toBe(200)
      expect(add.body).toEqual({
        id: expect.any(Number),
        userId: u.id,
        streamerId: streamer.id,
        expires: 0,
        active: true,
      })
      const n = await notes.next((d) => d.notifications.type === 'bonus/subscription')
      expect(n.notifications.data).toEqual(add.body)
      // a permanent subscription cannot be extended by buying
      await fund(t, u.id, { pekoins: 100 })
      expect(codeOf(await gql(t.url, BUY_SUB, { s: streamer.id }, u.token))).toBe('SUBSCRIPTION_PERMANENT')
      const id = add.body.id as number
      const end = Math.floor(Date.now() / 1000) + 3600
      const mod = await rest(
        t.url,
        '/api/store/subscription/modify',
        { id, userId: u.id, streamerId: streamer.id, expires: end, active: true },
        { token: t.support.token },
      )
      expect(mod.body).toEqual({ id, userId: u.id, streamerId: streamer.id, expires: end, active: true })
      // the owner switches the icon; someone else cannot; support can
      expect((await ok(gql(t.url, SUB_STATUS, { id, a: false }, u.token))).setStoreSubscriptionStatus.active).toBe(
        false,
      )
      expect(codeOf(await gql(t.url, SUB_STATUS, { id, a: true }, other.token))).toBe('SUBSCRIPTION_NOT_FOUND')
      const st = await rest(
        t.url,
        '/api/store/subscription/setStatus',
        { id, active: true },
        { token: t.support.token },
      )
      expect(st.body).toMatchObject({ id, active: true })
      expect((await rest(t.url, '/api/store/subscription/my', {}, { token: u.token })).body).toEqual([
        { id, userId: u.id, streamerId: streamer.id, expires: end, active: true },
      ])
      expect(
        (await rest(t.url, '/api/store/subscription/list', { userId: u.id }, { token: t.support.token })).body,
      ).toHaveLength(1)
      expect((await rest(t.url, '/api/store/subscription/remove', { id }, { token: t.support.token })).body).toEqual({})
      expect((await rest(t.url, '/api/store/subscription/my', {}, { token: u.token })).body).toEqual([])
      const audit = await t.app.services.prisma.storeAudit.findMany({
        where: { subscriptionId: id },
        orderBy: { id: 'asc' },
      })
      expect(audit.map((a) => [a.action, a.staffId, a.reason])).toEqual([
        ['SUBSCRIPTION_ADDED', t.support.id, 'peka2 /api/store/subscription/modify'],
        ['SUBSCRIPTION_CHANGED', t.support.id, 'peka2 /api/store/subscription/modify'],
        ['SUBSCRIPTION_STATUS', t.support.id, 'peka2 /api/store/subscription/setStatus'],
        ['SUBSCRIPTION_REMOVED', t.support.id, 'peka2 /api/store/subscription/remove'],
      ])
    } finally {
      await notes.close()
    }
  })

  it('a subscription that ends is announced once by the sweeper', async () => {
    const u = await registerUser(t)
    const events = await live(t, u.token, SUB_EVENTS)
    try {
      const soon = new Date(Date.now() + 1500).toISOString()
      const s = (
        await ok(
          gql(
            t.url,
            SAVE_SUB,
            { i: { userId: u.id, streamerId: streamer.id, expiresAt: soon, active: true, reason: 'trial' } },
            t.support.token,
          ),
        )
      ).saveStoreSubscription
      expect(s.inEffect).toBe(true)
      expect((await events.next()).subscriptionChanged.change).toBe('PURCHASED')
      const expired = await events.next(() => true, WAIT)
      expect(expired.subscriptionChanged).toMatchObject({
        change: 'EXPIRED',
        subscription: { databaseId: s.databaseId },
      })
      expect(await events.sub.nothingWithin(2500)).toBe(true)
    } finally {
      await events.close()
    }
  })
})

describe('addMonth', () => {
  it('is a calendar month in UTC; the 31st becomes the last day of a shorter month', () => {
    expect(addMonth(new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-02-28T10:00:00.000Z')
    expect(addMonth(new Date('2028-01-31T10:00:00Z')).toISOString()).toBe('2028-02-29T10:00:00.000Z')
    expect(addMonth(new Date('2026-12-15T00:00:00Z')).toISOString()).toBe('2027-01-15T00:00:00.000Z')
  })
})
