import { closeAll } from '../helpers/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, gqlRaw } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import {
  buy,
  codeOf,
  createBonus,
  expectLedgerSound,
  fund,
  newKey,
  ok,
  startStoreApp,
  walletOf,
  type StoreApp,
} from './support.js'

/** The ledger and the purchases made on it, through GraphQL: what moves, what is refused, what the database holds. */

let t: StoreApp
beforeAll(async () => {
  t = await startStoreApp()
}, 120_000)
afterAll(() => closeAll(t))

const POSTINGS = graphql(`
  query StorePostings($c: StoreCurrency, $first: Int, $after: String) {
    wallet { pekoins points postings(currency: $c, first: $first, after: $after) {
      edges { cursor node { databaseId transactionId kind currency amount reason time } }
      pageInfo { hasNextPage endCursor }
    } }
  }
`)
const PURCHASES = graphql(`
  query StorePurchases($u: Int) { storePurchases(userId: $u) { databaseId bonusId expiresAt active inEffect removed bonus { name } } }
`)
const REFUND = graphql(`
  mutation StoreRefund($id: Int!, $k: String) { refundStorePurchase(id: $id, reason: "customer asked", idempotencyKey: $k) { removed } }
`)
const SET_POINTS = graphql(`
  mutation StoreSetPoints($u: Int!, $a: Int!, $r: String!) { setStorePoints(userId: $u, amount: $a, reason: $r) { userId amount } }
`)
const AUDIT = graphql(`
  query StoreAudit($u: Int) { storeAudit(userId: $u, first: 20) { edges { node { action reason staffId transactionId before after } } } }
`)
const CHECK = graphql(
  `query StoreLedgerCheck { storeLedgerCheck { ok entries postings unbalancedEntries totals { currency sum } } }`,
)

