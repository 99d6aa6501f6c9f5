import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, rest } from '../helpers/clients.js'
import { closeAll } from '../helpers/app.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { ERRORS } from '../../src/errors.js'
import storePlugin from '../../plugins/store/index.js'
import { createBonus, fund, ok, startStoreApp, type StoreApp } from './support.js'
import { oid } from '../helpers/justchat.js'

/**
 * The authorization matrix: every store route (peka2's 18, JustChat's 4) × guest, plain user, owner, store support,
 * store admin. Each cell gets its own callers and its own owned purchase and subscription, so an admitted call is set
 * up to succeed (200, the documented shape) and a refused one must answer the dialect's refusal and store nothing.
 */

type Who = 'guest' | 'user' | 'owner' | 'storeSupport' | 'storeAdmin'
const WHO: Who[] = ['guest', 'user', 'owner', 'storeSupport', 'storeAdmin']
const SIGNED_IN: Who[] = ['user', 'owner', 'storeSupport', 'storeAdmin']

/** Who each route admits, from store.md's letters: StA, StS, A, and A/StS (the owner or store support). */
const ADMITS: Record<string, { letters: string; who: Who[] }> = {
  '/api/store/bonus/modify': { letters: 'StA', who: ['storeAdmin'] },
  '/api/store/bonus/list': { letters: 'StA', who: ['storeAdmin'] },
  '/api/store/purchase/list': { letters: 'StS', who: ['storeSupport'] },
  '/api/store/purchase/my': { letters: 'A', who: SIGNED_IN },
  '/api/store/purchase/remove': { letters: 'StS', who: ['storeSupport'] },
  '/api/store/purchase/modify': { letters: 'StS', who: ['storeSupport'] },
  '/api/store/purchase/setStatus': { letters: 'A/StS', who: ['owner', 'storeSupport'] },
  '/api/store/buy/pekoins': { letters: 'A', who: SIGNED_IN },
  '/api/store/buy/points': { letters: 'A', who: SIGNED_IN },
  '/api/store/points/get': { letters: 'StS', who: ['storeSupport'] },
  '/api/store/points/my': { letters: 'A', who: SIGNED_IN },
  '/api/store/points/set': { letters: 'StS', who: ['storeSupport'] },
  '/api/store/subscription/purchase': { letters: 'A', who: SIGNED_IN },
  '/api/store/subscription/list': { letters: 'StS', who: ['storeSupport'] },
  '/api/store/subscription/my': { letters: 'A', who: SIGNED_IN },
  '/api/store/subscription/modify': { letters: 'StS', who: ['storeSupport'] },
  '/api/store/subscription/remove': { letters: 'StS', who: ['storeSupport'] },
  '/api/store/subscription/setStatus': { letters: 'A/StS', who: ['owner', 'storeSupport'] },
  '/user/updateBalance': { letters: 'A', who: SIGNED_IN },
  '/gifts': { letters: 'A', who: SIGNED_IN },
  '/gifts/send': { letters: 'A', who: SIGNED_IN },
  '/user/free-coins': { letters: 'A', who: SIGNED_IN },
}

const LEGACY = 'matrix-legacy-top-up-secret'
let t: StoreApp
let bonus: number
let streamer: TestUser
let giftId: number
beforeAll(async () => {
  t = await startStoreApp({ STORE_LEGACY_TOPUP_SECRET: LEGACY })
  bonus = await createBonus(t, { pekoins: 1, points: 1, duration: 3600 })
  streamer = await userWithRoles(t, { masterstreamer: 1 })
  const gift = graphql(
    `mutation StoreMatrixGift { saveStoreGift(input: { name: "Pin", image: "/p.png", price: 1, active: true }) { databaseId } }`,
  )
  giftId = (await ok(gql(t.url, gift, {}, t.admin.token))).saveStoreGift.databaseId
}, 120_000)
afterAll(() => closeAll(t))

const GRANT = graphql(`
  mutation StoreMatrixGrant($u: Int!, $b: Int!) { grantStoreBonus(userId: $u, bonusId: $b, reason: "matrix") { databaseId } }
`)
const SUBSCRIBE = graphql(`
  mutation StoreMatrixSub($u: Int!, $s: Int!) {
    saveStoreSubscription(input: { userId: $u, streamerId: $s, active: true, reason: "matrix" }) { databaseId }
  }
`)

