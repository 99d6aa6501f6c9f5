import { createHash, createHmac } from 'node:crypto'
import { closeAll } from '../helpers/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { live, NOTIFICATIONS } from '../moderation/support.js'
import { STORE_ERRORS } from '../../plugins/store/errors.js'
import { codeOf, expectLedgerSound, fund, newKey, ok, startStoreApp, walletOf, type StoreApp } from './support.js'
import { oid } from '../helpers/justchat.js'

/** JustChat's money routes — top-up, gifts, free coins — and the signed GraphQL top-up for back-ends. */

const LEGACY = 'JHFGLJfgbkg*&@:EVJHV/l12p'
const HMAC = 'a-very-long-top-up-secret-of-the-payment-backend'
let t: StoreApp
beforeAll(async () => {
  t = await startStoreApp({ STORE_LEGACY_TOPUP_SECRET: LEGACY, STORE_TOPUP_SECRET: HMAC, STORE_FREE_COINS: '15' })
}, 120_000)
afterAll(() => closeAll(t))

/** JustChat's own recipe: md5(SECRET_KEY + balance). */
const md5 = (balance: number | string) => createHash('md5').update(`${LEGACY}${balance}`).digest('hex')
const jc = (path: string, body: Record<string, unknown>) => rest(t.url, path, body)

describe('/user/updateBalance (legacy MD5 signature)', () => {
  it('credits the session user the signed amount and answers the user with the balance', async () => {
    const u = await registerUser(t)
    const r = await jc('/user/updateBalance', { session_key: u.token, balance: 200, secret: md5(200) })
    expect(r.status).toBe(200)
    expect(r.body.data.user).toMatchObject({ _id: oid(u.id), __v: '0', balance: 200, gifts: [] })
    // UserSchema whole, as /init/getUser answers it: every enabled plugin's fields (rooms' room, rooms, visitedRooms)
    const whole = await jc('/init/getUser', { session_key: u.token, user_id: oid(u.id) })
    expect(r.body.data.user).toEqual(whole.body.data.user)
    const rooms = t.app.plugins.some((p) => p.name === 'rooms')
    for (const key of ['room', 'rooms', 'visitedRooms']) expect(key in r.body.data.user, key).toBe(rooms)
    // numbers as strings, as JustChat clients send them
    expect(
      (await jc('/user/updateBalance', { session_key: u.token, balance: '50', secret: md5(50) })).body.data.user
        .balance,
    ).toBe(250)
    expect(await walletOf(t, u)).toEqual({ pekoins: 250, points: 0 })
  })

  it('refuses a signature that does not match (403), no session (440), bad amounts (400); writes nothing', async () => {
    const u = await registerUser(t)
    const bad = await jc('/user/updateBalance', { session_key: u.token, balance: 300, secret: md5(200) })
    expect(bad).toMatchObject({ status: 403, body: { error: STORE_ERRORS.INVALID_SIGNATURE.message } })
    expect((await jc('/user/updateBalance', { session_key: u.token, balance: 200, secret: 'zz' })).status).toBe(403)
    expect((await jc('/user/updateBalance', { balance: 200, secret: md5(200) })).status).toBe(440)
    expect((await jc('/user/updateBalance', { session_key: u.token, balance: 0, secret: md5(0) })).status).toBe(400)
    expect((await jc('/user/updateBalance', { session_key: u.token, balance: 'lots', secret: md5(0) })).status).toBe(
      400,
    )
    expect(await walletOf(t, u)).toEqual({ pekoins: 0, points: 0 })
  })

  it('the legacy scheme cannot tell a replay from a second top-up (documented): a captured request credits again', async () => {
    const u = await registerUser(t)
    const body = { session_key: u.token, balance: 10, secret: md5(10) }
    await jc('/user/updateBalance', body)
    await jc('/user/updateBalance', body)
    expect(await walletOf(t, u)).toEqual({ pekoins: 20, points: 0 })
  })
})

const TOP_UP = graphql(`
  mutation StoreTopUp($i: StoreTopUpInput!) { topUp(input: $i) { transactionId replayed wallet { userId pekoins } } }
`)
const sign = (userId: number, amount: number, key: string) =>
  createHmac('sha256', HMAC).update(`${userId}:${amount}:${key}`).digest('hex')

