import { createHash } from 'node:crypto'
import type { Context } from '../../../src/context.js'
import type { Prisma } from '../../../src/generated/prisma/client.js'
import type { DbLike } from '../../../src/db/client.js'
import { AppError, invalid } from '../../../src/errors.js'
import { lockUsers, type Tx } from './locks.js'
import type { Idempotency } from './post.js'

/**
 * Idempotency with Stripe's semantics: a money-moving request may carry a key; the first request with a key does the
 * work and stores what it answered on its journal entry; a retry with the same key (in the same scope) answers that
 * again and moves nothing; the same key with a different request is IDEMPOTENCY_KEY_REUSED. A refused request
 * (not enough money …) writes nothing, the key included, so it may be retried once the cause is gone.
 */

const KEY = /^[\x21-\x7e]{1,255}$/

/** The key as given, or INVALID_INPUT naming the field: 1–255 printable ASCII characters (a UUID fits). */
export function checkKey(key: string | null | undefined, field = 'idempotencyKey'): string | null {
  if (key === null || key === undefined) return null
  if (!KEY.test(key)) throw invalid(field, 'must be 1–255 printable ASCII characters without spaces')
  return key
}

/** JSON with object keys sorted at every level, so equal requests hash equally whatever their key order. */
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable)
  if (v && typeof v === 'object' && !(v instanceof Date))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
    )
  return v === undefined ? null : v
}

export const requestHash = (operation: string, input: unknown) =>
  createHash('sha256')
    .update(JSON.stringify([operation, stable(input)]))
    .digest('hex')

/** The idempotency of a request, or null when it carries no key. */
export function idempotency(scope: string, key: string | null, operation: string, input: unknown): Idempotency | null {
  return key === null ? null : { scope, key, hash: requestHash(operation, input) }
}

interface Prior {
  transactionId: number
  result: Prisma.JsonValue
}

/** The entry of the earlier request with this key and what it answered; undefined when there was none. */
async function priorResult(db: DbLike, idem: Idempotency): Promise<Prior | undefined> {
  const prior = await db.storeTransaction.findUnique({
    where: { idemScope_idemKey: { idemScope: idem.scope, idemKey: idem.key } },
    select: { id: true, requestHash: true, result: true },
  })
  if (!prior) return undefined
  if (prior.requestHash !== idem.hash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', undefined, { field: 'idempotencyKey' })
  return { transactionId: prior.id, result: prior.result ?? null }
}

/** Long enough for a burst of one user's requests to queue on their lock without a spurious timeout. */
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const

export type MoneyOutcome<T> = { fresh: true; value: T } | ({ fresh: false } & Prior)

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2002'

/**
 * Runs a money-moving write in one database transaction, with the users concerned locked (so checks such as "enough
 * money" still hold at commit) and the idempotency key honoured: a retry finds the first request's entry once that
 * request committed — it waits on the lock — and gets its stored result instead of running again. Two requests with
 * one key in different scopes cannot meet; should one slip past the lock anyway, the unique index settles it.
 */
export async function runMoney<T>(
  ctx: Pick<Context, 'prisma'>,
  lock: readonly number[],
  idem: Idempotency | null,
  run: (tx: Tx) => Promise<T>,
): Promise<MoneyOutcome<T>> {
  try {
    return await ctx.prisma.$transaction(async (tx): Promise<MoneyOutcome<T>> => {
      await lockUsers(tx, lock)
      if (idem) {
        const prior = await priorResult(tx, idem)
        if (prior !== undefined) return { fresh: false, ...prior }
      }
      return { fresh: true, value: await run(tx) }
    }, TX_OPTIONS)
  } catch (e) {
    if (!idem || !isUniqueViolation(e)) throw e
    const prior = await priorResult(ctx.prisma, idem)
    if (prior === undefined) throw e
    return { fresh: false, ...prior }
  }
}

/** A write without money that still needs the users locked (staff edits of purchases and subscriptions). */
export const runLocked = <T>(ctx: Pick<Context, 'prisma'>, lock: readonly number[], run: (tx: Tx) => Promise<T>) =>
  ctx.prisma.$transaction(async (tx) => {
    await lockUsers(tx, lock)
    return run(tx)
  }, TX_OPTIONS)
