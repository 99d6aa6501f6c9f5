import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import type { ResolvedChannel } from './channels.js'

/** The filter that leaves out what the viewer removed for themselves in a channel (ChannelKind.hiddenFor). */
export async function notHiddenWhere(ctx: Context, ch: ResolvedChannel): Promise<Prisma.ChatMessageWhereInput> {
  const hidden = ctx.viewer ? await ch.kind.hiddenFor?.(ctx, ch.parts) : null
  if (!hidden) return {}
  return {
    id: { gt: hidden.upToId, ...(hidden.ids.length ? { notIn: hidden.ids } : {}) },
  }
}

/** Did the viewer remove this message of the channel for themselves? */
export async function isHiddenFor(ctx: Context, ch: ResolvedChannel, id: number): Promise<boolean> {
  const hidden = ctx.viewer ? await ch.kind.hiddenFor?.(ctx, ch.parts) : null
  return !!hidden && (id <= hidden.upToId || hidden.ids.includes(id))
}
