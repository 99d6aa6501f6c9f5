// The store's live events (walletChanged, bonusPurchased, subscriptionChanged, giftReceived) and its notifications
// (bonus/points, bonus/purchase, bonus/subscription, gift-message): each kind made through the API, compared whole.
// Ids and times no request answers are read from the stored rows; every other value is the one the recipe set.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import type { StoreEntryKind } from '../../../src/generated/prisma/client.js'
import type { TestApp } from '../../helpers/app.js'
import { registerUser, userWithRoles, type TestUser } from '../../helpers/users.js'
import { globalId, isoSince, ok, open, userRef, type Received, type Stream } from '../support.js'

type Recipe = (t: TestApp) => Promise<Received>

/** The secrets the store's events app is started with (top-ups are refused without them). */
export const STORE_EVENTS_ENV = {
  STORE_TOPUP_SECRET: 'events-topup-secret-0123456789abcdef',
  STORE_LEGACY_TOPUP_SECRET: 'events-legacy-0123456789',
  // the sweeper announces expiries: every second here
  STORE_SWEEP_SECONDS: '1',
}

const tag = () => randomBytes(3).toString('hex')
const staff = (t: TestApp) => userWithRoles(t, { storeAdmin: 1, storeSupport: 1 })

/** Exactly these payloads, then nothing more; the stream is closed. */
async function expectOnly(s: Stream, ...expected: unknown[]) {
  const got = await s.expectNext(...expected)
  await s.expectQuiet(100)
  await s.close()
  return got
}

// ------------------------------------------------------------------ making things

interface Bonus {
  id: number
  name: string
  duration: number
  pekoins: number
  points: number
}

/** A red nick for sale (a month unless told otherwise), made by the store admin. */
async function newBonus(t: TestApp, admin: TestUser, more: Partial<Bonus> = {}): Promise<Bonus> {
  const b = { name: `bonus ${tag()}`, duration: 30 * 24 * 3600, pekoins: 1, points: 1, ...more }
  const d = await ok(t, admin, 'mutation($i: StoreBonusInput!) { saveStoreBonus(input: $i) { databaseId } }', {
    i: {
      type: 'NICK_COLOR',
      config: { color: '#ff0000' },
      duration: b.duration,
      name: b.name,
      price: { canBePurchased: true, pekoins: b.pekoins, points: b.points },
      view: { category: 0, position: 0, linked: false },
    },
  })
  return { ...b, id: d.saveStoreBonus.databaseId as number }
}

const ADJUST =
  'mutation($u: Int!, $c: StoreCurrency!, $a: Int!) { adjustStoreBalance(userId: $u, currency: $c, amount: $a, reason: "events") { pekoins } }'
const fund = (t: TestApp, admin: TestUser, u: TestUser, pekoins: number) =>
  ok(t, admin, ADJUST, { u: u.id, c: 'PEKOINS', a: pekoins })

const BUY = 'mutation($b: Int!, $c: StoreCurrency!) { buyBonus(bonusId: $b, currency: $c) { purchase { databaseId } } }'
const buy = async (t: TestApp, u: TestUser, b: Bonus, currency = 'PEKOINS') =>
  (await ok(t, u, BUY, { b: b.id, c: currency })).buyBonus.purchase.databaseId as number

const GRANT =
  'mutation($u: Int!, $b: Int!, $e: DateTime) { grantStoreBonus(userId: $u, bonusId: $b, expiresAt: $e, reason: "events") { databaseId } }'
const grant = async (t: TestApp, support: TestUser, u: TestUser, b: Bonus, expiresAt?: string) =>
  (await ok(t, support, GRANT, { u: u.id, b: b.id, e: expiresAt ?? null })).grantStoreBonus.databaseId as number