describe('buying', () => {
  it('moves the price from the wallet to the store in one entry of two postings; a timed bonus extends', async () => {
    const u = await registerUser(t)
    const b = await createBonus(t, { pekoins: 7, points: 70, duration: 3600 })
    await fund(t, u.id, { pekoins: 20, points: 100 })
    const first = await ok(buy(t, u, b))
    expect(first.buyBonus.wallet).toEqual({ pekoins: 13, points: 100 })
    const end1 = Date.parse(first.buyBonus.purchase.expiresAt!)
    expect(end1 - Date.now()).toBeGreaterThan(3590_000)
    const second = await ok(buy(t, u, b, 'POINTS'))
    expect(second.buyBonus.wallet).toEqual({ pekoins: 13, points: 30 })
    expect(second.buyBonus.purchase.databaseId).toBe(first.buyBonus.purchase.databaseId)
    expect(Date.parse(second.buyBonus.purchase.expiresAt!) - end1).toBe(3600_000)
    const entries = await t.app.services.prisma.storeTransaction.findMany({
      where: { userId: u.id, kind: 'BONUS_PURCHASE' },
      include: { postings: true },
    })
    expect(entries).toHaveLength(2)
    for (const e of entries) {
      expect(e.postings).toHaveLength(2)
      expect(e.postings.reduce((s, p) => s + p.amount, 0)).toBe(0)
      expect(e.postings.find((p) => p.amount < 0)).toMatchObject({ accountKind: 'USER', accountOwner: u.id })
      expect(e.postings.find((p) => p.amount > 0)).toMatchObject({ accountKind: 'REVENUE', accountOwner: 0 })
    }
    const page = await ok(gql(t.url, POSTINGS, { c: 'PEKOINS', first: 10 }, u.token))
    expect(page.wallet.postings.edges.map((e) => [e.node.kind, e.node.amount])).toEqual([
      ['BONUS_PURCHASE', -7],
      ['ADJUSTMENT', 20],
    ])
    expect(page.wallet.postings.edges[1].node.reason).toBe('test funds')
    await expectLedgerSound(t)
  })

  it('a refused purchase writes nothing: no entry, no posting, no purchase', async () => {
    const u = await registerUser(t)
    const b = await createBonus(t, { pekoins: 50 })
    await fund(t, u.id, { pekoins: 49 })
    const db = t.app.services.prisma
    const before = [await db.storeTransaction.count(), await db.storePosting.count(), await db.storePurchase.count()]
    const r = await buy(t, u, b)
    expect(codeOf(r)).toBe('INSUFFICIENT_FUNDS')
    expect(r.errors?.[0].message).toBe(
      'Not enough pekoins: "' +
        (await db.storeBonus.findUniqueOrThrow({ where: { id: b } })).name +
        '" costs 50, you have 49',
    )
    expect([await db.storeTransaction.count(), await db.storePosting.count(), await db.storePurchase.count()]).toEqual(
      before,
    )
    expect(await walletOf(t, u)).toEqual({ pekoins: 49, points: 0 })
  })

  it('refuses what is not for sale, unknown bonuses, a permanent bonus owned, and a linked one before its previous', async () => {
    const u = await registerUser(t)
    await fund(t, u.id, { pekoins: 100, points: 100 })
    const hidden = await createBonus(t, { canBePurchased: false })
    expect(codeOf(await buy(t, u, hidden))).toBe('BONUS_NOT_FOR_SALE')
    const pekoinsOnly = await createBonus(t, { pekoins: 1, points: 0 })
    expect(codeOf(await buy(t, u, pekoinsOnly, 'POINTS'))).toBe('BONUS_NOT_FOR_SALE')
    expect(codeOf(await buy(t, u, 99_999_999))).toBe('BONUS_NOT_FOUND')
    expect(codeOf(await buy(t, u, 0))).toBe('INVALID_INPUT')
    const forever = await createBonus(t, { duration: 0 })
    await ok(buy(t, u, forever))
    expect(codeOf(await buy(t, u, forever))).toBe('BONUS_ALREADY_OWNED')
    const category = 1000 + Math.floor(Math.random() * 100_000)
    const tier1 = await createBonus(t, { category, position: 1 })
    const tier2 = await createBonus(t, { category, position: 2, linked: true })
    const r = await buy(t, u, tier2)
    expect(codeOf(r)).toBe('BONUS_LOCKED')
    expect(r.errors?.[0].extensions?.previousBonusId).toBe(tier1)
    await ok(buy(t, u, tier1))
    await ok(buy(t, u, tier2))
    expect(await walletOf(t, u)).toEqual({ pekoins: 97, points: 100 })
    await expectLedgerSound(t)
  })

  it('refunds every payment of a purchase by a new entry, once; the payments stay in the journal', async () => {
    const u = await registerUser(t)
    const b = await createBonus(t, { pekoins: 5, duration: 60 })
    await fund(t, u.id, { pekoins: 20 })
    const p = (await ok(buy(t, u, b))).buyBonus.purchase.databaseId
    await ok(buy(t, u, b))
    expect(await walletOf(t, u)).toEqual({ pekoins: 10, points: 0 })
    expect(codeOf(await gql(t.url, REFUND, { id: p }, u.token))).toBe('INSUFFICIENT_PERMISSIONS')
    const key = newKey()
    const [a, c] = await Promise.all([
      gql(t.url, REFUND, { id: p, k: key }, t.support.token),
      gql(t.url, REFUND, { id: p, k: key }, t.support.token),
    ])
    expect(a.errors).toBeUndefined()
    expect(c.errors).toBeUndefined()
    expect(await walletOf(t, u)).toEqual({ pekoins: 20, points: 0 })
    expect(codeOf(await gql(t.url, REFUND, { id: p }, t.support.token))).toBe('PURCHASE_NOT_FOUND')
    const kinds = await t.app.services.prisma.storeTransaction.findMany({
      where: { userId: u.id },
      select: { kind: true, staffId: true, reason: true },
      orderBy: { id: 'asc' },
    })
    expect(kinds.map((k) => k.kind)).toEqual(['ADJUSTMENT', 'BONUS_PURCHASE', 'BONUS_PURCHASE', 'REFUND'])
    expect(kinds[3]).toMatchObject({ staffId: t.support.id, reason: 'customer asked' })
    const mine = await ok(gql(t.url, PURCHASES, {}, u.token))
    expect(mine.storePurchases).toEqual([])
    await expectLedgerSound(t)
  })
})

