import type { Context } from '../context.js'
import type { ChannelKind, Hooks } from './hooks.js'
import { AppError } from '../errors.js'

/** A channel id parsed against the registered kinds ("stream/5" → kind stream, parts ["5"]). */
export interface ResolvedChannel {
  id: string
  kind: ChannelKind
  parts: string[]
}

/**
 * Every plugin that takes a channel id resolves it here, against the kinds chat and others registered:
 * CHANNEL_NOT_FOUND (naming the field) when it is malformed, of an unknown kind, or does not exist.
 */
export async function resolveChannel(ctx: Context, id: unknown, field = 'channel'): Promise<ResolvedChannel> {
  if (typeof id !== 'string' || id.length > 100) throw new AppError('CHANNEL_NOT_FOUND', `${field}: not a channel id`, { field })
  const [name, ...rest] = id.split('/')
  const kind = ctx.services.hooks.channelKinds.get(name)
  const parts = kind?.parse(rest)
  if (!kind || !parts) throw new AppError('CHANNEL_NOT_FOUND', `${field}: unknown channel "${id}"`, { field })
  if (!(await kind.exists(ctx, parts))) throw new AppError('CHANNEL_NOT_FOUND', `${field}: channel "${id}" does not exist`, { field })
  return { id, kind, parts }
}

/** A channel from an id already stored or checked, without the existence check. */
export function channelOf(hooks: Hooks, id: string): ResolvedChannel | null {
  const [name, ...rest] = id.split('/')
  const kind = hooks.channelKinds.get(name)
  return kind ? { id, kind, parts: rest } : null
}
