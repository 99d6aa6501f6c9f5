import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import { signedIn } from '../../src/auth/signed-in.js'
import { dmsOf } from './state.js'

/** A message of one of the viewer's conversations that the viewer sees, or MESSAGE_NOT_FOUND naming `field`. */
export async function ownConversationMessage(ctx: Context, messageId: number, field: string) {
  const me = signedIn(ctx).id
  const notFound = () => new AppError('MESSAGE_NOT_FOUND', `${field}: no such message in your conversations`, { field })
  if (!Number.isInteger(messageId) || messageId < 1) throw notFound()
  const m = (await dmsOf(ctx).chat.messages([messageId])).at(0)
  if (!m || m.removed || !m.channel.startsWith('private/')) throw notFound()
  const member = await ctx.prisma.dmMember.findFirst({
    where: { userId: me, conversation: { channel: m.channel } },
    select: { conversationId: true, clearedUpToId: true, peerId: true },
  })
  if (!member || m.id <= member.clearedUpToId) throw notFound()
  const hidden = await ctx.prisma.dmHiddenMessage.findUnique({ where: { userId_messageId: { userId: me, messageId } } })
  if (hidden) throw notFound()
  return { message: m, member }
}

/**
 * Marks the viewer's conversation read up to a message (JustChat /user/messages/mark-as-read): the read position only
 * moves forward (GREATEST: concurrent marks cannot move it back), and the other side gets a read receipt.
 */
export async function markRead(ctx: Context, messageId: number, field = 'message') {
  const me = signedIn(ctx).id
  const { message, member } = await ownConversationMessage(ctx, messageId, field)
  const rows = await ctx.prisma.$queryRaw<{ lastReadId: number }[]>`
    UPDATE "DmMember" SET "lastReadId" = GREATEST("lastReadId", ${message.id})
    WHERE "conversationId" = ${member.conversationId} AND "userId" = ${me}
    RETURNING "lastReadId"`
  const upToId = rows[0]?.lastReadId ?? message.id
  const event = { kind: 'read' as const, channel: message.channel, userId: me, upToId, time: new Date().toISOString() }
  for (const userId of new Set([me, member.peerId])) ctx.pubsub.publish('dms.user', userId, event)
  return { message, upToId }
}
