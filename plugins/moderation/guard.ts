import type { PublishGuard } from '../chat/public.js'
import { inForce } from './sanctions.js'
import { supportGuard } from './support/kind.js'

const secondsUntil = (d: Date) => Math.max(1, Math.ceil((d.getTime() - Date.now()) / 1000))

/**
 * Chat's publish path asks this before a message goes out. A chat ban holds in every channel but support ones (a
 * banned user can still ask support about the ban); channel sanctions hold in their channel.
 */
export const moderationGuard: PublishGuard = async (ctx, channel, userId) => {
  if (channel.split('/')[0] === 'support') return supportGuard(ctx)
  const now = new Date()
  const ban = await ctx.prisma.ban.findFirst({
    where: { userId, active: true, endAt: { gt: now } },
    orderBy: { endAt: 'desc' },
    select: { endAt: true, reason: { select: { name: true } } },
  })
  if (ban)
    return {
      reason: 'BANNED',
      message: `You are banned from chat until ${ban.endAt.toISOString()} (${ban.reason.name})`,
      retryAfterSeconds: secondsUntil(ban.endAt),
    }
  const rows = await ctx.prisma.channelSanction.findMany({
    where: { channel, userId, ...inForce(now) },
    select: { kind: true, until: true },
  })
  const of = (k: string) => rows.filter((r) => r.kind === k)
  const end = (r: { until: Date | null }) => r.until?.getTime() ?? Number.MAX_SAFE_INTEGER
  const chBan = of('ban')
    .sort((a, b) => end(b) - end(a))
    .at(0)
  if (chBan)
    return {
      reason: 'BANNED',
      message: chBan.until
        ? `You are banned in this channel until ${chBan.until.toISOString()}`
        : 'You are banned in this channel',
      ...(chBan.until ? { retryAfterSeconds: secondsUntil(chBan.until) } : {}),
    }
  // a silence in force always has an end (inForce)
  const silenceEnd = of('silence')
    .flatMap((r) => (r.until ? [r.until] : []))
    .sort((a, b) => b.getTime() - a.getTime())
    .at(0)
  if (silenceEnd)
    return {
      reason: 'SILENCED',
      message: `You are silenced in this channel until ${silenceEnd.toISOString()}`,
      retryAfterSeconds: secondsUntil(silenceEnd),
    }
  if (of('kick').length)
    return { reason: 'KICKED', message: 'You were kicked from this channel: re-enter it to write again' }
  return null
}
