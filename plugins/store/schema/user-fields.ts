import type { Builder } from '../../../src/schema/builder.js'
import { hasRole } from '../access.js'
import { balanceOf } from '../wallet.js'

/** The most received gifts `User.receivedGiftIds` lists (the newest). */
const GIFT_IDS_MAX = 100

/** What the store adds to a user: their pekoins (to themselves and store support) and the gifts they received. */
export function addStoreUserFields(builder: Builder) {
  builder.prismaObjectFields('User', (t) => ({
    pekoins: t.int({
      nullable: true,
      description: "The user's pekoins: to the user and store support; null to anyone else",
      resolve: (u, _a, ctx) =>
        ctx.viewer && (ctx.viewer.id === u.id || hasRole(ctx, 'storeSupport'))
          ? balanceOf(ctx.prisma, u.id, 'PEKOINS')
          : null,
    }),
    receivedGiftIds: t.intList({
      description: `Gifts the user received (databaseId), newest first, at most ${GIFT_IDS_MAX}; empty for guests`,
      resolve: async (u, _a, ctx) => {
        // as receivedGifts: any signed-in user may look (JustChat shows them with the user)
        if (!ctx.viewer) return []
        const rows = await ctx.prisma.storeSentGift.findMany({
          where: { toId: u.id },
          orderBy: { id: 'desc' },
          take: GIFT_IDS_MAX,
          select: { id: true },
        })
        return rows.map((r) => r.id)
      },
    }),
  }))
}
