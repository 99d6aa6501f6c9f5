import { perApp } from '../../src/plugin-system/app-state.js'
import type { Services } from '../../src/services.js'
import type { SanctionChange, SanctionHook } from './public.js'
import type { Effects } from './effects.js'
import type { Tx } from './common.js'

/** What other plugins run inside the transaction of a sanction made or lifted (moderation's API, public.ts). */
export const sanctionHooks = perApp<SanctionHook[]>(() => [])

/** Runs every hook in the sanction's transaction; their events are released with the sanction's, after the commit. */
export async function runSanctionHooks(services: Services, change: SanctionChange, tx: Tx, fx: Effects) {
  for (const hook of sanctionHooks(services)) await hook(change, fx.inTransaction(tx))
}
