import type { ChatApi } from '../chat/public.js'
import type { ModerationApi } from '../moderation/public.js'
import type { SmilesApi } from '../smiles/public.js'
import type { Effect, EffectsCache } from './effects.js'

/**
 * Bonuses take effect in the other plugins through their generic extension points, when those plugins are on:
 * nickColor → chat's nick colours; smiles → smiles' usage rules (a smile some bonus sells is for its buyers only);
 * smilesPerMessage → smiles' per-message allowance; citizenMinLevel → moderation's citizen weight. Each asks the
 * effects cache, which decides expiry on every read.
 */

const max = (values: number[]) => (values.length ? Math.max(...values) : null)

const colorOf = (fx: Effect[]) => {
  for (const e of fx) if ('color' in e.config) return e.config.color
  return null
}
const amounts = (fx: Effect[]) => fx.flatMap((e) => ('amount' in e.config ? [e.config.amount] : []))
const levels = (fx: Effect[]) => fx.flatMap((e) => ('level' in e.config ? [e.config.level] : []))
const smiles = (fx: Effect[]) =>
  new Set(fx.flatMap((e) => ('smiles' in e.config ? e.config.smiles.map((s) => s.toLowerCase()) : [])))

export function connectEffects(
  cache: EffectsCache,
  apis: { chat?: ChatApi; smiles?: SmilesApi; moderation?: ModerationApi },
  subscribedTo: (userId: number) => Promise<number[]>,
): (() => void)[] {
  const removers: ((() => void) | undefined)[] = []
  // the newest bought colour wins (the cache lists effects newest first)
  removers.push(apis.chat?.addNickColorProvider(async (userId) => colorOf(await cache.of(userId))))
  // peka2's store object of message authors: the bonuses in effect and the streamers subscribed to (no icons sold here)
  removers.push(
    apis.chat?.addAuthorStoreProvider(async (userId) => ({
      bonuses: [...new Set((await cache.of(userId)).map((e) => e.bonusId))],
      icon: 0,
      subscriptions: await subscribedTo(userId),
    })),
  )
  removers.push(apis.smiles?.addAllowance(async (userId) => max(amounts(await cache.of(userId)))))
  removers.push(
    apis.smiles?.addUsageRule(async (userId, codes) => {
      const sold = await cache.soldSmiles()
      const restricted = codes.filter((c) => sold.has(c))
      if (!restricted.length) return []
      const owned = smiles(await cache.of(userId))
      return restricted.filter((c) => !owned.has(c))
    }),
  )
  removers.push(apis.moderation?.addCitizenWeightProvider(async (userId) => max(levels(await cache.of(userId)))))
  return removers.filter((r) => r !== undefined)
}
