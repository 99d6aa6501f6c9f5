import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { closeAll } from '../helpers/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, type GqlResult } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { buy, codeOf, createBonus, expectLedgerSound, newKey, ok, startStoreApp, type StoreApp } from './support.js'

/**
 * A property of the whole store: any sequence of top-ups, purchases, gifts, refunds and staff adjustments by a few
 * users keeps every invariant — each entry balances, cached balances are the sums of their postings, no internal
 * account is negative — and the wallets are exactly what a simple model of the rules predicts after every step
 * (so every refusal is the right one and moves nothing). STORE_PROPERTY_RUNS sets the number of sequences.
 */

const HMAC = 'property-test-top-up-secret-0123456789'
const RUNS = Number(process.env.STORE_PROPERTY_RUNS ?? 12)

let t: StoreApp
let timed: number
let forever: number
let giftId: number
beforeAll(async () => {
  t = await startStoreApp({ STORE_TOPUP_SECRET: HMAC })
  timed = await createBonus(t, { pekoins: 3, points: 5, duration: 3600 })
  forever = await createBonus(t, { pekoins: 7, points: 0, duration: 0 })
  const gift = graphql(
    `mutation StorePropGift { saveStoreGift(input: { name: "Prop", image: "/p.png", price: 4, active: true }) { databaseId } }`,
  )
  giftId = (await ok(gql(t.url, gift, {}, t.admin.token))).saveStoreGift.databaseId
}, 120_000)
afterAll(() => closeAll(t))

const TOP_UP = graphql(`mutation StorePropTopUp($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }`)
const GIFT = graphql(`mutation StorePropSend($g: Int!, $u: Int!) { sendGift(giftId: $g, userId: $u) { databaseId } }`)
const REFUND = graphql(
  `mutation StorePropRefund($id: Int!) { refundStorePurchase(id: $id, reason: "property") { databaseId } }`,
)
const ADJUST = graphql(`
  mutation StorePropAdjust($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: "property") { pekoins } }
`)
const SET_POINTS = graphql(
  `mutation StorePropPoints($u: Int!, $a: Int!) { setStorePoints(userId: $u, amount: $a, reason: "property") { amount } }`,
)

type Currency = 'PEKOINS' | 'POINTS'
type Op =
  | { op: 'topUp'; user: number; amount: number }
  | { op: 'buy'; user: number; bonus: 'timed' | 'forever'; currency: Currency }
  | { op: 'gift'; from: number; to: number }
  | { op: 'refund'; purchase: number }
  | { op: 'adjust'; user: number; currency: Currency; amount: number }
  | { op: 'setPoints'; user: number; amount: number }

const USERS = 3
const user = fc.integer({ min: 0, max: USERS - 1 })
const currency = fc.constantFrom<Currency>('PEKOINS', 'POINTS')
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('topUp' as const), user, amount: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant('buy' as const),
    user,
    bonus: fc.constantFrom<'timed' | 'forever'>('timed', 'forever'),
    currency,
  }),
  fc.record({ op: fc.constant('gift' as const), from: user, to: user }),
  fc.record({ op: fc.constant('refund' as const), purchase: fc.integer({ min: 0, max: 5 }) }),
  fc.record({
    op: fc.constant('adjust' as const),
    user,
    currency,
    amount: fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
  }),
  fc.record({ op: fc.constant('setPoints' as const), user, amount: fc.integer({ min: 0, max: 60 }) }),
)

/** The rules, small enough to trust: balances, and purchases with what was paid for them. */
interface Model {
  wallets: { PEKOINS: number; POINTS: number }[]
  purchases: {
    id: number
    user: number
    bonus: 'timed' | 'forever'
    paid: { PEKOINS: number; POINTS: number }
    removed: boolean
  }[]
}

const PRICE = { timed: { PEKOINS: 3, POINTS: 5 }, forever: { PEKOINS: 7, POINTS: 0 } } as const

