import type { Builder } from '../../../src/schema/builder.js'
import type { Context } from '../../../src/context.js'
import { requireOwnerOrSupport, requireRole, signedIn } from '../access.js'
import { auditPage } from '../audit.js'
import { listBonuses } from '../catalogue.js'
import { listGifts, receivedGifts } from '../gifts.js'
import { checkLedger } from '../ledger/check.js'
import { idConnection, idPage } from '../paging.js'
import { pointsOf } from '../points.js'
import { purchasesOf } from '../purchases/manage.js'
import { priceOf, subscriptionsOf } from '../subscriptions.js'
import { effectsCache } from '../state.js'
import { idOf } from '../validate.js'
import { walletOf } from '../wallet.js'
import type { StoreTypes } from './types.js'

const A = { authenticated: true } as const
const SUBJECT = 'The user; omitted: the viewer. Another user: store support only (INSUFFICIENT_PERMISSIONS)'

/** The user a query is about: the viewer, or (store support) another user. */
function subject(ctx: Context, userId: number | null | undefined): number {
  if (userId == null) return signedIn(ctx).id
  const id = idOf(userId, 'userId')
  requireOwnerOrSupport(ctx, id)
  return id
}

export function addStoreQueries(builder: Builder, T: StoreTypes) {
  builder.queryFields((t) => ({
    storeBonuses: t.field({
      type: [T.Bonus],
      description: 'Bonuses for sale by category and position; `all` (store admins): the whole catalogue',
      args: {
        all: t.arg.boolean({
          description:
            'true: every bonus, on sale or not (store admins; INSUFFICIENT_PERMISSIONS otherwise); default false',
        }),
      },
      resolve: (_p, a, ctx) => listBonuses(ctx, a.all ?? false),
    }),
    wallet: t.field({
      type: T.Wallet,
      authScopes: A,
      description: "The viewer's wallet; store support may name another user",
      args: { userId: t.arg.int({ description: SUBJECT }) },
      resolve: (_p, a, ctx) => walletOf(ctx.prisma, subject(ctx, a.userId)),
    }),
    storePoints: t.field({
      type: T.Points,
      authScopes: A,
      description: 'Points of the viewer, or (store support) of another user (peka2 points/my, points/get)',
      args: { userId: t.arg.int({ description: SUBJECT }) },
      resolve: (_p, a, ctx) => pointsOf(ctx, subject(ctx, a.userId)),
    }),
    storePurchases: t.field({
      type: [T.Purchase],
      authScopes: A,
      description: 'Bonuses of the viewer, or (store support) of another user (peka2 purchase/my, purchase/list)',
      args: { userId: t.arg.int({ description: SUBJECT }) },
      resolve: (_p, a, ctx) => purchasesOf(ctx, subject(ctx, a.userId)),
    }),
    storeSubscriptions: t.field({
      type: [T.Subscription],
      authScopes: A,
      description: 'Subscriptions of the viewer, or (store support) of another user',
      args: { userId: t.arg.int({ description: SUBJECT }) },
      resolve: (_p, a, ctx) => subscriptionsOf(ctx, subject(ctx, a.userId)),
    }),
    subscriptionPrice: t.int({
      description:
        "A streamer's monthly price in pekoins: their own, or the server's default (STORE_SUBSCRIPTION_PRICE)",
      args: { streamerId: t.arg.int({ required: true, description: "The streamer's user id" }) },
      resolve: (_p, a, ctx) => priceOf(ctx.prisma, ctx.services, idOf(a.streamerId, 'streamerId')),
    }),
    storeGifts: t.field({
      type: [T.Gift],
      description: 'Gifts on offer, cheapest first; `all` (store admins): withdrawn ones too',
      args: {
        all: t.arg.boolean({
          description: 'true: withdrawn gifts too (store admins; INSUFFICIENT_PERMISSIONS otherwise); default false',
        }),
      },
      resolve: (_p, a, ctx) => listGifts(ctx, a.all ?? false),
    }),
    receivedGifts: t.connection({
      type: T.SentGift,
      authScopes: A,
      description: 'The gifts a user received, newest first: signed-in users',
      args: { userId: t.arg.int({ required: true, description: 'The recipient' }) },
      resolve: (_p, a, ctx) => idConnection(a, (page) => receivedGifts(ctx, idOf(a.userId, 'userId'), page)),
    }),
    storeAudit: t.connection({
      type: T.AuditEntry,
      authScopes: { storeSupport: true },
      description: 'What store staff changed by hand, newest first: store support',
      args: {
        userId: t.arg.int({ description: 'Only entries about this user; omitted: all' }),
        staffId: t.arg.int({ description: 'Only entries by this staff member; omitted: all' }),
      },
      resolve: (_p, a, ctx) =>
        idConnection(a, (page) => auditPage(ctx, { userId: a.userId, staffId: a.staffId }, idPage(page))),
    }),
    storeLedgerCheck: t.field({
      type: T.Check,
      authScopes: { storeAdmin: true },
      description: "Proves the ledger's invariants from every row (slow on a large ledger)",
      extensions: { cost: 1000 },
      resolve: (_p, _a, ctx) => {
        requireRole(ctx, 'storeAdmin')
        return checkLedger(ctx.prisma)
      },
    }),
  }))

  builder.prismaObjectField('User', 'nickColor', (t) =>
    t.string({
      nullable: true,
      description: "The colour ('#rrggbb') of the user's nick colour bonus in effect, if any",
      resolve: async (u, _a, ctx) => {
        for (const e of await effectsCache(ctx.services).of(u.id)) if ('color' in e.config) return e.config.color
        return null
      },
    }),
  )
}