describe('topUp (HMAC-SHA256 over user, amount and key)', () => {
  it('credits once per key: a replayed request answers the first result and credits nothing', async () => {
    const u = await registerUser(t)
    const key = newKey()
    const i = { userId: u.id, amount: 500, idempotencyKey: key, signature: sign(u.id, 500, key) }
    const first = (await ok(gql(t.url, TOP_UP, { i }))).topUp
    expect(first).toMatchObject({ replayed: false, wallet: { userId: u.id, pekoins: 500 } })
    const again = await Promise.all([gql(t.url, TOP_UP, { i }), gql(t.url, TOP_UP, { i })])
    for (const r of again) expect(r.data?.topUp).toMatchObject({ replayed: true, transactionId: first.transactionId })
    expect(await walletOf(t, u)).toEqual({ pekoins: 500, points: 0 })
    const entry = await t.app.services.prisma.storeTransaction.findUniqueOrThrow({
      where: { id: first.transactionId },
      include: { postings: true },
    })
    expect(entry.kind).toBe('TOPUP')
    expect(entry.postings.map((p) => [p.accountKind, p.amount]).sort()).toEqual([
      ['TOPUP', -500],
      ['USER', 500],
    ])
  })

  it('refuses a wrong or tampered signature, another request under a used key, and bad input', async () => {
    const u = await registerUser(t)
    const key = newKey()
    const good = { userId: u.id, amount: 5, idempotencyKey: key, signature: sign(u.id, 5, key) }
    expect(codeOf(await gql(t.url, TOP_UP, { i: { ...good, amount: 500 } }))).toBe('INVALID_SIGNATURE')
    expect(codeOf(await gql(t.url, TOP_UP, { i: { ...good, userId: t.admin.id } }))).toBe('INVALID_SIGNATURE')
    expect(codeOf(await gql(t.url, TOP_UP, { i: { ...good, signature: good.signature.slice(1) } }))).toBe(
      'INVALID_SIGNATURE',
    )
    await ok(gql(t.url, TOP_UP, { i: good }))
    // the same payment id for another amount, properly signed: not a retry
    expect(codeOf(await gql(t.url, TOP_UP, { i: { ...good, amount: 6, signature: sign(u.id, 6, key) } }))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    )
    const zero = newKey()
    expect(
      codeOf(
        await gql(t.url, TOP_UP, {
          i: { userId: u.id, amount: 0, idempotencyKey: zero, signature: sign(u.id, 0, zero) },
        }),
      ),
    ).toBe('INVALID_INPUT')
    expect(await walletOf(t, u)).toEqual({ pekoins: 5, points: 0 })
  })
})

const SAVE_GIFT = graphql(`
  mutation StoreSaveGift($i: StoreGiftInput!) { saveStoreGift(input: $i) { databaseId name image price active } }
`)
const GIFTS_OF = graphql(`
  query StoreGiftsOf($u: Int!) { receivedGifts(userId: $u, first: 10) { edges { node { name price text fromId from { databaseId } } } } }
`)
const GIFT_EVENTS = graphql(`subscription StoreGiftEvents { giftReceived { name text fromId toId } }`)