/** One cell's world: an owner with a purchase and a subscription, and the caller. */
async function cell(who: Who) {
  const owner = await registerUser(t)
  const purchaseId = (await ok(gql(t.url, GRANT, { u: owner.id, b: bonus }, t.support.token))).grantStoreBonus
    .databaseId
  const subscriptionId = (await ok(gql(t.url, SUBSCRIBE, { u: owner.id, s: streamer.id }, t.support.token)))
    .saveStoreSubscription.databaseId
  const caller =
    who === 'guest'
      ? null
      : who === 'owner'
        ? owner
        : who === 'user'
          ? await registerUser(t)
          : await userWithRoles(t, { [who]: 1 })
  if (caller) await fund(t, caller.id, { pekoins: 500, points: 500 })
  return { owner, purchaseId, subscriptionId, caller }
}

const md5 = (n: number) => createHash('md5').update(`${LEGACY}${n}`).digest('hex')

/** The documented body that succeeds for an admitted caller. */
function body(path: string, c: Awaited<ReturnType<typeof cell>>): Record<string, unknown> {
  const session = c.caller ? { session_key: c.caller.token } : {}
  switch (path) {
    case '/api/store/bonus/modify':
      return {
        type: 'nickColor',
        config: { color: '#abcdef' },
        duration: 60,
        name: 'matrix',
        price: { canBePurchased: true, pekoins: 1, points: 0 },
        view: { category: 9, position: 9, linked: false },
      }
    case '/api/store/purchase/list':
    case '/api/store/points/get':
    case '/api/store/subscription/list':
      return { userId: c.owner.id }
    case '/api/store/purchase/remove':
      return { id: c.purchaseId }
    case '/api/store/purchase/modify':
      return { id: c.purchaseId, userId: c.owner.id, bonusId: bonus, expires: 0, active: false }
    case '/api/store/purchase/setStatus':
      return { id: c.purchaseId, active: false }
    case '/api/store/buy/pekoins':
    case '/api/store/buy/points':
      return { bonusId: bonus }
    case '/api/store/points/set':
      return { userId: c.owner.id, amount: 7 }
    case '/api/store/subscription/purchase':
      return { streamerId: streamer.id }
    case '/api/store/subscription/modify':
      return { userId: c.owner.id, streamerId: streamer.id, expires: 0, active: true }
    case '/api/store/subscription/remove':
      return { id: c.subscriptionId }
    case '/api/store/subscription/setStatus':
      return { id: c.subscriptionId, active: false }
    case '/user/updateBalance':
      return { ...session, balance: 5, secret: md5(5) }
    case '/gifts/send':
      return { ...session, gift: String(giftId), user: String(streamer.id), text: 'hi' }
    case '/user/free-coins':
      return { ...session, type: 'vk' }
    default:
      return { ...session }
  }
}

const purchaseShape = {
  id: expect.any(Number),
  userId: expect.any(Number),
  bonusId: expect.any(Number),
  expires: expect.any(Number),
  active: expect.any(Boolean),
}
const subscriptionShape = {
  id: expect.any(Number),
  userId: expect.any(Number),
  streamerId: expect.any(Number),
  expires: expect.any(Number),
  active: expect.any(Boolean),
}

/** What an admitted call answers (store.md / justchat-api.md). */
function expectShape(path: string, out: unknown) {
  const list = (shape: object) => {
    expect(Array.isArray(out)).toBe(true)
    for (const item of out as unknown[]) expect(item).toEqual(shape)
  }
  const want: Record<string, () => void> = {
    '/api/store/bonus/modify': () => {
      expect(out).toEqual({
        id: expect.any(Number),
        type: 'nickColor',
        config: { color: '#abcdef' },
        duration: 60,
        name: 'matrix',
        price: { canBePurchased: true, pekoins: 1, points: 0 },
        view: { category: 9, position: 9, linked: false },
      })
    },
    '/api/store/bonus/list': () => {
      expect(out).toEqual(expect.arrayContaining([expect.objectContaining({ id: bonus, type: 'nickColor' })]))
    },
    // the caller's own: the owner's granted one, nobody else's
    '/api/store/purchase/my': () => {
      list(purchaseShape)
    },
    '/api/store/purchase/list': () => {
      list(purchaseShape)
      expect(out).toHaveLength(1)
    },
    '/api/store/buy/pekoins': () => {
      list(purchaseShape)
      expect((out as unknown[]).length).toBeGreaterThan(0)
    },
    '/api/store/buy/points': () => {
      list(purchaseShape)
      expect((out as unknown[]).length).toBeGreaterThan(0)
    },
    '/api/store/purchase/modify': () => {
      expect(out).toEqual({ ...purchaseShape, expires: 0, active: false })
    },
    '/api/store/purchase/setStatus': () => {
      expect(out).toEqual({ ...purchaseShape, active: false })
    },
    '/api/store/points/get': () => {
      expect(out).toEqual({ userId: expect.any(Number), amount: expect.any(Number) })
    },
    '/api/store/points/my': () => {
      expect(out).toEqual({ userId: expect.any(Number), amount: expect.any(Number) })
    },
    '/api/store/points/set': () => {
      expect(out).toEqual({ userId: expect.any(Number), amount: 7 })
    },
    '/api/store/subscription/list': () => {
      expect(out).toEqual([subscriptionShape])
    },
    '/api/store/subscription/my': () => {
      list(subscriptionShape)
    },
    '/api/store/subscription/modify': () => {
      expect(out).toEqual({ ...subscriptionShape, expires: 0, active: true })
    },
    '/api/store/subscription/setStatus': () => {
      expect(out).toEqual({ ...subscriptionShape, active: false })
    },
    '/user/updateBalance': () => {
      expect(out).toEqual({ data: { user: expect.objectContaining({ _id: expect.any(String), balance: 505 }) } })
    },
    '/gifts': () => {
      expect(out).toEqual({
        data: { gifts: expect.arrayContaining([expect.objectContaining({ _id: oid(giftId) })]) },
      })
    },
  }
  // the others (remove, subscription/purchase, gifts/send, free-coins) answer {}
  const check =
    want[path] ??
    (() => {
      expect(out).toEqual({})
    })
  check()
}

