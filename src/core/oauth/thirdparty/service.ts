import { randomBytes } from 'node:crypto'
import type { Context } from '../../../context.js'
import { AppError, invalid } from '../../../errors.js'
import { hashToken, newToken } from '../../../auth/tokens.js'
import { rolesFromRows } from '../../../auth/roles.js'
import { shownRoles } from '../../roles/schema-types.js'
import { isUniqueViolation } from '../../../db/errors.js'
import { TX_OPTIONS } from '../../../db/client.js'
import { notify, notifySocket } from '../../notifications/notify.js'
import { withDefaults, type SettingsSections } from '../../settings/settings.js'
import { signedIn } from '../../../auth/signed-in.js'
import { checkNameFree, enterSession, openSession } from '../../users/service.js'
import { checkUsername, nameSkeletons, slugOf } from '../../users/validation.js'
import { thirdPartyState, type ThirdPartyProvider } from './config.js'
import { identityOf } from './provider.js'
import { checkState, sealState, type SignInState } from './state.js'

/** How long a sign-in may take at the provider, and a registration token stays good. */
const STATE_TTL_MS = 10 * 60_000
const REGISTRATION_TTL_MS = 30 * 60_000

function providerOf(ctx: Context, name: string): ThirdPartyProvider {
  const p = thirdPartyState.of(ctx.services).providers.get(name)
  if (!p) throw invalid('provider', `"${name.slice(0, 40)}" is not a provider this site signs in with`)
  return p
}

/** socket.io's connection ids (base64id, or `<namespace>#<id>`) */
const SID = /^[\w#/-]{1,64}$/

export const providerNames = (ctx: Context) => [...thirdPartyState.of(ctx.services).providers.keys()]

export interface AuthorizeOptions {
  /** the legacy socket of the page that waits for the outcome: it gets thirdpartyLogin or thirdpartyRegister */
  sid?: string | null
  /** link the provider account to the signed-in user instead of signing in or registering with it */
  link?: boolean | null
}

/**
 * Where to send a person to sign in at a provider. The `state` is signed and expires (RFC 6749 §10.12: the callback's
 * code cannot be swapped for one from a sign-in started elsewhere or long ago); it goes back with the code.
 */
export function authorizeUrl(ctx: Context, provider: string, redirectUri: string, opts: AuthorizeOptions = {}) {
  const p = providerOf(ctx, provider)
  if (!URL.canParse(redirectUri) || redirectUri.length > 500) throw invalid('redirectUri', 'must be an absolute URL')
  if (opts.sid != null && !SID.test(opts.sid)) throw invalid('sid', "must be a socket's id")
  const state: SignInState = {
    p: p.name,
    r: redirectUri,
    e: Date.now() + STATE_TTL_MS,
    n: randomBytes(8).toString('hex'),
    ...(opts.sid ? { s: opts.sid } : {}),
    ...(opts.link ? { u: signedIn(ctx).id } : {}),
  }
  const u = new URL(p.authorizeUrl)
  u.searchParams.set('response_type', 'code')
  u.searchParams.set('client_id', p.clientId)
  u.searchParams.set('redirect_uri', redirectUri)
  u.searchParams.set('state', sealState(ctx, state))
  return u.toString()
}

/** A provider name cut to what usernames allow: what a registration suggests. */
const suggestion = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32)

export type SignInResult =
  { kind: 'signedIn'; token: string; userId: number } | { kind: 'register'; name: string; token: string }

const USER = { id: true, name: true, slug: true, blocked: true, settings: true, roles: true } as const
const linkedElsewhere = () => invalid('code', 'this provider account is linked to another user')

/** A linking sign-in (started signed in, `link`): the provider account becomes the user's, unless it is another's. */
async function linkTo(ctx: Context, userId: number, provider: string, externalId: string) {
  try {
    await ctx.prisma.thirdPartyAccount.create({ data: { provider, externalId, userId } })
  } catch (e) {
    // linked meanwhile
    if (isUniqueViolation(e)) throw linkedElsewhere()
    throw e
  }
}

/**
 * The provider's code of a sign-in this site started. A linked account signs in (notification `thirdpartyLogin` to the
 * user's other sessions and to the socket that started it); a new one gets a registration token to pick a name with
 * (thirdparty.md, `thirdpartyRegister` to that socket) — or, started with `link`, becomes the signed-in user's.
 * `sections`: the app's settings sections, for the /api/user/current object thirdpartyLogin carries.
 */
export async function signInWith(
  ctx: Context,
  input: { provider: string; code: string; state: string; redirectUri: string },
  sections: SettingsSections,
): Promise<SignInResult> {
  const p = providerOf(ctx, input.provider)
  const state = checkState(ctx, input.state, p.name, input.redirectUri)
  // a link is finished only in the session of the user who started it: a state that leaked is of no use to others
  if (state.u !== undefined && ctx.viewer?.id !== state.u)
    throw invalid('state', 'links an account to a user this request is not signed in as')
  const who = await identityOf(p, input.code, input.redirectUri)
  const where = { provider_externalId: { provider: p.name, externalId: who.id } }
  let linked = await ctx.prisma.thirdPartyAccount.findUnique({ where, select: { user: { select: USER } } })
  if (state.u !== undefined) {
    if (linked && linked.user.id !== state.u) throw linkedElsewhere()
    if (!linked) {
      await linkTo(ctx, state.u, p.name, who.id)
      linked = await ctx.prisma.thirdPartyAccount.findUniqueOrThrow({ where, select: { user: { select: USER } } })
    }
  }
  if (linked) {
    const u = linked.user
    if (u.blocked) throw new AppError('USER_BLOCKED')
    const token = await ctx.prisma.$transaction((tx) => openSession(ctx, tx, u.id), TX_OPTIONS)
    await enterSession(ctx, u.id, token)
    const current = {
      guest: false,
      id: u.id,
      name: u.name,
      slug: u.slug,
      block: false,
      settings: withDefaults(sections, u.settings),
      roles: shownRoles(rolesFromRows(u.roles)),
    }
    notify(ctx.pubsub, u.id, 'thirdpartyLogin', current)
    if (state.s) notifySocket(ctx.pubsub, state.s, u.id, 'thirdpartyLogin', current)
    return { kind: 'signedIn', token, userId: u.id }
  }
  const token = newToken()
  const name = suggestion(who.name)
  await ctx.prisma.thirdPartyRegistration.deleteMany({ where: { expiresAt: { lt: new Date() } } })
  await ctx.prisma.thirdPartyRegistration.create({
    data: {
      tokenHash: hashToken(ctx.config.sessionSecret, token),
      provider: p.name,
      externalId: who.id,
      suggestedName: name,
      expiresAt: new Date(Date.now() + REGISTRATION_TTL_MS),
    },
  })
  if (state.s) notifySocket(ctx.pubsub, state.s, 0, 'thirdpartyRegister', { name, token })
  return { kind: 'register', name, token }
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
