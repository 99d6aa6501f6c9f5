import type { Context, Viewer } from '../../src/context.js'
import type { RoleName } from '../../src/auth/roles.js'
import type { Prisma, Smile } from '../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../src/errors.js'
import { dropUnusedFiles, lockFile, openChangeSet, type Tx } from './locks.js'
import { readUpload, type SmileKind, type UploadFile } from './upload.js'
import { writeFile } from './storage.js'
import { changeSetView, publicView, type ChangeSetView, type SmileView } from './views.js'
import { ALL } from './topics.js'
import { smilesConfig } from './config.js'

/**
 * The smile rules. A smiler edits the public set directly. A masterstreamer edits their own smiles through a change
 * set (uploads not yet approved, proposed tab/position/level, proposed removals) that a smiler approves as a whole;
 * the change-set lifecycle is in changeset.ts.
 */

/** Public order: by tab, then position; ties by id so the order is stable. */
export const PUBLIC_ORDER: Prisma.SmileOrderByWithRelationInput[] = [{ tab: 'asc' }, { position: 'asc' }, { id: 'asc' }]

/** Bounds of an update (peka2 gives none; these keep values sane and requests small). */
export const LIMITS = { items: 500, tab: 999, position: 99_999, level: 999 } as const

export interface SmileUpdate {
  id: number
  tab: number
  position: number
  level: number
}

export const hasRole = (ctx: Context, role: RoleName) => (ctx.viewer?.roles[role] ?? 0) > 0

/** The signed-in viewer; the schema's scopes keep guests out, one who gets here anyway is told to sign in. */
export function signedIn(ctx: Context): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED')
  return ctx.viewer
}

export const viewerId = (ctx: Context): number => signedIn(ctx).id

export function requireRole(ctx: Context, role: RoleName): Viewer {
  const viewer = signedIn(ctx)
  if (!hasRole(ctx, role)) throw new AppError('INSUFFICIENT_PERMISSIONS')
  return viewer
}

const notFound = (id: number) => new AppError('SMILE_NOT_FOUND', `No smile ${id}`, { field: 'id', id })
const codeTaken = (code: string) =>
  new AppError('SMILE_CODE_TAKEN', `A smile with the code "${code}" already exists`, { field: 'file' })
const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && e.code === 'P2002'

// ---------- reading ----------

/** The site's set: scope ''. Other scopes (a room's emojis …) are reached through the public API only (scoped.ts). */
export const SITE = ''

/** The public set (approved smiles and icons), or only icons / only smiles. */
export async function publicSmiles(ctx: Context, icon?: boolean | null): Promise<SmileView[]> {
  const rows = await ctx.prisma.smile.findMany({
    where: { scope: SITE, approved: true, ...(typeof icon === 'boolean' ? { icon } : {}) },
    orderBy: PUBLIC_ORDER,
  })
  return rows.map(publicView)
}

/** Node lookups: the site's public smiles only (a room's emojis are Room.emojis), in the order asked, null elsewhere. */
export async function publicSmilesById(ctx: Context, ids: number[]): Promise<(SmileView | null)[]> {
  const rows = await ctx.prisma.smile.findMany({ where: { id: { in: ids }, scope: SITE, approved: true } })
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)
    return r ? publicView(r) : null
  })
}

export async function changeSetOf(ctx: Context, userId: number): Promise<ChangeSetView> {
  const submission = await ctx.prisma.smileSubmission.findUnique({ where: { userId } })
  const rows = await ctx.prisma.smile.findMany({ where: { userId }, orderBy: PUBLIC_ORDER })
  return changeSetView(userId, submission, rows)
}

/** Every change set waiting for a smiler, oldest first. */
export async function submittedSets(ctx: Context): Promise<ChangeSetView[]> {
  requireRole(ctx, 'smiler')
  const subs = await ctx.prisma.smileSubmission.findMany({ orderBy: [{ submittedAt: 'asc' }, { userId: 'asc' }] })
  const rows = await ctx.prisma.smile.findMany({
    where: { userId: { in: subs.map((s) => s.userId) } },
    orderBy: PUBLIC_ORDER,
  })
  return subs.map((s) =>
    changeSetView(
      s.userId,
      s,
      rows.filter((r) => r.userId === s.userId),
    ),
  )
}

