import { randomBytes } from 'node:crypto'
import type { Context } from '../../context.js'
import type { Prisma } from '../../generated/prisma/client.js'
import type { Limiter } from '../../http/rate-limit.js'
import { invalid } from '../../errors.js'
import { checkPhone, nameSkeletons } from '../users/validation.js'
import { issueCode, checkKey, numericCode, userOf } from '../codes.js'
import { enterSession, loginAttempt, openSession } from '../users/service.js'
import { profilePatch, type ProfileInput } from '../users/profile.js'
import { perApp } from '../../plugin-system/app-state.js'
import { signedIn } from '../../auth/signed-in.js'
import { TX_OPTIONS } from '../../db/client.js'

/**
 * JustChat sign-up: a phone number gets an account (created once) and a key by SMS — "the password to sign in with"
 * (justchat-api.md), valid until the next sign-up of the phone regenerates it. Returns whether the account was created
 * now.
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
      ttlMinutes: null,
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

/**
 * JustChat /init/auth: phone + SMS key → a session. The key signs in as often as it is used; wrong tries count
 * against the login budgets of passwords (per account, per address: LOGIN_ATTEMPTS_PER_15MIN), a right one gives
 * them back.
 */
export async function authPhone(ctx: Context, phoneRaw: string, key: string) {
  const phone = checkPhone(phoneRaw)
  const account = await ctx.prisma.user.findUnique({ where: { phone }, select: { id: true } })
  const succeeded = await loginAttempt(ctx, account ? `id:${account.id}` : `phone:${phone}`)
  const row = await checkKey(ctx.prisma, ctx.config.sessionSecret, 'signup', phone, key)
  await succeeded()
  const userId = userOf(row)
  const token = await ctx.prisma.$transaction((tx) => openSession(ctx, tx, userId), TX_OPTIONS)
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