describe('gifts', () => {
  it('lists the catalogue, sends a gift for coins (402 when short, nothing written), tells the recipient', async () => {
    const gift = (
      await ok(
        gql(
          t.url,
          SAVE_GIFT,
          { i: { name: 'Teddy', image: '/uploads/teddy.png', price: 30, active: true } },
          t.admin.token,
        ),
      )
    ).saveStoreGift
    const withdrawn = (
      await ok(gql(t.url, SAVE_GIFT, { i: { name: 'Old', image: '/x.png', price: 1, active: false } }, t.admin.token))
    ).saveStoreGift
    const from = await registerUser(t)
    const to = await registerUser(t)
    const list = await jc('/gifts', { session_key: from.token })
    expect(list.status).toBe(200)
    expect(list.body.data.gifts).toContainEqual({
      _id: oid(gift.databaseId),
      name: 'Teddy',
      image: '/uploads/teddy.png',
      price: 30,
      create_at: expect.any(String),
    })
    expect(list.body.data.gifts.map((g: { _id: string }) => g._id)).not.toContain(oid(withdrawn.databaseId))
    expect((await jc('/gifts', {})).status).toBe(440)

    await fund(t, from.id, { pekoins: 40 })
    const send = (gid: unknown, user: unknown, text = 'For you <3') =>
      jc('/gifts/send', { session_key: from.token, gift: gid, user, text })
    const events = await live(t, to.token, GIFT_EVENTS)
    const notes = await live(t, to.token, NOTIFICATIONS)
    try {
      expect(await send(oid(gift.databaseId), oid(to.id))).toEqual(expect.objectContaining({ status: 200, body: {} }))
      expect((await events.next()).giftReceived).toEqual({
        name: 'Teddy',
        text: 'For you <3',
        fromId: from.id,
        toId: to.id,
      })
      const n = await notes.next((d) => d.notifications.type === 'gift-message')
      expect(n.notifications.data).toEqual({
        error: null,
        room: null,
        user: String(to.id),
        author: String(from.id),
        created_at: expect.any(String),
      })
    } finally {
      await events.close()
      await notes.close()
    }
    // 10 left: the next one is 402 and writes nothing
    const before = await t.app.services.prisma.storeSentGift.count()
    const short = await send(String(gift.databaseId), String(to.id))
    expect(short).toMatchObject({ status: 402, body: { error: expect.stringMatching(/^Not enough pekoins/) } })
    expect(await t.app.services.prisma.storeSentGift.count()).toBe(before)
    expect((await send(String(withdrawn.databaseId), String(to.id))).status).toBe(404)
    expect((await send('nope', String(to.id))).status).toBe(400)
    expect((await send(String(gift.databaseId), String(from.id))).status).toBe(400)
    expect((await send(String(gift.databaseId), '99999999')).status).toBe(404)
    expect((await send(String(gift.databaseId), String(to.id), 'x'.repeat(501))).status).toBe(400)
    expect(await walletOf(t, from)).toEqual({ pekoins: 10, points: 0 })

    const received = (await ok(gql(t.url, GIFTS_OF, { u: to.id }, from.token))).receivedGifts.edges.map((e) => e.node)
    expect(received).toEqual([
      { name: 'Teddy', price: 30, text: 'For you <3', fromId: from.id, from: { databaseId: from.id } },
    ])
    await expectLedgerSound(t)
  })
})

describe('/user/free-coins', () => {
  it('gives coins once per 24 hours per network: 400 within the window, another network is its own', async () => {
    const u = await registerUser(t)
    const claim = (type: unknown) => jc('/user/free-coins', { session_key: u.token, type })
    expect(await claim('vk')).toMatchObject({ status: 200, body: {} })
    const again = await claim('vk')
    expect(again).toMatchObject({ status: 400, body: { error: STORE_ERRORS.FREE_COINS_TOO_SOON.message } })
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(86_000)
    expect((await claim('twitter')).status).toBe(200)
    expect((await claim('myspace')).status).toBe(400)
    expect((await jc('/user/free-coins', { type: 'vk' })).status).toBe(440)
    expect(await walletOf(t, u)).toEqual({ pekoins: 30, points: 0 })
    // a day later (the claim moved back in the database: the window is the database's clock)
    await t.app.services.prisma.$executeRaw`
      UPDATE "StoreFreeCoinClaim" SET "claimedAt" = "claimedAt" - interval '24 hours' WHERE "userId" = ${u.id} AND "network" = 'VK'`
    expect((await claim('vk')).status).toBe(200)
    expect(await walletOf(t, u)).toEqual({ pekoins: 45, points: 0 })
  })

  it('ten parallel claims give coins once', async () => {
    const u = await registerUser(t)
    const results = await Promise.all(
      Array.from({ length: 10 }, () => jc('/user/free-coins', { session_key: u.token, type: 'mailru' })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(400)])
    expect(await walletOf(t, u)).toEqual({ pekoins: 15, points: 0 })
    await expectLedgerSound(t)
  })
})
