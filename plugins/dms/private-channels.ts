import type { Context } from '../../src/context.js'
import { signedIn } from '../../src/auth/signed-in.js'

/** peka2 /api/channel/private: the viewer's last 30 private channels, latest message first. */
export async function privateChannels(ctx: Context) {
  // a dialog the viewer removed stays out until a message comes after it, as in their dialog list
  const rows = await ctx.prisma.$queryRaw<{ channel: string }[]>`
    SELECT c.channel FROM "DmMember" m JOIN "DmConversation" c ON c.id = m."conversationId"
    WHERE m."userId" = ${signedIn(ctx).id} AND m."lastMessageId" > m."clearedUpToId"
    ORDER BY m."lastMessageId" DESC LIMIT 30`
  return rows.map((r) => r.channel)
}
