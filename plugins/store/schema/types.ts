import type { Context } from '../../../src/context.js'
import { requireOwnerOrSupport } from '../access.js'
import type { Builder } from '../../../src/schema/builder.js'
import { bonusesById } from '../catalogue.js'
import { giftsById } from '../gifts.js'
import { purchasesById } from '../purchases/manage.js'
import { subscriptionsById } from '../subscriptions.js'
import type { AuditView } from '../audit.js'
import { addLedgerCheckType } from './ledger-check-type.js'
import { addStoreEnums } from './enums.js'
import { idConnection, idPage } from '../paging.js'
import type { PointsView } from '../points.js'
import type { TopUpResult } from '../topup.js'
import type { PurchaseEvent, SubscriptionEvent, WalletEvent } from '../topics.js'
import { bonusView, inEffect } from '../views.js'
import type { BonusView, GiftView, PurchaseView, SentGiftView, SubscriptionView, WalletView } from '../views.js'
import { postingsOf, type PostingView } from '../wallet.js'

/** A user by id with exactly the selection the query asked for; null when there is none (a ledger outlives users). */
const userById = (ctx: Context, query: object, id: number | null) =>
  id === null ? null : ctx.prisma.user.findUnique({ ...query, where: { id } })

/** The store's output types. */
export function addStoreTypes(builder: Builder) {
  const { Currency, BonusType, EntryKind, Network } = addStoreEnums(builder)

  const Price = builder.objectRef<BonusView>('StoreBonusPrice').implement({
    description: "A bonus' prices: it may be sold for pekoins, points or both",
    fields: (t) => ({
      canBePurchased: t.exposeBoolean('canBePurchased', {
        description: 'false: not on sale (listed to store staff only; they may still grant it)',
      }),
      pekoins: t.exposeInt('pricePekoins', { description: '0: not sold for pekoins' }),
      points: t.exposeInt('pricePoints', { description: '0: not sold for points' }),
    }),
  })
  const Placement = builder.objectRef<BonusView>('StoreBonusPlacement').implement({
    description: 'Where a bonus sits in the catalogue: the catalogue lists by category, then position',
    fields: (t) => ({
      category: t.exposeInt('category', { description: 'The group of the catalogue (0–1,000,000)' }),
      position: t.exposeInt('position', { description: 'The order within the category, lowest first (0–1,000,000)' }),
      linked: t.exposeBoolean('linked', { description: 'sold only to buyers of the previous bonus of the category' }),
    }),
  })
  const Bonus = builder.node(builder.objectRef<BonusView>('StoreBonus'), {
    description: 'A bonus of the store (peka2 /api/store/bonus/modify); one not for sale is listed to store staff only',
    id: { description: 'Global id (node)', resolve: (b) => b.id },
    loadMany: (ids, ctx) => bonusesById(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The numeric id (bonusId elsewhere)' }),
      type: t.field({ type: BonusType, description: 'What the bonus does; config says how', resolve: (b) => b.type }),
      config: t.field({
        type: 'JSON',
        description:
          "The type's object: {level} (citizenMinLevel), {color: '#rrggbb'} (nickColor), {smiles: [code]} (smiles), {amount} (smilesPerMessage)",
        resolve: (b) => b.config,
      }),
      duration: t.exposeInt('duration', { description: 'seconds a purchase lasts; 0: forever' }),
      name: t.exposeString('name', { description: 'Display name (1–100 characters)' }),
      price: t.field({ type: Price, description: 'Whether and for how much it is sold', resolve: (b) => b }),
      view: t.field({ type: Placement, description: 'Its place in the catalogue', resolve: (b) => b }),
    }),
  })

  /** The bonus of a purchase, whatever the catalogue shows now (owners see what they bought). */
  const Purchase = builder.node(builder.objectRef<PurchaseView>('StorePurchase'), {
    description: "A user's bonus (peka2 /api/store/purchase/list): visible to its owner and store support",
    id: { description: 'Global id (node)', resolve: (p) => p.id },
    loadMany: (ids, ctx) => purchasesById(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The numeric id (the id argument of the purchase mutations)' }),
      userId: t.exposeInt('userId', { description: "The owner's user id" }),
      user: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The owner; null when the account no longer exists',
        resolve: (q, p, _a, ctx) => userById(ctx, q, p.userId),
      }),
      bonusId: t.exposeInt('bonusId', { description: "The bonus' databaseId" }),
      // the plugins' one pattern for a related row: findUnique by id, which Prisma batches per tick into one statement
      bonus: t.field({
        type: Bonus,
        description: 'The bonus bought, as the catalogue has it now (also when no longer for sale)',
        resolve: async (p, _a, ctx) => {
          const r = await ctx.prisma.storeBonus.findUnique({ where: { id: p.bonusId } })
          if (!r) throw new Error(`bonus ${p.bonusId} is gone`)
          return bonusView(r)
        },
      }),
      expiresAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'null: no end',
        resolve: (p) => p.expiresAt,
      }),
      active: t.exposeBoolean('active', { description: "the owner's switch (a nick colour on or off)" }),
      removed: t.exposeBoolean('removed', { description: 'taken away or refunded by store support' }),
      inEffect: t.boolean({ description: 'active, not removed and not expired now', resolve: (p) => inEffect(p) }),
      createdAt: t.field({
        type: 'DateTime',
        description: 'When it was bought or granted',
        resolve: (p) => p.createdAt,
      }),
    }),
  })

  const Subscription = builder.node(builder.objectRef<SubscriptionView>('StoreSubscription'), {
    description:
      'A subscription to a streamer (peka2 /api/store/subscription/modify): visible to the subscriber, the streamer and store support',
    id: { description: 'Global id (node)', resolve: (s) => s.id },
    loadMany: (ids, ctx) => subscriptionsById(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The numeric id (the id argument of the subscription mutations)' }),
      userId: t.exposeInt('userId', { description: "The subscriber's user id" }),
      user: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The subscriber; null when the account no longer exists',
        resolve: (q, s, _a, ctx) => userById(ctx, q, s.userId),
      }),
      streamerId: t.exposeInt('streamerId', { description: "The streamer's user id" }),
      streamer: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The streamer; null when the account no longer exists',
        resolve: (q, s, _a, ctx) => userById(ctx, q, s.streamerId),
      }),
      expiresAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'null: no end',
        resolve: (s) => s.expiresAt,
      }),
      active: t.exposeBoolean('active', { description: "shows the subscriber's icon" }),
      removed: t.exposeBoolean('removed', { description: 'taken away by store support' }),
      inEffect: t.boolean({ description: 'active, not removed and not expired now', resolve: (s) => inEffect(s) }),
      createdAt: t.field({
        type: 'DateTime',
        description: 'When it was first bought or added',
        resolve: (s) => s.createdAt,
      }),
    }),
  })

  const Posting = builder.objectRef<PostingView>('WalletPosting').implement({
    description: "One movement of a wallet's money: its half of a journal entry",
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "The posting's numeric id" }),
      transactionId: t.exposeInt('transactionId', { description: 'The journal entry it belongs to' }),
      kind: t.field({ type: EntryKind, description: 'What the entry was for', resolve: (p) => p.kind }),
      currency: t.field({ type: Currency, description: 'The currency moved', resolve: (p) => p.currency }),
      amount: t.exposeInt('amount', { description: 'signed: negative left the wallet' }),
      reason: t.exposeString('reason', { nullable: true, description: "staff's reason, for entries staff made" }),
      time: t.field({ type: 'DateTime', description: 'When the entry was made', resolve: (p) => p.time }),
    }),
  })

  const Wallet = builder.objectRef<WalletView>('Wallet').implement({
    description: "A user's balances, derived from the ledger, and its postings: the owner's and store support's",
    fields: (t) => ({
      userId: t.exposeInt('userId', { description: "The owner's user id" }),
      user: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The owner; null when the account no longer exists',
        resolve: (q, w, _a, ctx) => userById(ctx, q, w.userId),
      }),
      pekoins: t.exposeInt('pekoins', { description: 'Pekoins held (0 to 1,000,000,000)' }),
      points: t.exposeInt('points', { description: 'Points held (0 to 1,000,000,000)' }),
      postings: t.connection({
        type: Posting,
        description: 'Newest first',
        args: { currency: t.arg({ type: Currency, description: 'Only postings of this currency; omitted: both' }) },
        resolve: (w, a, ctx) => {
          // a wallet reaches only its owner or staff, and so do its postings, however it was reached
          requireOwnerOrSupport(ctx, w.userId)
          return idConnection(a, (page) => postingsOf(ctx.prisma, w.userId, a.currency, idPage(page)))
        },
      }),
    }),
  })

  const Points = builder.objectRef<PointsView>('StorePoints').implement({
    description: "A user's points (peka2 /api/store/points/get)",
    fields: (t) => ({
      userId: t.exposeInt('userId', { description: "The owner's user id" }),
      amount: t.exposeInt('amount', { description: 'Points held' }),
    }),
  })

  const Gift = builder.node(builder.objectRef<GiftView>('StoreGift'), {
    description: 'A gift of the catalogue (JustChat GiftSchema); a withdrawn one is visible to store admins only',
    id: { description: 'Global id (node)', resolve: (g) => g.id },
    loadMany: (ids, ctx) => giftsById(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The numeric id (giftId of sendGift)' }),
      name: t.exposeString('name', { description: 'Display name (1–100 characters)' }),
      image: t.exposeString('image', { description: 'An image URL or upload path' }),
      price: t.exposeInt('price', { description: 'in pekoins' }),
      active: t.exposeBoolean('active', { description: 'false: no longer offered' }),
      createdAt: t.field({ type: 'DateTime', description: 'When it was added', resolve: (g) => g.createdAt }),
    }),
  })

  const SentGift = builder.objectRef<SentGiftView>('StoreSentGift').implement({
    description: 'A gift someone received (JustChat SendedGiftSchema): the gift as it was sent, and the comment',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The numeric id of this sending' }),
      giftId: t.exposeInt('giftId', { description: "The catalogue gift's databaseId" }),
      from: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The sender; null when the account no longer exists',
        resolve: (q, g, _a, ctx) => userById(ctx, q, g.fromId),
      }),
      to: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The recipient; null when the account no longer exists',
        resolve: (q, g, _a, ctx) => userById(ctx, q, g.toId),
      }),
      fromId: t.exposeInt('fromId', { description: "The sender's user id" }),
      toId: t.exposeInt('toId', { description: "The recipient's user id" }),
      name: t.exposeString('name', { description: "The gift's name when it was sent" }),
      image: t.exposeString('image', { description: "The gift's image when it was sent" }),
      price: t.exposeInt('price', { description: 'The pekoins the sender paid' }),
      text: t.exposeString('text', { description: "The sender's comment (at most 500 characters; empty: none)" }),
      createdAt: t.field({ type: 'DateTime', description: 'When it was sent', resolve: (g) => g.createdAt }),
    }),
  })

  const AuditEntry = builder.objectRef<AuditView>('StoreAuditEntry').implement({
    description: 'A change staff made by hand, with who, why, and the state before and after',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "The entry's numeric id" }),
      staffId: t.exposeInt('staffId', { description: "The staff member's user id" }),
      staff: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The staff member; null when the account no longer exists',
        resolve: (q, e, _a, ctx) => userById(ctx, q, e.staffId),
      }),
      action: t.exposeString('action', {
        description:
          'What was done, e.g. BONUS_CREATED, PURCHASE_GRANTED, PURCHASE_REFUNDED, POINTS_SET, BALANCE_ADJUSTED, SUBSCRIPTION_PRICE',
      }),
      reason: t.exposeString('reason', {
        description: "The staff member's reason; 'catalogue' or 'price' for catalogue and price edits",
      }),
      userId: t.exposeInt('userId', { nullable: true, description: 'The user concerned; null for catalogue edits' }),
      purchaseId: t.exposeInt('purchaseId', { nullable: true, description: 'The purchase changed, if any' }),
      subscriptionId: t.exposeInt('subscriptionId', {
        nullable: true,
        description: 'The subscription changed, if any',
      }),
      transactionId: t.exposeInt('transactionId', { nullable: true, description: 'the ledger entry it made, if any' }),
      before: t.field({
        type: 'JSON',
        nullable: true,
        description: 'The state before the change; null for something new',
        resolve: (e) => e.before,
      }),
      after: t.field({
        type: 'JSON',
        nullable: true,
        description: 'The state after the change',
        resolve: (e) => e.after,
      }),
      time: t.field({ type: 'DateTime', description: 'When it was done', resolve: (e) => e.time }),
    }),
  })

  const Check = addLedgerCheckType(builder)

  const TopUp = builder.objectRef<TopUpResult>('StoreTopUpResult').implement({
    description: 'A top-up: the credited wallet and its ledger entry',
    fields: (t) => ({
      wallet: t.field({ type: Wallet, description: "The credited user's wallet now", resolve: (r) => r.wallet }),
      transactionId: t.exposeInt('transactionId', {
        description: 'The ledger entry that credited it (the first one, for a retry)',
      }),
      replayed: t.exposeBoolean('replayed', {
        description: 'a retry of a top-up already made: nothing was credited now',
      }),
    }),
  })

  const BuyPayload = builder
    .objectRef<{ purchase: PurchaseView; purchases: PurchaseView[]; wallet: WalletView }>('BuyBonusPayload')
    .implement({
      description: 'A bonus bought: the purchase, all purchases of the buyer and their wallet',
      fields: (t) => ({
        purchase: t.field({
          type: Purchase,
          description: 'The purchase made or extended',
          resolve: (p) => p.purchase,
        }),
        purchases: t.field({ type: [Purchase], description: "the buyer's purchases now", resolve: (p) => p.purchases }),
        wallet: t.field({ type: Wallet, description: "The buyer's wallet after paying", resolve: (p) => p.wallet }),
      }),
    })

  const PurchaseChange = builder.enumType('StorePurchaseChange', {
    description: 'What happened to a purchase',
    values: {
      PURCHASED: { description: 'Bought anew' },
      EXTENDED: { description: "A running one bought again: its end moved by the bonus' duration" },
      GRANTED: { description: 'Given by store support without payment' },
      CHANGED: { description: 'Switched on or off, or its end changed by store support' },
      REMOVED: { description: 'Taken away by store support without a refund' },
      REFUNDED: { description: 'Refunded and removed by store support' },
      EXPIRED: { description: 'Its end passed' },
    } as const satisfies Record<PurchaseEvent['change'], { description: string }>,
  })
  const SubscriptionChange = builder.enumType('StoreSubscriptionChange', {
    description: 'What happened to a subscription',
    values: {
      PURCHASED: { description: 'Bought anew, or added by store support' },
      EXTENDED: { description: 'A running one bought again: its end moved a month on' },
      CHANGED: { description: 'Its icon shown or hidden, or changed by store support' },
      REMOVED: { description: 'Taken away by store support' },
      EXPIRED: { description: 'Its end passed' },
    } as const satisfies Record<SubscriptionEvent['change'], { description: string }>,
  })
  const WalletChanged = builder.objectRef<WalletEvent>('WalletChanged').implement({
    description: 'A ledger entry touched a wallet: its balances after it',
    fields: (t) => ({
      wallet: t.field({
        type: Wallet,
        description: 'The balances after the entry',
        resolve: (e) => ({ userId: e.userId, pekoins: e.pekoins, points: e.points }),
      }),
      transactionId: t.exposeInt('transactionId', { description: 'The ledger entry' }),
      kind: t.field({ type: EntryKind, description: 'What the entry was for', resolve: (e) => e.kind }),
    }),
  })
  const PurchaseChanged = builder.objectRef<PurchaseEvent>('StorePurchaseChanged').implement({
    description: 'A purchase of the viewer changed',
    fields: (t) => ({
      change: t.field({ type: PurchaseChange, description: 'What happened', resolve: (e) => e.change }),
      purchase: t.field({ type: Purchase, description: 'The purchase after it', resolve: (e) => e.purchase }),
    }),
  })
  const SubscriptionChanged = builder.objectRef<SubscriptionEvent>('StoreSubscriptionChanged').implement({
    description: 'A subscription of the viewer, or to the viewer as a streamer, changed',
    fields: (t) => ({
      change: t.field({ type: SubscriptionChange, description: 'What happened', resolve: (e) => e.change }),
      subscription: t.field({
        type: Subscription,
        description: 'The subscription after it',
        resolve: (e) => e.subscription,
      }),
    }),
  })

  return {
    Currency,
    BonusType,
    Network,
    Bonus,
    Purchase,
    Subscription,
    Wallet,
    Points,
    Gift,
    SentGift,
    AuditEntry,
    Check,
    TopUp,
    BuyPayload,
    WalletChanged,
    PurchaseChanged,
    SubscriptionChanged,
  }
}

export type StoreTypes = ReturnType<typeof addStoreTypes>
