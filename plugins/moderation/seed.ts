import { ensureUser, type DemoUser } from '../../src/seed.js'
import type { PluginSeedContext } from '../../src/plugin-system/contract.js'

/** The demo staff account (README lists it with the core's): site moderator and support, citizen weight 5. */
export const MODERATION_DEMO_USERS: DemoUser[] = [
  { name: 'moderator', password: 'moderator-demo-1', roles: { moderator: 1, support: 1, citizen: 5 } },
]

/** Ban reasons and support categories come with the migration (fixed ids); the demo needs a moderator to use them. */
export async function seedModeration({ services }: PluginSeedContext) {
  for (const u of MODERATION_DEMO_USERS) await ensureUser(services, u)
}
