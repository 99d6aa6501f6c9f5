import type {
  StoreBonus,
  StoreBonusType,
  StoreGift,
  StorePurchase,
  StoreSentGift,
  StoreSubscription,
} from '../../src/generated/prisma/client.js'
import { parseBonusConfig, type BonusConfig } from './bonus-config.js'

/**
 * JSON-safe shapes of the store's objects: what GraphQL renders and what live events carry across Redis. Times are
 * ISO strings; `expiresAt` null means no end.
 */

export interface BonusView {
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

export interface PurchaseView {
  id: number
  userId: number
  bonusId: number
  expiresAt: string | null
  active: boolean
  removed: boolean
  createdAt: string
}

export interface SubscriptionView {
  id: number
  userId: number
  streamerId: number
  expiresAt: string | null
  active: boolean
  removed: boolean
  createdAt: string
}

export interface GiftView {
  id: number
  name: string
  image: string
  price: number
  active: boolean
  createdAt: string
}

export interface SentGiftView {
  id: number
  giftId: number
  fromId: number
  toId: number
  name: string
  image: string
  price: number
  text: string
  createdAt: string
}

export interface WalletView {
  userId: number
  pekoins: number
  points: number
}

export const bonusView = (b: StoreBonus): BonusView => ({
  id: b.id,
  type: b.type,
  config: parseBonusConfig(b.type, b.config),
  duration: b.duration,
  name: b.name,
  canBePurchased: b.canBePurchased,
  pricePekoins: b.pricePekoins,
  pricePoints: b.pricePoints,
  category: b.category,
  position: b.position,
  linked: b.linked,
})

export const purchaseView = (p: StorePurchase): PurchaseView => ({
  id: p.id,
  userId: p.userId,
  bonusId: p.bonusId,
  expiresAt: p.expiresAt?.toISOString() ?? null,
  active: p.active,
  removed: p.removedAt !== null,
  createdAt: p.createdAt.toISOString(),
})

export const subscriptionView = (s: StoreSubscription): SubscriptionView => ({
  id: s.id,
  userId: s.userId,
  streamerId: s.streamerId,
  expiresAt: s.expiresAt?.toISOString() ?? null,
  active: s.active,
  removed: s.removedAt !== null,
  createdAt: s.createdAt.toISOString(),
})

export const giftView = (g: StoreGift): GiftView => ({
  id: g.id,
  name: g.name,
  image: g.image,
  price: g.price,
  active: g.active,
  createdAt: g.createdAt.toISOString(),
})

export const sentGiftView = (g: StoreSentGift): SentGiftView => ({
  id: g.id,
  giftId: g.giftId,
  fromId: g.fromId,
  toId: g.toId,
  name: g.name,
  image: g.image,
  price: g.price,
  text: g.text,
  createdAt: g.createdAt.toISOString(),
})

/** In effect now: active, not removed, not expired — decided on every read, so expiry needs no timer. */
export const inEffect = (p: { active: boolean; removed: boolean; expiresAt: string | null }, now = Date.now()) =>
  p.active && !p.removed && (p.expiresAt === null || Date.parse(p.expiresAt) > now)
