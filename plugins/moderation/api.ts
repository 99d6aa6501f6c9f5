import type { Viewer } from '../../src/context.js'
import type { Services } from '../../src/services.js'
import { perApp } from '../../src/plugin-system/app-state.js'
import type { CitizenWeightProvider, ModerationApi, SanctionHook } from './public.js'
import { inForce, rejoin, type SanctionKind } from './sanctions.js'
import { sanctionHooks } from './sanction-hooks.js'

/** Citizen weights other plugins raise (moderation's API, public.ts). */
const providers = perApp<CitizenWeightProvider[]>(() => [])

/** Adds to a per-app list; returns what removes it again. */
function adder<T>(list: T[], item: T) {
  list.push(item)
  return () => {
    const i = list.indexOf(item)
    if (i >= 0) list.splice(i, 1)
  }
}

const LIST_MAX = 1000
const isKind = (k: string): k is SanctionKind => k === 'kick' || k === 'silence' || k === 'ban'

export function createModerationApi(services: Services): ModerationApi {
  return {
    addCitizenWeightProvider: (provider) => adder(providers(services), provider),
    addSanctionHook: (hook: SanctionHook) => adder(sanctionHooks(services), hook),
    async sanctionsIn(channel, db = services.prisma) {
      const rows = await db.channelSanction.findMany({
        where: { channel, ...inForce(new Date()) },
        orderBy: { id: 'asc' },
        take: LIST_MAX,
        select: { userId: true, kind: true, until: true },
      })
      return rows.flatMap((r) => (isKind(r.kind) ? [{ userId: r.userId, kind: r.kind, until: r.until }] : []))
    },
    async appointedModerators(channel, db = services.prisma) {
      const rows = await db.channelModerator.findMany({
        where: { channel },
        orderBy: { createdAt: 'asc' },
        take: LIST_MAX,
        select: { userId: true },
      })
      return rows.map((r) => r.userId)
    },
    rejoin,
    supportCategories: () =>
      services.prisma.supportCategory.findMany({
        orderBy: { id: 'asc' },
        take: LIST_MAX,
        select: { id: true, slug: true, name: true },
      }),
  }
}

/**
 * The weight a user's vote carries: their `citizen` role, raised by any provider — except that no provider gives a
 * vote back to someone whose citizenship staff took away (0).
 */
export async function citizenWeight(services: Services, voter: Viewer): Promise<number> {
  let weight = voter.roles.citizen
  if (weight <= 0) return weight
  for (const provider of providers(services)) weight = Math.max(weight, (await provider(voter.id)) ?? 0)
  return weight
}
