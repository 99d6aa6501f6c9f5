import type { Context } from '../../src/context.js'
import type { DbLike } from '../../src/db/client.js'
import type { Services } from '../../src/services.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../src/errors.js'
import { hasRole, requireOwnerOrSupport, requireRole, scopeOf, signedIn } from './access.js'
import { writeAudit } from './audit.js'
import { announceEntry, announceSubscription } from './events.js'
import { payout, REVENUE, wallet, type Leg } from './ledger/accounts.js'
import { checkKey, idempotency, runLocked, runMoney } from './ledger/idempotency.js'
import type { Tx } from './ledger/locks.js'
import { postEntry } from './ledger/post.js'
import { storeConfig } from './state.js'
import type { SubscriptionChange } from './topics.js'
import { endWithin, idOf, intIn, reasonOf, userExists } from './validate.js'
import { subscriptionView, type SubscriptionView } from './views.js'
import { balanceOf } from './wallet.js'

/** Subscriptions to streamers (store.md "Подписки на стримеров"): bought a month at a time, for pekoins. */

export const PRICE_MAX = 1_000_000

export const subscriptionNotFound = (id: number, field = 'id') =>
  new AppError('SUBSCRIPTION_NOT_FOUND', `${field}: no subscription ${id}`, { field })

/** One calendar month later (UTC); the 31st of a shorter month becomes its last day. */
export function addMonth(from: Date): Date {
  const d = new Date(from)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + 1)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

/** Partnered streamers (the masterstreamer role) take subscriptions. */
async function requireStreamer(ctx: Context, streamerId: number) {
  const role = await ctx.prisma.userRole.findUnique({
    where: { userId_role: { userId: streamerId, role: 'masterstreamer' } },
    select: { value: true },
  })
  if (!role || role.value <= 0)
    throw new AppError('NOT_A_STREAMER', `streamerId: user ${streamerId} takes no subscriptions`, {
      field: 'streamerId',
    })
}

/** A streamer's monthly price: their own, or STORE_SUBSCRIPTION_PRICE. */
export async function priceOf(db: DbLike, services: Services, streamerId: number): Promise<number> {
  const own = await db.storeStreamerPrice.findUnique({ where: { streamerId } })
  return own?.price ?? storeConfig({ services }).subscriptionPrice
}

/** The streamer's share of a price, rounded down; the store keeps the rest. */
export const streamerShare = (ctx: Pick<Context, 'services'>, price: number) =>
  Math.floor((price * storeConfig(ctx).streamerSharePercent) / 100)

const current = (tx: Tx, userId: number, streamerId: number) =>
  tx.storeSubscription.findFirst({ where: { userId, streamerId, removedAt: null }, orderBy: { id: 'desc' } })

async function replaySubscription(ctx: Context, result: Prisma.JsonValue): Promise<SubscriptionView> {
  const id =
    result && typeof result === 'object' && !Array.isArray(result) && typeof result.subscriptionId === 'number'
      ? result.subscriptionId
      : 0
  const row = await ctx.prisma.storeSubscription.findUnique({ where: { id } })
  if (!row) throw new AppError('SUBSCRIPTION_NOT_FOUND')
  return subscriptionView(row)
}

/**
 * Buys a month of a streamer (peka2 subscription/purchase): a new subscription ends a month from now, a running one a
 * month after its end. One entry: the price leaves the wallet, the streamer's share goes to their payout account and
 * the rest to the store.
 */
