import { randomBytes } from 'node:crypto'
import type { Context } from '../../context.js'
import type { Limiter } from '../../http/rate-limit.js'
import { invalid } from '../../errors.js'
import { checkPhone, nameSkeletons } from '../users/validation.js'
import { issueCode, consumeCode, numericCode, userOf } from '../codes.js'
import { startSession } from '../users/service.js'
import { profilePatch, type ProfileInput } from '../users/profile.js'
import { perApp } from '../../plugin-system/app-state.js'
import { signedIn } from '../../auth/signed-in.js'
import { isUniqueViolation } from '../../db/errors.js'

const CODE_TTL_MINUTES = 10

/**
 * JustChat sign-up: a phone number gets an account (created once) and a fresh one-time code by SMS;
 * registering again regenerates the code. Returns whether the account was created now.
 */
export async function registerPhone(
  ctx: Context,
  phoneRaw: string,
  profile: ProfileInput = {},
  purpose: 'signup' | 'invite' = 'signup',
) {
  const phone = checkPhone(phoneRaw)
  // Sign-up codes are throttled per phone so nobody can flood a number with SMS.
  await ctx.services.limits.loginPerAccount.consume(`sms:${phone}`)
  const { id: userId, created } = await accountOf(ctx, phone, profile)
  const code = numericCode()
  await issueCode(ctx.prisma, ctx.config.sessionSecret, {
    purpose: 'signup',
    target: phone,
    code,
    userId,
    ttlMinutes: CODE_TTL_MINUTES,
  })
  const text =
    purpose === 'invite' ? `${ctx.viewer?.name ?? 'A friend'} invites you. Your code: ${code}` : `Your code: ${code}`
  await ctx.services.notifier.send({ channel: 'sms', to: phone, purpose, text, code })
  return { created, userId }
}

/**
 * The account of a phone, created when there is none. Two sign-ups of one new phone at once both miss it; the
 * unique index lets one insert win, and the other finds the winner's row (`created: false`) instead of failing.
 */
async function accountOf(
  ctx: Context,
  phone: string,
  profile: ProfileInput,
): Promise<{ id: number; created: boolean }> {
  const existing = await ctx.prisma.user.findUnique({ where: { phone }, select: { id: true } })
  if (existing) return { id: existing.id, created: false }
  const name = `user_${randomBytes(5).toString('hex')}`
  try {
    const row = await ctx.prisma.user.create({
      data: { name, nameLower: name, slug: name, ...nameSkeletons(name), phone, ...profilePatch(profile) },
      select: { id: true },
    })
    return { id: row.id, created: true }
  } catch (e) {
    if (!isUniqueViolation(e)) throw e
    const winner = await ctx.prisma.user.findUnique({ where: { phone }, select: { id: true } })
    if (!winner) throw e
    return { id: winner.id, created: false }
  }
}

/** JustChat /init/auth: phone + code → a session. */
export async function authPhone(ctx: Context, phoneRaw: string, key: string) {
  const phone = checkPhone(phoneRaw)
  const row = await consumeCode(ctx.prisma, ctx.config.sessionSecret, 'signup', phone, key)
  return startSession(ctx, userOf(row))
}

/** Phones one invite call may carry (justchat-api.md names no number; each one is an account and an SMS). */
export const INVITE_MAX_PHONES = 20
/** Phones one user may invite per hour, over all calls. */
export const INVITES_PER_HOUR = 60

/** One limiter per app, made on the first invite. */
const invitesOf = perApp((services): Limiter => services.limits.make('invites', INVITES_PER_HOUR, 3600))
const inviteLimiter = (ctx: Context) => invitesOf(ctx.services)

/**
 * JustChat /init/invite: each phone gets an account and a sign-up code by SMS. At most INVITE_MAX_PHONES per call (the
 * argument's cap, checked before execution; again here for callers of the service), and INVITES_PER_HOUR per inviter.
 */
export async function invitePhones(ctx: Context, phones: string[]) {
  if (phones.length > INVITE_MAX_PHONES) throw invalid('phones', `at most ${INVITE_MAX_PHONES} items`)
  const unique = [...new Set(phones.map((p, i) => checkPhone(p, `phones[${i}]`)))]
  if (unique.length === 0) return true
  // every phone is an SMS: the whole batch is charged to the inviter before any is sent
  await inviteLimiter(ctx).consume(String(signedIn(ctx).id), unique.length)
  for (const p of unique) await registerPhone(ctx, p, {}, 'invite')
  return true
}
