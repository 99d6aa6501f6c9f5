import { randomBytes } from 'node:crypto'
import type { Context } from '../../context.js'
import { checkPhone } from '../users/validation.js'
import { issueCode, consumeCode, numericCode } from '../codes.js'
import { startSession } from '../users/service.js'
import { profilePatch, type ProfileInput } from '../users/profile.js'

const CODE_TTL_MINUTES = 10

/**
 * JustChat sign-up: a phone number gets an account (created once) and a fresh one-time code by SMS;
 * registering again regenerates the code. Returns whether the account was created now.
 */
export async function registerPhone(ctx: Context, phoneRaw: string, profile: ProfileInput = {}, purpose: 'signup' | 'invite' = 'signup') {
  const phone = checkPhone(phoneRaw)
  // Sign-up codes are throttled per phone so nobody can flood a number with SMS.
  await ctx.services.limits.loginPerAccount.consume(`sms:${phone}`)
  const existing = await ctx.prisma.user.findUnique({ where: { phone } })
  let userId = existing?.id
  if (!existing) {
    const name = `user_${randomBytes(5).toString('hex')}`
    const created = await ctx.prisma.user.create({ data: { name, nameLower: name, slug: name, phone, ...profilePatch(profile) } })
    userId = created.id
  }
  const code = numericCode()
  await issueCode(ctx.prisma, ctx.config.sessionSecret, { purpose: 'signup', target: phone, code, userId, ttlMinutes: CODE_TTL_MINUTES })
  const text = purpose === 'invite' ? `${ctx.viewer?.name ?? 'A friend'} invites you. Your code: ${code}` : `Your code: ${code}`
  await ctx.services.notifier.send({ channel: 'sms', to: phone, purpose, text, code })
  return { created: !existing, userId: userId! }
}

/** JustChat /init/auth: phone + code → a session. */
export async function authPhone(ctx: Context, phoneRaw: string, key: string) {
  const phone = checkPhone(phoneRaw)
  const row = await consumeCode(ctx.prisma, ctx.config.sessionSecret, 'signup', phone, key)
  return startSession(ctx, row.userId!)
}

export async function invitePhones(ctx: Context, phones: string[]) {
  for (const p of phones) checkPhone(p, 'phons')
  for (const p of phones) await registerPhone(ctx, p, {}, 'invite')
  return true
}
