import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { AppError } from '../../src/errors.js'
import { removeFile } from './storage.js'

export type Tx = Prisma.TransactionClient

/** Advisory-lock namespaces (two int4 keys): "SMOW" a masterstreamer's change set, "SMFI" a stored file. */
const OWNER = 0x534d4f57
const FILE = 0x534d4649

const lock = (tx: Tx, space: number, key: number) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(${space}::int4, ${key}::int4)`

/**
 * Serializes everything that touches one masterstreamer's change set (edits, submit, revert, approve, reject), so a
 * check such as "not submitted" still holds when the transaction commits.
 */
export const lockOwner = (tx: Tx, userId: number) => lock(tx, OWNER, userId)

/** Serializes writing a content-addressed file with deciding that nothing uses it any more. */
export const lockFile = (tx: Tx, hash: string) => lock(tx, FILE, parseInt(hash.slice(0, 8), 16) | 0)

/** Opens a masterstreamer's change set for an edit: refused while it waits for approval. */
export async function openChangeSet(tx: Tx, userId: number) {
  await lockOwner(tx, userId)
  if (await tx.smileSubmission.findUnique({ where: { userId } }))
    throw new AppError(
      'SMILE_CHANGES_PENDING',
      'Your smile changes are awaiting approval: no further change is accepted until a smiler approves or rejects them',
    )
}

/** Deletes the files no row refers to any more (after rows were removed, or after a refused upload). */
export async function dropUnusedFiles(ctx: Pick<Context, 'prisma' | 'config' | 'services'>, hashes: string[]) {
  for (const hash of new Set(hashes)) {
    try {
      await ctx.prisma.$transaction(async (tx) => {
        await lockFile(tx, hash)
        if ((await tx.smile.count({ where: { hash } })) === 0) await removeFile(ctx.config, hash)
      })
    } catch (e) {
      // The rows are gone either way; a file left behind is only disk space.
      ctx.services.log.warn('could not remove an unused smile file', { hash, error: String(e) })
    }
  }
}
