import type { Viewer } from '../../src/context.js'
import type { Services } from '../../src/services.js'
import { perApp } from '../../src/plugin-system/app-state.js'
import type { CitizenWeightProvider, ModerationApi } from './public.js'

/** Citizen weights other plugins raise (moderation's API, public.ts). */
const providers = perApp<CitizenWeightProvider[]>(() => [])

export function createModerationApi(services: Services): ModerationApi {
  return {
    addCitizenWeightProvider(provider) {
      const list = providers(services)
      list.push(provider)
      return () => {
        const i = list.indexOf(provider)
        if (i >= 0) list.splice(i, 1)
      }
    },
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