// ---------- adding ----------

/**
 * Adds a smile (30×30) or an icon (14×14). A smiler's smile goes straight into the public set (tab 0, position 0);
 * a masterstreamer's smile or icon goes into their change set. The file is written last inside the transaction, so a
 * refusal at any step leaves neither a row nor a file.
 */
export async function addSmile(ctx: Context, file: UploadFile, kind: SmileKind): Promise<SmileView> {
  const me = viewerId(ctx)
  // Icons always belong to a masterstreamer; a smiler who is also a masterstreamer adds smiles as a smiler.
  const direct = kind === 'smile' && hasRole(ctx, 'smiler')
  if (!direct) requireRole(ctx, 'masterstreamer')
  const upload = await readUpload(file, kind, smilesConfig(ctx.services).maxBytes)
  const ownerId = direct ? null : me
  let row: Smile
  try {
    row = await ctx.prisma.$transaction(async (tx) => {
      if (ownerId !== null) await openChangeSet(tx, ownerId)
      const codeLower = upload.code.toLowerCase()
      if (await tx.smile.findUnique({ where: { scope_codeLower: { scope: SITE, codeLower } }, select: { id: true } }))
        throw codeTaken(upload.code)
      await lockFile(tx, upload.hash)
      const created = await tx.smile.create({
        data: {
          code: upload.code,
          codeLower,
          hash: upload.hash,
          bytes: upload.bytes.length,
          width: upload.width,
          height: upload.height,
          icon: kind === 'icon',
          userId: ownerId,
          approved: direct,
        },
      })
      await writeFile(ctx.config, upload.hash, upload.bytes)
      return created
    })
  } catch (e) {
    await dropUnusedFiles(ctx, [upload.hash])
    throw isUniqueViolation(e) ? codeTaken(upload.code) : e
  }
  const view = publicView(row)
  if (direct) ctx.pubsub.publish('smiles.public', ALL, { kind: 'ADDED', userId: null, smiles: [view], removedIds: [] })
  return view
}

// ---------- updating ----------

function checkIds(ids: number[], field: string) {
  if (ids.length > LIMITS.items) throw invalid(field, `at most ${LIMITS.items} per request`)
  const seen = new Set<number>()
  for (const [i, id] of ids.entries()) {
    if (!Number.isInteger(id)) throw invalid(`${field}[${i}]`, 'must be a smile id')
    if (seen.has(id)) throw invalid(`${field}[${i}]`, `smile ${id} is listed twice`)
    seen.add(id)
  }
}

function checkUpdates(items: SmileUpdate[]) {
  checkIds(
    items.map((i) => i.id),
    'smiles',
  )
  for (const [i, item] of items.entries()) {
    for (const f of ['tab', 'position', 'level'] as const) {
      const v = item[f]
      if (!Number.isInteger(v) || v < 0 || v > LIMITS[f])
        throw invalid(`smiles[${i}].${f}`, `must be an integer from 0 to ${LIMITS[f]}`)
    }
  }
}

const noIconUpdate = (id: number) => invalid('smiles', `${id} is an icon: icons have no tab, position or level`)

/** Approved rows of the site's set by id (any owner): what a smiler acts on. */
async function publicRows(tx: Tx, ids: number[]) {
  const rows = await tx.smile.findMany({ where: { id: { in: ids }, scope: SITE, approved: true } })
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const id of ids) if (!byId.has(id)) throw notFound(id)
  return byId
}

/** A row of a lookup above, which refused the ids it did not find. */
function rowOf(byId: Map<number, Smile>, id: number): Smile {
  const r = byId.get(id)
  if (!r) throw notFound(id)
  return r
}

