import DataLoader from 'dataloader'
import type { Context } from '../../context.js'
import type { Prisma, User } from '../../generated/prisma/client.js'

/** What a Pothos `prismaField` of type User hands its resolver: the selection the query asked for. */
export interface UserQuery {
  select?: Prisma.UserSelect
  include?: Prisma.UserInclude
}

/** batches the lookups of one tick and keeps nothing: a subscription's context lives long and users change */
const NO_CACHE = { cache: false } as const

const loaders = new WeakMap<Context, Map<string, DataLoader<number, User | null>>>()

/**
 * A user by id for a field resolver, the lookups of one tick batched into one `findMany` per selection. Prisma batches
 * `findUnique` calls too, but each one still runs its whole client pipeline: a list of fifty rows with their authors
 * costs fifty of those, here one.
 */
export function userById(ctx: Context, query: UserQuery, id: number): Promise<User | null> {
  let byQuery = loaders.get(ctx)
  if (!byQuery) loaders.set(ctx, (byQuery = new Map<string, DataLoader<number, User | null>>()))
  const key = JSON.stringify(query)
  let loader = byQuery.get(key)
  if (!loader) {
    // the id is what the rows are matched back by: selected whatever the query asked for
    const shaped = query.select ? { select: { ...query.select, id: true } } : query
    loader = new DataLoader(async (ids: readonly number[]) => {
      const rows = await ctx.prisma.user.findMany({ ...shaped, where: { id: { in: [...ids] } } })
      const byId = new Map(rows.map((r) => [r.id, r]))
      return ids.map((i) => byId.get(i) ?? null)
    }, NO_CACHE)
    byQuery.set(key, loader)
  }
  return loader.load(id)
}
