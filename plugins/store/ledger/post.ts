import type { Prisma, StoreCurrency, StoreEntryKind } from '../../../src/generated/prisma/client.js'
import { AppError } from '../../../src/errors.js'
import { CURRENCY_NAME, EXTERNAL, MAX_WALLET, type Leg } from './accounts.js'
import type { Tx } from './locks.js'

export interface Idempotency {
  /** "user:<id>" of the caller, "topup:<id>" of a back-end top-up */
  scope: string
  key: string
  /** sha256 of the operation and its input */
  hash: string
}

export interface EntryInput {
  kind: StoreEntryKind
  /** the user the entry is for */
  userId: number | null
  staffId?: number | null
  reason?: string | null
  idempotency?: Idempotency | null
  /** what the request answered (ids), stored for retries with the same key */
  result?: Prisma.InputJsonValue
  legs: Leg[]
}

export interface PostedEntry {
  id: number
  kind: StoreEntryKind
  /** the wallets the entry touched and in which currencies (walletChanged events, bonus/points notifications) */
  wallets: { userId: number; currencies: StoreCurrency[] }[]
}

/** The entry's own shape: two or more non-zero integer postings summing to zero per currency. A bug, not input. */
function checkLegs(legs: Leg[]) {
  if (legs.length < 2) throw new Error('a store entry needs two or more postings')
  const sums = new Map<string, number>()
  for (const l of legs) {
    if (!Number.isSafeInteger(l.amount) || l.amount === 0 || Math.abs(l.amount) > MAX_WALLET)
      throw new Error(`a store posting amount must be a non-zero integer within ±${MAX_WALLET}, got ${l.amount}`)
    sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.amount)
  }
  for (const [currency, sum] of sums)
    if (sum !== 0) throw new Error(`a store entry does not balance in ${currency}: its postings sum to ${sum}`)
}

const order = (l: Leg) => `${l.account.kind}:${String(l.account.owner).padStart(10, '0')}:${l.currency}`

/**
 * Moves one posting's amount in its account's cached balance, in the same database transaction as the posting.
 * Money leaving an internal account is a conditional UPDATE: no row changed means the balance would go below zero, so
 * the entry is refused (and the caller's whole transaction rolls back). Money entering a wallet is capped likewise.
 */
async function applyLeg(tx: Tx, leg: Leg) {
  const { kind, owner } = leg.account
  if (leg.amount < 0 && !EXTERNAL.has(kind)) {
    const changed = await tx.$executeRaw`
      UPDATE "StoreBalance" SET "balance" = "balance" + ${leg.amount}, "updatedAt" = now()
      WHERE "accountKind" = ${kind}::"StoreAccountKind" AND "accountOwner" = ${owner}
        AND "currency" = ${leg.currency}::"StoreCurrency" AND "balance" + ${leg.amount} >= 0`
    if (changed === 0)
      throw new AppError('INSUFFICIENT_FUNDS', `Not enough ${CURRENCY_NAME[leg.currency]}`, {
        currency: leg.currency,
      })
    return
  }
  const cap = kind === 'USER' ? MAX_WALLET : Number.MAX_SAFE_INTEGER
  const changed = await tx.$executeRaw`
    INSERT INTO "StoreBalance" ("accountKind", "accountOwner", "currency", "balance", "updatedAt")
    VALUES (${kind}::"StoreAccountKind", ${owner}, ${leg.currency}::"StoreCurrency", ${leg.amount}, now())
    ON CONFLICT ("accountKind", "accountOwner", "currency") DO UPDATE
      SET "balance" = "StoreBalance"."balance" + EXCLUDED."balance", "updatedAt" = now()
      WHERE "StoreBalance"."balance" + EXCLUDED."balance" <= ${cap}`
  if (changed === 0)
    throw new AppError(
      'WALLET_LIMIT_EXCEEDED',
      `A wallet holds at most ${MAX_WALLET} ${CURRENCY_NAME[leg.currency]}: this would exceed it`,
      { currency: leg.currency },
    )
}

/**
 * Writes one journal entry: the entry row, each posting's balance (in a fixed order, so concurrent entries over the
 * same accounts never wait on each other in a cycle), and the postings. Call it inside the caller's transaction with
 * the users concerned locked (lockUsers): a refusal anywhere rolls back everything the request wrote.
 */
export async function postEntry(tx: Tx, entry: EntryInput): Promise<PostedEntry> {
  checkLegs(entry.legs)
  const row = await tx.storeTransaction.create({
    data: {
      kind: entry.kind,
      userId: entry.userId,
      staffId: entry.staffId ?? null,
      reason: entry.reason ?? null,
      idemScope: entry.idempotency?.scope ?? null,
      idemKey: entry.idempotency?.key ?? null,
      requestHash: entry.idempotency?.hash ?? null,
      result: entry.result,
    },
    select: { id: true },
  })
  const legs = [...entry.legs].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
  for (const leg of legs) await applyLeg(tx, leg)
  await tx.storePosting.createMany({
    data: entry.legs.map((l) => ({
      transactionId: row.id,
      accountKind: l.account.kind,
      accountOwner: l.account.owner,
      currency: l.currency,
      amount: l.amount,
    })),
  })
  const wallets = new Map<number, Set<StoreCurrency>>()
  for (const l of entry.legs.filter((x) => x.account.kind === 'USER')) {
    const set = wallets.get(l.account.owner) ?? new Set()
    wallets.set(l.account.owner, set.add(l.currency))
  }
  return {
    id: row.id,
    kind: entry.kind,
    wallets: [...wallets].map(([userId, currencies]) => ({ userId, currencies: [...currencies] })),
  }
}
