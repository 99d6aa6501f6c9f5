import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import { startTestApp, type TestApp, type TestAppOptions } from '../helpers/app.js'
import { codeOf, gql, type GqlResult } from '../helpers/clients.js'
import { userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import type { StoreBonusType, StoreCurrency } from '../generated/graphql.js'
import { checkLedger } from '../../plugins/store/ledger/check.js'

/** Store test support: an app with its staff, bonuses and funded wallets made through the public API. */

export interface StoreApp extends TestApp {
  /** storeAdmin and storeSupport */
  admin: TestUser
  /** storeSupport only */
  support: TestUser
}

export async function startStoreApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<StoreApp> {
  const t = await startTestApp(env, opts)
  const admin = await userWithRoles(t, { storeAdmin: 1, storeSupport: 1 })
  const support = await userWithRoles(t, { storeSupport: 1 })
  return Object.assign(t, { admin, support })
}

/** The data of a call that must succeed. */
export async function ok<T>(p: Promise<GqlResult<T>>): Promise<T> {
  const r = await p
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`)
  return r.data
}

export const newKey = () => `k-${randomBytes(8).toString('hex')}`

export interface BonusSpec {
  type?: StoreBonusType
  config?: { level?: number; color?: string; smiles?: string[]; amount?: number }
  duration?: number
  name?: string
  canBePurchased?: boolean
  pekoins?: number
  points?: number
  category?: number
  position?: number
  linked?: boolean
}

export const SAVE_BONUS = graphql(`
  mutation StoreSaveBonus($input: StoreBonusInput!) {
    saveStoreBonus(input: $input) { databaseId type config duration name price { canBePurchased pekoins points } view { category position linked } }
  }
`)

export const bonusInput = (spec: BonusSpec = {}) => ({
  type: spec.type ?? 'NICK_COLOR',
  config: spec.config ?? { color: '#ff0000' },
  duration: spec.duration ?? 30 * 24 * 3600,
  name: spec.name ?? `bonus ${randomBytes(3).toString('hex')}`,
  price: { canBePurchased: spec.canBePurchased ?? true, pekoins: spec.pekoins ?? 1, points: spec.points ?? 0 },
  view: { category: spec.category ?? 0, position: spec.position ?? 0, linked: spec.linked ?? false },
})

/** A bonus made by the store admin through GraphQL: a month of a red nick for 1 pekoin unless told otherwise. */
export async function createBonus(t: StoreApp, spec: BonusSpec = {}): Promise<number> {
  const d = await ok(gql(t.url, SAVE_BONUS, { input: bonusInput(spec) }, t.admin.token))
  return d.saveStoreBonus.databaseId
}

export const ADJUST = graphql(`
  mutation StoreAdjust($u: Int!, $c: StoreCurrency!, $a: Int!, $k: String) {
    adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: "test funds", idempotencyKey: $k) { pekoins points }
  }
`)

/** Puts money in a wallet the way staff do (a ledger entry from the adjustment account). */
export async function fund(t: StoreApp, userId: number, money: { pekoins?: number; points?: number }) {
  if (money.pekoins) await ok(gql(t.url, ADJUST, { u: userId, c: 'PEKOINS', a: money.pekoins }, t.admin.token))
  if (money.points) await ok(gql(t.url, ADJUST, { u: userId, c: 'POINTS', a: money.points }, t.admin.token))
}

export const WALLET = graphql(`query StoreWallet($u: Int) { wallet(userId: $u) { pekoins points } }`)

export async function walletOf(t: TestApp, u: TestUser): Promise<{ pekoins: number; points: number }> {
  return (await ok(gql(t.url, WALLET, {}, u.token))).wallet
}

export const BUY = graphql(`
  mutation StoreBuy($b: Int!, $c: StoreCurrency!, $k: String) {
    buyBonus(bonusId: $b, currency: $c, idempotencyKey: $k) {
      purchase { databaseId expiresAt active inEffect }
      purchases { databaseId }
      wallet { pekoins points }
    }
  }
`)

export const buy = (t: TestApp, u: TestUser, bonusId: number, currency: StoreCurrency = 'PEKOINS', key?: string) =>
  gql(t.url, BUY, { b: bonusId, c: currency, k: key ?? null }, u.token)

/** The ledger's invariants, read straight from the database: every check must come back empty. */
export async function expectLedgerSound(t: TestApp) {
  const c = await checkLedger(t.app.services.prisma)
  expect(c.unbalancedEntries, 'unbalanced entries').toEqual([])
  expect(c.mismatchedBalances, 'cached balances ≠ sums of postings').toEqual([])
  expect(c.negativeBalances, 'negative internal balances').toEqual([])
  for (const total of c.totals) expect(total.sum, `sum of ${total.currency} postings`).toBe(0)
  return c
}

export { codeOf }
