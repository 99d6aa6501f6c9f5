import type { Prisma } from '../../../src/generated/prisma/client.js'

export type Tx = Prisma.TransactionClient

/** Advisory-lock namespace "STUS": one store user's money and holdings. */
const USER = 0x53545553

/**
 * Serializes every store write that concerns these users (their wallets, purchases, subscriptions, claims) until the
 * transaction ends. Taken in ascending id order, so two writes about the same pair of users never deadlock.
 */
export async function lockUsers(tx: Tx, userIds: readonly number[]) {
  for (const id of [...new Set(userIds)].sort((a, b) => a - b))
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER}::int4, ${id}::int4)`
}
