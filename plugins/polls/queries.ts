import DataLoader from 'dataloader'
import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import { mayRead, visibleChannel } from './access.js'
import { pollsOf } from './state.js'
import { pollView, pollViews, type PollView } from './views.js'

/** The newest poll of a channel (peka2: the running one, else the previous), or null when there never was one. */
export async function latestChannelPoll(ctx: Context, channel: unknown): Promise<PollView | null> {
  const ch = await visibleChannel(ctx, channel)
  const row = await ctx.prisma.poll.findFirst({
    where: { channel: ch.id, messageId: null },
    orderBy: { id: 'desc' },
    select: { id: true },
  })
  return row ? pollView(ctx.prisma, row.id) : null
}

/** The same for peka2's routes, which answer an error when the channel never had a poll. */
export async function requireChannelPoll(ctx: Context, channel: unknown): Promise<PollView> {
  const view = await latestChannelPoll(ctx, channel)
  if (!view)
    throw new AppError('POLL_NOT_FOUND', `channel: no poll was ever started in ${String(channel)}`, {
      field: 'channel',
    })
  return view
}

/** A channel's polls, newest first (the running one, then past ones with their final counts), by id cursor. */
export async function channelPollsPage(
  ctx: Context,
  channel: unknown,
  page: { beforeId?: number; take: number },
): Promise<PollView[]> {
  const ch = await visibleChannel(ctx, channel)
  const rows = await ctx.prisma.poll.findMany({
    where: { channel: ch.id, messageId: null, ...(page.beforeId === undefined ? {} : { id: { lt: page.beforeId } }) },
    orderBy: { id: 'desc' },
    take: page.take,
    select: { id: true },
  })
  return pollViews(
    ctx.prisma,
    rows.map((r) => r.id),
  )
}

/** The poll attached to a message the viewer may read, or null. */
export async function messagePoll(ctx: Context, messageId: number): Promise<PollView | null> {
  const message = (await pollsOf(ctx).chat.messages([messageId])).at(0)
  if (!message || message.removed || !(await mayRead(ctx, message.channel))) return null
  const row = await ctx.prisma.poll.findUnique({ where: { messageId }, select: { id: true } })
  return row ? pollView(ctx.prisma, row.id) : null
}

/** Polls by id for the Node loader: those the viewer may not read are left out (null), as if they did not exist. */
export async function readablePolls(ctx: Context, ids: number[]): Promise<(PollView | null)[]> {
  const views = new Map((await pollViews(ctx.prisma, ids)).map((v) => [v.id, v]))
  return Promise.all(
    ids.map(async (id) => {
      const v = views.get(id)
      return v && (await mayRead(ctx, v.channel)) ? v : null
    }),
  )
}

/**
 * The viewer's free votes (option ids) in several polls, one statement per request however many polls are shown.
 * Batched, never cached: a subscription keeps one context for all its events, and votes change between them.
 */
/** batches the lookups of one tick; keeps nothing, so a long-lived context (a subscription's) always reads afresh */
const NO_CACHE = { cache: false } as const

const loaders = new WeakMap<Context, DataLoader<number, number[]>>()
export function viewerVotes(ctx: Context, pollId: number): Promise<number[]> {
  const viewer = ctx.viewer
  if (!viewer) return Promise.resolve([])
  let loader = loaders.get(ctx)
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const rows = await ctx.prisma.pollVote.findMany({
        where: { pollId: { in: [...ids] }, userId: viewer.id },
        select: { pollId: true, optionId: true },
      })
      return ids.map((id) => rows.filter((r) => r.pollId === id).map((r) => r.optionId))
    }, NO_CACHE)
    loaders.set(ctx, loader)
  }
  return loader.load(pollId)
}

/** How many paid votes the viewer gave in a poll. */
export const viewerPaidVotes = (ctx: Context, pollId: number) =>
  ctx.viewer ? ctx.prisma.pollPaidVote.count({ where: { pollId, userId: ctx.viewer.id } }) : Promise.resolve(0)

/** The poll of each of several messages shown (chat history with ChatMessage.poll): one statement per batch. */
const byMessage = new WeakMap<Context, DataLoader<number, PollView | null>>()
export function pollOfShownMessage(ctx: Context, messageId: number): Promise<PollView | null> {
  let loader = byMessage.get(ctx)
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const rows = await ctx.prisma.poll.findMany({ where: { messageId: { in: [...ids] } }, select: { id: true } })
      const views = await pollViews(
        ctx.prisma,
        rows.map((r) => r.id),
      )
      return ids.map((id) => views.find((v) => v.messageId === id) ?? null)
    }, NO_CACHE)
    byMessage.set(ctx, loader)
  }
  return loader.load(messageId)
}
