import { closeAll } from '../helpers/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { live, NOTIFICATIONS, WAIT } from '../moderation/support.js'
import { STORE_ERRORS } from '../../plugins/store/errors.js'
import {
  bonusInput,
  codeOf,
  createBonus,
  fund,
  newKey,
  ok,
  SAVE_BONUS,
  startStoreApp,
  type StoreApp,
} from './support.js'

/**
 * The peka2 routes' documented shapes and input errors, the catalogue's rules, top-ups refused while unconfigured,
 * and the store's notifications and live events (expiry announced by the sweeper, every second here).
 */

let t: StoreApp
beforeAll(async () => {
  t = await startStoreApp({ STORE_SWEEP_SECONDS: '1' })
}, 120_000)
afterAll(() => closeAll(t))

const peka2 = (path: string, body: unknown, token?: string) => rest(t.url, path, body, { token })

const BONUS_BODY = {
  type: 'smilesPerMessage',
  config: { amount: 12 },
  duration: 86_400,
  name: 'Twelve smiles',
  price: { canBePurchased: true, pekoins: 0, points: 40 },
  view: { category: 5, position: 2, linked: false },
}

describe('the catalogue (bonus/modify, bonus/list)', () => {
  it('creates and changes bonuses in the documented shape, each type with its config', async () => {
    const made = await peka2('/api/store/bonus/modify', BONUS_BODY, t.admin.token)
    expect(made.status).toBe(200)
    expect(made.body).toEqual({ id: expect.any(Number), ...BONUS_BODY })
    const changed = await peka2(
      '/api/store/bonus/modify',
      { ...BONUS_BODY, id: made.body.id, type: 'nickColor', config: { color: '#ABC' } },
      t.admin.token,
    )
    expect(changed.body).toEqual({ ...BONUS_BODY, id: made.body.id, type: 'nickColor', config: { color: '#aabbcc' } })
    for (const [type, config] of [
      ['citizenMinLevel', { level: 7 }],
      ['smiles', { smiles: ['peka', 'Kappa'] }],
    ] as const) {
      const r = await peka2('/api/store/bonus/modify', { ...BONUS_BODY, type, config }, t.admin.token)
      expect(r.body).toMatchObject({ type, config })
    }
    const list = await peka2('/api/store/bonus/list', {}, t.admin.token)
    expect(list.body).toContainEqual({
      ...BONUS_BODY,
      id: made.body.id,
      type: 'nickColor',
      config: { color: '#aabbcc' },
    })
    // everyone sees what is for sale in GraphQL; the whole catalogue is for store admins
    const forSale = graphql(`query StoreForSale($all: Boolean) { storeBonuses(all: $all) { databaseId } }`)
    expect((await ok(gql(t.url, forSale, {}))).storeBonuses.length).toBeGreaterThan(0)
    expect(codeOf(await gql(t.url, forSale, { all: true }, t.support.token))).toBe('INSUFFICIENT_PERMISSIONS')
  })

  it('names the field of every refused value', async () => {
    const bad = async (patch: Record<string, unknown>) =>
      (await peka2('/api/store/bonus/modify', { ...BONUS_BODY, ...patch }, t.admin.token)).body.message as string
    expect(await bad({ type: 'rainbow' })).toMatch(/^type: /)
    expect(await bad({ type: 'nickColor', config: { color: 'red' } })).toBe(
      'config.color: must be a colour in #HEX form (#rgb or #rrggbb)',
    )
    expect(await bad({ type: 'smiles', config: { smiles: [] } })).toBe('config.smiles: must list 1 to 50 smile codes')
    expect(await bad({ type: 'smiles', config: { smiles: ['a b'] } })).toMatch(/^config\.smiles\[0\]: /)
    expect(await bad({ type: 'citizenMinLevel', config: { level: 101 } })).toBe(
      'config.level: must be an integer from 1 to 100',
    )
    expect(await bad({ config: { amount: 0 } })).toBe('config.amount: must be an integer from 1 to 100')
    expect(await bad({ duration: -1 })).toBe('duration: must be an integer from 0 to 315360000')
    expect(await bad({ name: '' })).toBe('name: must be 1–100 characters')
    expect(await bad({ price: { canBePurchased: true, pekoins: -5, points: 0 } })).toBe(
      'price.pekoins: must be an integer from 0 to 1000000',
    )
    expect(await bad({ id: 99_999_999 })).toBe('id: no bonus 99999999')
    expect((await peka2('/api/store/bonus/modify', { ...BONUS_BODY }, t.support.token)).body.message).toBe(
      'Insufficient permissions',
    )
  })
})

