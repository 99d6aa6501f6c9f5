import { randomBytes } from 'node:crypto'
import type { Context } from '../../context.js'
import { AppError, invalid } from '../../errors.js'
import { hashPassword } from '../../auth/passwords.js'
import { signedIn } from '../../auth/signed-in.js'
import { announceRevoked } from '../../auth/sessions.js'
import { firstParty } from './scopes.js'

/** An application as the API shows it; `clientId` only to its owner and role admins (peka2: "with an empty key"). */
export interface OAuthAppView {
  id: number
  ownerId: number
  name: string
  description: string
  clientId: string
  approved: boolean
  redirectUri: string
}

export const APP_SELECT = {
  id: true,
  ownerId: true,
  name: true,
  description: true,
  clientId: true,
  approved: true,
  redirectUri: true,
} as const

/** A secret is shown once, when made; only its argon2id hash is kept (as passwords are). */
const newSecret = () => randomBytes(32).toString('base64url')
const newClientId = () => randomBytes(16).toString('base64url')

/**
 * Where users may be sent back (RFC 6749 §3.1.2, RFC 8252): an https URL, an http one on the loopback address, or a
 * private-use scheme of a native application (`com.example.app:/done`); no fragment.
 */
export function checkRedirect(uri: string, field = 'redirectUri') {
  if (uri === '') return
  const bad = () => invalid(field, 'must be an https URL, http on localhost, or an app scheme like com.example.app:/cb')
  if (uri.length > 500 || !URL.canParse(uri)) throw bad()
  const u = new URL(uri)
  if (u.hash) throw bad()
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)
  if (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) return
  if (/^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/.test(u.protocol)) return
  throw bad()
}

function checkText(field: string, v: string, max: number) {
  if (v.trim().length === 0) throw invalid(field, 'is required', 'MISSING_REQUIRED_FIELD')
  if (v.length > max) throw invalid(field, `must be at most ${max} characters`)
}

export interface AppInput {
  name: string
  description: string
  /** null: left as it is */
  redirectUri?: string | null
}

/**
 * Registers the viewer's application or changes it (peka2: one per account). A change of name, description or
 * redirect takes staff approval back (oauth.md), which at once leaves its tokens `read` only. The secret comes back on
 * creation only.
 */
export async function saveApp(ctx: Context, input: AppInput): Promise<{ app: OAuthAppView; secret: string | null }> {
  const viewer = firstParty(ctx)
  checkText('name', input.name, 64)
  checkText('description', input.description, 1000)
  if (input.redirectUri != null) checkRedirect(input.redirectUri)
  const existing = await ctx.prisma.oAuthApp.findUnique({ where: { ownerId: viewer.id }, select: APP_SELECT })
  const data = {
    name: input.name.trim(),
    description: input.description.trim(),
    ...(input.redirectUri != null ? { redirectUri: input.redirectUri } : {}),
  }
  if (existing) {
    const changed =
      existing.name !== data.name ||
      existing.description !== data.description ||
      (data.redirectUri !== undefined && data.redirectUri !== existing.redirectUri)
    const app = await ctx.prisma.oAuthApp.update({
      where: { id: existing.id },
      data: { ...data, ...(changed ? { approved: false } : {}) },
      select: APP_SELECT,
    })
    return { app, secret: null }
  }
  const secret = newSecret()
  const app = await ctx.prisma.oAuthApp.create({
    data: { ...data, ownerId: viewer.id, clientId: newClientId(), secretHash: await hashPassword(secret) },
    select: APP_SELECT,
  })
  return { app, secret }
}

/** A new secret for the viewer's application; the old one stops working. */
export async function resetSecret(ctx: Context): Promise<{ app: OAuthAppView; secret: string }> {
  const viewer = firstParty(ctx)
  const secret = newSecret()
  const secretHash = await hashPassword(secret)
  const { count } = await ctx.prisma.oAuthApp.updateMany({ where: { ownerId: viewer.id }, data: { secretHash } })
  if (!count) throw new AppError('OAUTH_APP_NOT_FOUND', 'You have no application yet')
  const app = await ctx.prisma.oAuthApp.findUniqueOrThrow({ where: { ownerId: viewer.id }, select: APP_SELECT })
  return { app, secret }
}

export async function myApp(ctx: Context): Promise<OAuthAppView | null> {
  const viewer = signedIn(ctx)
  return ctx.prisma.oAuthApp.findUnique({ where: { ownerId: viewer.id }, select: APP_SELECT })
}

const isRoleAdmin = (ctx: Context) => (ctx.viewer?.roles.roleAdmin ?? 0) > 0

export async function appByClientId(ctx: Context, clientId: string, field = 'clientId') {
  const app = clientId
    ? await ctx.prisma.oAuthApp.findUnique({ where: { clientId }, select: { ...APP_SELECT, secretHash: true } })
    : null
  if (!app) throw new AppError('OAUTH_APP_NOT_FOUND', `${field}: no application has this key`, { field })
  return app
}

/** Staff approve an application for scopes beyond `read`, or take that back (its tokens follow at once). */
export async function approveApp(ctx: Context, clientId: string, approved: boolean) {
  if (!isRoleAdmin(ctx)) throw new AppError('INSUFFICIENT_PERMISSIONS')
  const app = await appByClientId(ctx, clientId)
  return ctx.prisma.oAuthApp.update({ where: { id: app.id }, data: { approved }, select: APP_SELECT })
}

/**
 * Removes an application — the viewer's own, or any for a role admin (oauth.md: "the administration may remove an
 * application and all its tokens stop working") — with its codes, grants and tokens.
 */
export async function removeApp(ctx: Context, clientId: string | null | undefined) {
  const viewer = firstParty(ctx)
  const app = clientId
    ? await appByClientId(ctx, clientId)
    : await ctx.prisma.oAuthApp.findUnique({ where: { ownerId: viewer.id }, select: APP_SELECT })
  if (!app) throw new AppError('OAUTH_APP_NOT_FOUND', 'You have no application yet')
  if (app.ownerId !== viewer.id && !isRoleAdmin(ctx)) throw new AppError('INSUFFICIENT_PERMISSIONS')
  const sessions = await ctx.prisma.session.findMany({
    where: { grant: { appId: app.id }, revokedAt: null },
    select: { id: true, userId: true },
  })
  // tokens are sessions of their grants: deleting the application deletes them with it
  await ctx.prisma.oAuthApp.delete({ where: { id: app.id } })
  announceSessions(ctx, sessions)
  return true
}

/** Closes the live connections of ended tokens, per user (the core's one revocation announcement). */
export function announceSessions(ctx: Context, sessions: { id: number; userId: number }[]) {
  const byUser = new Map<number, number[]>()
  for (const s of sessions) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s.id])
  for (const [userId, ids] of byUser) announceRevoked(ctx.pubsub, userId, ids)
}
