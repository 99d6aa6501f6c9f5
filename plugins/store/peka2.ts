import type { StoreBonusType } from '../../src/generated/prisma/client.js'
import { PEKA2_BONUS_TYPES, type BonusConfig } from './bonus-config.js'

/** peka2's shapes of the store's objects (store.md), for the REST routes and the notifications alike. */

/** ISO time → unix seconds; no end → 0. */
export const unixOrZero = (iso: string | null) => (iso === null ? 0 : Math.floor(Date.parse(iso) / 1000))

export interface Peka2BonusIn {
  id: number
  type: StoreBonusType
  config: BonusConfig
  duration: number
  name: string
  canBePurchased: boolean
  pricePekoins: number
  pricePoints: number
  category: number
  position: number
  linked: boolean
}

export const peka2Bonus = (b: Peka2BonusIn) => ({
  id: b.id,
  type: PEKA2_BONUS_TYPES[b.type],
  config: b.config,
  duration: b.duration,
  name: b.name,
  price: { canBePurchased: b.canBePurchased, pekoins: b.pricePekoins, points: b.pricePoints },
  view: { category: b.category, position: b.position, linked: b.linked },
})

export const peka2Purchase = (p: {
  id: number
  userId: number
  bonusId: number
  expiresAt: string | null
  active: boolean
}) => ({ id: p.id, userId: p.userId, bonusId: p.bonusId, expires: unixOrZero(p.expiresAt), active: p.active })

export const peka2Subscription = (s: {
  id: number
  userId: number
  streamerId: number
  expiresAt: string | null
  active: boolean
}) => ({ id: s.id, userId: s.userId, streamerId: s.streamerId, expires: unixOrZero(s.expiresAt), active: s.active })

export const peka2Points = (userId: number, amount: number) => ({ userId, amount })
