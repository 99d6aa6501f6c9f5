import type { StoreBonusType } from '../../../src/generated/prisma/client.js'
import { invalid } from '../../../src/errors.js'
import type { BonusConfig } from '../bonus-config.js'
import { BONUS_TYPE_OF_PEKA2 } from '../bonus-config.js'

/** GraphQL selections the REST routes read, and the mapping of request bodies onto variables. */

export const BONUS =
  'databaseId type config duration name price { canBePurchased pekoins points } view { category position linked }'
export const PURCHASE = 'databaseId userId bonusId expiresAt active'
export const SUBSCRIPTION = 'databaseId userId streamerId expiresAt active'

export interface BonusOut {
  databaseId: number
  type: StoreBonusType
  config: BonusConfig
  duration: number
  name: string
  price: { canBePurchased: boolean; pekoins: number; points: number }
  view: { category: number; position: number; linked: boolean }
}
export interface PurchaseOut {
  databaseId: number
  userId: number
  bonusId: number
  expiresAt: string | null
  active: boolean
}
export interface SubscriptionOut {
  databaseId: number
  userId: number
  streamerId: number
  expiresAt: string | null
  active: boolean
}

export const bonusIn = (b: BonusOut) => ({
  id: b.databaseId,
  type: b.type,
  config: b.config,
  duration: b.duration,
  name: b.name,
  canBePurchased: b.price.canBePurchased,
  pricePekoins: b.price.pekoins,
  pricePoints: b.price.points,
  category: b.view.category,
  position: b.view.position,
  linked: b.view.linked,
})
export const withId = <T extends { databaseId: number }>(o: T) => ({ ...o, id: o.databaseId })

/** A documented object of the body, or an empty one (its fields then fail as missing, by name). */
export const objectIn = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}

/** peka2's bonus type name → the GraphQL enum value; an unknown name goes on as is and fails as `type`. */
export const bonusTypeIn = (v: unknown) => (typeof v === 'string' ? (BONUS_TYPE_OF_PEKA2.get(v) ?? v) : v)

/** peka2's unix time (0: no end) → DateTime; absent stays absent. */
export function expiresIn(v: unknown, field = 'expires'): string | null | undefined {
  if (v === undefined) return undefined
  if (v === 0) return null
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 253_402_300_799)
    throw invalid(field, 'must be a unix time in seconds (0: no end)')
  return new Date(v * 1000).toISOString()
}

/** Why staff did it: peka2 bodies carry no reason, so the route names itself unless the body adds one. */
export const reasonIn = (b: Record<string, unknown>, path: string) =>
  typeof b.reason === 'string' && b.reason.trim() ? b.reason : `peka2 ${path}`

export const empty = () => ({})
