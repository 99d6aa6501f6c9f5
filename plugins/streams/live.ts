import type { Context } from '../../src/context.js'
import type { DbLike } from '../../src/db/client.js'
import { invalid } from '../../src/errors.js'
import { CHANNEL_PATTERN, PROVIDERS } from './providers.js'

/** Channels one /api/player/live call may ask about. */
export const LIVE_CHANNELS_MAX = 100

/**
 * A stream's status from its players: online when an active player is, its rating their viewers, its broadcast begun
 * when the earliest of them went online. Kept on the stream row so lists filter and sort in the database.
 */
export async function refreshStream(db: DbLike, streamId: number) {
  const players = await db.streamPlayer.findMany({
    where: { streamId, active: true, online: true },
    select: { viewers: true, onlineSince: true },
  })
  const since = players.map((p) => p.onlineSince?.getTime() ?? Date.now())
  await db.liveStream.update({
    where: { id: streamId },
    data: {
      online: players.length > 0,
      rating: players.reduce((n, p) => n + p.viewers, 0),
      startedAt: since.length ? new Date(Math.min(...since)) : null,
    },
  })
}

export interface PlayerStatus {
  provider: string
  channel: string
  online: boolean
  viewers: number
  title: string
}

/**
 * What a service's checker saw of one channel (stream admins: the process that polls the services). Every stream
 * with that player is refreshed in the same transaction. Returns how many players it updated.
 */
export async function setPlayerStatus(ctx: Context, s: PlayerStatus): Promise<number> {
  if (!Number.isInteger(s.viewers) || s.viewers < 0 || s.viewers > 100_000_000)
    throw invalid('viewers', 'must be an integer from 0 to 100000000')
  if (s.title.length > 200) throw invalid('title', 'must be at most 200 characters')
  const where = { provider: s.provider, channel: s.channel }
  return ctx.prisma.$transaction(async (tx) => {
    const now = new Date()
    // the moment it went online is kept while it stays online
    await tx.streamPlayer.updateMany({
      where: { ...where, online: !s.online },
      data: { onlineSince: s.online ? now : null },
    })
    const { count } = await tx.streamPlayer.updateMany({
      where,
      data: { online: s.online, viewers: s.online ? s.viewers : 0, title: s.title },
    })
    const streams = await tx.streamPlayer.findMany({ where, select: { streamId: true }, take: 1000 })
    for (const { streamId } of streams) await refreshStream(tx, streamId)
    return count
  })
}

export interface PlayerLive {
  id: string
  live: boolean
  title: string
  viewers: number
  thumbnail: string
}

/**
 * player.md: the live status of the site's own player's broadcasts (provider peka2.tv), by channel id, in the order
 * asked; an unknown channel is simply offline.
 */
export async function playerLive(ctx: Context, channels: string[]): Promise<PlayerLive[]> {
  if (channels.length > LIVE_CHANNELS_MAX) throw invalid('channels', `at most ${LIVE_CHANNELS_MAX} channels`)
  for (const [i, c] of channels.entries())
    if (!CHANNEL_PATTERN.test(c)) throw invalid(`channels[${i}]`, 'must be a channel id (letters, digits, _ . -)')
  const rows = await ctx.prisma.streamPlayer.findMany({
    where: { provider: PROVIDERS.PEKA2.value, channel: { in: channels } },
    select: { channel: true, online: true, viewers: true, title: true },
  })
  const best = new Map<string, (typeof rows)[number]>()
  for (const r of rows) if (!best.get(r.channel)?.online) best.set(r.channel, r)
  return channels.map((id) => {
    const r = best.get(id)
    return { id, live: r?.online ?? false, title: r?.title ?? '', viewers: r?.viewers ?? 0, thumbnail: '' }
  })
}
