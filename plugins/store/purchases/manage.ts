import type { Context } from '../../../src/context.js'
import { AppError, invalid } from '../../../src/errors.js'
import { hasRole, requireOwnerOrSupport, requireRole, scopeOf, signedIn } from '../access.js'
import { writeAudit } from '../audit.js'
import { bonusNotFound } from '../catalogue.js'
import { announceEntry, announcePurchase } from '../events.js'
import type { Leg } from '../ledger/accounts.js'
import { checkKey, idempotency, runLocked, runMoney } from '../ledger/idempotency.js'
import type { Tx } from '../ledger/locks.js'
import { postEntry } from '../ledger/post.js'
import { idOf, reasonOf, userExists } from '../validate.js'
import { purchaseView, type PurchaseView } from '../views.js'
import { replayPurchase } from './buy.js'

/** A user's bonuses (store.md "Бонусы пользователя"): listing, the owner's on/off switch, and store support's edits. */

/** A user holds at most one running purchase per bonus; removed ones are not listed. */
const LIST_MAX = 500

export const purchaseNotFound = (id: number, field = 'id') =>
  new AppError('PURCHASE_NOT_FOUND', `${field}: no purchase ${id}`, { field })

/** A user's purchases, oldest first, removed ones left out (expired ones stay: `expires` tells). */
export async function purchasesOf(ctx: Context, userId: number): Promise<PurchaseView[]> {
  requireOwnerOrSupport(ctx, userId)
  const rows = await ctx.prisma.storePurchase.findMany({
    where: { userId, removedAt: null },
    orderBy: { id: 'asc' },
    take: LIST_MAX,
  })
  return rows.map(purchaseView)
}

/** Node lookups: the owner's and store support's only. */
export async function purchasesById(ctx: Context, ids: number[]): Promise<(PurchaseView | null)[]> {
  const rows = await ctx.prisma.storePurchase.findMany({ where: { id: { in: ids } } })
  const staff = hasRole(ctx, 'storeSupport')
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)
    return r && (staff || r.userId === ctx.viewer?.id) ? purchaseView(r) : null
  })
}

/** The purchase's owner, read before locking them (a purchase never changes owner). */
async function ownerOf(ctx: Context, id: number) {
  const row = await ctx.prisma.storePurchase.findUnique({ where: { id }, select: { userId: true, removedAt: true } })
  if (!row || row.removedAt) throw purchaseNotFound(id)
  return row.userId
}

async function load(tx: Tx, id: number) {
  const row = await tx.storePurchase.findUnique({ where: { id } })
  if (!row || row.removedAt) throw purchaseNotFound(id)
  return row
}

/**
 * Switches a bonus on or off (peka2 purchase/setStatus, `A/StS`): its owner, or store support — whose change is
 * audited with their reason.
 */
export async function setPurchaseStatus(
  ctx: Context,
  input: { id: number; active: boolean; reason?: string | null },
): Promise<PurchaseView> {
  const id = idOf(input.id, 'id')
  const me = signedIn(ctx)
  const owner = await ownerOf(ctx, id)
  // someone else's purchase is as invisible as a missing one, unless the caller is store support
  if (owner !== me.id && !hasRole(ctx, 'storeSupport')) throw purchaseNotFound(id)
  const byStaff = me.id !== owner
  const reason = byStaff ? reasonOf(input.reason ?? 'status set by store support') : null
  const saved = await runLocked(ctx, [owner], async (tx) => {
    const before = await load(tx, id)
    const after = await tx.storePurchase.update({ where: { id }, data: { active: input.active } })
    if (reason)
      await writeAudit(tx, {
        staffId: me.id,
        action: 'PURCHASE_STATUS',
        reason,
        userId: owner,
        purchaseId: id,
        before: purchaseView(before),
        after: purchaseView(after),
      })
    return purchaseView(after)
  })
  await announcePurchase(ctx, 'CHANGED', saved)
  return saved
}

export interface PurchaseEdit {
  id: number
  /** peka2 sends the whole object back: owner and bonus must be the stored ones */
  userId?: number | null
  bonusId?: number | null
  /** the new end; null: no end; absent: unchanged */
  expiresAt?: Date | null
  /** absent: unchanged */
  active?: boolean | null
  reason: string
}

/** Store support changes a purchase's end and status (peka2 purchase/modify); owner and bonus stay as they are. */
export async function updatePurchase(ctx: Context, input: PurchaseEdit): Promise<PurchaseView> {
  const staff = requireRole(ctx, 'storeSupport')
  const id = idOf(input.id, 'id')
  const reason = reasonOf(input.reason)
  const owner = await ownerOf(ctx, id)
  const saved = await runLocked(ctx, [owner], async (tx) => {
    const before = await load(tx, id)
    if (input.userId != null && input.userId !== before.userId)
      throw invalid('userId', 'a purchase cannot be moved to another user')
    if (input.bonusId != null && input.bonusId !== before.bonusId)
      throw invalid('bonusId', 'a purchase cannot be turned into another bonus')
    const after = await tx.storePurchase.update({
      where: { id },
      data: {
        ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt, expiryNotified: false } : {}),
        ...(input.active != null ? { active: input.active } : {}),
      },
    })
    await writeAudit(tx, {
      staffId: staff.id,
      action: 'PURCHASE_CHANGED',
      reason,
      userId: owner,
      purchaseId: id,
      before: purchaseView(before),
      after: purchaseView(after),
    })
    return purchaseView(after)
  })
  await announcePurchase(ctx, 'CHANGED', saved)
  return saved
}