/** What the store holds: a refused call must change none of it. */
const snapshot = async () => {
  const db = t.app.services.prisma
  return Promise.all([
    db.storeTransaction.count(),
    db.storeAudit.count(),
    db.storePurchase.count({ where: { removedAt: null, active: true } }),
    db.storeSubscription.count({ where: { removedAt: null, active: true } }),
    db.storeBonus.count(),
  ])
}

const tested: string[] = []

describe('every store route × guest, user, owner, store support, store admin', () => {
  it('covers every route the plugin declares', () => {
    expect(storePlugin.rest.map((r) => r.path).sort()).toEqual(Object.keys(ADMITS).sort())
    for (const r of storePlugin.rest)
      expect([r.access, ...(r.orAccess ?? [])].join('/'), r.path).toBe(ADMITS[r.path].letters)
  })

  for (const [path, { who }] of Object.entries(ADMITS)) {
    const justchat = !path.startsWith('/api/')
    it.each(WHO)(`${path} as %s`, async (caller) => {
      const c = await cell(caller)
      const admitted = who.includes(caller)
      const before = await snapshot()
      const r = await rest(t.url, path, body(path, c), justchat ? {} : { token: c.caller?.token })
      if (admitted) {
        expect(r.status, JSON.stringify(r.body)).toBe(200)
        expectShape(path, r.body)
      } else {
        if (justchat) {
          expect(r.status).toBe(440)
          expect(r.body).toEqual({ error: ERRORS.UNAUTHENTICATED.message })
        } else {
          expect(r.status).toBe(500)
          const message = (r.body as { message: string }).message
          if (caller === 'guest') expect(message).toBe(ERRORS.UNAUTHENTICATED.message)
          else if (path.endsWith('/setStatus')) expect(message).toMatch(/^id: no (purchase|subscription) \d+$/)
          else expect(message).toBe(ERRORS.INSUFFICIENT_PERMISSIONS.message)
        }
        expect(await snapshot()).toEqual(before)
      }
      tested.push(`${path} ${caller} ${admitted ? 'admitted' : 'refused'}`)
    })
  }

  it('tested every cell', () => {
    expect(tested).toHaveLength(Object.keys(ADMITS).length * WHO.length)
  })
})

describe('/api/bulk', () => {
  it('refuses every store route inside a batch, as store.md says, and runs nothing', async () => {
    const u = await userWithRoles(t, { storeAdmin: 1, storeSupport: 1 })
    await fund(t, u.id, { pekoins: 10 })
    const peka2 = storePlugin.rest.filter((r) => r.dialect === 'peka2')
    expect(peka2).toHaveLength(18)
    const before = await snapshot()
    const r = await rest(
      t.url,
      '/api/bulk',
      { command: peka2.map((x) => [x.path, { bonusId: bonus, userId: u.id }]) },
      { token: u.token },
    )
    expect(r.status).toBe(200)
    expect(r.body).toHaveLength(18)
    for (const [i, [url, , result, okFlag]] of (
      r.body as [string, unknown, { message: string }, boolean][]
    ).entries()) {
      expect(url).toBe(peka2[i].path)
      expect(okFlag).toBe(false)
      expect(result.message).toBe(`command[${i}]: ${peka2[i].path} cannot be run in a bulk request`)
    }
    expect(await snapshot()).toEqual(before)
  })
})
