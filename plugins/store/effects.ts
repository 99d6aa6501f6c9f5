import DataLoader from 'dataloader'
import type { Db } from '../../src/db/client.js'
import type { StoreBonusType } from '../../src/generated/prisma/client.js'
import { parseBonusConfig, type BonusConfig } from './bonus-config.js'

/** A bonus a user holds, as far as other plugins care: its type, config and end (ms; null: none). */
export interface Effect {
  purchaseId: number
  bonusId: number
  type: StoreBonusType
  config: BonusConfig
  expiresAt: number | null
}

/** How long a copy is trusted without hearing of a change (a missed invalidation while Redis was away). */
const TTL_MS = 5_000

export interface EffectsCache {
  /** the bonuses in effect for a user now (active, not removed, not expired at this moment), newest first */
  of(userId: number): Promise<Effect[]>
  /** the smile codes some smiles bonus of the catalogue sells (lower case) */
  soldSmiles(): Promise<Set<string>>
  /** drops what is known of a user (0: of the catalogue), after a change here or on another instance */
  forget(userId: number): void
}

/**
 * Other plugins ask for a user's bonuses on hot paths (every chat author rendered, every message checked), so this
 * keeps a short-lived copy per user, loaded in batches. Expiry is decided on every read from the stored end, so a
 * copy never makes an expired bonus work; a change drops the copy here at once and on other instances through the
 * store.effects topic.
 */
export function createEffectsCache(prisma: Db): EffectsCache {
  const copies = new Map<number, { at: number; effects: Effect[] }>()
  /** bumped by forget: a load that started before a change does not store what it read */
  const generation = new Map<number, number>()
  let catalogue: { at: number; codes: Promise<Set<string>> } | null = null

  const loader = new DataLoader<number, Effect[]>(
    async (ids) => {
      const rows = await prisma.storePurchase.findMany({
        where: {
          userId: { in: [...ids] },
          active: true,
          removedAt: null,
          OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
        },
        select: {
          id: true,
          userId: true,
          bonusId: true,
          expiresAt: true,
          bonus: { select: { type: true, config: true } },
        },
        orderBy: { id: 'desc' },
      })
      return ids.map((id) =>
        rows
          .filter((r) => r.userId === id)
          .map((r) => ({
            purchaseId: r.id,
            bonusId: r.bonusId,
            type: r.bonus.type,
            config: parseBonusConfig(r.bonus.type, r.bonus.config),
            expiresAt: r.expiresAt?.getTime() ?? null,
          })),
      )
    },
    { cache: false },
  )

  const live = (effects: Effect[]) => {
    const now = Date.now()
    return effects.filter((e) => e.expiresAt === null || e.expiresAt > now)
  }

  return {
    async of(userId) {
      const copy = copies.get(userId)
      if (copy && Date.now() - copy.at < TTL_MS) return live(copy.effects)
      const gen = generation.get(userId) ?? 0
      const effects = await loader.load(userId)
      if ((generation.get(userId) ?? 0) === gen) {
        // bounded: a copy per user seen in the last TTL; old ones go first (Map keeps insertion order)
        const oldest = copies.keys().next()
        if (copies.size >= 50_000 && !oldest.done) copies.delete(oldest.value)
        copies.delete(userId)
        copies.set(userId, { at: Date.now(), effects })
      }
      return live(effects)
    },
    soldSmiles() {
      if (catalogue && Date.now() - catalogue.at < TTL_MS) return catalogue.codes
      const codes = prisma.storeBonus
        .findMany({ where: { type: 'SMILES' }, select: { type: true, config: true } })
        .then((rows) => {
          const out = new Set<string>()
          for (const r of rows) {
            const c = parseBonusConfig(r.type, r.config)
            if ('smiles' in c) for (const s of c.smiles) out.add(s.toLowerCase())
          }
          return out
        })
      catalogue = { at: Date.now(), codes }
      // a failed read is not kept
      codes.catch(() => {
        if (catalogue?.codes === codes) catalogue = null
      })
      return codes
    },
    forget(userId) {
      if (userId === 0) catalogue = null
      copies.delete(userId)
      generation.set(userId, (generation.get(userId) ?? 0) + 1)
    },
  }
}