const streamer = (t: TestApp) => userWithRoles(t, { masterstreamer: 1 })
const SUBSCRIBE = 'mutation($s: Int!) { buyStreamerSubscription(streamerId: $s) { databaseId } }'
const subscribe = async (t: TestApp, u: TestUser, s: TestUser) =>
  (await ok(t, u, SUBSCRIBE, { s: s.id })).buyStreamerSubscription.databaseId as number

const SAVE_SUBSCRIPTION = 'mutation($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { databaseId } }'

/** A gift on offer for 3 pekoins. */
async function newGift(t: TestApp, admin: TestUser) {
  const name = `gift ${tag()}`
  const d = await ok(t, admin, 'mutation($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId } }', {
    i: { name, image: '/gifts/rose.png', price: 3, active: true },
  })
  return { id: d.saveStoreGift.databaseId as number, name, image: '/gifts/rose.png', price: 3 }
}
const SEND_GIFT =
  'mutation($g: Int!, $u: Int!, $x: String) { sendGift(giftId: $g, userId: $u, text: $x) { databaseId } }'

// ------------------------------------------------------------------ whole payloads

const newestEntry = async (t: TestApp, kind: StoreEntryKind) =>
  (await t.app.services.prisma.storeTransaction.findFirstOrThrow({ where: { kind }, orderBy: { id: 'desc' } })).id

/** walletChanged: the wallet's balances after the newest entry of `kind`. */
async function walletEvent(t: TestApp, u: TestUser, kind: StoreEntryKind, pekoins: number, points = 0) {
  return {
    kind,
    transactionId: await newestEntry(t, kind),
    wallet: { pekoins, points, user: userRef(u), userId: u.id },
  }
}

const bonusNode = (b: Bonus) => ({
  config: { color: '#ff0000' },
  databaseId: b.id,
  duration: b.duration,
  id: globalId('StoreBonus', b.id),
  name: b.name,
  price: { canBePurchased: true, pekoins: b.pekoins, points: b.points },
  type: 'NICK_COLOR',
  view: { category: 0, linked: false, position: 0 },
})

interface State {
  active: boolean
  removed: boolean
  inEffect: boolean
}
const LIVE: State = { active: true, removed: false, inEffect: true }

/** A StorePurchase whole: its times from the row, its state as the recipe expects it. */
async function purchase(t: TestApp, id: number, u: TestUser, b: Bonus, state: State = LIVE) {
  const row = await t.app.services.prisma.storePurchase.findUniqueOrThrow({ where: { id } })
  return {
    ...state,
    bonus: bonusNode(b),
    bonusId: b.id,
    createdAt: row.createdAt.toISOString(),
    databaseId: id,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    id: globalId('StorePurchase', id),
    user: userRef(u),
    userId: u.id,
  }
}

async function subscription(t: TestApp, id: number, u: TestUser, s: TestUser, state: State = LIVE) {
  const row = await t.app.services.prisma.storeSubscription.findUniqueOrThrow({ where: { id } })
  return {
    ...state,
    createdAt: row.createdAt.toISOString(),
    databaseId: id,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    id: globalId('StoreSubscription', id),
    streamer: userRef(s),
    streamerId: s.id,
    user: userRef(u),
    userId: u.id,
  }
}

const unix = (iso: string | null) => (iso === null ? 0 : Math.floor(Date.parse(iso) / 1000))
const peka2Bonus = (b: Bonus) => ({
  id: b.id,
  type: 'nickColor',
  config: { color: '#ff0000' },
  duration: b.duration,
  name: b.name,
  price: { canBePurchased: true, pekoins: b.pekoins, points: b.points },
  view: { category: 0, position: 0, linked: false },
})

/** An end `ms` from now (a grant or subscription the sweeper will announce as expired). */
const soon = (ms = 1500) => new Date(Date.now() + ms).toISOString()

// ------------------------------------------------------------------ walletChanged

const wallet = (t: TestApp, u: TestUser) => open(t, u, 'walletChanged')

