import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Prisma } from '../../../src/generated/prisma/client.js'
import { payout, REVENUE, TOPUP, transfer, wallet } from '../../../plugins/store/ledger/accounts.js'
import { checkKey, runLocked, runMoney } from '../../../plugins/store/ledger/idempotency.js'
import { lockUsers } from '../../../plugins/store/ledger/locks.js'
import { postEntry } from '../../../plugins/store/ledger/post.js'
import { startTestApp, type TestApp } from '../../helpers/app.js'

/**
 * What keeps concurrent money writes from deadlocking or timing out, which no single-request test sees: the order in
 * which a write takes its locks and touches its balances, and the transaction limits it asks for — observed on the real
 * database by recording the statements and options a real transaction is given; and that a failed write's error comes
 * out as it was thrown.
 */

let t: TestApp
const db = () => t.app.services.prisma
beforeAll(async () => {
  t = await startTestApp({ PLUGINS: 'store' })
}, 120_000)
afterAll(() => t.close())

/** The advisory-lock namespace of store users ("STUS"). */
const STUS = 0x53545553

type Tx = Prisma.TransactionClient

/** The real transaction, with the values of each raw statement it runs recorded in order. */
function recorded(tx: Tx) {
  const raw: unknown[][] = []
  const spy = new Proxy(tx, {
    get(target, prop) {
      if (prop === '$executeRaw')
        return (q: TemplateStringsArray, ...values: unknown[]) => {
          raw.push(values)
          return target.$executeRaw(q, ...values)
        }
      const v: unknown = Reflect.get(target, prop)
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    },
  })
  return { spy, raw }
}

/** A context whose transactions are real and recorded: each transaction's options and raw statement values. */
function recordingContext() {
  const options: unknown[] = []
  const raw: unknown[][] = []
  const real = db()
  const prisma = new Proxy(real, {
    get(target, prop) {
      if (prop === '$transaction')
        return (fn: (tx: Tx) => Promise<unknown>, opts?: { maxWait?: number; timeout?: number }) => {
          options.push(opts)
          return target.$transaction((tx) => {
            const r = recorded(tx)
            return fn(r.spy).finally(() => raw.push(...r.raw))
          }, opts)
        }
      const v: unknown = Reflect.get(target, prop)
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    },
  })
  return { ctx: { prisma }, options, raw }
}

describe('locks', () => {
  it('lockUsers takes each user’s lock once, in ascending numeric order (9 before 10), in the store namespace', async () => {
    const raw = await db().$transaction(async (tx) => {
      const r = recorded(tx)
      await lockUsers(r.spy, [10, 9, 100, 10, 2])
      return r.raw
    })
    expect(raw).toEqual([
      [STUS, 2],
      [STUS, 9],
      [STUS, 10],
      [STUS, 100],
    ])
  })

  it('no users, no locks', async () => {
    const raw = await db().$transaction(async (tx) => {
      const r = recorded(tx)
      await lockUsers(r.spy, [])
      return r.raw
    })
    expect(raw).toEqual([])
  })
})

describe('balances are touched in one fixed order', () => {
  /** the (kind, owner, currency) of each balance statement: UPDATE takes the amount first, INSERT the kind */
  const touched = (raw: unknown[][]) =>
    raw.map((v) => (typeof v[0] === 'number' ? [v[1], v[2], v[3]] : [v[0], v[1], v[2]]))

  it('by account kind, then owner as a number, then currency — whatever the order of the legs', async () => {
    const [nine, ten] = [wallet(9_000_009), wallet(9_000_010)]
    await db().$transaction((tx) =>
      postEntry(tx, {
        kind: 'TOPUP',
        userId: null,
        legs: [...transfer(TOPUP, nine, 'POINTS', 5), ...transfer(TOPUP, nine, 'PEKOINS', 5)],
      }),
    )
    const raw = await db().$transaction(async (tx) => {
      const r = recorded(tx)
      await postEntry(r.spy, {
        kind: 'GIFT',
        userId: null,
        legs: [
          ...transfer(nine, ten, 'POINTS', 1),
          ...transfer(nine, REVENUE, 'PEKOINS', 1),
          ...transfer(TOPUP, payout(9_000_010), 'POINTS', 1),
          ...transfer(nine, ten, 'PEKOINS', 1),
        ],
      })
      return r.raw
    })
    expect(touched(raw)).toEqual([
      ['PAYOUT', 9_000_010, 'POINTS'],
      ['REVENUE', 0, 'PEKOINS'],
      ['TOPUP', 0, 'POINTS'],
      ['USER', 9_000_009, 'PEKOINS'],
      ['USER', 9_000_009, 'PEKOINS'],
      ['USER', 9_000_009, 'POINTS'],
      ['USER', 9_000_010, 'PEKOINS'],
      ['USER', 9_000_010, 'POINTS'],
    ])
  })

  it('owners compare as numbers: 9 before 10', async () => {
    const raw = await db().$transaction(async (tx) => {
      const r = recorded(tx)
      await postEntry(r.spy, {
        kind: 'TOPUP',
        userId: null,
        legs: [
          { account: TOPUP, currency: 'PEKOINS', amount: -2 },
          { account: wallet(10), currency: 'PEKOINS', amount: 1 },
          { account: wallet(9), currency: 'PEKOINS', amount: 1 },
        ],
      })
      return r.raw
    })
    expect(touched(raw)).toEqual([
      ['TOPUP', 0, 'PEKOINS'],
      ['USER', 9, 'PEKOINS'],
      ['USER', 10, 'PEKOINS'],
    ])
  })
})

