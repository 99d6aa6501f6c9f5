import type { Context } from '../../src/context.js'
import { signedIn } from '../../src/auth/signed-in.js'

/** peka2 /api/channel/private: the viewer's last 30 private channels, latest message first. */
export async function privateChannels(ctx: Context) {
  const rows = await ctx.prisma.dmMember.findMany({
    where: { userId: signedIn(ctx).id, lastMessageId: { gt: 0 } },
    orderBy: { lastMessageId: 'desc' },
    take: 30,
    select: { conversation: { select: { channel: true } } },
  })
  return rows.map((r) => r.conversation.channel)
}