export async function buySubscription(
  ctx: Context,
  input: { streamerId: number; idempotencyKey?: string | null },
): Promise<SubscriptionView> {
  const me = signedIn(ctx)
  const streamerId = idOf(input.streamerId, 'streamerId')
  if (streamerId === me.id) throw invalid('streamerId', 'you cannot subscribe to yourself')
  const idem = idempotency(scopeOf(me), checkKey(input.idempotencyKey), 'buySubscription', { streamerId })
  await requireStreamer(ctx, streamerId)
  const out = await runMoney(ctx, [me.id], idem, async (tx) => {
    const price = await priceOf(tx, ctx.services, streamerId)
    const running = await current(tx, me.id, streamerId)
    if (running?.expiresAt === null) throw new AppError('SUBSCRIPTION_PERMANENT', undefined, { field: 'streamerId' })
    const balance = await balanceOf(tx, me.id, 'PEKOINS')
    if (balance < price)
      throw new AppError('INSUFFICIENT_FUNDS', `Not enough pekoins: a month costs ${price}, you have ${balance}`, {
        currency: 'PEKOINS',
        price,
        balance,
      })
    const now = new Date()
    const from = running?.expiresAt && running.expiresAt > now ? running.expiresAt : now
    const change: SubscriptionChange = running?.expiresAt && running.expiresAt > now ? 'EXTENDED' : 'PURCHASED'
    const end = endWithin(
      addMonth(from).getTime(),
      () =>
        new AppError('SUBSCRIPTION_PERMANENT', 'streamerId: this subscription runs past the year 9999 already', {
          field: 'streamerId',
        }),
    )
    const data = { expiresAt: end, active: true, expiryNotified: false }
    const row = running
      ? await tx.storeSubscription.update({ where: { id: running.id }, data })
      : await tx.storeSubscription.create({ data: { ...data, userId: me.id, streamerId } })
    const share = streamerShare(ctx, price)
    const legs: Leg[] = [{ account: wallet(me.id), currency: 'PEKOINS', amount: -price }]
    if (share > 0) legs.push({ account: payout(streamerId), currency: 'PEKOINS', amount: share })
    if (price - share > 0) legs.push({ account: REVENUE, currency: 'PEKOINS', amount: price - share })
    const entry = await postEntry(tx, {
      kind: 'SUBSCRIPTION_PURCHASE',
      userId: me.id,
      idempotency: idem,
      result: { subscriptionId: row.id, streamerId, price, share },
      legs,
    })
    return { subscription: subscriptionView(row), change, entry }
  })
  if (!out.fresh) return replaySubscription(ctx, out.result)
  await announceEntry(ctx, out.value.entry)
  announceSubscription(ctx, out.value.change, out.value.subscription)
  return out.value.subscription
}

/** A user's subscriptions (their own, or anyone's for store support), removed ones left out. */
export async function subscriptionsOf(ctx: Context, userId: number): Promise<SubscriptionView[]> {
  requireOwnerOrSupport(ctx, userId)
  const rows = await ctx.prisma.storeSubscription.findMany({
    where: { userId, removedAt: null },
    orderBy: { id: 'asc' },
    take: 500,
  })
  return rows.map(subscriptionView)
}

export async function subscriptionsById(ctx: Context, ids: number[]): Promise<(SubscriptionView | null)[]> {
  const rows = await ctx.prisma.storeSubscription.findMany({ where: { id: { in: ids } } })
  const staff = hasRole(ctx, 'storeSupport')
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)
    const mine = r && (r.userId === ctx.viewer?.id || r.streamerId === ctx.viewer?.id)
    return r && (staff || mine) ? subscriptionView(r) : null
  })
}

async function ownerOf(ctx: Context, id: number) {
  const row = await ctx.prisma.storeSubscription.findUnique({
    where: { id },
    select: { userId: true, removedAt: true },
  })
  if (!row || row.removedAt) throw subscriptionNotFound(id)
  return row.userId
}

async function load(tx: Tx, id: number) {
  const row = await tx.storeSubscription.findUnique({ where: { id } })
  if (!row || row.removedAt) throw subscriptionNotFound(id)
  return row
}

export interface SubscriptionEdit {
  id?: number | null
  userId: number
  streamerId: number
  /** the end; null: no end; absent: a month from now for a new one, unchanged for an existing one */
  expiresAt?: Date | null
  active: boolean
  reason: string
}

/**
 * Store support adds or changes a subscription (peka2 subscription/modify) without payment; a user has one
 * subscription per streamer, so adding one that exists changes it. Audited with the reason.
 */
