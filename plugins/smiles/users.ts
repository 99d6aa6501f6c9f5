import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'

/**
 * A smile's owner with exactly the selection the GraphQL query asked for (`query` from plugin-prisma, so fields that
 * need relations — `roles` — find them). Prisma batches the findUnique calls of one tick that share a shape into one
 * query, so a page of smiles costs one user lookup; nothing is cached across events of a long-lived subscription.
 */
export function loadUser<Q extends Omit<Prisma.UserFindUniqueArgs, 'where'>>(
  ctx: Context,
  query: Q,
  id: number | null,
) {
  if (id === null) return null
  return ctx.prisma.user.findUnique({ ...query, where: { id } })
}
