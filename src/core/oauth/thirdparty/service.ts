import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from '../../../context.js'
import { AppError, invalid } from '../../../errors.js'
import { hashToken, newToken } from '../../../auth/tokens.js'
import { rolesFromRows } from '../../../auth/roles.js'
import { isUniqueViolation } from '../../../db/errors.js'
import { TX_OPTIONS } from '../../../db/client.js'
import { notify } from '../../notifications/notify.js'
import { checkNameFree, enterSession, openSession } from '../../users/service.js'
import { checkUsername, nameSkeletons, slugOf } from '../../users/validation.js'
import { thirdPartyState, type ThirdPartyProvider } from './config.js'
import { identityOf } from './provider.js'

/** How long a sign-in may take at the provider, and a registration token stays good. */
const STATE_TTL_MS = 10 * 60_000
const REGISTRATION_TTL_MS = 30 * 60_000

function providerOf(ctx: Context, name: string): ThirdPartyProvider {
  const p = thirdPartyState.of(ctx.services).providers.get(name)
  if (!p) throw invalid('provider', 'is not a provider this site signs in with')
  return p
}

export const providerNames = (ctx: Context) => [...thirdPartyState.of(ctx.services).providers.keys()]

const sign = (ctx: Context, payload: string) =>
  createHmac('sha256', ctx.config.sessionSecret).update(`thirdparty-state:${payload}`).digest('base64url')

/**
 * Where to send a person to sign in at a provider. The `state` is signed and expires (RFC 6749 §10.12: the callback's
 * code cannot be swapped for one from a sign-in started elsewhere or long ago); it goes back with the code.
 */
export function authorizeUrl(ctx: Context, provider: string, redirectUri: string) {
  const p = providerOf(ctx, provider)
  if (!URL.canParse(redirectUri) || redirectUri.length > 500) throw invalid('redirectUri', 'must be an absolute URL')
  const payload = Buffer.from(
    JSON.stringify({ p: p.name, r: redirectUri, e: Date.now() + STATE_TTL_MS, n: randomBytes(8).toString('hex') }),
  ).toString('base64url')
  const u = new URL(p.authorizeUrl)
  u.searchParams.set('response_type', 'code')
  u.searchParams.set('client_id', p.clientId)
  u.searchParams.set('redirect_uri', redirectUri)
  u.searchParams.set('state', `${payload}.${sign(ctx, payload)}`)
  return u.toString()
}

function checkState(ctx: Context, state: string, provider: string, redirectUri: string) {
  const [payload = '', mac = ''] = state.split('.')
  const expected = sign(ctx, payload)
  const bad = () => invalid('state', 'is not the state of a sign-in this site started, or it expired')
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) throw bad()
  const s = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { p?: string; r?: string; e?: number }
  if (s.p !== provider || s.r !== redirectUri || typeof s.e !== 'number' || s.e < Date.now()) throw bad()
}

/** A provider name cut to what usernames allow: what a registration suggests. */
const suggestion = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32)

export type SignInResult =
  { kind: 'signedIn'; token: string; userId: number } | { kind: 'register'; name: string; token: string }

/**
 * The provider's code of a sign-in this site started. A linked account signs in (notification `thirdpartyLogin` to the
 * user's other sessions); a new one gets a registration token to pick a name with (thirdparty.md, `thirdpartyRegister`).
 */
export async function signInWith(
  ctx: Context,
  input: { provider: string; code: string; state: string; redirectUri: string },
): Promise<SignInResult> {
  const p = providerOf(ctx, input.provider)
  checkState(ctx, input.state, p.name, input.redirectUri)
  const who = await identityOf(p, input.code, input.redirectUri)
  const linked = await ctx.prisma.thirdPartyAccount.findUnique({
    where: { provider_externalId: { provider: p.name, externalId: who.id } },
    select: { user: { select: { id: true, name: true, slug: true, blocked: true, roles: true } } },
  })
  if (linked) {
    const u = linked.user
    if (u.blocked) throw new AppError('USER_BLOCKED')
    const token = await ctx.prisma.$transaction((tx) => openSession(ctx, tx, u.id), TX_OPTIONS)
    await enterSession(ctx, u.id, token)
    notify(ctx.pubsub, u.id, 'thirdpartyLogin', {
      guest: false,
      id: u.id,
      name: u.name,
      slug: u.slug,
      block: false,
      roles: rolesFromRows(u.roles),
    })
    return { kind: 'signedIn', token, userId: u.id }
  }
  const token = newToken()
  await ctx.prisma.thirdPartyRegistration.deleteMany({ where: { expiresAt: { lt: new Date() } } })
  await ctx.prisma.thirdPartyRegistration.create({
    data: {
      tokenHash: hashToken(ctx.config.sessionSecret, token),
      provider: p.name,
      externalId: who.id,
      suggestedName: suggestion(who.name),
      expiresAt: new Date(Date.now() + REGISTRATION_TTL_MS),
    },
  })
  return { kind: 'register', name: suggestion(who.name), token }
}

/**
 * Finishes a sign-up through a provider (peka2 /api/oauth/thirdparty/register): a free name and the registration
 * token make an account linked to the provider's, and sign it in. The token works once.
 */
export async function registerWith(ctx: Context, input: { name: string; token: string }) {
  const name = checkUsername(input.name, 'name')
  const keys = nameSkeletons(name)
  const reg = await ctx.prisma.thirdPartyRegistration.findUnique({
    where: { tokenHash: hashToken(ctx.config.sessionSecret, input.token) },
  })
  const badToken = () =>
    new AppError('INVALID_TOKEN', 'token: no such registration, or it expired or was used', { field: 'token' })
  if (!reg || reg.usedAt || reg.expiresAt <= new Date()) throw badToken()
  await checkNameFree(ctx, keys, 'name')
  const { userId, token } = await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.thirdPartyRegistration.updateMany({
      where: { id: reg.id, usedAt: null },
      data: { usedAt: new Date() },
    })
    if (!count) throw badToken()
    let user
    try {
      user = await tx.user.create({
        data: { name, nameLower: name.toLowerCase(), slug: slugOf(name), ...keys },
        select: { id: true },
      })
      await tx.thirdPartyAccount.create({
        data: { provider: reg.provider, externalId: reg.externalId, userId: user.id },
      })
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
      // a name registered meanwhile, or the provider account linked by another registration
      const linked = /externalId|provider/i.test(JSON.stringify((e as { meta?: unknown }).meta ?? null))
      throw linked
        ? badToken()
        : new AppError('USER_ALREADY_EXISTS', 'name: this name is taken, or looks like a name that is', {
            field: 'name',
          })
    }
    return { userId: user.id, token: await openSession(ctx, tx, user.id) }
  }, TX_OPTIONS)
  return enterSession(ctx, userId, token)
}
