import type { Context, Viewer } from '../../src/context.js'
import type { RoleName } from '../../src/auth/roles.js'
import { AppError } from '../../src/errors.js'

/** Who may do what in the store, checked in the services (GraphQL scopes and REST letters say the same, earlier). */

export function signedIn(ctx: Context): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED')
  return ctx.viewer
}

export const hasRole = (ctx: Context, role: RoleName) => (ctx.viewer?.roles[role] ?? 0) > 0

export function requireRole(ctx: Context, role: RoleName): Viewer {
  const v = signedIn(ctx)
  if (!hasRole(ctx, role)) throw new AppError('INSUFFICIENT_PERMISSIONS')
  return v
}

/** peka2's `A/StS`: the owner of the thing, or store support. */
export function requireOwnerOrSupport(ctx: Context, ownerId: number): Viewer {
  const v = signedIn(ctx)
  if (v.id !== ownerId && !hasRole(ctx, 'storeSupport')) throw new AppError('INSUFFICIENT_PERMISSIONS')
  return v
}

/** The idempotency scope of the caller's own keys. */
export const scopeOf = (v: Viewer) => `user:${v.id}`
