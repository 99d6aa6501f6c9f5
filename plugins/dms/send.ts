import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import { signedIn } from '../../src/auth/signed-in.js'
import type { PublishOutcome } from '../chat/public.js'
import { conversationChannel } from './channel.js'
import { dmsOf } from './state.js'

/**
 * Sends a direct message: chat publishes it on the pair's channel with all of chat's rules, and this plugin's guard
 * (rules.ts) decides who may write to whom.
 */
export async function sendDirect(
  ctx: Context,
  input: { to: number; text: string; replyToId?: number | null; attachments?: string[] | null },
): Promise<PublishOutcome> {
  const me = signedIn(ctx).id
  if (!Number.isInteger(input.to) || input.to < 1 || input.to > 2_147_483_647)
    throw new AppError('USER_NOT_FOUND', 'to: no such user', { field: 'to' })
  const peer = await ctx.prisma.user.findUnique({ where: { id: input.to }, select: { id: true } })
  if (!peer) throw new AppError('USER_NOT_FOUND', 'to: no such user', { field: 'to' })
  return dmsOf(ctx).chat.publish(ctx, {
    channel: conversationChannel(me, input.to),
    text: input.text,
    replyToId: input.replyToId,
    attachments: input.attachments,
  })
}
