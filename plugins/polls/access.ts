import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import type { ResolvedChannel } from '../chat/public.js'
import type { PollShape } from './shapes.js'
import { pollsOf } from './state.js'

/** A channel id as stored on a poll → chat's view of it (null: its kind is gone, e.g. its plugin was switched off). */
function storedChannel(ctx: Context, channel: string): ResolvedChannel | null {
  const kind = pollsOf(ctx).chat.kindOf(channel)
  return kind ? { id: channel, kind, parts: channel.split('/').slice(1) } : null
}

/** Whoever may read a poll's channel sees the poll and may vote in it. */
export async function mayRead(ctx: Context, channel: string): Promise<boolean> {
  const ch = storedChannel(ctx, channel)
  return ch !== null && (await ch.kind.canRead(ctx, ch.parts))
}

export const pollNotFound = (id: unknown, field: string) =>
  new AppError('POLL_NOT_FOUND', `${field}: poll ${String(id)} does not exist`, { field })

/** A poll the viewer may see; one they may not is answered as one that does not exist. */
export async function visiblePoll(ctx: Context, id: number, field = 'pollId'): Promise<PollShape> {
  const shape = await pollsOf(ctx).shapes.get(id)
  if (!shape || !(await mayRead(ctx, shape.channel))) throw pollNotFound(id, field)
  return shape
}

/**
 * A channel named by the caller, which the viewer may read; CHANNEL_NOT_FOUND otherwise (the same answer a missing
 * channel gets, so private and staff channels are not confirmed).
 */
export async function visibleChannel(ctx: Context, channel: unknown, field = 'channel'): Promise<ResolvedChannel> {
  const ch = await pollsOf(ctx).chat.resolveChannel(ctx, channel, field)
  if (!(await ch.kind.canRead(ctx, ch.parts)))
    throw new AppError('CHANNEL_NOT_FOUND', `${field}: channel "${ch.id}" does not exist`, { field })
  return ch
}

/**
 * The same answer without asking whether the channel exists (no lookup on the peka2 vote's hot path): a channel the
 * viewer may not read, or not a channel id at all, is CHANNEL_NOT_FOUND; one that does not exist simply has no poll.
 */
export async function readableChannelId(ctx: Context, channel: string, field = 'channel'): Promise<void> {
  const kind = channel.length > 100 ? null : pollsOf(ctx).chat.kindOf(channel)
  const parts = kind?.parse(channel.split('/').slice(1)) ?? null
  if (!kind || !parts || !(await kind.canRead(ctx, parts)))
    throw new AppError('CHANNEL_NOT_FOUND', `${field}: channel "${channel}" does not exist`, { field })
}

/** Who may start and end a channel's polls: its moderators, by chat's one rule (the streamer, site moderators …). */
export const moderates = (ctx: Context, ch: ResolvedChannel) => pollsOf(ctx).chat.isChannelModerator(ctx, ch)

/** Who may end a poll early: whoever started it, or a moderator of its channel. */
export async function mayEnd(ctx: Context, shape: PollShape): Promise<boolean> {
  if (ctx.viewer?.id === shape.startedById) return true
  const ch = storedChannel(ctx, shape.channel)
  return ch !== null && (await moderates(ctx, ch))
}
