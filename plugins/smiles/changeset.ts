import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import { notify } from '../../src/core/notifications/notify.js'
import { dropUnusedFiles, lockOwner, openChangeSet, type Tx } from './locks.js'
import { PUBLIC_ORDER, requireRole } from './service.js'
import { changeSetView, draftOf, isChanged, publicView } from './views.js'
import { ALL } from './topics.js'

/**
 * A masterstreamer's change set: edited freely, submitted (ms/prepare), then frozen until a smiler approves it (applied
 * in one transaction) or rejects it (back to editable, nothing lost); revert drops it for the last approved state.
 */

export async function submitChanges(ctx: Context): Promise<boolean> {
  const me = requireRole(ctx, 'masterstreamer').id
  const set = await ctx.prisma.$transaction(async (tx) => {
    await openChangeSet(tx, me)
    const rows = await tx.smile.findMany({ where: { userId: me }, orderBy: PUBLIC_ORDER })
    if (!rows.some(isChanged)) throw new AppError('SMILE_NO_CHANGES')
    const submission = await tx.smileSubmission.create({ data: { userId: me } })
    return changeSetView(me, submission, rows)
  })
  ctx.pubsub.publish('smiles.queue', ALL, { kind: 'SUBMITTED', userId: me, set })
  return true
}

/** Back to the last approved state: unapproved uploads go, proposed edits and removals are forgotten. */
export async function revertChanges(ctx: Context): Promise<boolean> {
  const me = requireRole(ctx, 'masterstreamer').id
  const dropped = await ctx.prisma.$transaction(async (tx) => {
    await openChangeSet(tx, me)
    const uploads = await tx.smile.findMany({
      where: { userId: me, approved: false },
      select: { id: true, hash: true },
    })
    await tx.smile.deleteMany({ where: { id: { in: uploads.map((u) => u.id) } } })
    await tx.smile.updateMany({
      where: { userId: me },
      data: { draftRemove: false, draftTab: null, draftPosition: null, draftLevel: null },
    })
    return uploads.map((u) => u.hash)
  })
  await dropUnusedFiles(ctx, dropped)
  return true
}

async function takeSubmission(tx: Tx, userId: number) {
  await lockOwner(tx, userId)
  const found = await tx.smileSubmission.deleteMany({ where: { userId } })
  if (found.count === 0)
    throw new AppError('SMILE_NOT_SUBMITTED', `User ${userId} has no smile changes awaiting approval`, {
      field: 'userId',
    })
}

/** Applies a submitted change set to the public set, all of it or nothing. */
export async function approveChanges(ctx: Context, userId: number): Promise<boolean> {
  const smiler = requireRole(ctx, 'smiler')
  const { changed, removed } = await ctx.prisma.$transaction(async (tx) => {
    await takeSubmission(tx, userId)
    const rows = await tx.smile.findMany({ where: { userId } })
    const removed = rows.filter((r) => r.approved && r.draftRemove)
    const edited = rows.flatMap((r) => {
      const draft = r.approved && !r.draftRemove ? draftOf(r) : null
      return draft ? [{ id: r.id, ...draft }] : []
    })
    const added = rows.filter((r) => !r.approved)
    await tx.smile.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } })
    await tx.smile.updateMany({ where: { id: { in: added.map((r) => r.id) } }, data: { approved: true } })
    for (const r of edited) {
      await tx.smile.update({
        where: { id: r.id },
        data: {
          tab: r.tab,
          position: r.position,
          level: r.level,
          draftTab: null,
          draftPosition: null,
          draftLevel: null,
        },
      })
    }
    const changed = await tx.smile.findMany({
      where: { id: { in: [...added, ...edited].map((r) => r.id) } },
      orderBy: PUBLIC_ORDER,
    })
    return { changed, removed }
  })
  await dropUnusedFiles(
    ctx,
    removed.map((r) => r.hash),
  )
  ctx.pubsub.publish('smiles.public', ALL, {
    kind: 'APPROVED',
    userId,
    smiles: changed.map(publicView),
    removedIds: removed.map((r) => r.id),
  })
  ctx.pubsub.publish('smiles.queue', ALL, { kind: 'APPROVED', userId, set: null })
  notify(ctx.pubsub, userId, 'smilesApproved', { smiler: { id: smiler.id, name: smiler.name } })
  return true
}

/** Sends a submitted change set back to its masterstreamer, who may edit and resubmit it, or revert it. */
export async function rejectChanges(ctx: Context, userId: number): Promise<boolean> {
  const smiler = requireRole(ctx, 'smiler')
  await ctx.prisma.$transaction((tx) => takeSubmission(tx, userId))
  ctx.pubsub.publish('smiles.queue', ALL, { kind: 'REJECTED', userId, set: null })
  notify(ctx.pubsub, userId, 'smilesRejected', { smiler: { id: smiler.id, name: smiler.name } })
  return true
}