export const WALLET_RECIPES: Partial<Record<string, Recipe>> = {
  async ADJUSTMENT(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const s = await wallet(t, u)
    await fund(t, admin, u, 7)
    return expectOnly(s, await walletEvent(t, u, 'ADJUSTMENT', 7))
  },
  async BONUS_PURCHASE(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const b = await newBonus(t, admin, { pekoins: 4 })
    await fund(t, admin, u, 10)
    const s = await wallet(t, u)
    await buy(t, u, b)
    return expectOnly(s, await walletEvent(t, u, 'BONUS_PURCHASE', 6))
  },
  async FREE_COINS(t) {
    const u = await registerUser(t)
    const s = await wallet(t, u)
    await ok(t, u, 'mutation { claimFreeCoins(network: VK) { pekoins } }')
    // STORE_FREE_COINS: 10 by default
    return expectOnly(s, await walletEvent(t, u, 'FREE_COINS', 10))
  },
  async GIFT(t) {
    const admin = await staff(t)
    const [u, to] = [await registerUser(t), await registerUser(t)]
    const g = await newGift(t, admin)
    await fund(t, admin, u, 5)
    const s = await wallet(t, u)
    const r = await wallet(t, to)
    await ok(t, u, SEND_GIFT, { g: g.id, u: to.id, x: 'for you' })
    // the price goes to the store: the recipient's wallet does not move
    await r.expectQuiet(300)
    await r.close()
    return expectOnly(s, await walletEvent(t, u, 'GIFT', 2))
  },
  async LEGACY_TOPUP(t) {
    const u = await registerUser(t)
    const s = await wallet(t, u)
    const secret = createHash('md5').update(`${STORE_EVENTS_ENV.STORE_LEGACY_TOPUP_SECRET}25`).digest('hex')
    await ok(t, u, 'mutation($s: String!) { legacyTopUp(balance: 25, secret: $s) { replayed } }', { s: secret })
    return expectOnly(s, await walletEvent(t, u, 'LEGACY_TOPUP', 25))
  },
  async POINTS_SET(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const s = await wallet(t, u)
    await ok(t, admin, 'mutation($u: Int!) { setStorePoints(userId: $u, amount: 12, reason: "events") { amount } }', {
      u: u.id,
    })
    return expectOnly(s, await walletEvent(t, u, 'POINTS_SET', 0, 12))
  },
  async REFUND(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const b = await newBonus(t, admin, { pekoins: 4 })
    await fund(t, admin, u, 10)
    const p = await buy(t, u, b)
    const s = await wallet(t, u)
    await ok(t, admin, 'mutation($p: Int!) { refundStorePurchase(id: $p, reason: "events") { databaseId } }', { p })
    return expectOnly(s, await walletEvent(t, u, 'REFUND', 10))
  },
  async SPEND(t) {
    // another plugin's sale through the store's API: a paid vote in a donate poll (POLLS_VOTE_PRICE 10)
    const admin = await staff(t)
    const [u, st] = [await registerUser(t), await streamer(t)]
    await fund(t, admin, u, 15)
    const start = await ok(
      t,
      st,
      `mutation($c: String!) { startChannelPoll(channel: $c, question: "events", durationSeconds: 600, donate: true,
        options: [{ text: "a" }, { text: "b" }]) { databaseId options { databaseId } } }`,
      { c: `stream/${st.id}` },
    )
    const poll = start.startChannelPoll as { databaseId: number; options: { databaseId: number }[] }
    const s = await wallet(t, u)
    // the price goes to the streamer's payout account, not their wallet
    const w = await wallet(t, st)
    await ok(t, u, 'mutation($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o, paid: true) { pollId } }', {
      p: poll.databaseId,
      o: [poll.options[0].databaseId],
    })
    await w.expectQuiet(300)
    await w.close()
    return expectOnly(s, await walletEvent(t, u, 'SPEND', 5))
  },
  async SUBSCRIPTION_PURCHASE(t) {
    const admin = await staff(t)
    const [u, st] = [await registerUser(t), await streamer(t)]
    await fund(t, admin, u, 150)
    const s = await wallet(t, u)
    // the streamer's share goes to their payout account, not their wallet
    const w = await wallet(t, st)
    await subscribe(t, u, st)
    await w.expectQuiet(300)
    await w.close()
    // STORE_SUBSCRIPTION_PRICE: 100 by default
    return expectOnly(s, await walletEvent(t, u, 'SUBSCRIPTION_PURCHASE', 50))
  },
  async TOPUP(t) {
    const u = await registerUser(t)
    const s = await wallet(t, u)
    const key = `pay-${tag()}`
    const signature = createHmac('sha256', STORE_EVENTS_ENV.STORE_TOPUP_SECRET)
      .update(`${u.id}:40:${key}`)
      .digest('hex')
    const input = { userId: u.id, amount: 40, idempotencyKey: key, signature }
    const TOP_UP = 'mutation($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }'
    // a back-end's call: no session; its retry credits nothing and announces nothing
    await ok(t, undefined, TOP_UP, { i: input })
    await ok(t, undefined, TOP_UP, { i: input })
    return expectOnly(s, await walletEvent(t, u, 'TOPUP', 40))
  },
}

