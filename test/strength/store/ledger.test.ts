import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoreCurrency } from '../../../src/generated/prisma/client.js'
import { AppError } from '../../../src/errors.js'
import {
  ADJUSTMENT,
  CURRENCY_NAME,
  EXTERNAL,
  FREE_COINS,
  MAX_WALLET,
  payout,
  REVENUE,
  TOPUP,
  transfer,
  wallet,
  type Account,
  type Leg,
} from '../../../plugins/store/ledger/accounts.js'
import { checkLedger } from '../../../plugins/store/ledger/check.js'
import { checkKey, idempotency, requestHash, runMoney } from '../../../plugins/store/ledger/idempotency.js'
import { postEntry, type EntryInput } from '../../../plugins/store/ledger/post.js'
import { startTestApp, type TestApp } from '../../helpers/app.js'

/**
 * The store's ledger called directly on a real database: every posting rule (balanced entries, amounts, no internal
 * account below zero, the wallet cap), what an entry records, idempotent retries, and the checker that proves the
 * invariants — shown to find each kind of corruption by corrupting a database on purpose, last.
 */

let t: TestApp
const db = () => t.app.services.prisma
beforeAll(async () => {
  t = await startTestApp({ PLUGINS: 'store' })
}, 120_000)
afterAll(() => t.close())

let nextOwner = 1_000
/** a fresh wallet owner id (postings name accounts by number; no user row is needed) */
const owner = () => ++nextOwner

const post = (entry: Partial<EntryInput> & { legs: Leg[] }) =>
  db().$transaction((tx) => postEntry(tx, { kind: 'ADJUSTMENT', userId: null, ...entry }))

async function balance(a: Account, currency: StoreCurrency = 'PEKOINS') {
  const row = await db().storeBalance.findUnique({
    where: { accountKind_accountOwner_currency: { accountKind: a.kind, accountOwner: a.owner, currency } },
  })
  return row ? Number(row.balance) : null
}

/** funds a wallet from TOPUP */
const fund = (a: Account, amount: number, currency: StoreCurrency = 'PEKOINS') =>
  post({ kind: 'TOPUP', legs: transfer(TOPUP, a, currency, amount) })

const entries = () => db().storeTransaction.count()

async function refusal(fn: () => Promise<unknown>) {
  const before = await entries()
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  )
  expect(await entries()).toBe(before) // nothing written
  return err
}

describe('accounts', () => {
  it('names the accounts, the external ones, the cap and the currencies', () => {
    expect(wallet(7)).toEqual({ kind: 'USER', owner: 7 })
    expect(payout(8)).toEqual({ kind: 'PAYOUT', owner: 8 })
    expect([REVENUE, TOPUP, ADJUSTMENT, FREE_COINS]).toEqual([
      { kind: 'REVENUE', owner: 0 },
      { kind: 'TOPUP', owner: 0 },
      { kind: 'ADJUSTMENT', owner: 0 },
      { kind: 'FREE_COINS', owner: 0 },
    ])
    expect([...EXTERNAL].sort()).toEqual(['ADJUSTMENT', 'FREE_COINS', 'TOPUP'])
    expect(MAX_WALLET).toBe(1_000_000_000)
    expect(CURRENCY_NAME).toEqual({ PEKOINS: 'pekoins', POINTS: 'points' })
    expect(transfer(wallet(1), REVENUE, 'POINTS', 5)).toEqual([
      { account: { kind: 'USER', owner: 1 }, currency: 'POINTS', amount: -5 },
      { account: { kind: 'REVENUE', owner: 0 }, currency: 'POINTS', amount: 5 },
    ])
  })
})

