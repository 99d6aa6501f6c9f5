import type { Context, Viewer } from '../../src/context.js'
import { ignoredItems } from '../../src/core/social/service.js'
import type { ChannelKind } from '../chat/public.js'
import { parsePair } from './channel.js'
import { memberOf } from './conversations.js'
import type { Services } from '../../src/services.js'
import { dmsState } from './state.js'

const isMember = (v: Viewer | null, [a, b]: string[]) => !!v && (v.id === Number(a) || v.id === Number(b))
const userExists = async (ctx: Context, id: number) =>
  !!(await ctx.prisma.user.findUnique({ where: { id }, select: { id: true } }))

/** Users chat ignores are those of peka2's ignore content "chat" (core's ignore list). */
const ignores = (ctx: Context, userId: number, authorId: number) =>
  ignoredItems(ctx.prisma, userId, 'chat').then((s) => s.has(authorId))

/**
 * private/<a>/<b> (a ≤ b): the conversation of two users, read and written by those two only, moderated by nobody
 * (staff see a message only through a complaint). Its messages are chat's; this kind keeps each side's dialog,
 * read state and removals, and relays every event to both users' own streams (directMessages).
 */
export function privateKind(services: Services): ChannelKind {
  const { config } = dmsState.of(services)
  return {
    name: 'private',
    parse: (rest) => (parsePair(rest) ? rest : null),
    public: false,
    confidential: true,
    exists: async (ctx, [a, b]) => (await userExists(ctx, Number(a))) && (await userExists(ctx, Number(b))),
    canRead: (ctx, parts) => isMember(ctx.viewer, parts),
    canWrite: (ctx, parts) => isMember(ctx.viewer, parts),
    isModerator: () => false,
    describe: () => ({ name: 'Private', ownerId: null }),
    readablePatterns: (v) => (v ? [`private/${v.id}/%`, `private/%/${v.id}`] : []),
    async hiddenFor(ctx, parts) {
      if (!ctx.viewer || !isMember(ctx.viewer, parts)) return null
      const member = await memberOf(ctx.prisma, `private/${parts.join('/')}`, ctx.viewer.id)
      if (!member) return null
      const hidden = await ctx.prisma.dmHiddenMessage.findMany({
        where: {
          userId: ctx.viewer.id,
          conversationId: member.conversationId,
          messageId: { gt: member.clearedUpToId },
        },
        select: { messageId: true },
      })
      return { upToId: member.clearedUpToId, ids: hidden.map((h) => h.messageId) }
    },
    async published(ctx, parts, message) {
      const authorId = message.from?.id
      if (authorId === undefined) return
      const channel = `private/${parts.join('/')}`
      const conversation = await ctx.prisma.dmConversation.findUnique({ where: { channel }, select: { id: true } })
      if (!conversation) return
      // The dialog moves up for the author, and for the other side unless they ignore the author (who must not learn
      // it). The author has read their own message.
      const peers = parts.map(Number).filter((id) => id !== authorId)
      const seenBy = [authorId]
      for (const peer of peers) if (!(await ignores(ctx, peer, authorId))) seenBy.push(peer)
      await ctx.prisma.$executeRaw`
      UPDATE "DmMember" SET
        "lastMessageId" = GREATEST("lastMessageId", ${message.id}),
        "lastReadId" = CASE WHEN "userId" = ${authorId} THEN GREATEST("lastReadId", ${message.id}) ELSE "lastReadId" END
      WHERE "conversationId" = ${conversation.id} AND "userId" = ANY (${seenBy}::int[])`
    },
    editWindowSeconds: config.editWindowSeconds,
    relay(parts, event) {
      if (event.kind === 'presence') return
      const channel = `private/${parts.join('/')}`
      for (const userId of new Set(parts.map(Number)))
        services.pubsub.publish('dms.user', userId, { kind: 'chat', channel, event })
    },
  }
}