// ------------------------------------------------------------------ bonusPurchased

const bonuses = (t: TestApp, u: TestUser) => open(t, u, 'bonusPurchased')

/** A user holding a bought month of a bonus, and a stream of their bonus events opened after. */
async function holder(t: TestApp) {
  const admin = await staff(t)
  const u = await registerUser(t)
  const b = await newBonus(t, admin)
  await fund(t, admin, u, 10)
  const p = await buy(t, u, b)
  return { admin, u, b, p, s: await bonuses(t, u) }
}

export const PURCHASE_RECIPES: Partial<Record<string, Recipe>> = {
  async PURCHASED(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const b = await newBonus(t, admin)
    await fund(t, admin, u, 10)
    const s = await bonuses(t, u)
    const p = await buy(t, u, b)
    return expectOnly(s, { change: 'PURCHASED', purchase: await purchase(t, p, u, b) })
  },
  async EXTENDED(t) {
    const { u, b, p, s } = await holder(t)
    const before = await t.app.services.prisma.storePurchase.findUniqueOrThrow({ where: { id: p } })
    // buying a timed bonus one holds extends it by its duration
    expect(await buy(t, u, b)).toBe(p)
    const got = await expectOnly(s, { change: 'EXTENDED', purchase: await purchase(t, p, u, b) })
    const after = await t.app.services.prisma.storePurchase.findUniqueOrThrow({ where: { id: p } })
    expect(after.expiresAt!.getTime() - before.expiresAt!.getTime()).toBe(b.duration * 1000)
    return got
  },
  async GRANTED(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const b = await newBonus(t, admin)
    const s = await bonuses(t, u)
    const p = await grant(t, admin, u, b)
    return expectOnly(s, { change: 'GRANTED', purchase: await purchase(t, p, u, b) })
  },
  async CHANGED(t) {
    const { u, b, p, s } = await holder(t)
    // the owner's switch
    await ok(t, u, 'mutation($p: Int!) { setStorePurchaseStatus(id: $p, active: false) { databaseId } }', { p })
    const off = { active: false, removed: false, inEffect: false }
    return expectOnly(s, { change: 'CHANGED', purchase: await purchase(t, p, u, b, off) })
  },
  async REMOVED(t) {
    const { admin, u, b, p, s } = await holder(t)
    await ok(t, admin, 'mutation($p: Int!) { removeStorePurchase(id: $p, reason: "events") { databaseId } }', { p })
    const gone = { active: true, removed: true, inEffect: false }
    return expectOnly(s, { change: 'REMOVED', purchase: await purchase(t, p, u, b, gone) })
  },
  async REFUNDED(t) {
    const { admin, u, b, p, s } = await holder(t)
    await ok(t, admin, 'mutation($p: Int!) { refundStorePurchase(id: $p, reason: "events") { databaseId } }', { p })
    const gone = { active: true, removed: true, inEffect: false }
    return expectOnly(s, { change: 'REFUNDED', purchase: await purchase(t, p, u, b, gone) })
  },
  async EXPIRED(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const b = await newBonus(t, admin)
    const s = await bonuses(t, u)
    const p = await grant(t, admin, u, b, soon())
    const granted = await purchase(t, p, u, b)
    // the sweeper's announcement, once the end has passed
    const ended = { active: true, removed: false, inEffect: false }
    return expectOnly(
      s,
      { change: 'GRANTED', purchase: granted },
      { change: 'EXPIRED', purchase: await purchase(t, p, u, b, ended) },
    )
  },
}

