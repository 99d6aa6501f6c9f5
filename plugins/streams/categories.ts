import type { Context } from '../../src/context.js'
import { AppError, invalid } from '../../src/errors.js'
import { streamsOf } from './state.js'
import type { CategoryContent, CategoryView } from './views.js'

/** peka2: "the root category of any content is found by slug `top`". */
export const ROOT_SLUG = 'top'
/** The stream tree is read whole per request: a site has tens of categories; past this many the rest are ignored. */
export const TREE_MAX = 1000
/** Subcategories one category shows at most. */
export const SUBCATEGORIES_MAX = 100
/** The support tree is flat: a root (id 0, not stored) over moderation's categories. */
const SUPPORT_ROOT: CategoryView = { id: 0, slug: ROOT_SLUG, name: 'Поддержка', parentId: null, content: 'support' }

export interface CategoryRef {
  id?: number | null
  slug?: string | null
}

/** The stream categories of one request, with their stream counts and weights. */
export class StreamTree {
  private readonly byId = new Map<number, CategoryView>()
  private readonly kids = new Map<number, CategoryView[]>()
  constructor(
    rows: { id: number; slug: string; name: string; parentId: number | null; position: number }[],
    /** visible online streams per category id (null: none): how many, and their summed rating */
    private readonly own: Map<number | null, { count: number; rating: number }>,
  ) {
    const sorted = [...rows].sort((a, b) => a.position - b.position || a.id - b.id)
    for (const r of sorted) this.byId.set(r.id, { ...r, content: 'stream' })
    for (const c of this.byId.values()) {
      if (c.parentId === null) continue
      const list = this.kids.get(c.parentId) ?? []
      list.push(c)
      this.kids.set(c.parentId, list)
    }
  }
  get(id: number) {
    return this.byId.get(id)
  }
  find(slug: string) {
    for (const c of this.byId.values()) if (c.slug === slug) return c
    return undefined
  }
  /** the category and everything under it (a cycle, which saving refuses, could not loop here) */
  subtree(id: number): number[] {
    const out: number[] = []
    const seen = new Set<number>()
    const stack = [id]
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (seen.has(next)) continue
      seen.add(next)
      out.push(next)
      for (const k of this.kids.get(next) ?? []) stack.push(k.id)
    }
    return out
  }
  /** the root counts every listed stream, those without a category too; another category its subtree's */
  stats(c: CategoryView) {
    if (c.slug === ROOT_SLUG) {
      let count = 0
      let rating = 0
      for (const s of this.own.values()) {
        count += s.count
        rating += s.rating
      }
      return { count, rating }
    }
    return this.subtree(c.id).reduce(
      (sum, id) => {
        const s = this.own.get(id)
        return s ? { count: sum.count + s.count, rating: sum.rating + s.rating } : sum
      },
      { count: 0, rating: 0 },
    )
  }
  /** its children, the heaviest first (peka2: sorted by weight), at most SUBCATEGORIES_MAX */
  children(id: number): CategoryView[] {
    const list = (this.kids.get(id) ?? []).map((c, i) => ({ c, i, w: this.stats(c).rating }))
    return list
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .slice(0, SUBCATEGORIES_MAX)
      .map((x) => x.c)
  }
}

/** Listed streams: online, active, not hidden (restream) — the same for every viewer. */
export const LISTED = { online: true, active: true, restream: false } as const

/** One read of the tree and one grouped count per request, however many categories a query shows. */
const trees = new WeakMap<object, Promise<StreamTree>>()

export function streamTree(ctx: Context): Promise<StreamTree> {
  let tree = trees.get(ctx)
  if (!tree) {
    tree = (async () => {
      const [rows, groups] = await Promise.all([
        ctx.prisma.streamCategory.findMany({
          take: TREE_MAX,
          orderBy: { id: 'asc' },
          select: { id: true, slug: true, name: true, parentId: true, position: true },
        }),
        ctx.prisma.liveStream.groupBy({
          by: ['categoryId'],
          where: LISTED,
          _count: { _all: true },
          _sum: { rating: true },
        }),
      ])
      const own = new Map(groups.map((g) => [g.categoryId, { count: g._count._all, rating: g._sum.rating ?? 0 }]))
      return new StreamTree(rows, own)
    })()
    trees.set(ctx, tree)
  }
  return tree
}

async function supportCategories(ctx: Context): Promise<CategoryView[]> {
  const moderation = streamsOf(ctx).moderation
  if (!moderation)
    throw new AppError('CONTENT_TYPE_UNAVAILABLE', 'content: support categories need moderation, which is off', {
      field: 'content',
    })
  return (await moderation.supportCategories()).map((c) => ({ ...c, parentId: SUPPORT_ROOT.id, content: 'support' }))
}

/** A category by id or slug (either; the id wins), or CONTENT_CATEGORY_NOT_FOUND naming the field given. */
export async function findCategory(ctx: Context, content: CategoryContent, ref: CategoryRef): Promise<CategoryView> {
  const field = ref.id != null ? 'id' : 'slug'
  if (ref.id == null && (ref.slug == null || ref.slug === ''))
    throw invalid('id', 'id or slug: one is required', 'MISSING_REQUIRED_FIELD')
  const missing = () => new AppError('CONTENT_CATEGORY_NOT_FOUND', `${field}: no such ${content} category`, { field })
  if (content === 'support') {
    const list = await supportCategories(ctx)
    const found =
      ref.id != null
        ? [SUPPORT_ROOT, ...list].find((c) => c.id === ref.id)
        : [SUPPORT_ROOT, ...list].find((c) => c.slug === ref.slug)
    if (!found) throw missing()
    return found
  }
  const tree = await streamTree(ctx)
  const found = ref.id != null ? tree.get(ref.id) : tree.find(ref.slug ?? '')
  if (!found) throw missing()
  return found
}

export async function parentOf(ctx: Context, c: CategoryView): Promise<CategoryView | null> {
  if (c.parentId === null) return null
  if (c.content === 'support') return SUPPORT_ROOT
  return (await streamTree(ctx)).get(c.parentId) ?? null
}

export async function subCategoriesOf(ctx: Context, c: CategoryView): Promise<CategoryView[]> {
  if (c.content === 'support')
    return c.id === SUPPORT_ROOT.id ? (await supportCategories(ctx)).slice(0, SUBCATEGORIES_MAX) : []
  return (await streamTree(ctx)).children(c.id)
}

/** Listed streams filed under it; null for support categories (questions are private, their count is not shown). */
export async function statsOf(ctx: Context, c: CategoryView) {
  if (c.content === 'support') return null
  return (await streamTree(ctx)).stats(c)
}