/** Runs one step against the server and the model; returns the code the server should have answered (or null). */
async function step(op: Op, users: TestUser[], m: Model): Promise<{ got: GqlResult; want: string | null }> {
  switch (op.op) {
    case 'topUp': {
      const u = users[op.user]
      const key = newKey()
      const signature = createHmac('sha256', HMAC).update(`${u.id}:${op.amount}:${key}`).digest('hex')
      m.wallets[op.user].PEKOINS += op.amount
      return {
        got: await gql(t.url, TOP_UP, { i: { userId: u.id, amount: op.amount, idempotencyKey: key, signature } }),
        want: null,
      }
    }
    case 'buy': {
      const price = PRICE[op.bonus][op.currency]
      const got = await buy(t, users[op.user], op.bonus === 'timed' ? timed : forever, op.currency)
      if (price === 0) return { got, want: 'BONUS_NOT_FOR_SALE' }
      const running = m.purchases.find((p) => p.user === op.user && p.bonus === op.bonus && !p.removed)
      if (op.bonus === 'forever' && running) return { got, want: 'BONUS_ALREADY_OWNED' }
      if (m.wallets[op.user][op.currency] < price) return { got, want: 'INSUFFICIENT_FUNDS' }
      m.wallets[op.user][op.currency] -= price
      const id =
        got.data && typeof got.data === 'object' && 'buyBonus' in got.data
          ? (got.data as { buyBonus: { purchase: { databaseId: number } } }).buyBonus.purchase.databaseId
          : -1
      if (running) {
        expect(id, 'a running timed purchase is extended').toBe(running.id)
        running.paid[op.currency] += price
      } else
        m.purchases.push({
          id,
          user: op.user,
          bonus: op.bonus,
          paid: { PEKOINS: 0, POINTS: 0, [op.currency]: price },
          removed: false,
        })
      return { got, want: null }
    }
    case 'gift': {
      const got = await gql(t.url, GIFT, { g: giftId, u: users[op.to].id }, users[op.from].token)
      if (op.from === op.to) return { got, want: 'INVALID_INPUT' }
      if (m.wallets[op.from].PEKOINS < 4) return { got, want: 'INSUFFICIENT_FUNDS' }
      m.wallets[op.from].PEKOINS -= 4
      return { got, want: null }
    }
    case 'refund': {
      const p = m.purchases[op.purchase] as Model['purchases'][number] | undefined
      if (!p) return { got: { status: 200, data: {} }, want: null }
      const got = await gql(t.url, REFUND, { id: p.id }, t.support.token)
      if (p.removed) return { got, want: 'PURCHASE_NOT_FOUND' }
      p.removed = true
      m.wallets[p.user].PEKOINS += p.paid.PEKOINS
      m.wallets[p.user].POINTS += p.paid.POINTS
      return { got, want: null }
    }
    case 'adjust': {
      const got = await gql(t.url, ADJUST, { u: users[op.user].id, c: op.currency, a: op.amount }, t.admin.token)
      if (m.wallets[op.user][op.currency] + op.amount < 0) return { got, want: 'INSUFFICIENT_FUNDS' }
      m.wallets[op.user][op.currency] += op.amount
      return { got, want: null }
    }
    case 'setPoints': {
      m.wallets[op.user].POINTS = op.amount
      return { got: await gql(t.url, SET_POINTS, { u: users[op.user].id, a: op.amount }, t.support.token), want: null }
    }
  }
}

async function walletsOf(users: TestUser[]) {
  const rows = await t.app.services.prisma.storeBalance.findMany({
    where: { accountKind: 'USER', accountOwner: { in: users.map((u) => u.id) } },
  })
  return users.map((u) => {
    const of = (c: Currency) => Number(rows.find((r) => r.accountOwner === u.id && r.currency === c)?.balance ?? 0)
    return { PEKOINS: of('PEKOINS'), POINTS: of('POINTS') }
  })
}

describe('any sequence of money operations', () => {
  it('keeps the ledger balanced, the balances equal to the sums and never negative, and the wallets as the rules say', async () => {
    let steps = 0
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 20 }), async (ops) => {
        const users = await Promise.all(Array.from({ length: USERS }, () => registerUser(t)))
        const m: Model = { wallets: users.map(() => ({ PEKOINS: 0, POINTS: 0 })), purchases: [] }
        // every user starts with some money, so purchases and gifts succeed as often as they are refused
        const start: Op[] = users.flatMap((_, i): Op[] => [
          { op: 'topUp', user: i, amount: 10 },
          { op: 'setPoints', user: i, amount: 10 },
        ])
        for (const op of [...start, ...ops]) {
          const { got, want } = await step(op, users, m)
          expect(codeOf(got) ?? null, JSON.stringify(op)).toBe(want)
          const wallets = await walletsOf(users)
          expect(wallets, JSON.stringify(op)).toEqual(m.wallets)
          for (const w of wallets) expect(Math.min(w.PEKOINS, w.POINTS)).toBeGreaterThanOrEqual(0)
          steps++
          if (process.env.STORE_PROPERTY_DEBUG)
            console.log(JSON.stringify(op), codeOf(got) ?? 'ok', JSON.stringify(wallets))
        }
        await expectLedgerSound(t)
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    )
    console.log(`[store property] ${RUNS} sequences, ${steps} steps, every invariant held`)
  }, 600_000)
})
