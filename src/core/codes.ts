import { randomBytes, randomInt } from 'node:crypto'
import type { Db } from '../db/client.js'
import type { Prisma } from '../generated/prisma/client.js'
import { hashToken } from '../auth/tokens.js'
import { AppError } from '../errors.js'

export type CodePurpose = 'signup' | 'restore'

const MAX_ATTEMPTS = 5

/**
 * A numeric code for SMS (typed by hand) or a long random one for links. SMS codes never start with 0: JustChat
 * clients send `key` as a number (justchat-api.md shows `key: 1234`), which would drop a leading zero.
 */
export const numericCode = () => String(randomInt(100_000, 1_000_000))
export const linkCode = () => randomBytes(24).toString('base64url')

/** The expiry of a code that lasts until the next one replaces it (JustChat's SMS key). */
const UNTIL_REPLACED = new Date('9999-12-31T00:00:00.000Z')

/**
 * Issues a code, replacing earlier unused codes of the same purpose and target; in the caller's transaction (with the
 * account a sign-up creates, or alone). `ttlMinutes` null: no time limit, it lasts until replaced.
 */
export async function issueCode(
  tx: Prisma.TransactionClient,
  secret: string,
  opts: {
    purpose: CodePurpose
    target: string
    code: string
    userId?: number
    payload?: string
    ttlMinutes: number | null
  },
) {
  await tx.oneTimeCode.updateMany({
    where: { purpose: opts.purpose, target: opts.target, usedAt: null },
    data: { usedAt: new Date() },
  })
  await tx.oneTimeCode.create({
    data: {
      purpose: opts.purpose,
      target: opts.target,
      codeHash: hashToken(secret, opts.code),
      userId: opts.userId,
      payload: opts.payload,
      expiresAt: opts.ttlMinutes === null ? UNTIL_REPLACED : new Date(Date.now() + opts.ttlMinutes * 60_000),
    },
  })
}

/** The user a code was issued to: sign-up and restore codes always name one. */
export function userOf(row: { id: number; userId: number | null }): number {
  if (row.userId === null) throw new Error(`one-time code ${row.id} names no user`)
  return row.userId
}

/**
 * Checks a code before it is spent (spendCode). A target's latest code allows MAX_ATTEMPTS tries; expired, used or
 * exhausted codes fail alike (INVALID_CODE), so a caller learns nothing about which. Outside any transaction: a wrong
 * try must count even though the request fails.
 */
export async function checkCode(db: Db, secret: string, purpose: CodePurpose, target: string | null, code: string) {
  const codeHash = hashToken(secret, code)
  const row = target
    ? await db.oneTimeCode.findFirst({ where: { purpose, target, usedAt: null }, orderBy: { id: 'desc' } })
    : await db.oneTimeCode.findFirst({ where: { purpose, codeHash, usedAt: null } })
  if (!row || row.expiresAt.getTime() <= Date.now() || row.attempts >= MAX_ATTEMPTS) throw new AppError('INVALID_CODE')
  if (row.codeHash !== codeHash) {
    await db.oneTimeCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } })
    throw new AppError('INVALID_CODE')
  }
  return row
}

/**
 * Checks a key that stays valid until replaced (JustChat's SMS password: it signs in again and again until the next
 * sign-up sends another). Not spent and not counted here: the caller throttles the tries as password logins are. Only
 * the target's latest key counts; an expired, replaced or wrong one is the same INVALID_CODE.
 */
export async function checkKey(db: Db, secret: string, purpose: CodePurpose, target: string, code: string) {
  const row = await db.oneTimeCode.findFirst({ where: { purpose, target, usedAt: null }, orderBy: { id: 'desc' } })
  if (!row || row.expiresAt.getTime() <= Date.now() || row.codeHash !== hashToken(secret, code))
    throw new AppError('INVALID_CODE')
  return row
}

/**
 * Spends a checked code, in the transaction of what it grants (a session, a new password): that rolling back leaves
 * the code for a retry. Conditional: of two racing requests with the same code only one wins.
 */
export async function spendCode(tx: Prisma.TransactionClient, row: { id: number }) {
  const won = await tx.oneTimeCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } })
  if (won.count !== 1) throw new AppError('INVALID_CODE')
}