describe('an entry must balance (a bug, not input: a plain Error, nothing written)', () => {
  it('needs two or more postings', async () => {
    const err = await refusal(() => post({ legs: [{ account: TOPUP, currency: 'PEKOINS', amount: 0 }] }))
    expect(String(err)).toContain('a store entry needs two or more postings')
    expect(err).not.toBeInstanceOf(AppError)
  })

  it('every amount a non-zero integer within ±MAX_WALLET', async () => {
    const a = wallet(owner())
    for (const amount of [0, 1.5, Number.NaN, Infinity, MAX_WALLET + 1, 2 ** 53]) {
      const err = await refusal(() => post({ legs: transfer(TOPUP, a, 'PEKOINS', amount) }))
      expect([amount, String(err)]).toEqual([
        amount,
        expect.stringContaining('a store posting amount must be a non-zero integer within ±1000000000'),
      ])
    }
    const ok = await post({ legs: transfer(TOPUP, a, 'PEKOINS', MAX_WALLET) })
    expect(ok.id).toBeGreaterThan(0)
    expect(await balance(a)).toBe(MAX_WALLET)
  })

  it('postings sum to zero in each currency, not merely overall', async () => {
    const a = wallet(owner())
    const err = await refusal(() =>
      post({
        legs: [
          { account: TOPUP, currency: 'PEKOINS', amount: -5 },
          { account: a, currency: 'POINTS', amount: 5 },
        ],
      }),
    )
    expect(String(err)).toContain('a store entry does not balance in PEKOINS: its postings sum to -5')
    const err2 = await refusal(() =>
      post({
        legs: [
          { account: TOPUP, currency: 'POINTS', amount: -5 },
          { account: a, currency: 'POINTS', amount: 4 },
        ],
      }),
    )
    expect(String(err2)).toContain('does not balance in POINTS: its postings sum to -1')
    // two currencies, each balanced, in one entry
    await post({ legs: [...transfer(TOPUP, a, 'PEKOINS', 3), ...transfer(TOPUP, a, 'POINTS', 4)] })
    expect([await balance(a, 'PEKOINS'), await balance(a, 'POINTS')]).toEqual([3, 4])
  })
})

describe('balances', () => {
  it('a wallet pays down to exactly zero, not a unit more (INSUFFICIENT_FUNDS naming the currency)', async () => {
    const a = wallet(owner())
    await fund(a, 10)
    const err = await refusal(() => post({ legs: transfer(a, REVENUE, 'PEKOINS', 11) }))
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'INSUFFICIENT_FUNDS', message: 'Not enough pekoins' })
    expect((err as AppError).extensions.currency).toBe('PEKOINS')
    expect(await balance(a)).toBe(10)
    await post({ legs: transfer(a, REVENUE, 'PEKOINS', 10) })
    expect(await balance(a)).toBe(0)
    const p = wallet(owner())
    await fund(p, 2, 'POINTS')
    expect(await refusal(() => post({ legs: transfer(p, REVENUE, 'POINTS', 3) }))).toMatchObject({
      message: 'Not enough points',
    })
  })

  it('an account without a balance row has nothing to pay with', async () => {
    const a = wallet(owner())
    expect(await refusal(() => post({ legs: transfer(a, REVENUE, 'PEKOINS', 1) }))).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
    })
    expect(await balance(a)).toBeNull()
  })

  it('the store revenue and payouts never go below zero either; the external accounts do', async () => {
    const streamer = payout(owner())
    expect(await refusal(() => post({ legs: transfer(streamer, wallet(owner()), 'PEKOINS', 1) }))).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
    })
    const revenue = (await balance(REVENUE)) ?? 0
    expect(
      await refusal(() => post({ legs: transfer(REVENUE, wallet(owner()), 'PEKOINS', revenue + 1) })),
    ).toMatchObject({ code: 'INSUFFICIENT_FUNDS' })
    for (const external of [TOPUP, ADJUSTMENT, FREE_COINS]) {
      const before = (await balance(external)) ?? 0
      await post({ legs: transfer(external, wallet(owner()), 'PEKOINS', 7) })
      expect([external.kind, await balance(external)]).toEqual([external.kind, before - 7])
    }
  })

  it('a wallet holds at most MAX_WALLET of a currency; other accounts have no such cap', async () => {
    const a = wallet(owner())
    await fund(a, MAX_WALLET - 1)
    await fund(a, 1)
    expect(await balance(a)).toBe(MAX_WALLET)
    const err = await refusal(() => fund(a, 1))
    expect(err).toMatchObject({
      code: 'WALLET_LIMIT_EXCEEDED',
      message: `A wallet holds at most ${MAX_WALLET} pekoins: this would exceed it`,
    })
    expect((err as AppError).extensions.currency).toBe('PEKOINS')
    expect(await refusal(() => fund(a, 1))).toMatchObject({ code: 'WALLET_LIMIT_EXCEEDED' })
    // points are a separate purse
    await fund(a, 5, 'POINTS')
    expect(await refusal(() => fund(wallet(a.owner), MAX_WALLET, 'POINTS'))).toMatchObject({
      message: `A wallet holds at most ${MAX_WALLET} points: this would exceed it`,
    })
    // the store's revenue passes a billion
    const streamer = payout(owner())
    await post({ legs: transfer(TOPUP, streamer, 'PEKOINS', MAX_WALLET) })
    await post({ legs: transfer(TOPUP, streamer, 'PEKOINS', MAX_WALLET) })
    expect(await balance(streamer)).toBe(2 * MAX_WALLET)
  })
})

