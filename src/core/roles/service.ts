import type { Context } from '../../context.js'
import type { Prisma } from '../../generated/prisma/client.js'
import type { AppPubSub } from '../../pubsub/index.js'
import { AppError, invalid } from '../../errors.js'
import { TX_OPTIONS } from '../../db/client.js'
import { isRoleName, NUMERIC_ROLES, ROLE_DEFAULTS, type RoleName } from '../../auth/roles.js'
import { notify } from '../notifications/notify.js'
import { announceRolesReduced } from '../../auth/sessions.js'

function checkRole(role: string): RoleName {
  if (!isRoleName(role)) throw new AppError('ROLE_NOT_FOUND', `role: unknown role "${role}"`, { field: 'role' })
  return role
}

/** Flags take booleans, `citizen` an integer weight 0–100: the documented types, nothing else. */
function roleValue(role: RoleName, value: unknown): number {
  if (NUMERIC_ROLES.has(role)) {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 100)
      throw invalid('value', `role ${role} takes an integer from 0 to 100`)
    return value as number
  }
  if (typeof value !== 'boolean') throw invalid('value', `role ${role} takes true or false`)
  return value ? 1 : 0
}

/** Users whose role differs from "off": flags set, or citizen weight above 0. */
export async function usersWithRole(ctx: Context, roleRaw: string) {
  const role = checkRole(roleRaw)
  const def = ROLE_DEFAULTS[role]
  if (def > 0) {
    // Defaults are not stored: a role that is on by default is held by everyone without an "off" row.
    const off = await ctx.prisma.userRole.findMany({ where: { role, value: 0 }, select: { userId: true } })
    return ctx.prisma.user.findMany({ where: { id: { notIn: off.map((r) => r.userId) } }, orderBy: { id: 'asc' } })
  }
  return ctx.prisma.user.findMany({ where: { roles: { some: { role, value: { gt: 0 } } } }, orderBy: { id: 'asc' } })
}

export async function setRole(ctx: Context, userId: number, roleRaw: string, value: unknown) {
  const announce = await ctx.prisma.$transaction((tx) => writeRole(tx, ctx.pubsub, userId, roleRaw, value), TX_OPTIONS)
  announce()
  return true
}

/**
 * setRole's writes in the caller's transaction (a plugin adds its own rows, e.g. an audit entry); returns what
 * announces the change — the notification and, for a reduction, the live-socket re-check — to call once it committed.
 */
export async function writeRole(
  tx: Prisma.TransactionClient,
  pubsub: AppPubSub,
  userId: number,
  roleRaw: string,
  value: unknown,
): Promise<() => void> {
  const role = checkRole(roleRaw)
  const v = roleValue(role, value)
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } })
  if (!user) throw new AppError('USER_NOT_FOUND', 'userId: no such user', { field: 'userId' })
  const before = await tx.userRole.findUnique({
    where: { userId_role: { userId, role } },
    select: { value: true },
  })
  await tx.userRole.upsert({
    where: { userId_role: { userId, role } },
    create: { userId, role, value: v },
    update: { value: v },
  })
  // Less than before (a flag off, a lower citizen weight): what the user's live subscriptions were allowed may no
  // longer hold, so their sockets close (4403) and the client reconnects with its current rights. A removal (0) is
  // announced even when it looked off already: a grant racing between the read and the write would go unseen.
  const reduced = v === 0 || v < (before?.value ?? ROLE_DEFAULTS[role])
  return () => {
    notify(pubsub, userId, 'roleChanged', { role, value: NUMERIC_ROLES.has(role) ? v : v > 0 })
    if (reduced) announceRolesReduced(pubsub, userId)
  }
}
