import type { Context } from '../../../src/context.js'
import type { StoreBonus, StoreCurrency } from '../../../src/generated/prisma/client.js'
import type { Prisma } from '../../../src/generated/prisma/client.js'
import { AppError } from '../../../src/errors.js'
import { scopeOf, signedIn } from '../access.js'
import { bonusNotFound } from '../catalogue.js'
import { announceEntry, announcePurchase } from '../events.js'
import { CURRENCY_NAME, REVENUE, transfer, wallet } from '../ledger/accounts.js'
import { checkKey, idempotency, runMoney } from '../ledger/idempotency.js'
import type { Tx } from '../ledger/locks.js'
import { postEntry } from '../ledger/post.js'
import type { PurchaseChange } from '../topics.js'
import { endWithin, idOf } from '../validate.js'
import { purchaseView, type PurchaseView } from '../views.js'
import { balanceOf } from '../wallet.js'

export interface BuyBonusInput {
  bonusId: number
  currency: StoreCurrency
  idempotencyKey?: string | null
}

/** The bonus a linked one follows: the same category's bonus at the next lower position (ties by id), if any. */
async function previousOf(tx: Tx, bonus: StoreBonus) {
  return tx.storeBonus.findFirst({
    where: {
      category: bonus.category,
      id: { not: bonus.id },
      OR: [{ position: { lt: bonus.position } }, { position: bonus.position, id: { lt: bonus.id } }],
    },
    orderBy: [{ position: 'desc' }, { id: 'desc' }],
  })
}

/** "A linked bonus can be bought only after the previous one": the buyer bought it at some time (expired counts). */
async function requirePrevious(tx: Tx, userId: number, bonus: StoreBonus) {
  const previous = await previousOf(tx, bonus)
  if (!previous) return
  const owned = await tx.storePurchase.count({ where: { userId, bonusId: previous.id, removedAt: null } })
  if (!owned)
    throw new AppError('BONUS_LOCKED', `bonusId: buy "${previous.name}" (bonus ${previous.id}) first`, {
      field: 'bonusId',
      previousBonusId: previous.id,
    })
}

/** What a retry with the same key answers: the purchase the first request made, as it is now. */
export async function replayPurchase(ctx: Context, result: Prisma.JsonValue): Promise<PurchaseView> {
  const id =
    result && typeof result === 'object' && !Array.isArray(result) && typeof result.purchaseId === 'number'
      ? result.purchaseId
      : 0
  const row = await ctx.prisma.storePurchase.findUnique({ where: { id } })
  if (!row) throw new AppError('PURCHASE_NOT_FOUND')
  return purchaseView(row)
}

/**
 * Buys a bonus for pekoins or points (peka2 /api/store/buy/pekoins, /buy/points). One transaction, the buyer locked:
 * the price is checked against the balance, the purchase made (or a timed one still running extended by the bonus'
 * duration), and the money posted from the wallet to the store's revenue. Not enough money: INSUFFICIENT_FUNDS and
 * nothing written.
 */
export async function buyBonus(ctx: Context, input: BuyBonusInput): Promise<PurchaseView> {
  const me = signedIn(ctx)
  const bonusId = idOf(input.bonusId, 'bonusId')
  const { currency } = input
  const idem = idempotency(scopeOf(me), checkKey(input.idempotencyKey), 'buyBonus', { bonusId, currency })
  const out = await runMoney(ctx, [me.id], idem, async (tx) => {
    const bonus = await tx.storeBonus.findUnique({ where: { id: bonusId } })
    if (!bonus) throw bonusNotFound(bonusId)
    const price = currency === 'PEKOINS' ? bonus.pricePekoins : bonus.pricePoints
    if (!bonus.canBePurchased || price <= 0)
      throw new AppError('BONUS_NOT_FOR_SALE', `bonusId: "${bonus.name}" is not sold for ${CURRENCY_NAME[currency]}`, {
        field: 'bonusId',
      })
    if (bonus.linked) await requirePrevious(tx, me.id, bonus)
    const now = new Date()
    const running = await tx.storePurchase.findFirst({
      where: { userId: me.id, bonusId, removedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      orderBy: { id: 'desc' },
    })
    if (running?.expiresAt === null)
      throw new AppError('BONUS_ALREADY_OWNED', `bonusId: you own "${bonus.name}" already, without an end`, {
        field: 'bonusId',
      })
    const balance = await balanceOf(tx, me.id, currency)
    if (balance < price)
      throw new AppError(
        'INSUFFICIENT_FUNDS',
        `Not enough ${CURRENCY_NAME[currency]}: "${bonus.name}" costs ${price}, you have ${balance}`,
        { currency, price, balance },
      )
    const ms = bonus.duration * 1000
    const tooLong = () =>
      new AppError('BONUS_ALREADY_OWNED', `bonusId: "${bonus.name}" runs past the year 9999 already`, {
        field: 'bonusId',
      })
    let change: PurchaseChange
    let purchase
    if (running?.expiresAt && bonus.duration > 0) {
      change = 'EXTENDED'
      purchase = await tx.storePurchase.update({
        where: { id: running.id },
        data: { expiresAt: endWithin(running.expiresAt.getTime() + ms, tooLong), active: true, expiryNotified: false },
      })
    } else {
      change = 'PURCHASED'
      purchase = await tx.storePurchase.create({
        data: { userId: me.id, bonusId, expiresAt: bonus.duration > 0 ? endWithin(now.getTime() + ms, tooLong) : null },
      })
    }
    const entry = await postEntry(tx, {
      kind: 'BONUS_PURCHASE',
      userId: me.id,
      idempotency: idem,
      result: { purchaseId: purchase.id },
      legs: transfer(wallet(me.id), REVENUE, currency, price),
    })
    return { purchase: purchaseView(purchase), change, entry }
  })
  if (!out.fresh) return replayPurchase(ctx, out.result)
  await announceEntry(ctx, out.value.entry)
  await announcePurchase(ctx, out.value.change, out.value.purchase)
  return out.value.purchase
}
