import { defineRoutes } from '../../../src/rest/route.js'
import { jcId, readId, type JcUserOut } from '../../../src/rest/justchat.js'
import { empty } from './shapes.js'

/**
 * JustChat's money routes (justchat-api.md): balance top-up, gifts, free coins. `session_key` in the body; errors with
 * the documented statuses — 403 for a signature that does not match (or top-ups off), 402 for a gift its sender
 * cannot pay, 400 for free coins claimed within 24 hours, 440 without a session.
 */

/** JustChat clients may send numbers as strings. */
const numeric = (v: unknown) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : v)

interface GiftOut {
  databaseId: number
  name: string
  image: string
  price: number
  createdAt: string
}

export const justchatStoreRoutes = defineRoutes([
  {
    dialect: 'justchat',
    path: '/user/updateBalance',
    access: 'A',
    operation: `mutation($balance: Int!, $secret: String!) { legacyTopUp(balance: $balance, secret: $secret) { wallet { pekoins user { ...JustChatUser } } } }`,
    variables: (b) => ({ balance: numeric(b.balance), secret: b.secret }),
    // UserSchema whole, as /init/getUser answers it (every enabled plugin's fields), with the balance just topped up
    result: (d: { legacyTopUp: { wallet: { pekoins: number; user: JcUserOut } } }, _b, o) => ({
      data: { user: { ...o.justchatUser(d.legacyTopUp.wallet.user), balance: d.legacyTopUp.wallet.pekoins } },
    }),
  },
  {
    dialect: 'justchat',
    path: '/gifts',
    access: 'A',
    operation: 'query { storeGifts { databaseId name image price createdAt } }',
    result: (d: { storeGifts: GiftOut[] }) => ({
      data: {
        gifts: d.storeGifts.map((g) => ({
          _id: jcId(g.databaseId),
          name: g.name,
          image: g.image,
          price: g.price,
          create_at: g.createdAt,
        })),
      },
    }),
  },
  {
    dialect: 'justchat',
    path: '/gifts/send',
    access: 'A',
    operation:
      'mutation($gift: Int!, $user: Int!, $text: String) { sendGift(giftId: $gift, userId: $user, text: $text) { databaseId } }',
    variables: (b) => ({ gift: readId(b.gift, 'gift'), user: readId(b.user, 'user'), text: b.text ?? null }),
    result: empty,
  },
  {
    dialect: 'justchat',
    path: '/user/free-coins',
    access: 'A',
    operation: 'mutation($type: StoreNetwork!) { claimFreeCoins(network: $type) { pekoins } }',
    // mailru | vk | facebook | twitter; anything else fails as `type`
    variables: (b) => ({ type: typeof b.type === 'string' ? b.type.toUpperCase() : b.type }),
    result: empty,
  },
])
