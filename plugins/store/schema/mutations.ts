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
const REASON = 'Why (1–500 characters): kept in the audit'

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
    description: "A bonus' prices: it may be sold for pekoins, points or both",
    fields: (f) => ({
      canBePurchased: f.boolean({ required: true, description: 'false: not on sale (store staff may still grant it)' }),
      pekoins: f.int({ required: true, description: '0–1,000,000; 0: not sold for pekoins' }),
      points: f.int({ required: true, description: '0–1,000,000; 0: not sold for points' }),
    }),
  })
  const PlacementInput = builder.inputType('StoreBonusPlacementInput', {
    description: 'Where a bonus sits in the catalogue: the catalogue lists by category, then position',
    fields: (f) => ({
      category: f.int({ required: true, description: 'The group of the catalogue, 0–1,000,000' }),
      position: f.int({ required: true, description: 'The order within the category, lowest first, 0–1,000,000' }),
      linked: f.boolean({
        required: true,
        description: 'sold only to buyers of the previous bonus of the category (BONUS_LOCKED otherwise)',
      }),
    }),
  })
  const BonusInput = builder.inputType('StoreBonusInput', {
    description: 'peka2 /api/store/bonus/modify: without id a new bonus',
    fields: (f) => ({
      id: f.int({ description: 'The bonus to change (databaseId); omitted: a new bonus' }),
      type: f.field({ type: T.BonusType, required: true, description: 'What the bonus does' }),
      config: f.field({
        type: ConfigInput,
        required: true,
        description: "The type's parameter: the one field the type reads must be set (INVALID_INPUT otherwise)",
      }),
      duration: f.int({ required: true, description: 'seconds a purchase lasts (0: forever), at most ten years' }),
      name: f.string({ required: true, description: '1–100 characters' }),
      price: f.field({ type: PriceInput, required: true, description: 'Whether and for how much it is sold' }),
      view: f.field({ type: PlacementInput, required: true, description: 'Its place in the catalogue' }),
    }),
  })
  const PurchaseInput = builder.inputType('StorePurchaseInput', {
    description: "Store support's change of a purchase (peka2 purchase/modify); absent fields stay as they are",
    fields: (f) => ({
      id: f.int({ required: true, description: 'The purchase (databaseId)' }),
      userId: f.int({ description: 'must be the owner (peka2 sends the whole object)' }),
      bonusId: f.int({ description: 'must be the bonus bought' }),
      expiresAt: f.field({ type: 'DateTime', description: 'the new end; null: no end' }),
      active: f.boolean({ description: "the owner's switch; omitted: unchanged" }),
      reason: f.string({ required: true, description: 'why (1–500 characters), for the audit' }),
    }),
  })
  const SubscriptionInput = builder.inputType('StoreSubscriptionInput', {
    description: "Store support's new or changed subscription (peka2 subscription/modify)",
    fields: (f) => ({
      id: f.int({
        description:
          "The subscription to change (databaseId); omitted: the user's subscription to the streamer, or a new one",
      }),
      userId: f.int({ required: true, description: "The subscriber; an existing subscription's own" }),
      streamerId: f.int({
        required: true,
        description: "The streamer, not the subscriber; an existing subscription's own",
      }),
      expiresAt: f.field({ type: 'DateTime', description: 'null: no end; absent: a month from now when new' }),
      active: f.boolean({ required: true, description: "shows the subscriber's icon" }),
      reason: f.string({ required: true, description: 'why (1–500 characters), for the audit' }),
    }),
  })
  const GiftInput = builder.inputType('StoreGiftInput', {
    description: 'A new (no id) or changed gift of the catalogue',
    fields: (f) => ({
      id: f.int({ description: 'The gift to change (databaseId); omitted: a new gift' }),
      name: f.string({ required: true, description: '1–100 characters' }),
      image: f.string({ required: true, description: 'an image URL or upload path, 1–500 characters' }),
      price: f.int({ required: true, description: 'pekoins, 1–1,000,000' }),
      active: f.boolean({ required: true, description: 'false: withdrawn (no longer offered)' }),
    }),
  })
  const TopUpInput = builder.inputType('StoreTopUpInput', {
    description:
      'A paid top-up from a trusted back-end: signature = hex HMAC-SHA256(STORE_TOPUP_SECRET, "<userId>:<amount>:<idempotencyKey>")',
    fields: (f) => ({
      userId: f.int({ required: true, description: 'The user to credit' }),
      amount: f.int({ required: true, description: 'pekoins, 1–1,000,000' }),
      idempotencyKey: f.string({ required: true, description: 'the payment id: a payment is credited once' }),
      signature: f.string({
        required: true,
        description: 'hex HMAC-SHA256 as the type says; INVALID_SIGNATURE when it does not match',
      }),
    }),
  })

  const key = (t: Parameters<Parameters<Builder['mutationFields']>[0]>[0]) => t.arg.string({ description: KEY })

  builder.mutationFields((t) => ({
    saveStoreBonus: t.field({
      type: T.Bonus,
      authScopes: StA,
      description: 'Creates (no id) or changes a bonus of the catalogue: store admins; BONUS_NOT_FOUND, INVALID_INPUT',
      args: { input: t.arg({ type: BonusInput, required: true, description: 'The bonus as it should be' }) },
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
        'Buys a bonus for pekoins or points (a timed one still running is extended by its duration): signed-in users; INSUFFICIENT_FUNDS when the wallet is short (nothing is written), BONUS_NOT_FOUND, BONUS_NOT_FOR_SALE, BONUS_LOCKED, BONUS_ALREADY_OWNED',
      args: {
        bonusId: t.arg.int({ required: true, description: 'The bonus (databaseId)' }),
        currency: t.arg({
          type: T.Currency,
          required: true,
          description: 'What to pay with: the bonus must have a price in it',
        }),
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
      description:
        "Switches a bonus on or off: its owner, or store support (audited, with the reason); PURCHASE_NOT_FOUND for anyone else's",
      args: {
        id: t.arg.int({ required: true, description: 'The purchase (databaseId)' }),
        active: t.arg.boolean({ required: true, description: 'true: on' }),
        reason: t.arg.string({
          description:
            "Store support's reason (1–500 characters) for the audit; ignored for the owner; omitted: a default",
        }),
      },
      resolve: (_p, a, ctx) => setPurchaseStatus(ctx, a),
    }),
    updateStorePurchase: t.field({
      type: T.Purchase,
      authScopes: StS,
      description:
        "Changes a purchase's end or switch: store support (audited); PURCHASE_NOT_FOUND, INVALID_INPUT for another owner or bonus",
      args: { input: t.arg({ type: PurchaseInput, required: true, description: 'The change' }) },
      resolve: (_p, { input }, ctx) => updatePurchase(ctx, input),
    }),
    removeStorePurchase: t.field({
      type: T.Purchase,
      authScopes: StS,
      description:
        'Takes a bonus away without a refund (refundStorePurchase gives the money back): store support (audited); PURCHASE_NOT_FOUND',
      args: {
        id: t.arg.int({ required: true, description: 'The purchase (databaseId)' }),
        reason: t.arg.string({ required: true, description: REASON }),
      },
      resolve: (_p, a, ctx) => removePurchase(ctx, a),
    }),
    grantStoreBonus: t.field({
      type: T.Purchase,
      authScopes: StS,
      description:
        "Gives a user a bonus without payment; its end defaults to now + the bonus' duration: store support (audited); USER_NOT_FOUND, BONUS_NOT_FOUND",
      args: {
        userId: t.arg.int({ required: true, description: 'The user to give it to' }),
        bonusId: t.arg.int({ required: true, description: 'The bonus (databaseId), on sale or not' }),
        expiresAt: t.arg({
          type: 'DateTime',
          description: "The end; null: no end; omitted: now + the bonus' duration (no end when that is 0)",
        }),
        reason: t.arg.string({ required: true, description: REASON }),
      },
      resolve: (_p, a, ctx) => grantBonus(ctx, a),
    }),
    refundStorePurchase: t.field({
      type: T.Purchase,
      authScopes: StS,
      description:
        'Reverses every payment of a purchase (a new ledger entry) and removes it: store support (audited); PURCHASE_NOT_FOUND, PURCHASE_NOT_REFUNDABLE (given, not bought)',
      args: {
        id: t.arg.int({ required: true, description: 'The purchase (databaseId)' }),
        reason: t.arg.string({
          required: true,
          description: 'Why (1–500 characters): kept in the journal and the audit',
        }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => refundPurchase(ctx, a),
    }),
    setStorePoints: t.field({
      type: T.Points,
      authScopes: StS,
      description:
        "Sets a user's points: the difference is a ledger entry with the staff member and the reason; store support; USER_NOT_FOUND",
      args: {
        userId: t.arg.int({ required: true, description: 'The user' }),
        amount: t.arg.int({ required: true, description: 'The new amount of points, 0–1,000,000,000' }),
        reason: t.arg.string({
          required: true,
          description: 'Why (1–500 characters): kept in the journal and the audit',
        }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => setPoints(ctx, a),
    }),
    adjustStoreBalance: t.field({
      type: T.Wallet,
      // either role passes the field; the service decides per currency (points: support, pekoins: admins)
      authScopes: { ...StS, ...StA },
      description:
        'Grants (positive) or takes back (negative) an amount: points by store support, pekoins by store admins; INSUFFICIENT_FUNDS when taking back more than the wallet holds, USER_NOT_FOUND',
      args: {
        userId: t.arg.int({ required: true, description: 'The user whose wallet changes' }),
        currency: t.arg({
          type: T.Currency,
          required: true,
          description: 'POINTS: store support may; PEKOINS: store admins only',
        }),
        amount: t.arg.int({
          required: true,
          description: 'Positive grants, negative takes back; not 0, at most 1,000,000,000 either way',
        }),
        reason: t.arg.string({
          required: true,
          description: 'Why (1–500 characters): kept in the journal and the audit',
        }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => adjustBalance(ctx, a),
    }),
    buyStreamerSubscription: t.field({
      type: T.Subscription,
      authScopes: A,
      description:
        "A month of a streamer for pekoins (a running subscription is extended); the streamer's share is theirs. Signed-in users; INSUFFICIENT_FUNDS, NOT_A_STREAMER, SUBSCRIPTION_PERMANENT",
      args: {
        streamerId: t.arg.int({
          required: true,
          description: 'The streamer: a user with the masterstreamer role, not yourself',
        }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => buySubscription(ctx, a),
    }),
    saveStoreSubscription: t.field({
      type: T.Subscription,
      authScopes: StS,
      description:
        'Adds or changes a subscription without payment (one per user and streamer): store support (audited); SUBSCRIPTION_NOT_FOUND, USER_NOT_FOUND',
      args: {
        input: t.arg({ type: SubscriptionInput, required: true, description: 'The subscription as it should be' }),
      },
      resolve: (_p, { input }, ctx) => saveSubscription(ctx, input),
    }),
    removeStoreSubscription: t.field({
      type: T.Subscription,
      authScopes: StS,
      description: 'Takes a subscription away without a refund: store support (audited); SUBSCRIPTION_NOT_FOUND',
      args: {
        id: t.arg.int({ required: true, description: 'The subscription (databaseId)' }),
        reason: t.arg.string({ required: true, description: REASON }),
      },
      resolve: (_p, a, ctx) => removeSubscription(ctx, a),
    }),
    setStoreSubscriptionStatus: t.field({
      type: T.Subscription,
      authScopes: A,
      description:
        "Shows or hides the subscriber's icon: the subscriber, or store support (audited); SUBSCRIPTION_NOT_FOUND for anyone else's",
      args: {
        id: t.arg.int({ required: true, description: 'The subscription (databaseId)' }),
        active: t.arg.boolean({ required: true, description: 'true: the icon shows' }),
        reason: t.arg.string({
          description:
            "Store support's reason (1–500 characters) for the audit; ignored for the subscriber; omitted: a default",
        }),
      },
      resolve: (_p, a, ctx) => setSubscriptionStatus(ctx, a),
    }),
    setSubscriptionPrice: t.int({
      authScopes: StA,
      description: "Sets a streamer's monthly price in pekoins and answers it: store admins (audited); NOT_A_STREAMER",
      args: {
        streamerId: t.arg.int({ required: true, description: 'The streamer: a user with the masterstreamer role' }),
        price: t.arg.int({ required: true, description: 'Pekoins a month, 1–1,000,000' }),
      },
      resolve: (_p, a, ctx) => setSubscriptionPrice(ctx, a),
    }),
    saveStoreGift: t.field({
      type: T.Gift,
      authScopes: StA,
      description:
        'Adds (no id) or changes a gift of the catalogue; sent gifts keep the copy they were sent as. Store admins; GIFT_NOT_FOUND',
      args: { input: t.arg({ type: GiftInput, required: true, description: 'The gift as it should be' }) },
      resolve: (_p, { input }, ctx) => saveGift(ctx, input),
    }),
    sendGift: t.field({
      type: T.SentGift,
      authScopes: A,
      description:
        'Gives a user a gift for its price in pekoins, with a comment (at most 500 characters): signed-in users; INSUFFICIENT_FUNDS, GIFT_NOT_FOUND, USER_NOT_FOUND',
      args: {
        giftId: t.arg.int({ required: true, description: 'The gift (databaseId): one on offer' }),
        userId: t.arg.int({ required: true, description: 'The recipient, not yourself' }),
        text: t.arg.string({ description: 'The comment, trimmed, at most 500 characters; omitted: none' }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => sendGift(ctx, a),
    }),
    claimFreeCoins: t.field({
      type: T.Wallet,
      authScopes: A,
      description:
        'Free pekoins for a publication on a network: signed-in users, once per 24 hours per network; FREE_COINS_TOO_SOON (extensions.retryAfter: seconds)',
      args: {
        network: t.arg({ type: T.Network, required: true, description: 'Where the user published' }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => claimFreeCoins(ctx, a),
    }),
    topUp: t.field({
      type: T.TopUp,
      description:
        'Credits pekoins a trusted back-end was paid for (see StoreTopUpInput); anyone holding the secret; TOPUP_DISABLED unless configured, INVALID_SIGNATURE, USER_NOT_FOUND',
      args: { input: t.arg({ type: TopUpInput, required: true, description: 'The signed top-up' }) },
      resolve: (_p, { input }, ctx) => topUp(ctx, input),
    }),
    legacyTopUp: t.field({
      type: T.TopUp,
      authScopes: A,
      description:
        "JustChat's /user/updateBalance: secret = hex MD5(STORE_LEGACY_TOPUP_SECRET + balance). Replayable by design of the legacy scheme: prefer topUp",
      args: {
        balance: t.arg.int({ required: true, description: "Pekoins to add to the viewer's wallet, 1–1,000,000" }),
        secret: t.arg.string({
          required: true,
          description: 'hex MD5(STORE_LEGACY_TOPUP_SECRET + balance); INVALID_SIGNATURE otherwise',
        }),
        idempotencyKey: key(t),
      },
      resolve: (_p, a, ctx) => legacyTopUp(ctx, a),
    }),
  }))
}
