import type { Prisma } from '../../../src/generated/prisma/client.js'

/** Advisory-lock namespace "FRND": one user's friends and friend requests. */
const FRIENDS = 0x46524e44

/**
 * Serializes every friendship write that concerns these users until the transaction ends, so counts (the friend cap,
 * pending requests) and "is there a request the other way" still hold at commit. Taken in ascending id order, so two
 * users acting on each other at once queue up instead of deadlocking.
 */
export async function lockUsers(tx: Prisma.TransactionClient, userIds: readonly number[]) {
  for (const id of [...new Set(userIds)].sort((a, b) => a - b))
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FRIENDS}::int4, ${id}::int4)`
}
