import type { StoreEntryKind } from '../../src/generated/prisma/client.js'
import type { PurchaseView, SentGiftView, SubscriptionView } from './views.js'

/** A wallet's balances after an entry touched it (keyed by the wallet's user). */
export interface WalletEvent {
  userId: number
  pekoins: number
  points: number
  transactionId: number
  kind: StoreEntryKind
}

export type PurchaseChange = 'PURCHASED' | 'EXTENDED' | 'GRANTED' | 'CHANGED' | 'REMOVED' | 'REFUNDED' | 'EXPIRED'

/** A purchase of the user it is keyed by changed. */
export interface PurchaseEvent {
  change: PurchaseChange
  purchase: PurchaseView
}

export type SubscriptionChange = 'PURCHASED' | 'EXTENDED' | 'CHANGED' | 'REMOVED' | 'EXPIRED'

/** A subscription of the user it is keyed by changed (also sent to its streamer). */
export interface SubscriptionEvent {
  change: SubscriptionChange
  subscription: SubscriptionView
}

/** What a user's bonuses do in other plugins may have changed (keyed EFFECTS_KEY): every instance drops its copy. */
export interface EffectsEvent {
  /** 0: the catalogue changed (which smiles bonuses sell) */
  userId: number
}

declare module '../../src/pubsub/topics.js' {
  interface TopicMap {
    'store.wallet': WalletEvent
    'store.purchase': PurchaseEvent
    'store.subscription': SubscriptionEvent
    'store.gift': SentGiftView
    'store.effects': EffectsEvent
  }
}

export const STORE_TOPICS = [
  'store.wallet',
  'store.purchase',
  'store.subscription',
  'store.gift',
  'store.effects',
] as const

export const EFFECTS_KEY = 'all'