export async function saveSubscription(ctx: Context, input: SubscriptionEdit): Promise<SubscriptionView> {
  const staff = requireRole(ctx, 'storeSupport')
  const userId = idOf(input.userId, 'userId')
  const streamerId = idOf(input.streamerId, 'streamerId')
  if (userId === streamerId) throw invalid('streamerId', 'a user cannot subscribe to themselves')
  const reason = reasonOf(input.reason)
  const id = input.id == null ? null : idOf(input.id, 'id')
  await userExists(ctx.prisma, userId, 'userId')
  await userExists(ctx.prisma, streamerId, 'streamerId')
  if (id !== null && (await ownerOf(ctx, id)) !== userId)
    throw invalid('userId', 'a subscription cannot be moved to another user')
  const { saved, added } = await runLocked(ctx, [userId], async (tx) => {
    const before = id !== null ? await load(tx, id) : await current(tx, userId, streamerId)
    if (before && before.streamerId !== streamerId)
      throw invalid('streamerId', 'a subscription cannot be moved to another streamer')
    const expiresAt = input.expiresAt !== undefined ? input.expiresAt : before ? before.expiresAt : addMonth(new Date())
    const data = { expiresAt, active: input.active, expiryNotified: false }
    const after = before
      ? await tx.storeSubscription.update({ where: { id: before.id }, data })
      : await tx.storeSubscription.create({ data: { ...data, userId, streamerId } })
    await writeAudit(tx, {
      staffId: staff.id,
      action: before ? 'SUBSCRIPTION_CHANGED' : 'SUBSCRIPTION_ADDED',
      reason,
      userId,
      subscriptionId: after.id,
      before: before ? subscriptionView(before) : undefined,
      after: subscriptionView(after),
    })
    return { saved: subscriptionView(after), added: !before }
  })
  announceSubscription(ctx, added ? 'PURCHASED' : 'CHANGED', saved)
  return saved
}

export async function removeSubscription(
  ctx: Context,
  input: { id: number; reason: string },
): Promise<SubscriptionView> {
  const staff = requireRole(ctx, 'storeSupport')
  const id = idOf(input.id, 'id')
  const reason = reasonOf(input.reason)
  const owner = await ownerOf(ctx, id)
  const saved = await runLocked(ctx, [owner], async (tx) => {
    const before = await load(tx, id)
    const after = await tx.storeSubscription.update({ where: { id }, data: { removedAt: new Date() } })
    await writeAudit(tx, {
      staffId: staff.id,
      action: 'SUBSCRIPTION_REMOVED',
      reason,
      userId: owner,
      subscriptionId: id,
      before: subscriptionView(before),
      after: subscriptionView(after),
    })
    return subscriptionView(after)
  })
  announceSubscription(ctx, 'REMOVED', saved)
  return saved
}

/** Shows or hides the subscriber's icon (peka2 subscription/setStatus, `A/StS`). */
export async function setSubscriptionStatus(
  ctx: Context,
  input: { id: number; active: boolean; reason?: string | null },
): Promise<SubscriptionView> {
  const id = idOf(input.id, 'id')
  const me = signedIn(ctx)
  const owner = await ownerOf(ctx, id)
  // someone else's subscription is as invisible as a missing one, unless the caller is store support
  if (owner !== me.id && !hasRole(ctx, 'storeSupport')) throw subscriptionNotFound(id)
  const reason = me.id !== owner ? reasonOf(input.reason ?? 'status set by store support') : null
  const saved = await runLocked(ctx, [owner], async (tx) => {
    const before = await load(tx, id)
    const after = await tx.storeSubscription.update({ where: { id }, data: { active: input.active } })
    if (reason)
      await writeAudit(tx, {
        staffId: me.id,
        action: 'SUBSCRIPTION_STATUS',
        reason,
        userId: owner,
        subscriptionId: id,
        before: subscriptionView(before),
        after: subscriptionView(after),
      })
    return subscriptionView(after)
  })
  announceSubscription(ctx, 'CHANGED', saved)
  return saved
}

/** Store admins set a streamer's own monthly price. */
export async function setSubscriptionPrice(ctx: Context, input: { streamerId: number; price: number }) {
  const admin = requireRole(ctx, 'storeAdmin')
  const streamerId = idOf(input.streamerId, 'streamerId')
  const price = intIn(input.price, 'price', 1, PRICE_MAX)
  await requireStreamer(ctx, streamerId)
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.storeStreamerPrice.findUnique({ where: { streamerId } })
    await tx.storeStreamerPrice.upsert({ where: { streamerId }, create: { streamerId, price }, update: { price } })
    await writeAudit(tx, {
      staffId: admin.id,
      action: 'SUBSCRIPTION_PRICE',
      reason: 'price',
      userId: streamerId,
      before: before ? { price: before.price } : undefined,
      after: { price },
    })
  })
  return price
}

/** Streamers a user is subscribed to now with the icon shown (peka2's chat `store.subscriptions`), at most 100. */
export async function subscribedStreamers(db: DbLike, userId: number): Promise<number[]> {
  const rows = await db.storeSubscription.findMany({
    where: { userId, active: true, removedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: { streamerId: true },
    distinct: ['streamerId'],
    orderBy: { streamerId: 'asc' },
    take: 100,
  })
  return rows.map((r) => r.streamerId)
}
