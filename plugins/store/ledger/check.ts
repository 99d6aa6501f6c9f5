import type { DbLike } from '../../../src/db/client.js'

export interface LedgerCheck {
  entries: number
  postings: number
  /** entries whose postings do not sum to zero in a currency, or that have fewer than two postings */
  unbalancedEntries: number[]
  /** cached balances that differ from the sum of their account's postings */
  mismatchedBalances: { kind: string; owner: number; currency: string; cached: number; sum: number }[]
  /** internal accounts (wallets, revenue, payouts) below zero */
  negativeBalances: { kind: string; owner: number; currency: string; balance: number }[]
  /** the sum of every posting per currency: zero in a balanced ledger */
  totals: { currency: string; sum: number }[]
}

/**
 * Proves the ledger's invariants from the rows themselves (every posting is read): each entry balances, each cached
 * balance is the sum of its postings, no internal account is negative. Staff run it (storeLedgerCheck); tests too.
 */
export async function checkLedger(db: DbLike): Promise<LedgerCheck> {
  const [counts] = await db.$queryRaw<{ entries: bigint; postings: bigint }[]>`
    SELECT (SELECT COUNT(*) FROM "StoreTransaction") AS entries, (SELECT COUNT(*) FROM "StorePosting") AS postings`
  const unbalanced = await db.$queryRaw<{ id: number }[]>`
    SELECT t."id" FROM "StoreTransaction" t LEFT JOIN "StorePosting" p ON p."transactionId" = t."id"
    GROUP BY t."id" HAVING COUNT(p."id") < 2
    UNION
    SELECT "transactionId" FROM "StorePosting" GROUP BY "transactionId", "currency" HAVING SUM("amount") <> 0
    ORDER BY 1 LIMIT 100`
  const mismatched = await db.$queryRaw<
    { kind: string; owner: number; currency: string; cached: bigint | null; sum: bigint | null }[]
  >`
    SELECT COALESCE(b."accountKind", s."accountKind")::text AS kind, COALESCE(b."accountOwner", s."accountOwner") AS owner,
           COALESCE(b."currency", s."currency")::text AS currency, b."balance" AS cached, s.total AS sum
    FROM "StoreBalance" b
    FULL JOIN (SELECT "accountKind", "accountOwner", "currency", SUM("amount")::bigint AS total
               FROM "StorePosting" GROUP BY 1, 2, 3) s
      ON s."accountKind" = b."accountKind" AND s."accountOwner" = b."accountOwner" AND s."currency" = b."currency"
    WHERE COALESCE(b."balance", 0) <> COALESCE(s.total, 0)
    LIMIT 100`
  const negative = await db.$queryRaw<{ kind: string; owner: number; currency: string; balance: bigint }[]>`
    SELECT "accountKind"::text AS kind, "accountOwner" AS owner, "currency"::text AS currency, "balance"
    FROM "StoreBalance" WHERE "balance" < 0 AND "accountKind" NOT IN ('TOPUP', 'ADJUSTMENT', 'FREE_COINS')
    LIMIT 100`
  const totals = await db.$queryRaw<{ currency: string; sum: bigint }[]>`
    SELECT "currency"::text AS currency, SUM("amount")::bigint AS sum FROM "StorePosting" GROUP BY 1 ORDER BY 1`
  return {
    entries: Number(counts.entries),
    postings: Number(counts.postings),
    unbalancedEntries: unbalanced.map((r) => r.id),
    mismatchedBalances: mismatched.map((m) => ({
      kind: m.kind,
      owner: m.owner,
      currency: m.currency,
      cached: Number(m.cached ?? 0),
      sum: Number(m.sum ?? 0),
    })),
    negativeBalances: negative.map((n) => ({ ...n, balance: Number(n.balance) })),
    totals: totals.map((t) => ({ currency: t.currency, sum: Number(t.sum) })),
  }
}
