import type { Context } from '../../src/context.js'
import { notify } from '../../src/core/notifications/notify.js'
import type { PostedEntry } from './ledger/post.js'
import { walletOf } from './wallet.js'
import { peka2Bonus, peka2Points, peka2Subscription } from './peka2.js'
import { effectsCache } from './state.js'
import { EFFECTS_KEY, type PurchaseChange, type SubscriptionChange } from './topics.js'
import { bonusView, inEffect, purchaseView, type PurchaseView, type SubscriptionView } from './views.js'

/**
 * What the store announces after a write committed (never before: a refused write announces nothing): live events
 * for GraphQL subscriptions and peka2's notifications (store.md "Уведомления") through the core's notification stream.
 */

type Ctx = Pick<Context, 'prisma' | 'pubsub' | 'services'>

/** Each wallet the entry touched: its new balances (walletChanged) and, when points moved, bonus/points. */
export async function announceEntry(ctx: Ctx, entry: PostedEntry) {
  for (const w of entry.wallets) {
    const view = await walletOf(ctx.prisma, w.userId)
    ctx.pubsub.publish('store.wallet', w.userId, { ...view, transactionId: entry.id, kind: entry.kind })
    if (w.currencies.includes('POINTS'))
      notify(ctx.pubsub, w.userId, 'bonus/points', peka2Points(w.userId, view.points))
  }
}

/** Other plugins' view of a user's bonuses changed: drop the copies here and on every instance. */
export function effectsChanged(ctx: Pick<Context, 'pubsub' | 'services'>, userId: number) {
  effectsCache(ctx.services).forget(userId)
  ctx.pubsub.publish('store.effects', EFFECTS_KEY, { userId })
}

/** The user's bonuses in effect, in peka2's bonus shape (the bonus/purchase notification's "new list of bonuses"). */
async function bonusList(ctx: Ctx, userId: number) {
  const rows = await ctx.prisma.storePurchase.findMany({
    where: { userId, removedAt: null },
    include: { bonus: true },
    orderBy: { id: 'asc' },
    take: 500,
  })
  return rows.filter((r) => inEffect(purchaseView(r))).map((r) => peka2Bonus(bonusView(r.bonus)))
}

export async function announcePurchase(ctx: Ctx, change: PurchaseChange, purchase: PurchaseView) {
  effectsChanged(ctx, purchase.userId)
  ctx.pubsub.publish('store.purchase', purchase.userId, { change, purchase })
  // "Приходит при покупке или добавлении бонуса пользователю": bought, extended or given by staff
  if (change === 'PURCHASED' || change === 'EXTENDED' || change === 'GRANTED')
    notify(ctx.pubsub, purchase.userId, 'bonus/purchase', await bonusList(ctx, purchase.userId))
}

export function announceSubscription(ctx: Ctx, change: SubscriptionChange, subscription: SubscriptionView) {
  const event = { change, subscription }
  ctx.pubsub.publish('store.subscription', subscription.userId, event)
  if (subscription.streamerId !== subscription.userId)
    ctx.pubsub.publish('store.subscription', subscription.streamerId, event)
  notify(ctx.pubsub, subscription.userId, 'bonus/subscription', peka2Subscription(subscription))
}
