import type { Context } from '../../src/context.js'
import type { StoreBonusType } from '../../src/generated/prisma/client.js'
import { AppError } from '../../src/errors.js'
import { hasRole, requireRole } from './access.js'
import { checkBonusConfig, type BonusConfigInput } from './bonus-config.js'
import { writeAudit } from './audit.js'
import { effectsChanged } from './events.js'
import { idOf, intIn, text } from './validate.js'
import { bonusView, type BonusView } from './views.js'

/** The bonus catalogue (store.md "Бонусы"): store admins create and change bonuses; everyone sees what is on sale. */

export const BONUS_LIMITS = {
  /** ten years, in seconds */
  duration: 315_360_000,
  price: 1_000_000,
  name: 100,
  view: 1_000_000,
} as const

export interface BonusInput {
  id?: number | null
  type: StoreBonusType
  config: BonusConfigInput
  duration: number
  name: string
  canBePurchased: boolean
  pricePekoins: number
  pricePoints: number
  category: number
  position: number
  linked: boolean
}

/** The most bonuses a catalogue listing answers. */
export const CATALOGUE_MAX = 1000

export const CATALOGUE_ORDER = [{ category: 'asc' }, { position: 'asc' }, { id: 'asc' }] as const

export const bonusNotFound = (id: number, field = 'bonusId') =>
  new AppError('BONUS_NOT_FOUND', `${field}: no bonus ${id}`, { field })

/** Creates a bonus (no id) or changes one; every field is checked against its documented meaning and bounds. */
export async function saveBonus(ctx: Context, input: BonusInput): Promise<BonusView> {
  const admin = requireRole(ctx, 'storeAdmin')
  const data = {
    type: input.type,
    config: { ...checkBonusConfig(input.type, input.config) },
    duration: intIn(input.duration, 'duration', 0, BONUS_LIMITS.duration),
    name: text(input.name, 'name', 1, BONUS_LIMITS.name),
    canBePurchased: input.canBePurchased,
    pricePekoins: intIn(input.pricePekoins, 'price.pekoins', 0, BONUS_LIMITS.price),
    pricePoints: intIn(input.pricePoints, 'price.points', 0, BONUS_LIMITS.price),
    category: intIn(input.category, 'view.category', 0, BONUS_LIMITS.view),
    position: intIn(input.position, 'view.position', 0, BONUS_LIMITS.view),
    linked: input.linked,
  }
  const { saved, owners } = await ctx.prisma.$transaction(async (tx) => {
    if (input.id == null) {
      const saved = await tx.storeBonus.create({ data })
      await writeAudit(tx, { staffId: admin.id, action: 'BONUS_CREATED', reason: 'catalogue', after: bonusView(saved) })
      return { saved, owners: [] }
    }
    const id = idOf(input.id, 'id')
    const before = await tx.storeBonus.findUnique({ where: { id } })
    if (!before) throw bonusNotFound(id, 'id')
    const saved = await tx.storeBonus.update({ where: { id }, data })
    await writeAudit(tx, {
      staffId: admin.id,
      action: 'BONUS_CHANGED',
      reason: 'catalogue',
      before: bonusView(before),
      after: bonusView(saved),
    })
    const owners = await tx.storePurchase.findMany({
      where: { bonusId: id },
      distinct: ['userId'],
      select: { userId: true },
    })
    return { saved, owners: owners.map((o) => o.userId) }
  })
  // what the bonus does may have changed for whoever holds it, and which smiles are sold
  effectsChanged(ctx, 0)
  for (const userId of owners) effectsChanged(ctx, userId)
  return bonusView(saved)
}

/** Bonuses for sale, by category and position; store admins see the whole catalogue (`all`). */
export async function listBonuses(ctx: Context, all = false): Promise<BonusView[]> {
  if (all) requireRole(ctx, 'storeAdmin')
  const rows = await ctx.prisma.storeBonus.findMany({
    where: all ? {} : { canBePurchased: true },
    orderBy: [...CATALOGUE_ORDER],
    // a catalogue, not a log: a cap well above any real one keeps the answer bounded
    take: CATALOGUE_MAX,
  })
  return rows.map(bonusView)
}

/** Node lookups: a bonus not for sale is visible to store staff only. */
export async function bonusesById(ctx: Context, ids: number[]): Promise<(BonusView | null)[]> {
  const staff = hasRole(ctx, 'storeAdmin') || hasRole(ctx, 'storeSupport')
  const rows = await ctx.prisma.storeBonus.findMany({ where: { id: { in: ids } } })
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)
    return r && (r.canBePurchased || staff) ? bonusView(r) : null
  })
}
