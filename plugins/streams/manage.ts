import type { Context } from '../../src/context.js'
import { AppError, invalid } from '../../src/errors.js'
import { signedIn } from '../../src/auth/signed-in.js'
import { refreshStream } from './live.js'
import { CHANNEL_PATTERN, type ProviderValue } from './providers.js'
import { ROOT_SLUG, TREE_MAX } from './categories.js'

/** Players one stream may have. */
export const PLAYERS_MAX = 10

export interface PlayerInput {
  provider: ProviderValue
  channel: string
  active?: boolean | null
}

export interface StreamInput {
  /** whose stream: the viewer's own unless a stream admin names another user */
  userId?: number | null
  name?: string | null
  description?: string | null
  categoryId?: number | null
  /** an absolute http(s) URL; '' clears it */
  thumbnail?: string | null
  restream?: boolean | null
  tv?: boolean | null
  startAt?: Date | null
  /** stream admins only */
  selected?: number | null
  active?: boolean | null
  /** replaces the players (statuses of the ones kept are kept) */
  players?: PlayerInput[] | null
}

const isStreamAdmin = (ctx: Context) => (ctx.viewer?.roles.streamAdmin ?? 0) > 0

function checkText(field: string, v: string | null | undefined, min: number, max: number) {
  if (v == null) return
  if (v.trim().length < min || v.length > max) throw invalid(field, `must be ${min}–${max} characters`)
}

function checkThumbnail(v: string | null | undefined) {
  if (!v) return
  const u = URL.canParse(v) ? new URL(v) : null
  if (!u || !/^https?:$/.test(u.protocol) || v.length > 500)
    throw invalid('thumbnail', 'must be an absolute http(s) URL of at most 500 characters')
}

/**
 * Sets up or changes a stream: its owner, or a stream admin for anyone's; pinning (`selected`) and `active` are the
 * admins'. Players are replaced as a whole and the stream's status recomputed, in one transaction.
 */
export async function saveStream(ctx: Context, input: StreamInput) {
  const viewer = signedIn(ctx)
  const id = input.userId ?? viewer.id
  const admin = isStreamAdmin(ctx)
  if (id !== viewer.id && !admin)
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'Only stream admins change the streams of others')
  if ((input.selected != null || input.active != null) && !admin)
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'selected and active are set by stream admins')
  checkText('name', input.name, 1, 100)
  checkText('description', input.description, 0, 5000)
  checkThumbnail(input.thumbnail)
  if (input.selected != null && (input.selected < 0 || input.selected > 1000))
    throw invalid('selected', 'must be between 0 and 1000')
  const players = input.players ?? null
  if (players) checkPlayers(players)
  const owner = await ctx.prisma.user.findUnique({ where: { id }, select: { id: true, name: true } })
  if (!owner) throw new AppError('USER_NOT_FOUND', 'userId: no such user', { field: 'userId' })
  if (input.categoryId != null && !(await ctx.prisma.streamCategory.findUnique({ where: { id: input.categoryId } })))
    throw new AppError('CONTENT_CATEGORY_NOT_FOUND', 'categoryId: no such stream category', { field: 'categoryId' })
  const data = {
    ...(input.name != null ? { name: input.name.trim() } : {}),
    ...(input.description != null ? { description: input.description } : {}),
    ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
    ...(input.thumbnail != null ? { thumbnail: input.thumbnail || null } : {}),
    ...(input.restream != null ? { restream: input.restream } : {}),
    ...(input.tv != null ? { tv: input.tv } : {}),
    ...(input.startAt !== undefined ? { startAt: input.startAt } : {}),
    ...(input.selected != null ? { selected: input.selected } : {}),
    ...(input.active != null ? { active: input.active } : {}),
  }
  await ctx.prisma.$transaction(async (tx) => {
    await tx.liveStream.upsert({ where: { id }, create: { id, name: owner.name, ...data }, update: data })
    if (!players) return
    const keep = players.map((p) => ({ provider: p.provider, channel: p.channel }))
    await tx.streamPlayer.deleteMany({ where: { streamId: id, NOT: { OR: keep.length ? keep : [{ id: -1 }] } } })
    for (const [position, p] of players.entries()) {
      const key = { streamId: id, provider: p.provider, channel: p.channel }
      await tx.streamPlayer.upsert({
        where: { streamId_provider_channel: key },
        create: { ...key, active: p.active ?? true, position },
        update: { active: p.active ?? true, position },
      })
    }
    await refreshStream(tx, id)
  })
  return id
}

