import type { Builder } from '../../../src/schema/builder.js'
import { saveBonus } from '../catalogue.js'
import { claimFreeCoins } from '../free-coins.js'
import { saveGift, sendGift } from '../gifts.js'
import { adjustBalance, setPoints } from '../points.js'
import { buyBonus } from '../purchases/buy.js'
import {
  grantBonus,
  purchasesOf,
  refundPurchase,
  removePurchase,
  setPurchaseStatus,
  updatePurchase,
} from '../purchases/manage.js'
import {
  buySubscription,
  removeSubscription,
  saveSubscription,
  setSubscriptionPrice,
  setSubscriptionStatus,
} from '../subscriptions.js'
import { legacyTopUp, topUp } from '../topup.js'
import { walletOf } from '../wallet.js'
import { LIMITS } from '../bonus-config.js'
import type { StoreTypes } from './types.js'

const A = { authenticated: true } as const
const StS = { storeSupport: true } as const
const StA = { storeAdmin: true } as const

const KEY = 'Optional idempotency key (1–255 printable characters): a retry with it answers the first result'

export function addStoreMutations(builder: Builder, T: StoreTypes) {
  const ConfigInput = builder.inputType('StoreBonusConfigInput', {
    description: "The field the bonus' type reads: level, color ('#rgb'/'#rrggbb'), smiles (codes) or amount",
    fields: (f) => ({
      level: f.int({ description: `citizenMinLevel: 1–${LIMITS.level}` }),
      color: f.string({ description: 'nickColor: #HEX' }),
      smiles: f.stringList({
        description: `smiles: 1–${LIMITS.smiles} codes`,
        extensions: { maxItems: LIMITS.smiles },
      }),
      amount: f.int({ description: `smilesPerMessage: 1–${LIMITS.amount}` }),
    }),
  })
  const PriceInput = builder.inputType('StoreBonusPriceInput', {
    fields: (f) => ({
      canBePurchased: f.boolean({ required: true }),
      pekoins: f.int({ required: true, description: '0–1,000,000; 0: not sold for pekoins' }),
      points: f.int({ required: true, description: '0–1,000,000; 0: not sold for points' }),
    }),
  })
  const PlacementInput = builder.inputType('StoreBonusPlacementInput', {
    fields: (f) => ({
      category: f.int({ required: true }),
      position: f.int({ required: true }),
      linked: f.boolean({ required: true }),
    }),
  })
  const BonusInput = builder.inputType('StoreBonusInput', {
    description: 'peka2 /api/store/bonus/modify: without id a new bonus',
    fields: (f) => ({
      id: f.int(),
      type: f.field({ type: T.BonusType, required: true }),
      config: f.field({ type: ConfigInput, required: true }),
      duration: f.int({ required: true, description: 'seconds a purchase lasts (0: forever), at most ten years' }),
      name: f.string({ required: true, description: '1–100 characters' }),
      price: f.field({ type: PriceInput, required: true }),
      view: f.field({ type: PlacementInput, required: true }),
    }),
  })
  const PurchaseInput = builder.inputType('StorePurchaseInput', {
    description: "Store support's change of a purchase (peka2 purchase/modify); absent fields stay as they are",
    fields: (f) => ({
      id: f.int({ required: true }),
      userId: f.int({ description: 'must be the owner (peka2 sends the whole object)' }),
      bonusId: f.int({ description: 'must be the bonus bought' }),
      expiresAt: f.field({ type: 'DateTime', description: 'the new end; null: no end' }),
      active: f.boolean(),
      reason: f.string({ required: true, description: 'why (1–500 characters), for the audit' }),
    }),
  })
  const SubscriptionInput = builder.inputType('StoreSubscriptionInput', {
    description: "Store support's new or changed subscription (peka2 subscription/modify)",
    fields: (f) => ({
      id: f.int(),
      userId: f.int({ required: true }),
      streamerId: f.int({ required: true }),
      expiresAt: f.field({ type: 'DateTime', description: 'null: no end; absent: a month from now when new' }),
      active: f.boolean({ required: true }),
      reason: f.string({ required: true }),
    }),
  })
  const GiftInput = builder.inputType('StoreGiftInput', {
    fields: (f) => ({
      id: f.int(),
      name: f.string({ required: true }),
      image: f.string({ required: true, description: 'an image URL or upload path' }),
      price: f.int({ required: true, description: 'pekoins, 1–1,000,000' }),
      active: f.boolean({ required: true }),
    }),
  })
  const TopUpInput = builder.inputType('StoreTopUpInput', {
    description:
      'A paid top-up from a trusted back-end: signature = hex HMAC-SHA256(STORE_TOPUP_SECRET, "<userId>:<amount>:<idempotencyKey>")',
    fields: (f) => ({
      userId: f.int({ required: true }),
      amount: f.int({ required: true, description: 'pekoins, 1–1,000,000' }),
      idempotencyKey: f.string({ required: true, description: 'the payment id: a payment is credited once' }),
      signature: f.string({ required: true }),
    }),
  })

  const key = (t: Parameters<Parameters<Builder['mutationFields']>[0]>[0]) => t.arg.string({ description: KEY })

  builder.mutationFields((t) => ({
    saveStoreBonus: t.field({
      type: T.Bonus,
      authScopes: StA,
      description: 'Creates (no id) or changes a bonus of the catalogue',
      args: { input: t.arg({ type: BonusInput, required: true }) },
      resolve: (_p, { input }, ctx) =>
        saveBonus(ctx, {
          id: input.id,
          type: input.type,
          config: input.config,
          duration: input.duration,
          name: input.name,
          canBePurchased: input.price.canBePurchased,
          pricePekoins: input.price.pekoins,
          pricePoints: input.price.points,
          category: input.view.category,
          position: input.view.position,
          linked: input.view.linked,
        }),
    }),
    buyBonus: t.field({
      type: T.BuyPayload,
      authScopes: A,
      description:
        'Buys a bonus for pekoins or points; INSUFFICIENT_FUNDS when the wallet is short (nothing is written)',
      args: {
        bonusId: t.arg.int({ required: true }),
        currency: t.arg({ type: T.Currency, required: true }),
        idempotencyKey: key(t),
      },
      resolve: async (_p, a, ctx) => {
        const purchase = await buyBonus(ctx, a)
        return {
          purchase,
          purchases: await purchasesOf(ctx, purchase.userId),
          wallet: await walletOf(ctx.prisma, purchase.userId),
        }
      },
    }),
    setStorePurchaseStatus: t.field({
      type: T.Purchase,
      authScopes: A,
      description: 'Switches a bonus on or off: its owner, or store support (audited, with the reason)',
      args: { id: t.arg.int({ required: true }), active: t.arg.boolean({ required: true }), reason: t.arg.string() },
      resolve: (_p, a, ctx) => setPurchaseStatus(ctx, a),
    }),
    updateStorePurchase: t.field({
      type: T.Purchase,
      authScopes: StS,
      args: { input: t.arg({ type: PurchaseInput, required: true }) },
      resolve: (_p, { input }, ctx) => updatePurchase(ctx, input),
    }),
    removeStorePurchase: t.field({
      type: T.Purchase,
      authScopes: StS,
      description: 'Takes a bonus away without a refund (refundStorePurchase gives the money back)',
      args: { id: t.arg.int({ required: true }), reason: t.arg.string({ required: true }) },
      resolve: (_p, a, ctx) => removePurchase(ctx, a),
    }),
    grantStoreBonus: t.field({
      type: T.Purchase,
      authScopes: StS,
      description: "Gives a user a bonus without payment; its end defaults to now + the bonus' duration",
      args: {
        userId: t.arg.int({ required: true }),
        bonusId: t.arg.int({ required: true }),
        expiresAt: t.arg({ type: 'DateTime' }),
        reason: t.arg.string({ required: true }),
      },
      resolve: (_p, a, ctx) => grantBonus(ctx, a),
    }),
    refundStorePurchase: t.field({
      type: T.Purchase,
      authScopes: StS,
      description: 'Reverses every payment of a purchase (a new ledger entry) and removes it',
      args: { id: t.arg.int({ required: true }), reason: t.arg.string({ required: true }), idempotencyKey: key(t) },
      resolve: (_p, a, ctx) => refundPurchase(ctx, a),
    }),
    setStorePoints: t.field({
      type: T.Points,
      authScopes: StS,
      description: "Sets a user's points: the difference is a ledger entry with the staff member and the reason",
      args: {
        userId: t.arg.int({ required: true }),
        amount: t.arg.int({ required: true }),
        reason: t.arg.string({ required: true }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => setPoints(ctx, a),
    }),
    adjustStoreBalance: t.field({
      type: T.Wallet,
      // either role passes the field; the service decides per currency (points: support, pekoins: admins)
      authScopes: { ...StS, ...StA },
      description:
        'Grants (positive) or takes back (negative) an amount: points by store support, pekoins by store admins',
      args: {
        userId: t.arg.int({ required: true }),
        currency: t.arg({ type: T.Currency, required: true }),
        amount: t.arg.int({ required: true }),
        reason: t.arg.string({ required: true }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => adjustBalance(ctx, a),
    }),
    buyStreamerSubscription: t.field({
      type: T.Subscription,
      authScopes: A,
      description:
        "A month of a streamer for pekoins (a running subscription is extended); the streamer's share is theirs",
      args: { streamerId: t.arg.int({ required: true }), idempotencyKey: key(t) },
      resolve: (_p, a, ctx) => buySubscription(ctx, a),
    }),
    saveStoreSubscription: t.field({
      type: T.Subscription,
      authScopes: StS,
      args: { input: t.arg({ type: SubscriptionInput, required: true }) },
      resolve: (_p, { input }, ctx) => saveSubscription(ctx, input),
    }),
    removeStoreSubscription: t.field({
      type: T.Subscription,
      authScopes: StS,
      args: { id: t.arg.int({ required: true }), reason: t.arg.string({ required: true }) },
      resolve: (_p, a, ctx) => removeSubscription(ctx, a),
    }),
    setStoreSubscriptionStatus: t.field({
      type: T.Subscription,
      authScopes: A,
      description: "Shows or hides the subscriber's icon: the subscriber, or store support",
      args: { id: t.arg.int({ required: true }), active: t.arg.boolean({ required: true }), reason: t.arg.string() },
      resolve: (_p, a, ctx) => setSubscriptionStatus(ctx, a),
    }),
    setSubscriptionPrice: t.int({
      authScopes: StA,
      description: "Sets a streamer's monthly price in pekoins",
      args: { streamerId: t.arg.int({ required: true }), price: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => setSubscriptionPrice(ctx, a),
    }),
    saveStoreGift: t.field({
      type: T.Gift,
      authScopes: StA,
      args: { input: t.arg({ type: GiftInput, required: true }) },
      resolve: (_p, { input }, ctx) => saveGift(ctx, input),
    }),
    sendGift: t.field({
      type: T.SentGift,
      authScopes: A,
      description: 'Gives a user a gift for its price in pekoins, with a comment (at most 500 characters)',
      args: {
        giftId: t.arg.int({ required: true }),
        userId: t.arg.int({ required: true }),
        text: t.arg.string(),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => sendGift(ctx, a),
    }),
    claimFreeCoins: t.field({
      type: T.Wallet,
      authScopes: A,
      description: 'Free pekoins for a publication on a network: once per 24 hours per network',
      args: { network: t.arg({ type: T.Network, required: true }), idempotencyKey: key(t) },
      resolve: (_p, a, ctx) => claimFreeCoins(ctx, a),
    }),
    topUp: t.field({
      type: T.TopUp,
      description: 'Credits pekoins a trusted back-end was paid for (see StoreTopUpInput); refused unless configured',
      args: { input: t.arg({ type: TopUpInput, required: true }) },
      resolve: (_p, { input }, ctx) => topUp(ctx, input),
    }),
    legacyTopUp: t.field({
      type: T.TopUp,
      authScopes: A,
      description:
        "JustChat's /user/updateBalance: secret = hex MD5(STORE_LEGACY_TOPUP_SECRET + balance). Replayable by design of the legacy scheme: prefer topUp",
      args: {
        balance: t.arg.int({ required: true }),
        secret: t.arg.string({ required: true }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => legacyTopUp(ctx, a),
    }),
  }))
}
