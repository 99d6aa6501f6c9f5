import type { Context } from '../../src/context.js'
import type { Prisma, StoreCurrency } from '../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../src/errors.js'
import { requireOwnerOrSupport, requireRole, scopeOf } from './access.js'
import { writeAudit } from './audit.js'
import { announceEntry } from './events.js'
import { ADJUSTMENT, CURRENCY_NAME, MAX_WALLET, transfer, wallet } from './ledger/accounts.js'
import { checkKey, idempotency, runMoney } from './ledger/idempotency.js'
import { postEntry, type PostedEntry } from './ledger/post.js'
import { idOf, intIn, reasonOf, userExists } from './validate.js'
import { balanceOf, walletOf } from './wallet.js'
import type { WalletView } from './views.js'

/** Points (store.md "Баллы") and staff adjustments of wallets: every change is a ledger entry with staff and reason. */

export interface PointsView {
  userId: number
  amount: number
}

/** A user's points: their own, or anyone's for store support (peka2 points/get, points/my). */
export async function pointsOf(ctx: Context, userId: number): Promise<PointsView> {
  requireOwnerOrSupport(ctx, userId)
  return { userId, amount: await balanceOf(ctx.prisma, userId, 'POINTS') }
}

const numberIn = (result: Prisma.JsonValue, key: string) =>
  result && typeof result === 'object' && !Array.isArray(result) && typeof result[key] === 'number' ? result[key] : 0

/**
 * Store support sets a user's points (peka2 points/set): the difference is posted between the wallet and the
 * adjustment account, so the journal says who changed how much and why. Setting the amount it already is moves
 * nothing (and is still audited).
 */
export async function setPoints(
  ctx: Context,
  input: { userId: number; amount: number; reason: string; idempotencyKey?: string | null },
): Promise<PointsView> {
  const staff = requireRole(ctx, 'storeSupport')
  const userId = idOf(input.userId, 'userId')
  const amount = intIn(input.amount, 'amount', 0, MAX_WALLET)
  const reason = reasonOf(input.reason)
  const idem = idempotency(scopeOf(staff), checkKey(input.idempotencyKey), 'setPoints', { userId, amount, reason })
  await userExists(ctx.prisma, userId, 'userId')
  const out = await runMoney(ctx, [userId], idem, async (tx) => {
    const before = await balanceOf(tx, userId, 'POINTS')
    let entry: PostedEntry | null = null
    if (amount !== before)
      entry = await postEntry(tx, {
        kind: 'POINTS_SET',
        userId,
        staffId: staff.id,
        reason,
        idempotency: idem,
        result: { userId, amount },
        legs: transfer(ADJUSTMENT, wallet(userId), 'POINTS', amount - before),
      })
    await writeAudit(tx, {
      staffId: staff.id,
      action: 'POINTS_SET',
      reason,
      userId,
      transactionId: entry?.id ?? null,
      before: { points: before },
      after: { points: amount },
    })
    return entry
  })
  if (!out.fresh) return { userId, amount: numberIn(out.result, 'amount') }
  if (out.value) await announceEntry(ctx, out.value)
  return { userId, amount }
}

/**
 * Staff grant (positive) or take back (negative) an amount: points by store support, pekoins — bought money — by
 * store admins only. Taking back more than the wallet holds is INSUFFICIENT_FUNDS.
 */
export async function adjustBalance(
  ctx: Context,
  input: {
    userId: number
    currency: StoreCurrency
    amount: number
    reason: string
    idempotencyKey?: string | null
  },
): Promise<WalletView> {
  const staff = requireRole(ctx, input.currency === 'PEKOINS' ? 'storeAdmin' : 'storeSupport')
  const userId = idOf(input.userId, 'userId')
  const amount = intIn(input.amount, 'amount', -MAX_WALLET, MAX_WALLET)
  if (amount === 0) throw invalid('amount', 'must not be 0')
  const reason = reasonOf(input.reason)
  const { currency } = input
  const idem = idempotency(scopeOf(staff), checkKey(input.idempotencyKey), 'adjustBalance', {
    userId,
    currency,
    amount,
    reason,
  })
  await userExists(ctx.prisma, userId, 'userId')
  const out = await runMoney(ctx, [userId], idem, async (tx) => {
    const before = await balanceOf(tx, userId, currency)
    if (before + amount < 0)
      throw new AppError(
        'INSUFFICIENT_FUNDS',
        `Not enough ${CURRENCY_NAME[currency]}: the wallet holds ${before}, ${-amount} cannot be taken`,
        { currency },
      )
    const entry = await postEntry(tx, {
      kind: 'ADJUSTMENT',
      userId,
      staffId: staff.id,
      reason,
      idempotency: idem,
      result: { userId },
      legs: transfer(ADJUSTMENT, wallet(userId), currency, amount),
    })
    await writeAudit(tx, {
      staffId: staff.id,
      action: 'BALANCE_ADJUSTED',
      reason,
      userId,
      transactionId: entry.id,
      before: { [currency.toLowerCase()]: before },
      after: { [currency.toLowerCase()]: before + amount },
    })
    return entry
  })
  if (out.fresh) await announceEntry(ctx, out.value)
  return walletOf(ctx.prisma, userId)
}