function checkPlayers(players: PlayerInput[]) {
  if (players.length > PLAYERS_MAX) throw invalid('players', `at most ${PLAYERS_MAX} players`)
  const seen = new Set<string>()
  for (const [i, p] of players.entries()) {
    if (!CHANNEL_PATTERN.test(p.channel))
      throw invalid(`players[${i}].channel`, 'must be 1–64 letters, digits, _ . or -')
    const key = `${p.provider}/${p.channel}`
    if (seen.has(key)) throw invalid(`players[${i}]`, 'is listed twice')
    seen.add(key)
  }
}

export interface CategoryInput {
  id?: number | null
  slug: string
  name: string
  parentId?: number | null
  position?: number | null
}

/** Creates or changes a stream category (stream admins). The root stays the root; no category becomes its own ancestor. */
export async function saveCategory(ctx: Context, input: CategoryInput) {
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(input.slug))
    throw invalid('slug', 'must be 1–32 lower-case letters, digits or -')
  checkText('name', input.name, 1, 100)
  if (input.position != null && Math.abs(input.position) > 1_000_000) throw invalid('position', 'is out of range')
  const isRoot = input.slug === ROOT_SLUG
  if (isRoot && input.parentId != null) throw invalid('parentId', 'the root category has no parent')
  if (!isRoot && input.parentId == null) throw invalid('parentId', 'is required: every category but the root has one')
  return ctx.prisma.$transaction(async (tx) => {
    const existing = input.id != null ? await tx.streamCategory.findUnique({ where: { id: input.id } }) : null
    if (input.id != null && !existing)
      throw new AppError('CONTENT_CATEGORY_NOT_FOUND', 'id: no such stream category', { field: 'id' })
    if (existing?.slug === ROOT_SLUG && !isRoot) throw invalid('slug', 'the root keeps the slug top')
    if (input.parentId != null) await checkParent(tx, input.parentId, existing?.id ?? null)
    const clash = await tx.streamCategory.findUnique({ where: { slug: input.slug } })
    if (clash && clash.id !== existing?.id) throw invalid('slug', 'is taken by another category', 'CONFLICT')
    const data = {
      slug: input.slug,
      name: input.name.trim(),
      parentId: input.parentId ?? null,
      position: input.position ?? 0,
    }
    if (existing) return tx.streamCategory.update({ where: { id: existing.id }, data })
    if ((await tx.streamCategory.count()) >= TREE_MAX) throw invalid('id', `a site has at most ${TREE_MAX} categories`)
    return tx.streamCategory.create({ data })
  })
}

type Tx = Parameters<Parameters<Context['prisma']['$transaction']>[0]>[0]

async function checkParent(tx: Tx, parentId: number, self: number | null) {
  let at: number | null = parentId
  for (let depth = 0; at !== null; depth++) {
    if (at === self) throw invalid('parentId', 'would make the category its own ancestor')
    if (depth > 32) throw invalid('parentId', 'the tree is too deep')
    const row: { parentId: number | null } | null = await tx.streamCategory.findUnique({
      where: { id: at },
      select: { parentId: true },
    })
    if (!row)
      throw new AppError('CONTENT_CATEGORY_NOT_FOUND', 'parentId: no such stream category', { field: 'parentId' })
    at = row.parentId
  }
}

/** Removes a category without subcategories (stream admins); its streams lose their category. */
export async function removeCategory(ctx: Context, id: number) {
  const c = await ctx.prisma.streamCategory.findUnique({
    where: { id },
    include: { _count: { select: { children: true } } },
  })
  if (!c) throw new AppError('CONTENT_CATEGORY_NOT_FOUND', 'id: no such stream category', { field: 'id' })
  if (c.slug === ROOT_SLUG) throw invalid('id', 'the root category stays')
  if (c._count.children > 0) throw invalid('id', 'has subcategories: move or remove them first', 'CONFLICT')
  await ctx.prisma.streamCategory.delete({ where: { id } })
  return true
}