describe('money transactions', () => {
  const LIMITS = { maxWait: 30_000, timeout: 30_000 }

  it('runMoney locks the users, then runs, in one transaction allowed 30 s to start and 30 s to run', async () => {
    const r = recordingContext()
    const out = await runMoney(r.ctx, [12, 11], null, () => Promise.resolve('ran'))
    expect(out).toEqual({ fresh: true, value: 'ran' })
    expect(r.options).toEqual([LIMITS])
    expect(r.raw).toEqual([
      [STUS, 11],
      [STUS, 12],
    ])
  })

  it('runLocked (staff edits without money) does the same and answers what the write returns', async () => {
    const r = recordingContext()
    const seen: unknown[] = []
    const out = await runLocked(r.ctx, [21, 20], async (tx) => {
      seen.push(await tx.storeTransaction.count())
      return 'saved'
    })
    expect(out).toBe('saved')
    expect(seen).toEqual([expect.any(Number)])
    expect(r.options).toEqual([LIMITS])
    expect(r.raw).toEqual([
      [STUS, 20],
      [STUS, 21],
    ])
  })

  it('runMoney with a key passes on whatever the write threw: null, a string, an error with another code', async () => {
    const idem = { scope: 'user:0', key: 'thrown', hash: 'h' }
    const coded = Object.assign(new Error('coded'), { code: 'P2025' })
    for (const thrown of [null, 'plain', coded]) {
      const got = await runMoney({ prisma: db() }, [], idem, () => Promise.reject(thrown as Error)).then(
        () => 'resolved',
        (e: unknown) => e,
      )
      expect(got).toBe(thrown)
    }
  })

  let rivalOwner = 9_100_000
  /**
   * A write that fails after another request with the same key committed (another instance, past this one's lock):
   * the context's transaction commits that other entry once this one rolled back, then lets the error through.
   */
  async function failingAfterARival(thrown: unknown) {
    const a = wallet(++rivalOwner)
    const idem = { scope: `user:${a.owner}`, key: `rival-${a.owner}`, hash: 'h' }
    const real = db()
    let rival = 0
    const prisma = new Proxy(real, {
      get(target, prop) {
        if (prop === '$transaction')
          return (fn: (tx: Tx) => Promise<unknown>, opts?: { maxWait?: number; timeout?: number }) =>
            target.$transaction(fn, opts).catch(async (e: unknown) => {
              const entry = await target.$transaction((tx) =>
                postEntry(tx, {
                  kind: 'TOPUP',
                  userId: a.owner,
                  idempotency: idem,
                  result: { rival: true },
                  legs: transfer(TOPUP, a, 'PEKOINS', 1),
                }),
              )
              rival = entry.id
              throw e
            })
        const v: unknown = Reflect.get(target, prop)
        return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v
      },
    })
    const got = await runMoney({ prisma }, [a.owner], idem, () => Promise.reject(thrown as Error)).catch(
      (e: unknown) => ({ thrown: e }),
    )
    return { got, rival: () => rival }
  }

  it('runMoney: a key collision with a request that committed meanwhile answers that request’s result', async () => {
    const collision = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' })
    const { got, rival } = await failingAfterARival(collision)
    expect(got).toEqual({ fresh: false, transactionId: rival(), result: { rival: true } })
  })

  it('runMoney: any other error is passed on, even when a request with the key committed meanwhile', async () => {
    for (const thrown of [new Error('boom'), Object.assign(new Error('not found'), { code: 'P2025' })]) {
      const { got } = await failingAfterARival(thrown)
      expect(got).toEqual({ thrown })
      expect((got as { thrown: unknown }).thrown).toBe(thrown)
    }
  })
})

describe('idempotency keys', () => {
  it('a bad key is refused with a message that says what a key is', () => {
    let err: unknown
    try {
      checkKey('a b')
    } catch (e) {
      err = e
    }
    expect(err).toMatchObject({
      message: 'idempotencyKey: must be 1–255 printable ASCII characters without spaces',
      extensions: { code: 'INVALID_INPUT', field: 'idempotencyKey' },
    })
  })
})
