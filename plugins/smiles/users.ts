import DataLoader from 'dataloader'
import type { Context } from '../../src/context.js'
import type { User } from '../../src/generated/prisma/client.js'

/**
 * Smile owners, batched per request: a list of smiles costs one query for all their users. No cache across batches,
 * because a subscription keeps its context for hours and must show a renamed user's new name.
 */
const loaders = new WeakMap<Context, DataLoader<number, User | null>>()

export function loadUser(ctx: Context, id: number | null): Promise<User | null> | null {
  if (id === null) return null
  let loader = loaders.get(ctx)
  if (!loader) {
    loader = new DataLoader(
      async (ids) => {
        const rows = await ctx.prisma.user.findMany({ where: { id: { in: [...ids] } } })
        return ids.map((id) => rows.find((r) => r.id === id) ?? null)
      },
      { cache: false },
    )
    loaders.set(ctx, loader)
  }
  return loader.load(id)
}