/** A masterstreamer's own rows by id, as their change set sees them (a proposed removal is gone). */
async function ownRows(tx: Tx, me: number, ids: number[], onlyIcons = false) {
  const rows = await tx.smile.findMany({ where: { id: { in: ids }, scope: SITE } })
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const id of ids) {
    const r = byId.get(id)
    // someone else's unapproved upload is as invisible as a missing id
    if (!r || (!r.approved && r.userId !== me) || (r.userId === me && r.draftRemove) || (onlyIcons && !r.icon))
      throw notFound(id)
    if (r.userId !== me) throw new AppError('SMILE_NOT_OWNED', `Smile ${id} is not yours`, { field: 'id', id })
  }
  return byId
}

/** A smiler's update applies at once; a masterstreamer's is recorded in their change set. */
export async function updateSmiles(ctx: Context, items: SmileUpdate[]): Promise<boolean> {
  const me = viewerId(ctx)
  if (!hasRole(ctx, 'smiler')) requireRole(ctx, 'masterstreamer')
  checkUpdates(items)
  if (items.length === 0) return true
  if (hasRole(ctx, 'smiler')) {
    const rows = await ctx.prisma.$transaction(async (tx) => {
      const byId = await publicRows(
        tx,
        items.map((i) => i.id),
      )
      const out: Smile[] = []
      for (const { id, tab, position, level } of items) {
        if (rowOf(byId, id).icon) throw noIconUpdate(id)
        out.push(await tx.smile.update({ where: { id }, data: { tab, position, level } }))
      }
      return out
    })
    ctx.pubsub.publish('smiles.public', ALL, {
      kind: 'UPDATED',
      userId: null,
      smiles: rows.map(publicView),
      removedIds: [],
    })
    return true
  }
  await ctx.prisma.$transaction(async (tx) => {
    await openChangeSet(tx, me)
    const byId = await ownRows(
      tx,
      me,
      items.map((i) => i.id),
    )
    for (const { id, tab, position, level } of items) {
      const r = rowOf(byId, id)
      if (r.icon) throw noIconUpdate(id)
      if (!r.approved) await tx.smile.update({ where: { id }, data: { tab, position, level } })
      else {
        // proposing the approved values again is no change at all
        const same = tab === r.tab && position === r.position && level === r.level
        await tx.smile.update({
          where: { id },
          data: same
            ? { draftTab: null, draftPosition: null, draftLevel: null }
            : { draftTab: tab, draftPosition: position, draftLevel: level },
        })
      }
    }
  })
  return true
}

// ---------- removing ----------

/**
 * A smiler removes approved smiles and icons at once (a masterstreamer's too). A masterstreamer's removal of an
 * approved smile waits for approval; their own unapproved upload simply leaves the change set.
 */
export async function removeSmiles(ctx: Context, ids: number[], onlyIcons = false): Promise<boolean> {
  const me = viewerId(ctx)
  const asSmiler = !onlyIcons && hasRole(ctx, 'smiler')
  if (!asSmiler) requireRole(ctx, 'masterstreamer')
  checkIds(ids, 'ids')
  if (ids.length === 0) return true
  if (asSmiler) {
    const rows = await ctx.prisma.$transaction(async (tx) => {
      const byId = await publicRows(tx, ids)
      await tx.smile.deleteMany({ where: { id: { in: ids } } })
      return [...byId.values()]
    })
    await dropUnusedFiles(
      ctx,
      rows.map((r) => r.hash),
    )
    ctx.pubsub.publish('smiles.public', ALL, { kind: 'REMOVED', userId: null, smiles: [], removedIds: ids })
    return true
  }
  const dropped = await ctx.prisma.$transaction(async (tx) => {
    await openChangeSet(tx, me)
    const rows = [...(await ownRows(tx, me, ids, onlyIcons)).values()]
    const unapproved = rows.filter((r) => !r.approved)
    await tx.smile.deleteMany({ where: { id: { in: unapproved.map((r) => r.id) } } })
    await tx.smile.updateMany({
      where: { id: { in: rows.filter((r) => r.approved).map((r) => r.id) } },
      data: { draftRemove: true, draftTab: null, draftPosition: null, draftLevel: null },
    })
    return unapproved.map((r) => r.hash)
  })
  await dropUnusedFiles(ctx, dropped)
  return true
}
