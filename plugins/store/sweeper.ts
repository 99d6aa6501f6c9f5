import type { Services } from '../../src/services.js'
import { notify } from '../../src/core/notifications/notify.js'
import { EFFECTS_KEY } from './topics.js'
import { peka2Subscription } from './peka2.js'
import { effectsCache } from './state.js'
import { purchaseView, subscriptionView } from './views.js'

/**
 * Announces purchases and subscriptions whose end has passed. Nothing depends on it to stop a bonus working — every
 * read checks the end itself — it only tells clients and other instances. Each row is claimed by one UPDATE …
 * RETURNING, so with several instances every expiry is announced once.
 */
export async function sweepExpired(services: Services): Promise<number> {
  const { prisma, pubsub } = services
  const now = new Date().toISOString()
  const purchases = await prisma.$queryRaw<{ id: number }[]>`
    UPDATE "StorePurchase" SET "expiryNotified" = true
    WHERE "id" IN (SELECT "id" FROM "StorePurchase" WHERE "expiryNotified" = false AND "removedAt" IS NULL
                   AND "expiresAt" <= ${now}::timestamp(3) ORDER BY "id" LIMIT 500)
      AND "expiryNotified" = false
    RETURNING "id"`
  const subscriptions = await prisma.$queryRaw<{ id: number }[]>`
    UPDATE "StoreSubscription" SET "expiryNotified" = true
    WHERE "id" IN (SELECT "id" FROM "StoreSubscription" WHERE "expiryNotified" = false AND "removedAt" IS NULL
                   AND "expiresAt" <= ${now}::timestamp(3) ORDER BY "id" LIMIT 500)
      AND "expiryNotified" = false
    RETURNING "id"`
  if (purchases.length) {
    const rows = await prisma.storePurchase.findMany({ where: { id: { in: purchases.map((p) => p.id) } } })
    for (const r of rows) {
      effectsCache(services).forget(r.userId)
      pubsub.publish('store.effects', EFFECTS_KEY, { userId: r.userId })
      pubsub.publish('store.purchase', r.userId, { change: 'EXPIRED', purchase: purchaseView(r) })
    }
  }
  if (subscriptions.length) {
    const rows = await prisma.storeSubscription.findMany({ where: { id: { in: subscriptions.map((s) => s.id) } } })
    for (const r of rows) {
      const event = { change: 'EXPIRED' as const, subscription: subscriptionView(r) }
      pubsub.publish('store.subscription', r.userId, event)
      pubsub.publish('store.subscription', r.streamerId, event)
      notify(pubsub, r.userId, 'bonus/subscription', peka2Subscription(event.subscription))
    }
  }
  return purchases.length + subscriptions.length
}

/** Sweeps every `seconds` until the returned function is called; a failed sweep is logged and tried again. */
export function startSweeper(services: Services, seconds: number): () => Promise<void> {
  let running: Promise<unknown> | null = null
  const timer = setInterval(() => {
    // one sweep at a time: a slow one is not overtaken by the next
    running ??= sweepExpired(services)
      .catch((e: unknown) => services.log.warn('store: sweeping expired purchases failed', { error: String(e) }))
      .finally(() => (running = null))
  }, seconds * 1000)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
