import type { Context } from '../../context.js'
import { AppError } from '../../errors.js'
import { APP_SELECT, announceSessions } from './apps.js'
import { firstParty } from './scopes.js'

/** Grants one list shows at most. */
export const GRANTS_MAX = 100

/** The applications the viewer let act for them, newest first (peka2 /api/oauth/list). */
export async function myGrants(ctx: Context) {
  const viewer = firstParty(ctx)
  return ctx.prisma.oAuthGrant.findMany({
    where: { userId: viewer.id },
    orderBy: { id: 'desc' },
    take: GRANTS_MAX,
    select: { id: true, scopes: true, createdAt: true, app: { select: APP_SELECT } },
  })
}

/**
 * Takes an application's access back (peka2 /api/oauth/reject): its grant and every token under it end at once. An
 * application that does not exist is an error; one without access already is left as it is.
 */
export async function revokeGrant(ctx: Context, appId: number) {
  const viewer = firstParty(ctx)
  const app = await ctx.prisma.oAuthApp.findUnique({ where: { id: appId }, select: { id: true } })
  if (!app) throw new AppError('OAUTH_APP_NOT_FOUND', 'appId: no application has this id', { field: 'appId' })
  const grant = await ctx.prisma.oAuthGrant.findUnique({
    where: { appId_userId: { appId, userId: viewer.id } },
    select: { id: true, sessions: { where: { revokedAt: null }, select: { id: true, userId: true } } },
  })
  if (!grant) return true
  // the grant's tokens are deleted with it
  await ctx.prisma.oAuthGrant.delete({ where: { id: grant.id } })
  announceSessions(ctx, grant.sessions)
  return true
}
