import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import {
  buy,
  codeOf,
  createBonus,
  expectLedgerSound,
  fund,
  newKey,
  startStoreApp,
  walletOf,
  type StoreApp,
} from './support.js'

/**
 * Money under concurrency, on whatever database the suite runs on (embedded PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): a burst of purchases by one user with funds for exactly ten of them, on one instance and on two
 * instances sharing the database; and a burst of retries with one idempotency key. The figures are printed for the
 * record (attempts, successes, final balances, time).
 *
 * Two instances need a database server: a second app on the embedded database would reach PGlite's socket with a
 * pool of 20 connections, which that single-backend server cannot serve (src/db/index.ts keeps its own app at one).
 */
const SERVER = !!process.env.TEST_DATABASE_URL

let t: StoreApp
let other: TestApp | undefined
beforeAll(async () => {
  t = await startStoreApp()
  if (SERVER) other = await startTestApp({}, { share: t })
}, 120_000)
afterAll(() => closeAll(other, t), 120_000)
/** the instances of the deployment under test */
const instances = () => (other ? [t, other] : [t])

const ATTEMPTS = 100
const AFFORDABLE = 10

/** Reads the wallet row over and over while `work` runs: no reading may ever see it below zero. */
async function watchBalance(userId: number, work: Promise<unknown>) {
  const seen: number[] = []
  const state = { done: false }
  void work.finally(() => (state.done = true))
  while (!state.done) {
    const row = await t.app.services.prisma.storeBalance.findUnique({
      where: { accountKind_accountOwner_currency: { accountKind: 'USER', accountOwner: userId, currency: 'PEKOINS' } },
    })
    seen.push(Number(row?.balance ?? 0))
    await new Promise((r) => setTimeout(r, 5))
  }
  return seen
}

async function burst(apps: TestApp[], u: TestUser, bonusId: number) {
  const started = Date.now()
  const work = Promise.all(Array.from({ length: ATTEMPTS }, (_, i) => buy(apps[i % apps.length], u, bonusId)))
  const seen = await watchBalance(u.id, work)
  const results = await work
  return { results, seen, ms: Date.now() - started }
}

function tally(results: Awaited<ReturnType<typeof buy>>[]) {
  const ok = results.filter((r) => !r.errors && r.data)
  const short = results.filter((r) => codeOf(r) === 'INSUFFICIENT_FUNDS')
  const other = results.filter((r) => r.errors && codeOf(r) !== 'INSUFFICIENT_FUNDS')
  return { ok: ok.length, short: short.length, other: other.map((r) => r.errors) }
}

describe.each([
  ['one instance', () => [t], true],
  ['two instances on one database', instances, SERVER],
])('%s: 100 parallel purchases with funds for exactly 10', (label, apps, runs) => {
  it.skipIf(!runs)(
    'exactly 10 succeed, 90 answer "not enough", the wallet ends at 0, postings sum to zero',
    async () => {
      const u = await registerUser(t)
      const bonus = await createBonus(t, { pekoins: 1 })
      await fund(t, u.id, { pekoins: AFFORDABLE })
      const { results, seen, ms } = await burst(apps(), u, bonus)
      const count = tally(results)
      expect(count.other).toEqual([])
      expect(count.ok).toBe(AFFORDABLE)
      expect(count.short).toBe(ATTEMPTS - AFFORDABLE)
      for (const r of results.filter((x) => codeOf(x) === 'INSUFFICIENT_FUNDS'))
        expect(r.errors?.[0].message).toMatch(/^Not enough pekoins/)
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(0)
      expect(await walletOf(t, u)).toEqual({ pekoins: 0, points: 0 })
      const entries = await t.app.services.prisma.storeTransaction.count({
        where: { userId: u.id, kind: 'BONUS_PURCHASE' },
      })
      expect(entries).toBe(AFFORDABLE)
      // the ten purchases extended one running purchase by ten months' worth of its duration
      const purchases = await t.app.services.prisma.storePurchase.findMany({ where: { userId: u.id } })
      expect(purchases).toHaveLength(1)
      const ledger = await expectLedgerSound(t)
      console.log(
        `[store concurrency, ${label}, ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}] attempts ${ATTEMPTS}, ` +
          `succeeded ${count.ok}, refused ${count.short}, final wallet ${JSON.stringify(await walletOf(t, u))}, ` +
          `lowest balance seen ${Math.min(...seen)} in ${seen.length} reads, ${ms} ms, ledger ${ledger.entries} entries`,
      )
    },
    120_000,
  )
})

describe('idempotency under concurrency', () => {
  it('20 parallel retries of one key make one purchase, and all answer it', async () => {
    const u = await registerUser(t)
    const bonus = await createBonus(t, { pekoins: 3 })
    await fund(t, u.id, { pekoins: 100 })
    const key = newKey()
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => buy(instances()[i % instances().length], u, bonus, 'PEKOINS', key)),
    )
    const ms = Date.now() - started
    for (const r of results) expect(r.errors).toBeUndefined()
    const ids = new Set(results.map((r) => r.data?.buyBonus.purchase.databaseId))
    expect(ids.size).toBe(1)
    expect(await walletOf(t, u)).toEqual({ pekoins: 97, points: 0 })
    expect(
      await t.app.services.prisma.storeTransaction.count({ where: { userId: u.id, kind: 'BONUS_PURCHASE' } }),
    ).toBe(1)
    await expectLedgerSound(t)
    console.log(
      `[store idempotency] 20 retries of one key on ${instances().length} instance(s): 1 purchase, 3 pekoins moved, ${ms} ms`,
    )
  }, 120_000)

  it('the same key with another request is refused; a key refused for lack of money may be retried', async () => {
    const u = await registerUser(t)
    const cheap = await createBonus(t, { pekoins: 2 })
    const dear = await createBonus(t, { pekoins: 5 })
    await fund(t, u.id, { pekoins: 4 })
    const key = newKey()
    expect(codeOf(await buy(t, u, dear, 'PEKOINS', key))).toBe('INSUFFICIENT_FUNDS')
    expect((await buy(t, u, cheap, 'PEKOINS', key)).errors).toBeUndefined()
    expect(codeOf(await buy(t, u, dear, 'PEKOINS', key))).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(codeOf(await buy(t, u, cheap, 'POINTS', key))).toBe('IDEMPOTENCY_KEY_REUSED')
    // the retry of the first request answers it again and moves nothing
    expect((await buy(t, u, cheap, 'PEKOINS', key)).errors).toBeUndefined()
    expect(await walletOf(t, u)).toEqual({ pekoins: 2, points: 0 })
    // keys are per user: another user's identical key is theirs
    const v = await registerUser(t)
    await fund(t, v.id, { pekoins: 2 })
    expect((await buy(t, v, cheap, 'PEKOINS', key)).errors).toBeUndefined()
    expect(await walletOf(t, v)).toEqual({ pekoins: 0, points: 0 })
  })
})