/** Store support takes a bonus away (peka2 purchase/remove) — no money moves; refundPurchase gives it back too. */
export async function removePurchase(ctx: Context, input: { id: number; reason: string }): Promise<PurchaseView> {
  const staff = requireRole(ctx, 'storeSupport')
  const id = idOf(input.id, 'id')
  const reason = reasonOf(input.reason)
  const owner = await ownerOf(ctx, id)
  const saved = await runLocked(ctx, [owner], async (tx) => {
    const before = await load(tx, id)
    const after = await tx.storePurchase.update({ where: { id }, data: { removedAt: new Date() } })
    await writeAudit(tx, {
      staffId: staff.id,
      action: 'PURCHASE_REMOVED',
      reason,
      userId: owner,
      purchaseId: id,
      before: purchaseView(before),
      after: purchaseView(after),
    })
    return purchaseView(after)
  })
  await announcePurchase(ctx, 'REMOVED', saved)
  return saved
}

/** Store support gives a user a bonus without payment ("добавлен бонус"); its end defaults to now + its duration. */
export async function grantBonus(
  ctx: Context,
  input: { userId: number; bonusId: number; expiresAt?: Date | null; reason: string },
): Promise<PurchaseView> {
  const staff = requireRole(ctx, 'storeSupport')
  const userId = idOf(input.userId, 'userId')
  const bonusId = idOf(input.bonusId, 'bonusId')
  const reason = reasonOf(input.reason)
  await userExists(ctx.prisma, userId, 'userId')
  const saved = await runLocked(ctx, [userId], async (tx) => {
    const bonus = await tx.storeBonus.findUnique({ where: { id: bonusId } })
    if (!bonus) throw bonusNotFound(bonusId)
    const expiresAt =
      input.expiresAt !== undefined
        ? input.expiresAt
        : bonus.duration > 0
          ? new Date(Date.now() + bonus.duration * 1000)
          : null
    const after = await tx.storePurchase.create({ data: { userId, bonusId, expiresAt } })
    await writeAudit(tx, {
      staffId: staff.id,
      action: 'PURCHASE_GRANTED',
      reason,
      userId,
      purchaseId: after.id,
      after: purchaseView(after),
    })
    return purchaseView(after)
  })
  await announcePurchase(ctx, 'GRANTED', saved)
  return saved
}

/**
 * Store support refunds a purchase: every payment made for it (the first purchase and each extension) is reversed by
 * a new entry — money back from the store's revenue to the wallet — and the purchase is removed. The payments stay in
 * the journal as they were.
 */
export async function refundPurchase(
  ctx: Context,
  input: { id: number; reason: string; idempotencyKey?: string | null },
): Promise<PurchaseView> {
  const staff = requireRole(ctx, 'storeSupport')
  const id = idOf(input.id, 'id')
  const reason = reasonOf(input.reason)
  const idem = idempotency(scopeOf(staff), checkKey(input.idempotencyKey), 'refundPurchase', { id, reason })
  const owner = await ownerOf(ctx, id).catch(async (e: unknown) => {
    // a retry of a refund that went through finds the purchase removed: let the key answer it
    const row = await ctx.prisma.storePurchase.findUnique({ where: { id }, select: { userId: true } })
    if (!row || !idem) throw e
    return row.userId
  })
  const out = await runMoney(ctx, [owner], idem, async (tx) => {
    const before = await load(tx, id)
    const payments = await tx.storeTransaction.findMany({
      where: { kind: 'BONUS_PURCHASE', userId: owner, result: { path: ['purchaseId'], equals: id } },
      select: {
        id: true,
        postings: { select: { accountKind: true, accountOwner: true, currency: true, amount: true } },
      },
    })
    if (!payments.length)
      throw new AppError('PURCHASE_NOT_REFUNDABLE', `id: purchase ${id} was given, not bought`, { field: 'id' })
    const legs: Leg[] = payments.flatMap((p) =>
      p.postings.map((x) => ({
        account: { kind: x.accountKind, owner: x.accountOwner },
        currency: x.currency,
        amount: -x.amount,
      })),
    )
    const after = await tx.storePurchase.update({ where: { id }, data: { removedAt: new Date() } })
    const entry = await postEntry(tx, {
      kind: 'REFUND',
      userId: owner,
      staffId: staff.id,
      reason,
      idempotency: idem,
      result: { purchaseId: id, refunded: payments.map((p) => p.id) },
      legs,
    })
    await writeAudit(tx, {
      staffId: staff.id,
      action: 'PURCHASE_REFUNDED',
      reason,
      userId: owner,
      purchaseId: id,
      transactionId: entry.id,
      before: purchaseView(before),
      after: purchaseView(after),
    })
    return { purchase: purchaseView(after), entry }
  })
  if (!out.fresh) return replayPurchase(ctx, out.result)
  await announceEntry(ctx, out.value.entry)
  await announcePurchase(ctx, 'REFUNDED', out.value.purchase)
  return out.value.purchase
}
