import type { Builder } from '../../../src/schema/builder.js'
import { signedIn } from '../access.js'
import type { StoreTypes } from './types.js'

const A = { authenticated: true } as const

/** The viewer's live store events. */
export function addStoreSubscriptions(builder: Builder, T: StoreTypes) {
  builder.subscriptionFields((t) => ({
    walletChanged: t.field({
      type: T.WalletChanged,
      authScopes: A,
      description: "The viewer's balances after each entry that touched their wallet",
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('store.wallet', signedIn(ctx).id),
      resolve: (e) => e,
    }),
    bonusPurchased: t.field({
      type: T.PurchaseChanged,
      authScopes: A,
      description: "The viewer's bonuses: bought, extended, given, changed, removed, refunded, expired",
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('store.purchase', signedIn(ctx).id),
      resolve: (e) => e,
    }),
    subscriptionChanged: t.field({
      type: T.SubscriptionChanged,
      authScopes: A,
      description: "The viewer's subscriptions, and subscriptions to the viewer as a streamer",
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('store.subscription', signedIn(ctx).id),
      resolve: (e) => e,
    }),
    giftReceived: t.field({
      type: T.SentGift,
      authScopes: A,
      description: 'Gifts the viewer receives (JustChat gift-message)',
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('store.gift', signedIn(ctx).id),
      resolve: (e) => e,
    }),
  }))
}
