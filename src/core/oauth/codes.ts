import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from '../../context.js'
import { AppError, invalid } from '../../errors.js'
import { hashToken } from '../../auth/tokens.js'
import { verifyPassword } from '../../auth/passwords.js'
import { announceRevoked } from '../../auth/sessions.js'
import { APP_SELECT, appByClientId, type OAuthAppView } from './apps.js'
import { firstParty, normalizeScopes } from './scopes.js'
import { issueToken } from './tokens.js'

/** RFC 6749 §4.1.2: codes live minutes at most; ten is its ceiling. */
export const CODE_TTL_MS = 10 * 60_000
/**
 * Codes an application may have waiting for users at once. Requesting one is public (the key is no secret): the cap
 * bounds the rows, and is high enough that blocking an application's sign-ins takes thousands of requests in ten
 * minutes past the per-address limit.
 */
export const PENDING_MAX = 10_000

const hashOf = (ctx: Context, code: string) => hashToken(ctx.config.sessionSecret, code)
const badCode = (message = 'code: no such code, or it expired or was used') =>
  new AppError('INVALID_CODE', message, { field: 'code' })

export interface CodeRequest {
  clientId: string
  scopes?: readonly string[] | null
  redirectUri?: string | null
  /** PKCE (RFC 7636): base64url(SHA-256(verifier)) */
  codeChallenge?: string | null
  /** only S256: `plain` would give the code's thief the verifier too */
  codeChallengeMethod?: string | null
  state?: string | null
}

/** An application asks for a code for a user to grant (peka2 /api/oauth/request). */
export async function requestCode(ctx: Context, input: CodeRequest) {
  const app = await appByClientId(ctx, input.clientId)
  const scopes = normalizeScopes(input.scopes)
  if (!app.approved && scopes.some((s) => s !== 'read'))
    throw new AppError('OAUTH_SCOPE_DENIED', 'scopes: beyond read only once staff approved the application', {
      field: 'scopes',
    })
  if (input.redirectUri != null && input.redirectUri !== app.redirectUri)
    throw invalid('redirectUri', "must be the application's registered redirect")
  const challenge = input.codeChallenge ?? null
  if (challenge !== null) {
    if ((input.codeChallengeMethod ?? 'S256') !== 'S256')
      throw invalid('codeChallengeMethod', 'only S256 is accepted (RFC 7636)')
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge))
      throw invalid('codeChallenge', 'must be the base64url SHA-256 of the verifier (43 characters)')
  }
  if (input.state != null && input.state.length > 500) throw invalid('state', 'must be at most 500 characters')
  const now = new Date()
  await ctx.prisma.oAuthCode.deleteMany({ where: { appId: app.id, expiresAt: { lt: now } } })
  const pending = await ctx.prisma.oAuthCode.count({ where: { appId: app.id, grantedAt: null } })
  if (pending >= PENDING_MAX)
    throw new AppError('RATE_LIMIT_EXCEEDED', `The application has ${PENDING_MAX} codes waiting: try again later`)
  const code = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS)
  await ctx.prisma.oAuthCode.create({
    data: {
      codeHash: hashOf(ctx, code),
      appId: app.id,
      scopes,
      challenge,
      redirectUri: input.redirectUri ?? null,
      state: input.state ?? null,
      expiresAt,
    },
  })
  return { code, expiresAt }
}

/** A code waiting for a user: what the consent page shows (peka2 /api/oauth/check). */
export async function checkCode(ctx: Context, code: string) {
  const row = await ctx.prisma.oAuthCode.findUnique({
    where: { codeHash: hashOf(ctx, code) },
    select: { id: true, scopes: true, expiresAt: true, grantedAt: true, app: { select: APP_SELECT } },
  })
  if (!row || row.expiresAt <= new Date()) throw badCode()
  if (row.grantedAt) throw badCode('code: it was granted already')
  return { id: row.id, app: row.app, scopes: row.scopes, expiresAt: row.expiresAt }
}

/**
 * The signed-in user lets the application have the code's scopes (peka2 /api/oauth/grant): the site's own session
 * only. Their grant of that application takes the union of what they granted it. Answers where to send the user back.
 */
