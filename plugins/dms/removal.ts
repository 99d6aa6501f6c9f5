import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import { signedIn } from '../../src/auth/signed-in.js'
import { dmsOf } from './state.js'
import { conversationChannel } from './channel.js'
import { ownConversationMessage } from './reads.js'

/** Messages one user removed for themselves in one conversation, at most: past it, clear the dialog instead. */
export const MAX_HIDDEN = 1000

/**
 * Removes the viewer's dialog with a user for the viewer only (JustChat /user/remove-dialog): every message up to now
 * is gone for them, the other side keeps theirs; the dialog comes back with the next message. False when there was
 * no conversation.
 */
export async function removeDialog(ctx: Context, peerId: number) {
  const me = signedIn(ctx).id
  const channel = conversationChannel(me, peerId)
  const upToId = await dmsOf(ctx).chat.latestId(channel)
  const member = await ctx.prisma.dmMember.findFirst({
    where: { userId: me, conversation: { channel } },
    select: { conversationId: true },
  })
  if (!member) return false
  await ctx.prisma.$transaction([
    ctx.prisma.$executeRaw`
      UPDATE "DmMember" SET "clearedUpToId" = GREATEST("clearedUpToId", ${upToId}),
        "lastReadId" = GREATEST("lastReadId", ${upToId})
      WHERE "conversationId" = ${member.conversationId} AND "userId" = ${me}`,
    ctx.prisma.dmHiddenMessage.deleteMany({
      where: { userId: me, conversationId: member.conversationId, messageId: { lte: upToId } },
    }),
  ])
  ctx.pubsub.publish('dms.user', me, { kind: 'cleared', channel, upToId })
  return true
}

/**
 * Removes one message for the viewer only ("delete for me", JustChat /user/messages/remove): a message of their
 * conversations they still see, sent or received; MESSAGE_NOT_FOUND otherwise.
 */
export async function hideMessage(ctx: Context, messageId: number, field = 'message') {
  const me = signedIn(ctx).id
  const { message, member } = await ownConversationMessage(ctx, messageId, field)
  const count = await ctx.prisma.dmHiddenMessage.count({ where: { userId: me, conversationId: member.conversationId } })
  if (count >= MAX_HIDDEN)
    throw new AppError(
      'CONFLICT',
      `${field}: at most ${MAX_HIDDEN} messages of a conversation can be removed one by one; remove the dialog instead`,
      { field },
    )
  // the primary key makes a repeated removal a no-op
  await ctx.prisma.dmHiddenMessage.upsert({
    where: { userId_messageId: { userId: me, messageId: message.id } },
    create: { userId: me, messageId: message.id, conversationId: member.conversationId },
    update: {},
  })
  return true
}