describe('staff changes are entries with staff and reason, in the audit', () => {
  it('points/set posts the difference and audits it; setting the same amount moves nothing', async () => {
    const u = await registerUser(t)
    expect(
      (await ok(gql(t.url, SET_POINTS, { u: u.id, a: 300, r: 'contest prize' }, t.support.token))).setStorePoints,
    ).toEqual({
      userId: u.id,
      amount: 300,
    })
    await ok(gql(t.url, SET_POINTS, { u: u.id, a: 120, r: 'correction' }, t.support.token))
    await ok(gql(t.url, SET_POINTS, { u: u.id, a: 120, r: 'no change' }, t.support.token))
    expect(await walletOf(t, u)).toEqual({ pekoins: 0, points: 120 })
    const entries = await t.app.services.prisma.storeTransaction.findMany({
      where: { userId: u.id },
      include: { postings: true },
      orderBy: { id: 'asc' },
    })
    expect(entries.map((e) => [e.kind, e.staffId, e.reason])).toEqual([
      ['POINTS_SET', t.support.id, 'contest prize'],
      ['POINTS_SET', t.support.id, 'correction'],
    ])
    expect(entries[1].postings.find((p) => p.accountKind === 'USER')?.amount).toBe(-180)
    const audit = (await ok(gql(t.url, AUDIT, { u: u.id }, t.support.token))).storeAudit.edges.map((e) => e.node)
    expect(audit.map((a) => [a.action, a.reason, a.staffId])).toEqual([
      ['POINTS_SET', 'no change', t.support.id],
      ['POINTS_SET', 'correction', t.support.id],
      ['POINTS_SET', 'contest prize', t.support.id],
    ])
    expect(audit[0].transactionId).toBeNull()
    expect(audit[1]).toMatchObject({ before: { points: 300 }, after: { points: 120 } })
    // a plain user and a guest see none of it
    expect(codeOf(await gql(t.url, AUDIT, { u: u.id }, u.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, SET_POINTS, { u: u.id, a: 1, r: 'x' }, u.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, SET_POINTS, { u: u.id, a: 1, r: '  ' }, t.support.token))).toBe('INVALID_INPUT')
    expect(codeOf(await gql(t.url, SET_POINTS, { u: u.id, a: -1, r: 'x' }, t.support.token))).toBe('INVALID_INPUT')
    expect(codeOf(await gql(t.url, SET_POINTS, { u: 99_999_999, a: 1, r: 'x' }, t.support.token))).toBe(
      'USER_NOT_FOUND',
    )
  })

  it('pekoins are granted by store admins only; taking back more than the wallet holds is refused', async () => {
    const u = await registerUser(t)
    const adjust = graphql(`
      mutation StoreAdjustMatrix($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: "r") { pekoins points } }
    `)
    expect(codeOf(await gql(t.url, adjust, { u: u.id, c: 'PEKOINS', a: 5 }, t.support.token))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
    expect(
      (await ok(gql(t.url, adjust, { u: u.id, c: 'POINTS', a: 5 }, t.support.token))).adjustStoreBalance.points,
    ).toBe(5)
    expect(
      (await ok(gql(t.url, adjust, { u: u.id, c: 'PEKOINS', a: 5 }, t.admin.token))).adjustStoreBalance.pekoins,
    ).toBe(5)
    expect(codeOf(await gql(t.url, adjust, { u: u.id, c: 'PEKOINS', a: -6 }, t.admin.token))).toBe('INSUFFICIENT_FUNDS')
    expect(codeOf(await gql(t.url, adjust, { u: u.id, c: 'PEKOINS', a: 0 }, t.admin.token))).toBe('INVALID_INPUT')
    expect(codeOf(await gql(t.url, adjust, { u: u.id, c: 'PEKOINS', a: 1_000_000_000 }, t.admin.token))).toBe(
      'WALLET_LIMIT_EXCEEDED',
    )
    expect(
      (await ok(gql(t.url, adjust, { u: u.id, c: 'PEKOINS', a: -5 }, t.admin.token))).adjustStoreBalance.pekoins,
    ).toBe(0)
  })
})

describe('the database itself keeps the ledger', () => {
  it('refuses to change or delete an entry or a posting', async () => {
    const db = t.app.services.prisma
    const posting = await db.storePosting.findFirstOrThrow()
    await expect(
      db.$executeRaw`UPDATE "StorePosting" SET "amount" = "amount" + 1 WHERE "id" = ${posting.id}`,
    ).rejects.toThrow(/append-only/)
    await expect(db.$executeRaw`DELETE FROM "StorePosting" WHERE "id" = ${posting.id}`).rejects.toThrow(/append-only/)
    await expect(db.$executeRaw`DELETE FROM "StoreTransaction" WHERE "id" = ${posting.transactionId}`).rejects.toThrow(
      /append-only/,
    )
    await expect(db.$executeRaw`TRUNCATE "StorePosting" CASCADE`).rejects.toThrow(/append-only/)
  })

  it('refuses at commit an entry whose postings do not sum to zero, or that has one posting', async () => {
    const db = t.app.services.prisma
    const count = await db.storeTransaction.count()
    await expect(
      db.$transaction(async (tx) => {
        const e = await tx.storeTransaction.create({ data: { kind: 'ADJUSTMENT', userId: null } })
        await tx.storePosting.createMany({
          data: [
            { transactionId: e.id, accountKind: 'ADJUSTMENT', accountOwner: 0, currency: 'POINTS', amount: -5 },
            { transactionId: e.id, accountKind: 'REVENUE', accountOwner: 0, currency: 'POINTS', amount: 4 },
          ],
        })
      }),
    ).rejects.toThrow(/does not balance/)
    await expect(
      db.$transaction(async (tx) => {
        await tx.storeTransaction.create({ data: { kind: 'ADJUSTMENT', userId: null } })
      }),
    ).rejects.toThrow(/fewer than two postings/)
    expect(await db.storeTransaction.count()).toBe(count)
  })

  it('refuses a negative wallet whatever the code does', async () => {
    const u = await registerUser(t)
    await fund(t, u.id, { points: 3 })
    await expect(
      t.app.services.prisma
        .$executeRaw`UPDATE "StoreBalance" SET "balance" = -1 WHERE "accountKind" = 'USER' AND "accountOwner" = ${u.id}`,
    ).rejects.toThrow(/StoreBalance_not_negative/)
  })

  it('storeLedgerCheck proves the invariants for store admins only', async () => {
    const r = await ok(gql(t.url, CHECK, {}, t.admin.token))
    expect(r.storeLedgerCheck.ok).toBe(true)
    expect(r.storeLedgerCheck.entries).toBeGreaterThan(0)
    expect(r.storeLedgerCheck.unbalancedEntries).toEqual([])
    expect(codeOf(await gql(t.url, CHECK, {}, t.support.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gqlRaw(t.url, 'query { storeLedgerCheck { ok } }'))).toBe('UNAUTHENTICATED')
  })
})

describe('the wallet', () => {
  it('pages its postings newest first, and is private to its owner and store support', async () => {
    const u = await registerUser(t)
    const other = await registerUser(t)
    for (let i = 1; i <= 5; i++) await fund(t, u.id, { points: i })
    const p1 = await ok(gql(t.url, POSTINGS, { first: 2 }, u.token))
    expect(p1.wallet.points).toBe(15)
    expect(p1.wallet.postings.edges.map((e) => e.node.amount)).toEqual([5, 4])
    expect(p1.wallet.postings.pageInfo.hasNextPage).toBe(true)
    const p2 = await ok(gql(t.url, POSTINGS, { first: 10, after: p1.wallet.postings.pageInfo.endCursor }, u.token))
    expect(p2.wallet.postings.edges.map((e) => e.node.amount)).toEqual([3, 2, 1])
    expect(codeOf(await gql(t.url, POSTINGS, { first: 101 }, u.token))).toBe('INVALID_INPUT')
    const w = graphql(`query StoreWalletOf($u: Int) { wallet(userId: $u) { userId points } }`)
    expect(codeOf(await gql(t.url, w, { u: u.id }, other.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect((await ok(gql(t.url, w, { u: u.id }, t.support.token))).wallet).toEqual({ userId: u.id, points: 15 })
    expect(codeOf(await gql(t.url, w, {}))).toBe('UNAUTHENTICATED')
  })
})
