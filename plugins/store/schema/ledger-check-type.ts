import type { Builder } from '../../../src/schema/builder.js'
import type { LedgerCheck } from '../ledger/check.js'

/** StoreLedgerCheck: what the ledger check (`storeLedgerCheck`) found, with the rows at fault. */
export function addLedgerCheckType(builder: Builder) {
  const ACCOUNT_KIND =
    'The account kind: USER (a wallet), REVENUE, PAYOUT (a streamer), TOPUP, ADJUSTMENT or FREE_COINS'
  const ACCOUNT_OWNER = "The account's user id (USER, PAYOUT); 0 for the store's own accounts"
  const Mismatch = builder.objectRef<LedgerCheck['mismatchedBalances'][number]>('StoreBalanceMismatch').implement({
    description: 'An account whose cached balance differs from the sum of its postings',
    fields: (t) => ({
      kind: t.exposeString('kind', { description: ACCOUNT_KIND }),
      owner: t.exposeInt('owner', { description: ACCOUNT_OWNER }),
      currency: t.exposeString('currency', { description: 'PEKOINS or POINTS' }),
      cached: t.exposeFloat('cached', { description: 'The cached balance (0 when there is no balance row)' }),
      sum: t.exposeFloat('sum', { description: "The sum of the account's postings" }),
    }),
  })
  const Negative = builder.objectRef<LedgerCheck['negativeBalances'][number]>('StoreNegativeBalance').implement({
    description: 'An internal account (wallet, revenue, payout) below zero',
    fields: (t) => ({
      kind: t.exposeString('kind', { description: ACCOUNT_KIND }),
      owner: t.exposeInt('owner', { description: ACCOUNT_OWNER }),
      currency: t.exposeString('currency', { description: 'PEKOINS or POINTS' }),
      balance: t.exposeFloat('balance', { description: 'The negative balance' }),
    }),
  })
  const Total = builder.objectRef<LedgerCheck['totals'][number]>('StoreCurrencyTotal').implement({
    description: 'The sum of every posting of a currency: 0 in a balanced ledger',
    fields: (t) => ({
      currency: t.exposeString('currency', { description: 'PEKOINS or POINTS' }),
      sum: t.exposeFloat('sum', { description: 'The sum; anything but 0 is an error' }),
    }),
  })
  return builder.objectRef<LedgerCheck>('StoreLedgerCheck').implement({
    description: "The ledger's invariants, proved from every row",
    fields: (t) => ({
      ok: t.boolean({
        description: 'every entry balances, every cached balance is its sum, no internal account is negative',
        resolve: (c) =>
          !c.unbalancedEntries.length &&
          !c.mismatchedBalances.length &&
          !c.negativeBalances.length &&
          c.totals.every((x) => x.sum === 0),
      }),
      entries: t.exposeInt('entries', { description: 'Journal entries read' }),
      postings: t.exposeInt('postings', { description: 'Postings read' }),
      unbalancedEntries: t.exposeIntList('unbalancedEntries', {
        description:
          'Entries whose postings do not sum to zero in a currency, or that have fewer than two postings (at most 100)',
      }),
      mismatchedBalances: t.field({
        type: [Mismatch],
        description: 'Cached balances that differ from their postings (at most 100)',
        resolve: (c) => c.mismatchedBalances,
      }),
      negativeBalances: t.field({
        type: [Negative],
        description: 'Internal accounts below zero (at most 100)',
        resolve: (c) => c.negativeBalances,
      }),
      totals: t.field({
        type: [Total],
        description: 'The sum of every posting per currency',
        resolve: (c) => c.totals,
      }),
    }),
  })
}
