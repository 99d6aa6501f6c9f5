import type { Context } from '../../src/context.js'
import { notify } from '../../src/core/notifications/notify.js'
import { AppError, invalid } from '../../src/errors.js'
import { requireRole, scopeOf, signedIn } from './access.js'
import { writeAudit } from './audit.js'
import { announceEntry } from './events.js'
import { CURRENCY_NAME, REVENUE, transfer, wallet } from './ledger/accounts.js'
import { checkKey, idempotency, runMoney } from './ledger/idempotency.js'
import { postEntry } from './ledger/post.js'
import type { Page } from './paging.js'
import { idPage } from './paging.js'
import { idOf, intIn, text, userExists } from './validate.js'
import { giftView, sentGiftView, type GiftView, type SentGiftView } from './views.js'
import { balanceOf } from './wallet.js'

/** JustChat's gifts: a catalogue, sending one to a user for coins (pekoins) with a comment, and who got what. */

export const GIFT_LIMITS = { name: 100, image: 500, price: 1_000_000, text: 500 } as const

const giftNotFound = (id: number, field = 'gift') =>
  new AppError('GIFT_NOT_FOUND', `${field}: no gift ${id}`, { field })

/** Gifts on offer (JustChat /gifts), cheapest first; store admins may ask for withdrawn ones too. */
export async function listGifts(ctx: Context, all = false): Promise<GiftView[]> {
  if (all) requireRole(ctx, 'storeAdmin')
  const rows = await ctx.prisma.storeGift.findMany({
    where: all ? {} : { active: true },
    orderBy: [{ price: 'asc' }, { id: 'asc' }],
    take: 500,
  })
  return rows.map(giftView)
}

/** Gifts by id (node lookups): withdrawn ones only for store admins, as the catalogue shows them. */
export async function giftsById(ctx: Context, ids: number[]): Promise<(GiftView | null)[]> {
  const withdrawnToo = (ctx.viewer?.roles.storeAdmin ?? 0) > 0
  const rows = await ctx.prisma.storeGift.findMany({
    where: { id: { in: ids }, ...(withdrawnToo ? {} : { active: true }) },
  })
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)
    return r ? giftView(r) : null
  })
}

export interface GiftInput {
  id?: number | null
  name: string
  image: string
  price: number
  active: boolean
}

/** Store admins add or change a gift; sent gifts keep the copy they were sent as. */
export async function saveGift(ctx: Context, input: GiftInput): Promise<GiftView> {
  const admin = requireRole(ctx, 'storeAdmin')
  const data = {
    name: text(input.name, 'name', 1, GIFT_LIMITS.name),
    image: text(input.image, 'image', 1, GIFT_LIMITS.image),
    price: intIn(input.price, 'price', 1, GIFT_LIMITS.price),
    active: input.active,
  }
  return ctx.prisma.$transaction(async (tx) => {
    const id = input.id == null ? null : idOf(input.id, 'id')
    const before = id === null ? null : await tx.storeGift.findUnique({ where: { id } })
    if (id !== null && !before) throw giftNotFound(id, 'id')
    const saved = before
      ? await tx.storeGift.update({ where: { id: before.id }, data })
      : await tx.storeGift.create({ data })
    await writeAudit(tx, {
      staffId: admin.id,
      action: before ? 'GIFT_CHANGED' : 'GIFT_CREATED',
      reason: 'catalogue',
      before: before ? giftView(before) : undefined,
      after: giftView(saved),
    })
    return giftView(saved)
  })
}

/** The event JustChat's socket sends the recipient ('gift-message'); rooms do not exist yet, so `room` is null. */
const giftMessage = (g: SentGiftView) => ({
  error: null,
  room: null,
  user: String(g.toId),
  author: String(g.fromId),
  created_at: g.createdAt,
})

/**
 * Sends a gift (JustChat /gifts/send): its price leaves the sender's wallet for the store, the recipient gets a copy
 * of the gift with the comment, and a gift-message event. Not enough coins: INSUFFICIENT_FUNDS (JustChat 402).
 */
export async function sendGift(
  ctx: Context,
  input: { giftId: number; userId: number; text?: string | null; idempotencyKey?: string | null },
): Promise<SentGiftView> {
  const me = signedIn(ctx)
  const giftId = idOf(input.giftId, 'gift')
  const to = idOf(input.userId, 'user')
  const comment = text(input.text ?? '', 'text', 0, GIFT_LIMITS.text)
  if (to === me.id) throw invalid('user', 'you cannot give a gift to yourself')
  const idem = idempotency(scopeOf(me), checkKey(input.idempotencyKey), 'sendGift', { giftId, to, comment })
  await userExists(ctx.prisma, to, 'user')
  const out = await runMoney(ctx, [me.id], idem, async (tx) => {
    const gift = await tx.storeGift.findUnique({ where: { id: giftId } })
    if (!gift?.active) throw giftNotFound(giftId)
    const balance = await balanceOf(tx, me.id, 'PEKOINS')
    if (balance < gift.price)
      throw new AppError(
        'INSUFFICIENT_FUNDS',
        `Not enough ${CURRENCY_NAME.PEKOINS}: "${gift.name}" costs ${gift.price}, you have ${balance}`,
        { currency: 'PEKOINS', price: gift.price, balance },
      )
    // the entry first: the sent gift names it
    const entry = await postEntry(tx, {
      kind: 'GIFT',
      userId: me.id,
      idempotency: idem,
      result: { giftId, to },
      legs: transfer(wallet(me.id), REVENUE, 'PEKOINS', gift.price),
    })
    const sent = await tx.storeSentGift.create({
      data: {
        giftId,
        fromId: me.id,
        toId: to,
        name: gift.name,
        image: gift.image,
        price: gift.price,
        text: comment,
        transactionId: entry.id,
      },
    })
    return { sent: sentGiftView(sent), entry }
  })
  if (!out.fresh) {
    const row = await ctx.prisma.storeSentGift.findFirst({ where: { transactionId: out.transactionId } })
    if (!row) throw new AppError('GIFT_NOT_FOUND')
    return sentGiftView(row)
  }
  const { sent, entry } = out.value
  await announceEntry(ctx, entry)
  ctx.pubsub.publish('store.gift', sent.toId, sent)
  notify(ctx.pubsub, sent.toId, 'gift-message', giftMessage(sent))
  return sent
}

/** The gifts a user received, newest first (any signed-in user may look: JustChat shows them with the user). */
export async function receivedGifts(ctx: Context, userId: number, page: Page): Promise<SentGiftView[]> {
  signedIn(ctx)
  const p = idPage(page)
  const rows = await ctx.prisma.storeSentGift.findMany({
    where: { toId: userId, ...p.where },
    orderBy: p.orderBy,
    take: p.take,
  })
  return rows.map(sentGiftView)
}
