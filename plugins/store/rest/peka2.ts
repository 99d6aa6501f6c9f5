import { defineRoutes } from '../../../src/rest/route.js'
import { peka2Bonus, peka2Purchase, peka2Subscription } from '../peka2.js'
import {
  BONUS,
  PURCHASE,
  SUBSCRIPTION,
  bonusIn,
  bonusTypeIn,
  empty,
  expiresIn,
  objectIn,
  reasonIn,
  withId,
  type BonusOut,
  type PurchaseOut,
  type SubscriptionOut,
} from './shapes.js'

/**
 * peka2's store routes (store.md): every one with its access letter, none allowed inside /api/bulk. `A/StS` routes
 * admit any signed-in user at the door; the service lets through the owner or store support. Money-moving routes
 * take an optional `idempotencyKey` in the body besides the documented fields.
 */

const bonus = (b: BonusOut) => peka2Bonus(bonusIn(b))
const purchase = (p: PurchaseOut) => peka2Purchase(withId(p))
const subscription = (s: SubscriptionOut) => peka2Subscription(withId(s))
const key = (b: Record<string, unknown>) => b.idempotencyKey ?? null

export const peka2StoreRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/store/bonus/modify',
    access: 'StA',
    bulk: false,
    operation: `mutation($input: StoreBonusInput!) { saveStoreBonus(input: $input) { ${BONUS} } }`,
    variables: (b) => ({
      input: {
        id: b.id ?? null,
        type: bonusTypeIn(b.type),
        config: objectIn(b.config),
        duration: b.duration,
        name: b.name,
        price: objectIn(b.price),
        view: objectIn(b.view),
      },
    }),
    fields: { input: '' },
    result: (d: { saveStoreBonus: BonusOut }) => bonus(d.saveStoreBonus),
  },
  {
    dialect: 'peka2',
    path: '/api/store/bonus/list',
    access: 'StA',
    bulk: false,
    operation: `query { storeBonuses(all: true) { ${BONUS} } }`,
    result: (d: { storeBonuses: BonusOut[] }) => d.storeBonuses.map(bonus),
  },
  {
    dialect: 'peka2',
    path: '/api/store/purchase/list',
    access: 'StS',
    bulk: false,
    operation: `query($userId: Int!) { storePurchases(userId: $userId) { ${PURCHASE} } }`,
    variables: (b) => ({ userId: b.userId }),
    result: (d: { storePurchases: PurchaseOut[] }) => d.storePurchases.map(purchase),
  },
  {
    dialect: 'peka2',
    path: '/api/store/purchase/my',
    access: 'A',
    bulk: false,
    operation: `query { storePurchases { ${PURCHASE} } }`,
    result: (d: { storePurchases: PurchaseOut[] }) => d.storePurchases.map(purchase),
  },
  {
    dialect: 'peka2',
    path: '/api/store/purchase/remove',
    access: 'StS',
    bulk: false,
    operation: 'mutation($id: Int!, $reason: String!) { removeStorePurchase(id: $id, reason: $reason) { databaseId } }',
    variables: (b) => ({ id: b.id, reason: reasonIn(b, '/api/store/purchase/remove') }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/store/purchase/modify',
    access: 'StS',
    bulk: false,
    operation: `mutation($input: StorePurchaseInput!) { updateStorePurchase(input: $input) { ${PURCHASE} } }`,
    variables: (b) => ({
      input: {
        id: b.id,
        userId: b.userId ?? null,
        bonusId: b.bonusId ?? null,
        expiresAt: expiresIn(b.expires),
        active: b.active ?? null,
        reason: reasonIn(b, '/api/store/purchase/modify'),
      },
    }),
    fields: { input: '' },
    result: (d: { updateStorePurchase: PurchaseOut }) => purchase(d.updateStorePurchase),
  },
  {
    dialect: 'peka2',
    path: '/api/store/purchase/setStatus',
    access: 'A',
    orAccess: ['StS'],
    bulk: false,
    operation: `mutation($id: Int!, $active: Boolean!, $reason: String) { setStorePurchaseStatus(id: $id, active: $active, reason: $reason) { ${PURCHASE} } }`,
    variables: (b) => ({ id: b.id, active: b.active, reason: reasonIn(b, '/api/store/purchase/setStatus') }),
    result: (d: { setStorePurchaseStatus: PurchaseOut }) => purchase(d.setStorePurchaseStatus),
  },
  ...(['pekoins', 'points'] as const).map((currency) => ({
    dialect: 'peka2' as const,
    path: `/api/store/buy/${currency}`,
    access: 'A' as const,
    bulk: false as const,
    operation: `mutation($bonusId: Int!, $key: String) { buyBonus(bonusId: $bonusId, currency: ${currency.toUpperCase()}, idempotencyKey: $key) { purchases { ${PURCHASE} } } }`,
    variables: (b: Record<string, unknown>) => ({ bonusId: b.bonusId, key: key(b) }),
    fields: { key: 'idempotencyKey' },
    result: (d: { buyBonus: { purchases: PurchaseOut[] } }) => d.buyBonus.purchases.map(purchase),
  })),
  {
    dialect: 'peka2',
    path: '/api/store/points/get',
    access: 'StS',
    bulk: false,
    operation: 'query($userId: Int!) { storePoints(userId: $userId) { userId amount } }',
    variables: (b) => ({ userId: b.userId }),
    result: (d: { storePoints: { userId: number; amount: number } }) => d.storePoints,
  },
  {
    dialect: 'peka2',
    path: '/api/store/points/my',
    access: 'A',
    bulk: false,
    operation: 'query { storePoints { userId amount } }',
    result: (d: { storePoints: { userId: number; amount: number } }) => d.storePoints,
  },
  {
    dialect: 'peka2',
    path: '/api/store/points/set',
    access: 'StS',
    bulk: false,
    operation:
      'mutation($userId: Int!, $amount: Int!, $reason: String!, $key: String) { setStorePoints(userId: $userId, amount: $amount, reason: $reason, idempotencyKey: $key) { userId amount } }',
    variables: (b) => ({
      userId: b.userId,
      amount: b.amount,
      reason: reasonIn(b, '/api/store/points/set'),
      key: key(b),
    }),
    fields: { key: 'idempotencyKey' },
    result: (d: { setStorePoints: { userId: number; amount: number } }) => d.setStorePoints,
  },
  {
    dialect: 'peka2',
    path: '/api/store/subscription/purchase',
    access: 'A',
    bulk: false,
    operation:
      'mutation($streamerId: Int!, $key: String) { buyStreamerSubscription(streamerId: $streamerId, idempotencyKey: $key) { databaseId } }',
    variables: (b) => ({ streamerId: b.streamerId, key: key(b) }),
    fields: { key: 'idempotencyKey' },
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/store/subscription/list',
    access: 'StS',
    bulk: false,
    operation: `query($userId: Int!) { storeSubscriptions(userId: $userId) { ${SUBSCRIPTION} } }`,
    variables: (b) => ({ userId: b.userId }),
    result: (d: { storeSubscriptions: SubscriptionOut[] }) => d.storeSubscriptions.map(subscription),
  },
  {
    dialect: 'peka2',
    path: '/api/store/subscription/my',
    access: 'A',
    bulk: false,
    operation: `query { storeSubscriptions { ${SUBSCRIPTION} } }`,
    result: (d: { storeSubscriptions: SubscriptionOut[] }) => d.storeSubscriptions.map(subscription),
  },
  {
    dialect: 'peka2',
    path: '/api/store/subscription/modify',
    access: 'StS',
    bulk: false,
    operation: `mutation($input: StoreSubscriptionInput!) { saveStoreSubscription(input: $input) { ${SUBSCRIPTION} } }`,
    variables: (b) => ({
      input: {
        id: b.id ?? null,
        userId: b.userId,
        streamerId: b.streamerId,
        expiresAt: expiresIn(b.expires),
        active: b.active,
        reason: reasonIn(b, '/api/store/subscription/modify'),
      },
    }),
    fields: { input: '' },
    result: (d: { saveStoreSubscription: SubscriptionOut }) => subscription(d.saveStoreSubscription),
  },
  {
    dialect: 'peka2',
    path: '/api/store/subscription/remove',
    access: 'StS',
    bulk: false,
    operation:
      'mutation($id: Int!, $reason: String!) { removeStoreSubscription(id: $id, reason: $reason) { databaseId } }',
    variables: (b) => ({ id: b.id, reason: reasonIn(b, '/api/store/subscription/remove') }),
    result: empty,
  },
  {
    dialect: 'peka2',
    path: '/api/store/subscription/setStatus',
    access: 'A',
    orAccess: ['StS'],
    bulk: false,
    operation: `mutation($id: Int!, $active: Boolean!, $reason: String) { setStoreSubscriptionStatus(id: $id, active: $active, reason: $reason) { ${SUBSCRIPTION} } }`,
    variables: (b) => ({ id: b.id, active: b.active, reason: reasonIn(b, '/api/store/subscription/setStatus') }),
    result: (d: { setStoreSubscriptionStatus: SubscriptionOut }) => subscription(d.setStoreSubscriptionStatus),
  },
])
