import type { StoreAccountKind, StoreCurrency } from '../../../src/generated/prisma/client.js'

/** An account of the ledger: a kind and its owner (a user id for wallets and payouts, 0 for the store's own). */
export interface Account {
  kind: StoreAccountKind
  owner: number
}

/** One posting of an entry: signed amount, negative leaves the account. */
export interface Leg {
  account: Account
  currency: StoreCurrency
  amount: number
}

export const wallet = (userId: number): Account => ({ kind: 'USER', owner: userId })
export const payout = (streamerId: number): Account => ({ kind: 'PAYOUT', owner: streamerId })
export const REVENUE: Account = { kind: 'REVENUE', owner: 0 }
export const TOPUP: Account = { kind: 'TOPUP', owner: 0 }
export const ADJUSTMENT: Account = { kind: 'ADJUSTMENT', owner: 0 }
export const FREE_COINS: Account = { kind: 'FREE_COINS', owner: 0 }

/** Where money enters from outside: the only accounts whose balance may be negative (the migration's CHECK agrees). */
export const EXTERNAL: ReadonlySet<StoreAccountKind> = new Set(['TOPUP', 'ADJUSTMENT', 'FREE_COINS'])

/** The most a wallet holds of one currency (and the largest single amount): balances stay exact JavaScript numbers. */
export const MAX_WALLET = 1_000_000_000

export const CURRENCY_NAME: Record<StoreCurrency, string> = { PEKOINS: 'pekoins', POINTS: 'points' }

/** Money moves from `from` to `to`: the two postings of a simple transfer. */
export const transfer = (from: Account, to: Account, currency: StoreCurrency, amount: number): Leg[] => [
  { account: from, currency, amount: -amount },
  { account: to, currency, amount },
]
