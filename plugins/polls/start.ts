import type { Context } from '../../src/context.js'
import { signedIn } from '../../src/auth/signed-in.js'
import { TX_OPTIONS } from '../../src/db/client.js'
import { isUniqueViolation } from '../../src/db/errors.js'
import { AppError } from '../../src/errors.js'
import { mayEnd, mayRead, moderates, visibleChannel, visiblePoll } from './access.js'
import { pollsOf } from './state.js'
import { checkDuration, checkOptions, checkText, POLL_LIMITS, type OptionInput } from './validate.js'
import { pollView, type PollView } from './views.js'

/** Advisory-lock namespace "POLL": one channel's poll starts, so two never both find the channel free. */
const CHANNEL_LOCK = 0x504f4c4c

export interface ChannelPollInput {
  channel: string
  question: string
  options: readonly OptionInput[]
  durationSeconds: number
  donate?: boolean | null
}

export interface MessagePollInput {
  messageId: number
  question: string
  options: readonly string[]
  multiple?: boolean | null
  expiresHours?: number | null
}

async function mustView(ctx: Context, id: number): Promise<PollView> {
  const view = await pollView(ctx.prisma, id)
  if (!view) throw new Error(`poll ${id} vanished right after it was written`)
  return view
}

/**
 * Starts a poll on a chat channel (peka2 /api/poll/start): its moderators only (the streamer on their own stream,
 * site moderators …), one running poll per channel, checked under a lock on the channel.
 */
export async function startChannelPoll(ctx: Context, input: ChannelPollInput): Promise<PollView> {
  const me = signedIn(ctx)
  const { store } = pollsOf(ctx)
  const ch = await visibleChannel(ctx, input.channel)
  if (!(await moderates(ctx, ch)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', `channel: only moderators of ${ch.id} start its polls`, {
      field: 'channel',
    })
  const question = checkText(input.question, 'question', POLL_LIMITS.questionMax)
  const options = checkOptions(input.options)
  const duration = checkDuration(input.durationSeconds, 'durationSeconds')
  const donate = input.donate === true
  if (donate && !store)
    throw new AppError('POLL_DONATE_UNAVAILABLE', 'donate: paid votes need the store, which is not enabled here', {
      field: 'donate',
    })
  const id = await ctx.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHANNEL_LOCK}::int4, hashtext(${ch.id}))`
    const now = new Date()
    const running = await tx.poll.findFirst({
      where: { channel: ch.id, messageId: null, endedAt: null, endsAt: { gt: now } },
      select: { id: true },
    })
    if (running)
      throw new AppError('POLL_ALREADY_ACTIVE', `channel: poll ${running.id} is still running in ${ch.id}`, {
        field: 'channel',
        pollId: running.id,
      })
    const poll = await tx.poll.create({
      data: {
        channel: ch.id,
        question,
        donate,
        startedById: me.id,
        startedAt: now,
        endsAt: new Date(now.getTime() + duration * 1000),
        options: { create: options },
      },
      select: { id: true },
    })
    return poll.id
  }, TX_OPTIONS)
  const view = await mustView(ctx, id)
  pollsOf(ctx).live.started(view)
  return view
}

/** Attaches a poll to a message (messenger POST /api/messages/:id/poll): by the message's author, one per message. */
export async function createMessagePoll(ctx: Context, input: MessagePollInput): Promise<PollView> {
  const me = signedIn(ctx)
  const { chat, config } = pollsOf(ctx)
  const message = (await chat.messages([input.messageId])).at(0)
  if (!message || message.removed || !(await mayRead(ctx, message.channel)))
    throw new AppError('MESSAGE_NOT_FOUND', `messageId: message ${input.messageId} does not exist`, {
      field: 'messageId',
    })
  if (message.fromId !== me.id)
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'messageId: only its author attaches a poll to a message', {
      field: 'messageId',
    })
  const question = checkText(input.question, 'question', POLL_LIMITS.questionMax)
  const options = checkOptions(input.options.map((text) => ({ text })))
  const hours = input.expiresHours ?? config.defaultHours
  const maxHours = POLL_LIMITS.durationMaxSeconds / 3600
  if (!Number.isInteger(hours) || hours < 1 || hours > maxHours)
    throw new AppError('INVALID_INPUT', `expiresHours: must be a whole number of hours from 1 to ${maxHours}`, {
      field: 'expiresHours',
    })
  const now = new Date()
  const id = await ctx.prisma.poll
    .create({
      data: {
        channel: message.channel,
        messageId: message.id,
        question,
        multiple: input.multiple === true,
        startedById: me.id,
        startedAt: now,
        endsAt: new Date(now.getTime() + hours * 3600_000),
        options: { create: options },
      },
      select: { id: true },
    })
    .then((p) => p.id)
    .catch((e: unknown) => {
      if (isUniqueViolation(e))
        throw new AppError('POLL_ALREADY_EXISTS', `messageId: message ${message.id} has a poll already`, {
          field: 'messageId',
        })
      throw e
    })
  const view = await mustView(ctx, id)
  pollsOf(ctx).live.started(view)
  return view
}

/** Ends a running poll now: whoever started it or a moderator of its channel. Its counts stay as they are. */
export async function endPoll(ctx: Context, pollId: number): Promise<PollView> {
  const me = signedIn(ctx)
  const shape = await visiblePoll(ctx, pollId)
  if (!(await mayEnd(ctx, shape)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'pollId: only its starter or a channel moderator ends a poll', {
      field: 'pollId',
    })
  const now = new Date()
  const { count } = await ctx.prisma.poll.updateMany({
    where: { id: shape.id, endedAt: null, endsAt: { gt: now } },
    data: { endedAt: now, endedById: me.id },
  })
  if (!count) throw new AppError('POLL_ENDED', `pollId: poll ${shape.id} has ended already`, { field: 'pollId' })
  const view = await mustView(ctx, shape.id)
  pollsOf(ctx).live.ended(view)
  return view
}