export async function grantCode(ctx: Context, code: string) {
  const viewer = firstParty(ctx)
  const row = await ctx.prisma.oAuthCode.findUnique({
    where: { codeHash: hashOf(ctx, code) },
    select: { id: true, appId: true, scopes: true, expiresAt: true, grantedAt: true, redirectUri: true, state: true },
  })
  if (!row || row.expiresAt <= new Date()) throw badCode()
  return ctx.prisma.$transaction(async (tx) => {
    // the conditional update decides a race between two grants of one code
    const { count } = await tx.oAuthCode.updateMany({
      where: { id: row.id, grantedAt: null },
      data: { grantedAt: new Date(), userId: viewer.id },
    })
    if (!count) throw badCode('code: it was granted already')
    const key = { appId_userId: { appId: row.appId, userId: viewer.id } }
    const before = await tx.oAuthGrant.findUnique({ where: key, select: { scopes: true } })
    const scopes = normalizeScopes([...(before?.scopes ?? []), ...row.scopes])
    await tx.oAuthGrant.upsert({
      where: key,
      create: { appId: row.appId, userId: viewer.id, scopes },
      update: { scopes },
    })
    const app = await tx.oAuthApp.findUniqueOrThrow({ where: { id: row.appId }, select: { redirectUri: true } })
    return { redirectUri: backTo(row.redirectUri ?? app.redirectUri, code, row.state), scopes: row.scopes }
  })
}

/** The redirect with the code and the application's state (RFC 6749 §4.1.2); null when it registered none. */
function backTo(uri: string, code: string, state: string | null): string | null {
  if (!uri) return null
  const u = new URL(uri)
  u.searchParams.set('code', code)
  if (state !== null) u.searchParams.set('state', state)
  return u.toString()
}

export interface Exchange {
  code: string
  /** PKCE: required when the code was requested with a challenge */
  codeVerifier?: string | null
  clientId?: string | null
  /** the application's secret: required when the code has no challenge */
  clientSecret?: string | null
  redirectUri?: string | null
}

/**
 * A granted code → an access token (peka2 /api/oauth/exchange, RFC 6749 §4.1.3). The client proves itself with the
 * PKCE verifier or its secret; a code works once — a second exchange is refused and ends the token the first one
 * gave (RFC 6749 §4.1.2). The token is a session of the grant, limited to the code's scopes.
 */
export async function exchangeCode(ctx: Context, input: Exchange) {
  const row = await ctx.prisma.oAuthCode.findUnique({
    where: { codeHash: hashOf(ctx, input.code) },
    select: {
      id: true,
      userId: true,
      scopes: true,
      challenge: true,
      redirectUri: true,
      expiresAt: true,
      grantedAt: true,
      usedAt: true,
      sessionId: true,
      app: { select: { ...APP_SELECT, secretHash: true } },
    },
  })
  if (!row) throw badCode()
  if (row.usedAt) {
    await endReplayed(ctx, row.sessionId, row.userId)
    throw badCode('code: it was used already')
  }
  if (row.expiresAt <= new Date()) throw badCode()
  if (!row.grantedAt || row.userId === null) throw badCode('code: the user has not granted it yet')
  if (input.clientId != null && input.clientId !== row.app.clientId)
    throw invalid('clientId', 'is not the application the code was issued to')
  if (row.redirectUri !== null && input.redirectUri !== row.redirectUri)
    throw invalid('redirectUri', 'must be the one the code was requested with')
  await proveClient(row.challenge, row.app, input)
  const userId = row.userId
  const grant = await ctx.prisma.oAuthGrant.findUnique({
    where: { appId_userId: { appId: row.app.id, userId } },
    select: { id: true },
  })
  if (!grant) throw badCode('code: the user revoked the application')
  const issued = await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.oAuthCode.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    })
    if (!count) throw badCode('code: it was used already')
    const token = await issueToken(ctx, tx, { userId, grantId: grant.id, scopes: row.scopes })
    await tx.oAuthCode.update({ where: { id: row.id }, data: { sessionId: token.sessionId } })
    return token
  })
  return { ...issued, userId, scopes: row.scopes }
}

async function proveClient(challenge: string | null, app: OAuthAppView & { secretHash: string }, input: Exchange) {
  if (challenge !== null) {
    const verifier = input.codeVerifier ?? ''
    // RFC 7636 §4.1: 43–128 characters of the unreserved set
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || !sameText(s256(verifier), challenge))
      throw new AppError('INVALID_CODE', 'codeVerifier: does not match the code challenge', { field: 'codeVerifier' })
  } else if (!input.clientSecret)
    throw invalid(
      'clientSecret',
      'is required: the code was requested without a PKCE challenge',
      'MISSING_REQUIRED_FIELD',
    )
  if (input.clientSecret && !(await verifyPassword(app.secretHash, input.clientSecret)).ok)
    throw new AppError('INVALID_CREDENTIALS', 'clientSecret: is not the application’s secret', {
      field: 'clientSecret',
    })
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')
const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** A used code came back: whoever holds it may have stolen it, so the token it gave ends. */
async function endReplayed(ctx: Context, sessionId: number | null, userId: number | null) {
  if (sessionId === null || userId === null) return
  const { count } = await ctx.prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (count) announceRevoked(ctx.pubsub, userId, [sessionId])
}
