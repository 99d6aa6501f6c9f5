import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { Context } from '../../src/context.js'
import { AppError, invalid } from '../../src/errors.js'
import { scopeOf, signedIn } from './access.js'
import { announceEntry } from './events.js'
import { TOPUP, transfer, wallet } from './ledger/accounts.js'
import { checkKey, idempotency, runMoney } from './ledger/idempotency.js'
import { postEntry } from './ledger/post.js'
import { storeConfig } from './state.js'
import { idOf, intIn, userExists } from './validate.js'
import { walletOf } from './wallet.js'
import type { WalletView } from './views.js'

/**
 * Pekoins bought outside (a payment provider's back-end calls in). Two doors:
 * - the GraphQL top-up for trusted back-ends: HMAC-SHA256 (STORE_TOPUP_SECRET) over user, amount and idempotency key,
 *   so a captured request replayed answers the first result and credits nothing again;
 * - JustChat's legacy /user/updateBalance: MD5(secret + amount) (STORE_LEGACY_TOPUP_SECRET). The signature covers
 *   the amount only — no user, no nonce, no time — so anyone who once saw a signed amount can credit that amount to
 *   any session they hold, as often as they like, and the server cannot tell a replay from a second top-up of the same
 *   amount. It is kept for JustChat's clients only, refused while its setting is unset; use the HMAC top-up instead.
 */

export const TOPUP_MAX = 1_000_000

/** Compares two hex digests in constant time (the lengths are public: every digest of one kind has the same). */
function sameDigest(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase(), 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The HMAC a back-end sends: hex of HMAC-SHA256(secret, "<userId>:<amount>:<idempotencyKey>"). */
export const topUpSignature = (secret: string, userId: number, amount: number, key: string) =>
  createHmac('sha256', secret).update(`${userId}:${amount}:${key}`).digest('hex')

/** JustChat's signature: hex of MD5(secret + amount), as its documentation computes it. */
export const legacySignature = (secret: string, amount: number) =>
  createHash('md5')
    .update(secret + String(amount))
    .digest('hex')

export interface TopUpResult {
  wallet: WalletView
  transactionId: number
  /** true when this was a retry of a top-up already made (nothing was credited this time) */
  replayed: boolean
}

async function credit(
  ctx: Context,
  userId: number,
  amount: number,
  kind: 'TOPUP' | 'LEGACY_TOPUP',
  idem: ReturnType<typeof idempotency>,
): Promise<TopUpResult> {
  const out = await runMoney(ctx, [userId], idem, (tx) =>
    postEntry(tx, {
      kind,
      userId,
      idempotency: idem,
      result: { userId, amount },
      legs: transfer(TOPUP, wallet(userId), 'PEKOINS', amount),
    }),
  )
  if (out.fresh) await announceEntry(ctx, out.value)
  return {
    wallet: await walletOf(ctx.prisma, userId),
    transactionId: out.fresh ? out.value.id : out.transactionId,
    replayed: !out.fresh,
  }
}

/** A trusted back-end credits pekoins it was paid for; the key is required (a payment is credited once). */
export async function topUp(
  ctx: Context,
  input: { userId: number; amount: number; idempotencyKey: string; signature: string },
): Promise<TopUpResult> {
  const secret = storeConfig(ctx).topUpSecret
  if (!secret) throw new AppError('TOPUP_DISABLED', 'Top-ups are off: STORE_TOPUP_SECRET is not set')
  const userId = idOf(input.userId, 'userId')
  const amount = intIn(input.amount, 'amount', 1, TOPUP_MAX)
  const key = checkKey(input.idempotencyKey)
  if (key === null) throw invalid('idempotencyKey', 'is required')
  if (!sameDigest(input.signature, topUpSignature(secret, userId, amount, key)))
    throw new AppError('INVALID_SIGNATURE', 'signature: not the HMAC-SHA256 of userId, amount and idempotencyKey', {
      field: 'signature',
    })
  await userExists(ctx.prisma, userId, 'userId')
  return credit(ctx, userId, amount, 'TOPUP', idempotency(`topup:${userId}`, key, 'topUp', { userId, amount }))
}

/** JustChat /user/updateBalance: the signed-in user's balance grows by `balance` when `secret` signs that amount. */
export async function legacyTopUp(
  ctx: Context,
  input: { balance: number; secret: string; idempotencyKey?: string | null },
): Promise<TopUpResult> {
  const me = signedIn(ctx)
  const secret = storeConfig(ctx).legacyTopUpSecret
  if (!secret) throw new AppError('TOPUP_DISABLED', 'Top-ups are off: STORE_LEGACY_TOPUP_SECRET is not set')
  const amount = intIn(input.balance, 'balance', 1, TOPUP_MAX)
  if (!sameDigest(input.secret, legacySignature(secret, amount)))
    throw new AppError('INVALID_SIGNATURE', undefined, { field: 'secret' })
  const key = checkKey(input.idempotencyKey)
  return credit(ctx, me.id, amount, 'LEGACY_TOPUP', idempotency(scopeOf(me), key, 'legacyTopUp', { amount }))
}
