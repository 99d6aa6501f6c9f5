import type { Services } from './services.js'
import type { Plugin } from './plugin-system/contract.js'
import { hashPassword } from './auth/passwords.js'
import { nameSkeletons } from './core/users/validation.js'
import { ROLE_DEFAULTS, ROLE_NAMES, type RoleName } from './auth/roles.js'

export interface DemoUser {
  name: string
  password: string
  roles: Partial<Record<RoleName, number>>
}

/**
 * Demo accounts created on an empty database by `npm start` (README lists them; SEED_DEMO=false disables). Plugins add
 * the accounts their demo needs from their own `seed` (ensureUser).
 */
export const DEMO_USERS: DemoUser[] = [
  {
    name: 'admin',
    password: 'admin-demo-1',
    roles: Object.fromEntries(ROLE_NAMES.map((r) => [r, r === 'citizen' ? 10 : 1])),
  },
  { name: 'alice', password: 'alice-demo-1', roles: {} },
  { name: 'bob', password: 'bob-demo-1', roles: {} },
]

/** Creates the account, or sets its password and roles and unblocks it when it exists. */
export async function ensureUser(services: Services, { name, password, roles }: DemoUser) {
  const db = services.prisma
  const passwordHash = await hashPassword(password)
  const user = await db.user.upsert({
    where: { nameLower: name.toLowerCase() },
    create: {
      name,
      nameLower: name.toLowerCase(),
      slug: name.toLowerCase(),
      ...nameSkeletons(name),
      email: `${name.toLowerCase()}@example.com`,
      passwordHash,
    },
    update: { passwordHash, blocked: false },
  })
  for (const [role, value] of Object.entries(roles)) {
    if (value === ROLE_DEFAULTS[role as RoleName]) continue
    await db.userRole.upsert({
      where: { userId_role: { userId: user.id, role } },
      create: { userId: user.id, role, value },
      update: { value },
    })
  }
  return user
}

export async function seed(services: Services, plugins: Plugin[]) {
  const { config, log } = services
  if (config.seedAdmin) {
    const allRoles = Object.fromEntries(ROLE_NAMES.map((r) => [r, r === 'citizen' ? 10 : 1]))
    await ensureUser(services, { name: config.seedAdmin.name, password: config.seedAdmin.password, roles: allRoles })
    log.info('admin account ensured', { name: config.seedAdmin.name })
  }
  if (!config.seedDemo) return
  if ((await services.prisma.user.count()) > (config.seedAdmin ? 1 : 0)) return
  for (const u of DEMO_USERS) await ensureUser(services, u)
  for (const p of plugins) await p.seed?.({ prisma: services.prisma, services })
  log.info('demo data created', { users: DEMO_USERS.map((u) => u.name) })
}
