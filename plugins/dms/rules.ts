import type { Context } from '../../src/context.js'
import type { PublishGuard, PublishRefusal } from '../chat/public.js'
import { pairOf } from './channel.js'
import { dmSettings } from './settings.js'
import { areFriends } from './friends/relations.js'
import { startConversation } from './conversations.js'

const refuse = (message: string): PublishRefusal => ({ reason: 'NOT_ALLOWED', message })

const startedBy = async (ctx: Context, channel: string, userId: number) =>
  (await ctx.prisma.dmConversation.findUnique({ where: { channel }, select: { startedById: true } }))?.startedById ===
  userId

/**
 * Who may message whom — the one rule, for every write into a private channel (messages, edits, reactions, typing):
 * not to a blocked account, not to someone who takes messages from nobody, or only from friends when not one (unless
 * they started the conversation: they may always be answered); a new account only to so many new people a day. Someone the recipient ignores is NOT refused: the message goes out as
 * sent and the recipient never sees it (chat leaves ignored authors out of everything they read), so the ignore is
 * not revealed — as JustChat and Twitch do.
 */
export async function mayMessage(ctx: Context, channel: string, userId: number): Promise<PublishRefusal | null> {
  const pair = pairOf(channel)
  if (!pair) return null
  const peerId = pair[0] === userId ? pair[1] : pair[0]
  if (peerId !== userId) {
    const peer = await ctx.prisma.user.findUnique({ where: { id: peerId }, select: { blocked: true, settings: true } })
    if (!peer || peer.blocked) return refuse('This account is blocked and takes no messages')
    const allowFrom = dmSettings(peer.settings).allowFrom
    // whoever started a conversation may always be answered in it, whatever they take from others
    if (allowFrom !== 'everyone' && !(await startedBy(ctx, channel, peerId))) {
      if (allowFrom === 'nobody') return refuse('This user takes direct messages from nobody')
      if (!(await areFriends(ctx.prisma, userId, peerId)))
        return refuse('This user takes direct messages from friends only')
    }
  }
  const retryAfter = await startConversation(ctx, channel, userId)
  if (retryAfter !== null)
    return {
      reason: 'RATE_LIMITED',
      message: 'A new account may start only a few conversations a day',
      retryAfterSeconds: retryAfter,
    }
  return null
}

/** The guard chat asks before every write: only private channels are this plugin's. */
export const dmGuard: PublishGuard = (ctx, channel, userId) =>
  channel.startsWith('private/') ? mayMessage(ctx, channel, userId) : Promise.resolve(null)