// ------------------------------------------------------------------ subscriptionChanged

const subscriptions = (t: TestApp, u: TestUser) => open(t, u, 'subscriptionChanged')

/** A funded subscriber of a streamer, and streams of both opened (the streamer gets every event too). */
async function fan(t: TestApp) {
  const admin = await staff(t)
  const [u, st] = [await registerUser(t), await streamer(t)]
  await fund(t, admin, u, 300)
  return { admin, u, st, s: await subscriptions(t, u), w: await subscriptions(t, st) }
}

/** The subscriber and the streamer each get exactly these. */
async function bothGet(f: { s: Stream; w: Stream }, ...expected: unknown[]) {
  await expectOnly(f.w, ...expected)
  return expectOnly(f.s, ...expected)
}

export const SUBSCRIPTION_RECIPES: Partial<Record<string, Recipe>> = {
  async PURCHASED(t) {
    const f = await fan(t)
    const id = await subscribe(t, f.u, f.st)
    return bothGet(f, { change: 'PURCHASED', subscription: await subscription(t, id, f.u, f.st) })
  },
  async EXTENDED(t) {
    const f = await fan(t)
    const id = await subscribe(t, f.u, f.st)
    const first = await subscription(t, id, f.u, f.st)
    expect(await subscribe(t, f.u, f.st)).toBe(id)
    const extended = await subscription(t, id, f.u, f.st)
    return bothGet(f, { change: 'PURCHASED', subscription: first }, { change: 'EXTENDED', subscription: extended })
  },
  async CHANGED(t) {
    const f = await fan(t)
    const id = await subscribe(t, f.u, f.st)
    const bought = await subscription(t, id, f.u, f.st)
    // the subscriber hides their icon
    await ok(t, f.u, 'mutation($s: Int!) { setStoreSubscriptionStatus(id: $s, active: false) { databaseId } }', {
      s: id,
    })
    const off = await subscription(t, id, f.u, f.st, { active: false, removed: false, inEffect: false })
    return bothGet(f, { change: 'PURCHASED', subscription: bought }, { change: 'CHANGED', subscription: off })
  },
  async REMOVED(t) {
    const f = await fan(t)
    const id = await subscribe(t, f.u, f.st)
    const bought = await subscription(t, id, f.u, f.st)
    await ok(t, f.admin, 'mutation($s: Int!) { removeStoreSubscription(id: $s, reason: "events") { databaseId } }', {
      s: id,
    })
    const gone = await subscription(t, id, f.u, f.st, { active: true, removed: true, inEffect: false })
    return bothGet(f, { change: 'PURCHASED', subscription: bought }, { change: 'REMOVED', subscription: gone })
  },
  async EXPIRED(t) {
    const f = await fan(t)
    const d = await ok(t, f.admin, SAVE_SUBSCRIPTION, {
      i: { userId: f.u.id, streamerId: f.st.id, expiresAt: soon(), active: true, reason: 'events' },
    })
    const id = d.saveStoreSubscription.databaseId as number
    const added = await subscription(t, id, f.u, f.st)
    const ended = { active: true, removed: false, inEffect: false }
    return bothGet(
      f,
      { change: 'PURCHASED', subscription: added },
      { change: 'EXPIRED', subscription: await subscription(t, id, f.u, f.st, ended) },
    )
  },
}