describe('purchases over peka2', () => {
  it('buy/points answers the new list; purchase/modify takes unix times; points/set is audited with the route', async () => {
    const u = await registerUser(t)
    const b = await createBonus(t, { pekoins: 0, points: 10, duration: 600 })
    await fund(t, u.id, { points: 25 })
    const bought = await peka2('/api/store/buy/points', { bonusId: b }, u.token)
    expect(bought.body).toEqual([
      { id: expect.any(Number), userId: u.id, bonusId: b, expires: expect.any(Number), active: true },
    ])
    const id = bought.body[0].id as number
    expect(bought.body[0].expires - Date.now() / 1000).toBeGreaterThan(590)
    expect((await peka2('/api/store/buy/pekoins', { bonusId: b }, u.token)).body.message).toBe(
      `bonusId: "${(await t.app.services.prisma.storeBonus.findUniqueOrThrow({ where: { id: b } })).name}" is not sold for pekoins`,
    )
    const end = Math.floor(Date.now() / 1000) + 7200
    const mod = await peka2(
      '/api/store/purchase/modify',
      { id, userId: u.id, bonusId: b, expires: end, active: true },
      t.support.token,
    )
    expect(mod.body).toEqual({ id, userId: u.id, bonusId: b, expires: end, active: true })
    expect(
      (await peka2('/api/store/purchase/modify', { id, userId: u.id + 1, expires: end, active: true }, t.support.token))
        .body.message,
    ).toBe('userId: a purchase cannot be moved to another user')
    expect(
      (await peka2('/api/store/purchase/modify', { id, expires: -3, active: true }, t.support.token)).body.message,
    ).toBe('expires: must be a unix time in seconds (0: no end)')
    expect((await peka2('/api/store/points/my', {}, u.token)).body).toEqual({ userId: u.id, amount: 15 })
    expect((await peka2('/api/store/points/set', { userId: u.id, amount: 3 }, t.support.token)).body).toEqual({
      userId: u.id,
      amount: 3,
    })
    expect((await peka2('/api/store/points/get', { userId: u.id }, t.support.token)).body).toEqual({
      userId: u.id,
      amount: 3,
    })
    const entry = await t.app.services.prisma.storeTransaction.findFirstOrThrow({
      where: { userId: u.id, kind: 'POINTS_SET' },
    })
    expect(entry).toMatchObject({ staffId: t.support.id, reason: 'peka2 /api/store/points/set' })
    // an idempotency key may ride along in the body
    const key = newKey()
    await fund(t, u.id, { points: 20 })
    await peka2('/api/store/buy/points', { bonusId: b, idempotencyKey: key }, u.token)
    await peka2('/api/store/buy/points', { bonusId: b, idempotencyKey: key }, u.token)
    expect((await peka2('/api/store/points/my', {}, u.token)).body.amount).toBe(13)
    expect(
      (await peka2('/api/store/buy/points', { bonusId: b, idempotencyKey: 'has space' }, u.token)).body.message,
    ).toMatch(/^idempotencyKey: /)
    expect((await peka2('/api/store/purchase/remove', { id }, t.support.token)).body).toEqual({})
    expect((await peka2('/api/store/purchase/my', {}, u.token)).body).toEqual([])
  })
})

describe('top-ups while unconfigured', () => {
  it('refuses both doors with 403 while their secrets are unset', async () => {
    const u = await registerUser(t)
    const r = await rest(t.url, '/user/updateBalance', { session_key: u.token, balance: 5, secret: 'x' })
    expect(r).toMatchObject({ status: 403, body: { error: 'Top-ups are off: STORE_LEGACY_TOPUP_SECRET is not set' } })
    const top = graphql(`
      mutation StoreTopUpOff($i: StoreTopUpInput!) { topUp(input: $i) { replayed } }
    `)
    expect(codeOf(await gql(t.url, top, { i: { userId: u.id, amount: 5, idempotencyKey: 'k', signature: 'x' } }))).toBe(
      'TOPUP_DISABLED',
    )
    expect(STORE_ERRORS.TOPUP_DISABLED.status).toBe(403)
  })
})

const PURCHASE_EVENTS = graphql(`
  subscription StorePurchaseEvents { bonusPurchased { change purchase { databaseId bonusId inEffect expiresAt } } }
`)

describe('notifications and live events', () => {
  it('bonus/purchase carries the new list of bonuses, bonus/points the new points; expiry is announced once', async () => {
    const u = await registerUser(t)
    const b = await createBonus(t, {
      pekoins: 0,
      points: 5,
      duration: 2,
      type: 'NICK_COLOR',
      config: { color: '#010203' },
    })
    const notes = await live(t, u.token, NOTIFICATIONS)
    const events = await live(t, u.token, PURCHASE_EVENTS)
    try {
      await fund(t, u.id, { points: 8 })
      const points1 = await notes.next((d) => d.notifications.type === 'bonus/points')
      expect(points1.notifications.data).toEqual({ userId: u.id, amount: 8 })
      await peka2('/api/store/buy/points', { bonusId: b }, u.token)
      // the wallet's news first (the entry), then the purchase's
      expect((await notes.next((d) => d.notifications.type === 'bonus/points')).notifications.data).toEqual({
        userId: u.id,
        amount: 3,
      })
      const bought = await notes.next((d) => d.notifications.type === 'bonus/purchase')
      expect(bought.notifications.data).toEqual([
        expect.objectContaining({
          id: b,
          type: 'nickColor',
          config: { color: '#010203' },
          price: { canBePurchased: true, pekoins: 0, points: 5 },
        }),
      ])
      const ev = await events.next()
      expect(ev.bonusPurchased).toMatchObject({ change: 'PURCHASED', purchase: { bonusId: b, inEffect: true } })
      const expired = await events.next(() => true, WAIT)
      expect(expired.bonusPurchased).toMatchObject({ change: 'EXPIRED', purchase: { bonusId: b, inEffect: false } })
      expect(await events.sub.nothingWithin(2500)).toBe(true)
    } finally {
      await notes.close()
      await events.close()
    }
  })

  it("walletChanged and bonusPurchased are the viewer's own; guests cannot subscribe", async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const mine = await live(t, a.token, PURCHASE_EVENTS)
    try {
      const bonus = await createBonus(t, { pekoins: 1 })
      await fund(t, b.id, { pekoins: 1 })
      await ok(
        gql(
          t.url,
          graphql(
            `mutation StoreOtherBuys($b: Int!) { buyBonus(bonusId: $b, currency: PEKOINS) { purchase { databaseId } } }`,
          ),
          { b: bonus },
          b.token,
        ),
      )
      expect(await mine.sub.nothingWithin(500)).toBe(true)
    } finally {
      await mine.close()
    }
    const r = await gql(t.url, SAVE_BONUS, { input: bonusInput() })
    expect(codeOf(r)).toBe('UNAUTHENTICATED')
  })
})
