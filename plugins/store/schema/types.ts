import { StoreBonusType, StoreCurrency, StoreEntryKind, StoreNetwork } from '../../../src/generated/prisma/client.js'
import type { Context } from '../../../src/context.js'
import { requireOwnerOrSupport } from '../access.js'
import type { Builder } from '../../../src/schema/builder.js'
import { bonusesById } from '../catalogue.js'
import { giftsById } from '../gifts.js'
import { purchasesById } from '../purchases/manage.js'
import { subscriptionsById } from '../subscriptions.js'
import type { AuditView } from '../audit.js'
import type { LedgerCheck } from '../ledger/check.js'
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
  const Currency = builder.enumType(StoreCurrency, {
    name: 'StoreCurrency',
    description: 'PEKOINS: bought money; POINTS: earned',
  })
  const BonusType = builder.enumType(StoreBonusType, {
    name: 'StoreBonusType',
    description: 'peka2 citizenMinLevel, nickColor, smiles, smilesPerMessage',
  })
  const EntryKind = builder.enumType(StoreEntryKind, { name: 'StoreEntryKind' })
  const Network = builder.enumType(StoreNetwork, { name: 'StoreNetwork' })

  const Price = builder.objectRef<BonusView>('StoreBonusPrice').implement({
    fields: (t) => ({
      canBePurchased: t.exposeBoolean('canBePurchased'),
      pekoins: t.exposeInt('pricePekoins', { description: '0: not sold for pekoins' }),
      points: t.exposeInt('pricePoints', { description: '0: not sold for points' }),
    }),
  })
  const Placement = builder.objectRef<BonusView>('StoreBonusPlacement').implement({
    fields: (t) => ({
      category: t.exposeInt('category'),
      position: t.exposeInt('position'),
      linked: t.exposeBoolean('linked', { description: 'sold only to buyers of the previous bonus of the category' }),
    }),
  })
  const Bonus = builder.node(builder.objectRef<BonusView>('StoreBonus'), {
    description: 'A bonus of the store (peka2 /api/store/bonus/modify)',
    id: { resolve: (b) => b.id },
    loadMany: (ids, ctx) => bonusesById(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      type: t.field({ type: BonusType, resolve: (b) => b.type }),
      config: t.field({
        type: 'JSON',
        description:
          "The type's object: {level} (citizenMinLevel), {color: '#rrggbb'} (nickColor), {smiles: [code]} (smiles), {amount} (smilesPerMessage)",
        resolve: (b) => b.config,
      }),
      duration: t.exposeInt('duration', { description: 'seconds a purchase lasts; 0: forever' }),
      name: t.exposeString('name'),
      price: t.field({ type: Price, resolve: (b) => b }),
      view: t.field({ type: Placement, resolve: (b) => b }),
    }),
  })

  /** The bonus of a purchase, whatever the catalogue shows now (owners see what they bought). */
  const Purchase = builder.node(builder.objectRef<PurchaseView>('StorePurchase'), {
    description: "A user's bonus (peka2 /api/store/purchase/list)",
    id: { resolve: (p) => p.id },
    loadMany: (ids, ctx) => purchasesById(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      userId: t.exposeInt('userId'),
      user: t.prismaField({ type: 'User', nullable: true, resolve: (q, p, _a, ctx) => userById(ctx, q, p.userId) }),
      bonusId: t.exposeInt('bonusId'),
      // the plugins' one pattern for a related row: findUnique by id, which Prisma batches per tick into one statement
      bonus: t.field({
        type: Bonus,
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
      removed: t.exposeBoolean('removed'),
      inEffect: t.boolean({ description: 'active, not removed and not expired now', resolve: (p) => inEffect(p) }),
      createdAt: t.field({ type: 'DateTime', resolve: (p) => p.createdAt }),
    }),
  })

  const Subscription = builder.node(builder.objectRef<SubscriptionView>('StoreSubscription'), {
    description: 'A subscription to a streamer (peka2 /api/store/subscription/modify)',
    id: { resolve: (s) => s.id },
    loadMany: (ids, ctx) => subscriptionsById(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      userId: t.exposeInt('userId'),
      user: t.prismaField({ type: 'User', nullable: true, resolve: (q, s, _a, ctx) => userById(ctx, q, s.userId) }),
      streamerId: t.exposeInt('streamerId'),
      streamer: t.prismaField({
        type: 'User',
        nullable: true,
        resolve: (q, s, _a, ctx) => userById(ctx, q, s.streamerId),
      }),
      expiresAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'null: no end',
        resolve: (s) => s.expiresAt,
      }),
      active: t.exposeBoolean('active', { description: "shows the subscriber's icon" }),
      removed: t.exposeBoolean('removed'),
      inEffect: t.boolean({ resolve: (s) => inEffect(s) }),
      createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
    }),
  })

  const Posting = builder.objectRef<PostingView>('WalletPosting').implement({
    description: "One movement of a wallet's money: its half of a journal entry",
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      transactionId: t.exposeInt('transactionId'),
      kind: t.field({ type: EntryKind, resolve: (p) => p.kind }),
      currency: t.field({ type: Currency, resolve: (p) => p.currency }),
      amount: t.exposeInt('amount', { description: 'signed: negative left the wallet' }),
      reason: t.exposeString('reason', { nullable: true, description: "staff's reason, for entries staff made" }),
      time: t.field({ type: 'DateTime', resolve: (p) => p.time }),
    }),
  })

  const Wallet = builder.objectRef<WalletView>('Wallet').implement({
    description: "A user's balances, derived from the ledger, and its postings",
    fields: (t) => ({
      userId: t.exposeInt('userId'),
      user: t.prismaField({ type: 'User', nullable: true, resolve: (q, w, _a, ctx) => userById(ctx, q, w.userId) }),
      pekoins: t.exposeInt('pekoins'),
      points: t.exposeInt('points'),
      postings: t.connection({
        type: Posting,
        description: 'Newest first',
        args: { currency: t.arg({ type: Currency }) },
        resolve: (w, a, ctx) => {
          // a wallet reaches only its owner or staff, and so do its postings, however it was reached
          requireOwnerOrSupport(ctx, w.userId)
          return idConnection(a, (page) => postingsOf(ctx.prisma, w.userId, a.currency, idPage(page)))
        },
      }),
    }),
  })

  const Points = builder.objectRef<PointsView>('StorePoints').implement({
    description: 'peka2 /api/store/points/get',
    fields: (t) => ({ userId: t.exposeInt('userId'), amount: t.exposeInt('amount') }),
  })

  const Gift = builder.node(builder.objectRef<GiftView>('StoreGift'), {
    description: 'A gift of the catalogue (JustChat GiftSchema)',
    id: { resolve: (g) => g.id },
    loadMany: (ids, ctx) => giftsById(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      name: t.exposeString('name'),
      image: t.exposeString('image'),
      price: t.exposeInt('price', { description: 'in pekoins' }),
      active: t.exposeBoolean('active', { description: 'false: no longer offered' }),
      createdAt: t.field({ type: 'DateTime', resolve: (g) => g.createdAt }),
    }),
  })

  const SentGift = builder.objectRef<SentGiftView>('StoreSentGift').implement({
    description: 'A gift someone received (JustChat SendedGiftSchema): the gift as it was sent, and the comment',
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      giftId: t.exposeInt('giftId'),
      from: t.prismaField({ type: 'User', nullable: true, resolve: (q, g, _a, ctx) => userById(ctx, q, g.fromId) }),
      to: t.prismaField({ type: 'User', nullable: true, resolve: (q, g, _a, ctx) => userById(ctx, q, g.toId) }),
      fromId: t.exposeInt('fromId'),
      toId: t.exposeInt('toId'),
      name: t.exposeString('name'),
      image: t.exposeString('image'),
      price: t.exposeInt('price'),
      text: t.exposeString('text'),
      createdAt: t.field({ type: 'DateTime', resolve: (g) => g.createdAt }),
    }),
  })

  const AuditEntry = builder.objectRef<AuditView>('StoreAuditEntry').implement({
    description: 'A change staff made by hand, with who, why, and the state before and after',
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      staffId: t.exposeInt('staffId'),
      staff: t.prismaField({ type: 'User', nullable: true, resolve: (q, e, _a, ctx) => userById(ctx, q, e.staffId) }),
      action: t.exposeString('action'),
      reason: t.exposeString('reason'),
      userId: t.exposeInt('userId', { nullable: true }),
      purchaseId: t.exposeInt('purchaseId', { nullable: true }),
      subscriptionId: t.exposeInt('subscriptionId', { nullable: true }),
      transactionId: t.exposeInt('transactionId', { nullable: true, description: 'the ledger entry it made, if any' }),
      before: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.before }),
      after: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.after }),
      time: t.field({ type: 'DateTime', resolve: (e) => e.time }),
    }),
  })

  const Mismatch = builder.objectRef<LedgerCheck['mismatchedBalances'][number]>('StoreBalanceMismatch').implement({
    fields: (t) => ({
      kind: t.exposeString('kind'),
      owner: t.exposeInt('owner'),
      currency: t.exposeString('currency'),
      cached: t.exposeFloat('cached'),
      sum: t.exposeFloat('sum'),
    }),
  })
  const Negative = builder.objectRef<LedgerCheck['negativeBalances'][number]>('StoreNegativeBalance').implement({
    fields: (t) => ({
      kind: t.exposeString('kind'),
      owner: t.exposeInt('owner'),
      currency: t.exposeString('currency'),
      balance: t.exposeFloat('balance'),
    }),
  })
  const Total = builder.objectRef<LedgerCheck['totals'][number]>('StoreCurrencyTotal').implement({
    fields: (t) => ({ currency: t.exposeString('currency'), sum: t.exposeFloat('sum') }),
  })
  const Check = builder.objectRef<LedgerCheck>('StoreLedgerCheck').implement({
    description: "The ledger's invariants, proved from every row",
    fields: (t) => ({
      ok: t.boolean({
        description: 'every entry balances, every cached balance is its sum, no internal account is negative',
        resolve: (c) =>
          !c.unbalancedEntries.length &&
          !c.mismatchedBalances.length &&
          !c.negativeBalances.length &&
          c.totals.every((x) => x.sum === 0),
      }),
      entries: t.exposeInt('entries'),
      postings: t.exposeInt('postings'),
      unbalancedEntries: t.exposeIntList('unbalancedEntries'),
      mismatchedBalances: t.field({ type: [Mismatch], resolve: (c) => c.mismatchedBalances }),
      negativeBalances: t.field({ type: [Negative], resolve: (c) => c.negativeBalances }),
      totals: t.field({ type: [Total], resolve: (c) => c.totals }),
    }),
  })

  const TopUp = builder.objectRef<TopUpResult>('StoreTopUpResult').implement({
    fields: (t) => ({
      wallet: t.field({ type: Wallet, resolve: (r) => r.wallet }),
      transactionId: t.exposeInt('transactionId'),
      replayed: t.exposeBoolean('replayed', {
        description: 'a retry of a top-up already made: nothing was credited now',
      }),
    }),
  })

  const BuyPayload = builder
    .objectRef<{ purchase: PurchaseView; purchases: PurchaseView[]; wallet: WalletView }>('BuyBonusPayload')
    .implement({
      fields: (t) => ({
        purchase: t.field({ type: Purchase, resolve: (p) => p.purchase }),
        purchases: t.field({ type: [Purchase], description: "the buyer's purchases now", resolve: (p) => p.purchases }),
        wallet: t.field({ type: Wallet, resolve: (p) => p.wallet }),
      }),
    })

  const PurchaseChange = builder.enumType('StorePurchaseChange', {
    values: ['PURCHASED', 'EXTENDED', 'GRANTED', 'CHANGED', 'REMOVED', 'REFUNDED', 'EXPIRED'] as const,
  })
  const SubscriptionChange = builder.enumType('StoreSubscriptionChange', {
    values: ['PURCHASED', 'EXTENDED', 'CHANGED', 'REMOVED', 'EXPIRED'] as const,
  })
  const WalletChanged = builder.objectRef<WalletEvent>('WalletChanged').implement({
    fields: (t) => ({
      wallet: t.field({ type: Wallet, resolve: (e) => ({ userId: e.userId, pekoins: e.pekoins, points: e.points }) }),
      transactionId: t.exposeInt('transactionId'),
      kind: t.field({ type: EntryKind, resolve: (e) => e.kind }),
    }),
  })
  const PurchaseChanged = builder.objectRef<PurchaseEvent>('StorePurchaseChanged').implement({
    fields: (t) => ({
      change: t.field({ type: PurchaseChange, resolve: (e) => e.change }),
      purchase: t.field({ type: Purchase, resolve: (e) => e.purchase }),
    }),
  })
  const SubscriptionChanged = builder.objectRef<SubscriptionEvent>('StoreSubscriptionChanged').implement({
    fields: (t) => ({
      change: t.field({ type: SubscriptionChange, resolve: (e) => e.change }),
      subscription: t.field({ type: Subscription, resolve: (e) => e.subscription }),
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