// ------------------------------------------------------------------ giftReceived

export const GIFT_RECIPES: Partial<Record<string, Recipe>> = {
  async StoreSentGift(t) {
    const admin = await staff(t)
    const [u, to] = [await registerUser(t), await registerUser(t)]
    const g = await newGift(t, admin)
    await fund(t, admin, u, 5)
    const s = await open(t, to, 'giftReceived')
    // the sender gets nothing on this stream
    const mine = await open(t, u, 'giftReceived')
    const d = await ok(t, u, SEND_GIFT, { g: g.id, u: to.id, x: 'It is for you <3' })
    const id = d.sendGift.databaseId as number
    const row = await t.app.services.prisma.storeSentGift.findUniqueOrThrow({ where: { id } })
    await mine.expectQuiet(300)
    await mine.close()
    return expectOnly(s, {
      createdAt: row.createdAt.toISOString(),
      databaseId: id,
      from: userRef(u),
      fromId: u.id,
      giftId: g.id,
      image: g.image,
      name: g.name,
      price: g.price,
      text: 'It is for you <3',
      to: userRef(to),
      toId: to.id,
    })
  },
}

// ------------------------------------------------------------------ notifications

const notice = (type: string, data: unknown, since: number) => ({ type, data, time: isoSince(since) })
const inbox = (t: TestApp, u: TestUser) => open(t, u, 'notifications')

export const STORE_NOTIFICATION_RECIPES: Partial<Record<string, Recipe>> = {
  async 'bonus/points'(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const s = await inbox(t, u)
    const since = Date.now()
    await ok(t, admin, 'mutation($u: Int!) { setStorePoints(userId: $u, amount: 9, reason: "events") { amount } }', {
      u: u.id,
    })
    return expectOnly(s, notice('bonus/points', { userId: u.id, amount: 9 }, since))
  },
  async 'bonus/purchase'(t) {
    const admin = await staff(t)
    const u = await registerUser(t)
    const [b1, b2] = [await newBonus(t, admin), await newBonus(t, admin)]
    await fund(t, admin, u, 10)
    await buy(t, u, b1)
    const s = await inbox(t, u)
    const since = Date.now()
    await buy(t, u, b2)
    // the new list of bonuses in effect, in peka2's shape (bought with pekoins: no bonus/points)
    return expectOnly(s, notice('bonus/purchase', [peka2Bonus(b1), peka2Bonus(b2)], since))
  },
  async 'bonus/subscription'(t) {
    const admin = await staff(t)
    const [u, st] = [await registerUser(t), await streamer(t)]
    await fund(t, admin, u, 150)
    const s = await inbox(t, u)
    const since = Date.now()
    const id = await subscribe(t, u, st)
    const row = await t.app.services.prisma.storeSubscription.findUniqueOrThrow({ where: { id } })
    const data = { id, userId: u.id, streamerId: st.id, expires: unix(row.expiresAt!.toISOString()), active: true }
    return expectOnly(s, notice('bonus/subscription', data, since))
  },
  async 'gift-message'(t) {
    const admin = await staff(t)
    const [u, to] = [await registerUser(t), await registerUser(t)]
    const g = await newGift(t, admin)
    await fund(t, admin, u, 5)
    const s = await inbox(t, to)
    const since = Date.now()
    const d = await ok(t, u, SEND_GIFT, { g: g.id, u: to.id, x: null })
    const row = await t.app.services.prisma.storeSentGift.findUniqueOrThrow({ where: { id: d.sendGift.databaseId } })
    // JustChat's socket event; rooms do not exist yet
    const data = {
      error: null,
      room: null,
      user: String(to.id),
      author: String(u.id),
      created_at: row.createdAt.toISOString(),
    }
    return expectOnly(s, notice('gift-message', data, since))
  },
}
