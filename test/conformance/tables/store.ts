import { notice, post, type Entry, type World } from '../harness.js'
import { nonEmpty } from '../shape.js'
import { BONUS, POINTS, PURCHASE, STORE_SUBSCRIPTION } from './peka2-objects.js'

/**
 * peka2-full/store.md: the catalogue (store admin), points, purchases for pekoins and points, streamer subscriptions,
 * and the store notifications. nina buys with points, oscar with pekoins (credited by store staff through GraphQL).
 */

const bonusId = (w: World): number => w.vars.bonusId
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600

const BONUS_BODY = {
  type: 'nickColor',
  config: { color: '#ff8800' },
  duration: 3600,
  name: 'Conformance nick colour',
  price: { canBePurchased: true, pekoins: 10, points: 5 },
  view: { category: 1, position: 0, linked: false },
}

const fund = (w: World, who: 'oscar', amount: number) =>
  w.gql(
    'mutation($u: Int!, $a: Int!) { adjustStoreBalance(userId: $u, currency: PEKOINS, amount: $a, reason: "conformance") { pekoins } }',
    { u: w.users[who].id, a: amount },
    'admin',
  )

export const store: Entry[] = [
  {
    key: 'POST /api/store/bonus/modify',
    variant: 'create',
    run: post('/api/store/bonus/modify', 'admin', BONUS_BODY),
    response: BONUS,
    keep: (b, w) => {
      w.vars.bonusId = b.id
    },
  },
  {
    key: 'POST /api/store/bonus/modify',
    variant: 'change',
    run: post('/api/store/bonus/modify', 'admin', (w) => ({ ...BONUS_BODY, id: bonusId(w), name: 'Orange nick' })),
    response: BONUS,
  },
  {
    key: 'POST /api/store/bonus/list',
    run: post('/api/store/bonus/list', 'admin', {}),
    response: nonEmpty(BONUS),
  },
  {
    key: 'POST /api/store/points/set',
    run: post('/api/store/points/set', 'admin', (w) => ({ userId: w.users.nina.id, amount: 100 })),
    response: POINTS,
  },
  {
    key: 'notification bonus/points',
    run: notice('bonus/points', 'nina', (w) =>
      w.gql(
        'mutation($u: Int!) { setStorePoints(userId: $u, amount: 50, reason: "conformance") { amount } }',
        { u: w.users.nina.id },
        'admin',
      ),
    ),
    response: POINTS,
  },
  {
    key: 'POST /api/store/points/get',
    run: post('/api/store/points/get', 'admin', (w) => ({ userId: w.users.nina.id })),
    response: POINTS,
  },
  {
    key: 'POST /api/store/points/my',
    run: post('/api/store/points/my', 'nina', {}),
    response: POINTS,
  },
  {
    key: 'POST /api/store/buy/points',
    run: post('/api/store/buy/points', 'nina', (w) => ({ bonusId: bonusId(w) })),
    response: nonEmpty(PURCHASE),
  },
  {
    key: 'POST /api/store/buy/pekoins',
    run: post('/api/store/buy/pekoins', 'oscar', async (w) => {
      await fund(w, 'oscar', 500)
      return { bonusId: bonusId(w) }
    }),
    response: nonEmpty(PURCHASE),
  },
  {
    key: 'notification bonus/purchase',
    run: notice('bonus/purchase', 'oscar', (w) =>
      w.gql(
        'mutation($b: Int!) { buyBonus(bonusId: $b, currency: PEKOINS) { __typename } }',
        { b: bonusId(w) },
        'oscar',
      ),
    ),
    response: nonEmpty(BONUS),
  },
  {
    key: 'POST /api/store/purchase/my',
    run: post('/api/store/purchase/my', 'oscar', {}),
    response: nonEmpty(PURCHASE),
    keep: (b, w) => {
      w.vars.purchaseId = b[0].id
    },
  },
  {
    key: 'POST /api/store/purchase/list',
    run: post('/api/store/purchase/list', 'admin', (w) => ({ userId: w.users.oscar.id })),
    response: nonEmpty(PURCHASE),
  },
  {
    key: 'POST /api/store/purchase/setStatus',
    run: post('/api/store/purchase/setStatus', 'oscar', (w) => ({ id: w.vars.purchaseId, active: false })),
    response: PURCHASE,
  },
  {
    key: 'POST /api/store/purchase/modify',
    run: post('/api/store/purchase/modify', 'admin', (w) => ({
      id: w.vars.purchaseId,
      userId: w.users.oscar.id,
      bonusId: bonusId(w),
      expires: inAnHour(),
      active: true,
    })),
    response: PURCHASE,
  },
  {
    key: 'POST /api/store/purchase/remove',
    run: post('/api/store/purchase/remove', 'admin', (w) => ({ id: w.vars.purchaseId })),
    response: {},
  },
  {
    key: 'POST /api/store/subscription/purchase',
    run: post('/api/store/subscription/purchase', 'oscar', (w) => ({ streamerId: w.users.streamer.id })),
    response: {},
  },
  {
    key: 'POST /api/store/subscription/my',
    run: post('/api/store/subscription/my', 'oscar', {}),
    response: nonEmpty(STORE_SUBSCRIPTION),
    keep: (b, w) => {
      w.vars.subscriptionId = b[0].id
    },
  },
  {
    key: 'POST /api/store/subscription/list',
    run: post('/api/store/subscription/list', 'admin', (w) => ({ userId: w.users.oscar.id })),
    response: nonEmpty(STORE_SUBSCRIPTION),
  },
  {
    key: 'POST /api/store/subscription/setStatus',
    run: post('/api/store/subscription/setStatus', 'oscar', (w) => ({ id: w.vars.subscriptionId, active: false })),
    response: STORE_SUBSCRIPTION,
  },
  {
    key: 'notification bonus/subscription',
    run: notice('bonus/subscription', 'oscar', (w) =>
      w.gql(
        'mutation($id: Int!) { setStoreSubscriptionStatus(id: $id, active: true) { databaseId } }',
        { id: w.vars.subscriptionId },
        'admin',
      ),
    ),
    response: STORE_SUBSCRIPTION,
  },
  {
    key: 'POST /api/store/subscription/modify',
    variant: 'add',
    run: post('/api/store/subscription/modify', 'admin', (w) => ({
      userId: w.users.nina.id,
      streamerId: w.users.streamer.id,
      expires: inAnHour(),
      active: true,
    })),
    response: STORE_SUBSCRIPTION,
    keep: (b, w) => {
      w.vars.ninaSubscriptionId = b.id
    },
  },
  {
    key: 'POST /api/store/subscription/modify',
    variant: 'change',
    run: post('/api/store/subscription/modify', 'admin', (w) => ({
      id: w.vars.ninaSubscriptionId,
      userId: w.users.nina.id,
      streamerId: w.users.streamer.id,
      expires: inAnHour() + 3600,
      active: false,
    })),
    response: STORE_SUBSCRIPTION,
  },
  {
    key: 'POST /api/store/subscription/remove',
    run: post('/api/store/subscription/remove', 'admin', (w) => ({ id: w.vars.ninaSubscriptionId })),
    response: {},
  },
]