describe('what an entry records', () => {
  it('its kind, user, staff, reason, idempotency and result; one posting per leg as given', async () => {
    const a = wallet(owner())
    const idem = { scope: `user:${a.owner}`, key: 'k-1', hash: 'h'.repeat(64) }
    const e = await post({
      kind: 'GIFT',
      userId: a.owner,
      staffId: 42,
      reason: 'because',
      idempotency: idem,
      result: { ok: 1 },
      legs: transfer(TOPUP, a, 'POINTS', 9),
    })
    const row = await db().storeTransaction.findUniqueOrThrow({ where: { id: e.id }, include: { postings: true } })
    expect(row).toMatchObject({
      kind: 'GIFT',
      userId: a.owner,
      staffId: 42,
      reason: 'because',
      idemScope: idem.scope,
      idemKey: 'k-1',
      requestHash: idem.hash,
      result: { ok: 1 },
    })
    expect(row.postings.map((p) => [p.accountKind, p.accountOwner, p.currency, p.amount])).toEqual([
      ['TOPUP', 0, 'POINTS', -9],
      ['USER', a.owner, 'POINTS', 9],
    ])
    expect(e).toEqual({ id: row.id, kind: 'GIFT', wallets: [{ userId: a.owner, currencies: ['POINTS'] }] })
  })

  it('without the optional fields: nulls', async () => {
    const e = await post({ kind: 'TOPUP', userId: 5, legs: transfer(TOPUP, wallet(owner()), 'PEKOINS', 1) })
    expect(await db().storeTransaction.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({
      staffId: null,
      reason: null,
      idemScope: null,
      idemKey: null,
      requestHash: null,
      result: null,
    })
  })

  it('names each wallet touched once, with each currency once; store accounts are not wallets', async () => {
    const [a, b] = [wallet(owner()), wallet(owner())]
    await fund(a, 10)
    await fund(a, 10, 'POINTS')
    const e = await post({
      kind: 'GIFT',
      userId: a.owner,
      legs: [
        ...transfer(a, b, 'PEKOINS', 3),
        ...transfer(a, REVENUE, 'PEKOINS', 2),
        ...transfer(a, b, 'POINTS', 1),
        ...transfer(TOPUP, payout(owner()), 'POINTS', 1),
      ],
    })
    expect(e.wallets).toEqual([
      { userId: a.owner, currencies: ['PEKOINS', 'POINTS'] },
      { userId: b.owner, currencies: ['PEKOINS', 'POINTS'] },
    ])
    expect([await balance(a), await balance(b), await balance(a, 'POINTS'), await balance(b, 'POINTS')]).toEqual([
      5, 3, 9, 1,
    ])
  })
})

describe('idempotency keys', () => {
  it('1 to 255 printable ASCII characters, no spaces; none is none', async () => {
    expect(checkKey(null)).toBeNull()
    expect(checkKey(undefined)).toBeNull()
    for (const k of ['a', '!', '~', 'x'.repeat(255), '550e8400-e29b-41d4-a716-446655440000'])
      expect(checkKey(k)).toBe(k)
    for (const k of ['', ' ', 'a b', 'x'.repeat(256), 'é', '\x7f', '\x20a', 'a\n', '\t'])
      expect([k, (await refusalOf(() => checkKey(k))).field]).toEqual([k, 'idempotencyKey'])
    expect((await refusalOf(() => checkKey('', 'key'))).field).toBe('key')
  })

  it('the request hash: sha256 of the operation and the input, whatever the order of object keys', () => {
    const h = requestHash('buy', { a: 1, b: { c: [1, { d: 2, e: 3 }] } })
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(requestHash('buy', { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBe(h)
    expect(requestHash('gift', { a: 1, b: { c: [1, { d: 2, e: 3 }] } })).not.toBe(h)
    expect(requestHash('buy', { a: 1, b: { c: [{ d: 2, e: 3 }, 1] } })).not.toBe(h) // arrays keep their order
    expect(requestHash('buy', { a: 2, b: { c: [1, { d: 2, e: 3 }] } })).not.toBe(h)
    // undefined is null; a date is its time, not an empty object
    expect(requestHash('x', { a: undefined })).toBe(requestHash('x', { a: null }))
    expect(requestHash('x', undefined)).toBe(requestHash('x', null))
    expect(requestHash('x', new Date(1))).not.toBe(requestHash('x', new Date(2)))
    expect(requestHash('x', { d: new Date(1) })).not.toBe(requestHash('x', { d: {} }))
    // the exact form: JSON of [operation, input] with sorted keys
    expect(requestHash('op', { b: 1, a: [true] })).toBe(sha256(JSON.stringify(['op', { a: [true], b: 1 }])))
  })

  it('idempotency(): none without a key; else scope, key and the hash of the request', () => {
    expect(idempotency('user:1', null, 'buy', { a: 1 })).toBeNull()
    expect(idempotency('user:1', 'k', 'buy', { a: 1 })).toEqual({
      scope: 'user:1',
      key: 'k',
      hash: requestHash('buy', { a: 1 }),
    })
  })

  it('runMoney: the first request runs; a retry answers its result and moves nothing; another request is refused', async () => {
    const a = wallet(owner())
    const idem = { scope: `user:${a.owner}`, key: `key-${a.owner}`, hash: requestHash('fund', { a: a.owner }) }
    let runs = 0
    const run = () =>
      runMoney({ prisma: db() }, [a.owner], idem, async (tx) => {
        runs++
        const e = await postEntry(tx, {
          kind: 'TOPUP',
          userId: a.owner,
          idempotency: idem,
          result: { entry: 'first' },
          legs: transfer(TOPUP, a, 'PEKOINS', 5),
        })
        return e.id
      })
    const first = await run()
    expect(first).toEqual({ fresh: true, value: expect.any(Number) })
    const again = await run()
    expect(again).toEqual({
      fresh: false,
      transactionId: (first as { value: number }).value,
      result: { entry: 'first' },
    })
    expect(runs).toBe(1)
    expect(await balance(a)).toBe(5)
    const other = await runMoney({ prisma: db() }, [a.owner], { ...idem, hash: 'other' }, () =>
      Promise.resolve(1),
    ).then(
      () => null,
      (e: unknown) => e,
    )
    expect(other).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', extensions: { field: 'idempotencyKey' } })
  })

  it('runMoney: the same key in another scope is another request; no key always runs', async () => {
    let runs = 0
    const count = () => {
      runs++
      return Promise.resolve(runs)
    }
    expect(await runMoney({ prisma: db() }, [1], null, count)).toEqual({ fresh: true, value: 1 })
    expect(await runMoney({ prisma: db() }, [1], null, count)).toEqual({ fresh: true, value: 2 })
    expect(await runMoney({ prisma: db() }, [1], { scope: 'user:1', key: 'never-stored', hash: 'h' }, count)).toEqual({
      fresh: true,
      value: 3,
    })
  })

  it('runMoney: a refused request writes nothing, its key included, and may be retried', async () => {
    const a = wallet(owner())
    const idem = { scope: `user:${a.owner}`, key: 'retry-me', hash: 'h1' }
    const pay = () =>
      runMoney({ prisma: db() }, [a.owner], idem, (tx) =>
        postEntry(tx, { kind: 'GIFT', userId: a.owner, idempotency: idem, legs: transfer(a, REVENUE, 'PEKOINS', 3) }),
      )
    expect(await pay().catch((e: unknown) => e)).toMatchObject({ code: 'INSUFFICIENT_FUNDS' })
    expect(await db().storeTransaction.count({ where: { idemKey: 'retry-me' } })).toBe(0)
    await fund(a, 3)
    expect(await pay()).toMatchObject({ fresh: true })
  })

  it('runMoney: an error that is not a key collision is passed on as it is', async () => {
    const boom = new Error('boom')
    const idem = { scope: 'user:0', key: 'boom', hash: 'h' }
    expect(await runMoney({ prisma: db() }, [], idem, () => Promise.reject(boom)).catch((e: unknown) => e)).toBe(boom)
    expect(await runMoney({ prisma: db() }, [], null, () => Promise.reject(boom)).catch((e: unknown) => e)).toBe(boom)
  })

  it('runMoney: a key collision inside the request that left nothing committed is passed on', async () => {
    const a = wallet(owner())
    const idem = { scope: `user:${a.owner}`, key: 'twice', hash: 'h' }
    const err = await runMoney({ prisma: db() }, [a.owner], idem, async (tx) => {
      for (let i = 0; i < 2; i++)
        await postEntry(tx, {
          kind: 'TOPUP',
          userId: a.owner,
          idempotency: idem,
          legs: transfer(TOPUP, a, 'PEKOINS', 1),
        })
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'P2002' })
  })
})

async function refusalOf(fn: () => unknown) {
  try {
    await fn()
  } catch (e) {
    return e as AppError & { field?: string }
  }
  throw new Error('expected a refusal')
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

describe('checkLedger (last: it corrupts this database on purpose)', () => {
  it('a ledger kept by postEntry checks clean: every entry balances, every balance is its sum, totals are zero', async () => {
    const c = await checkLedger(db())
    expect(c.entries).toBe(await db().storeTransaction.count())
    expect(c.postings).toBe(await db().storePosting.count())
    expect(c.entries).toBeGreaterThan(10)
    expect(c.unbalancedEntries).toEqual([])
    expect(c.mismatchedBalances).toEqual([])
    expect(c.negativeBalances).toEqual([])
    expect(c.totals).toEqual([
      { currency: 'PEKOINS', sum: 0 },
      { currency: 'POINTS', sum: 0 },
    ])
  })

  it('finds each corruption the database would otherwise refuse', async () => {
    const a = wallet(owner())
    await fund(a, 10)
    // a cached balance that is not the sum of the postings
    await db().$executeRawUnsafe(
      `UPDATE "StoreBalance" SET "balance" = 12 WHERE "accountKind" = 'USER' AND "accountOwner" = ${a.owner}`,
    )
    // an entry with one posting, and one that does not balance, past the triggers that refuse them
    await db().$executeRawUnsafe('ALTER TABLE "StorePosting" DISABLE TRIGGER USER')
    await db().$executeRawUnsafe('ALTER TABLE "StoreTransaction" DISABLE TRIGGER USER')
    const one = await db().storeTransaction.create({ data: { kind: 'ADJUSTMENT' } })
    await db().storePosting.create({
      data: { transactionId: one.id, accountKind: 'ADJUSTMENT', accountOwner: 0, currency: 'POINTS', amount: 4 },
    })
    const off = await db().storeTransaction.create({ data: { kind: 'ADJUSTMENT' } })
    await db().storePosting.createMany({
      data: [
        { transactionId: off.id, accountKind: 'ADJUSTMENT', accountOwner: 0, currency: 'PEKOINS', amount: -3 },
        { transactionId: off.id, accountKind: 'TOPUP', accountOwner: 0, currency: 'PEKOINS', amount: 2 },
      ],
    })
    // a store account below zero, past its CHECK
    await db().$executeRawUnsafe('ALTER TABLE "StoreBalance" DROP CONSTRAINT "StoreBalance_not_negative"')
    const streamer = owner()
    await db().storeBalance.create({
      data: { accountKind: 'PAYOUT', accountOwner: streamer, currency: 'POINTS', balance: -6 },
    })
    const c = await checkLedger(db())
    expect(c.unbalancedEntries).toEqual([one.id, off.id])
    expect(c.negativeBalances).toEqual([{ kind: 'PAYOUT', owner: streamer, currency: 'POINTS', balance: -6 }])
    expect(c.mismatchedBalances).toEqual(
      expect.arrayContaining([
        { kind: 'USER', owner: a.owner, currency: 'PEKOINS', cached: 12, sum: 10 },
        { kind: 'PAYOUT', owner: streamer, currency: 'POINTS', cached: -6, sum: 0 },
        { kind: 'ADJUSTMENT', owner: 0, currency: 'POINTS', cached: expect.any(Number), sum: expect.any(Number) },
      ]),
    )
    expect(c.totals).toEqual([
      { currency: 'PEKOINS', sum: -1 },
      { currency: 'POINTS', sum: 4 },
    ])
  })
})
