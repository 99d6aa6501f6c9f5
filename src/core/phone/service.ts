import { randomBytes } from 'node:crypto'
import type { Context } from '../../context.js'
import type { Prisma } from '../../generated/prisma/client.js'
import type { Limiter } from '../../http/rate-limit.js'
import { invalid } from '../../errors.js'
import { checkPhone, nameSkeletons } from '../users/validation.js'
import { issueCode, checkCode, spendCode, numericCode, userOf } from '../codes.js'
import { enterSession, openSession } from '../users/service.js'
import { profilePatch, type ProfileInput } from '../users/profile.js'
import { perApp } from '../../plugin-system/app-state.js'
import { signedIn } from '../../auth/signed-in.js'
import { TX_OPTIONS } from '../../db/client.js'

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
  const code = numericCode()
  // the account and its code: all or nothing (an account nobody got a code for would wait for a second sign-up)
  const { id: userId, created } = await ctx.prisma.$transaction(async (tx) => {
    const account = await accountOf(tx, phone, profile)
    await issueCode(tx, ctx.config.sessionSecret, {
      purpose: 'signup',
      target: phone,
      code,
      userId: account.id,
      ttlMinutes: CODE_TTL_MINUTES,
    })
    return account
  }, TX_OPTIONS)
  const text =
    purpose === 'invite' ? `${ctx.viewer?.name ?? 'A friend'} invites you. Your code: ${code}` : `Your code: ${code}`
  await ctx.services.notifier.send({ channel: 'sms', to: phone, purpose, text, code })
  return { created, userId }
}

/**
 * The account of a phone, created when there is none. Two sign-ups of one new phone at once both miss it; the
 * unique index lets one insert win, and the other finds the winner's row (`created: false`) instead of failing. The
 * insert skips a conflict (ON CONFLICT DO NOTHING) rather than failing on it: a failed statement would end `tx`.
 */
async function accountOf(
  tx: Prisma.TransactionClient,
  phone: string,
  profile: ProfileInput,
): Promise<{ id: number; created: boolean }> {
  const existing = await tx.user.findUnique({ where: { phone }, select: { id: true } })
  if (existing) return { id: existing.id, created: false }
  const name = `user_${randomBytes(5).toString('hex')}`
  const made = await tx.user.createManyAndReturn({
    data: [{ name, nameLower: name, slug: name, ...nameSkeletons(name), phone, ...profilePatch(profile) }],
    skipDuplicates: true,
    select: { id: true },
  })
  if (made.length) return { id: made[0].id, created: true }
  const winner = await tx.user.findUnique({ where: { phone }, select: { id: true } })
  // no row for the phone: the conflict was on the generated name (one in 2^40), a retry draws another
  if (!winner) throw new Error('phone sign-up: the generated name was taken, the account was not created')
  return { id: winner.id, created: false }
}

/** JustChat /init/auth: phone + code → a session. */
export async function authPhone(ctx: Context, phoneRaw: string, key: string) {
  const phone = checkPhone(phoneRaw)
  const row = await checkCode(ctx.prisma, ctx.config.sessionSecret, 'signup', phone, key)
  const userId = userOf(row)
  // the code is spent only with the session it opens: a failed sign-in leaves it for the retry
  const token = await ctx.prisma.$transaction(async (tx) => {
    await spendCode(tx, row)
    return openSession(ctx, tx, userId)
  }, TX_OPTIONS)
  return enterSession(ctx, userId, token)
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
