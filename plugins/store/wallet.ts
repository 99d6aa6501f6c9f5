import type { DbLike } from '../../src/db/client.js'
import type { StoreCurrency, StoreEntryKind } from '../../src/generated/prisma/client.js'
import type { WalletView } from './views.js'

/** A user's balances, from the cached balance rows (which the ledger keeps equal to the postings' sums). */
export async function walletOf(db: DbLike, userId: number): Promise<WalletView> {
  const rows = await db.storeBalance.findMany({
    where: { accountKind: 'USER', accountOwner: userId },
    select: { currency: true, balance: true },
  })
  const of = (c: StoreCurrency) => Number(rows.find((r) => r.currency === c)?.balance ?? 0)
  return { userId, pekoins: of('PEKOINS'), points: of('POINTS') }
}

/** One currency of a wallet. */
export async function balanceOf(db: DbLike, userId: number, currency: StoreCurrency): Promise<number> {
  const row = await db.storeBalance.findUnique({
    where: { accountKind_accountOwner_currency: { accountKind: 'USER', accountOwner: userId, currency } },
    select: { balance: true },
  })
  return Number(row?.balance ?? 0)
}

export interface PostingView {
  id: number
  transactionId: number
  kind: StoreEntryKind
  currency: StoreCurrency
  /** signed: negative left the wallet */
  amount: number
  /** staff's reason, for entries staff made */
  reason: string | null
  time: string
}

/** A page of a wallet's postings, newest first. */
export async function postingsOf(
  db: DbLike,
  userId: number,
  currency: StoreCurrency | null | undefined,
  page: { where: { id?: { lt?: number; gt?: number } }; orderBy: { id: 'asc' | 'desc' }; take: number },
): Promise<PostingView[]> {
  const rows = await db.storePosting.findMany({
    where: { accountKind: 'USER', accountOwner: userId, ...(currency ? { currency } : {}), ...page.where },
    orderBy: page.orderBy,
    take: page.take,
    select: {
      id: true,
      currency: true,
      amount: true,
      transaction: { select: { id: true, kind: true, reason: true, createdAt: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    transactionId: r.transaction.id,
    kind: r.transaction.kind,
    currency: r.currency,
    amount: r.amount,
    reason: r.transaction.reason,
    time: r.transaction.createdAt.toISOString(),
  }))
}
