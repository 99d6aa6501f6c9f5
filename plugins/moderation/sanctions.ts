import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../src/errors.js'
import { Effects } from './effects.js'
import type { ResolvedChannel } from '../chat/public.js'
import { checkText, userOrThrow, viewerOf, signedIn } from './common.js'
import { chatApi } from './state.js'
import { runSanctionHooks } from './sanction-hooks.js'
import { publicActor } from './public-actor.js'

/** JustChat's service actions in one channel: kick (until re-entry), silence (until a time), ban (until lifted or a time). */
export const SANCTION_KINDS = ['kick', 'silence', 'ban'] as const
export type SanctionKind = (typeof SANCTION_KINDS)[number]
const MAX_MS = 365 * 24 * 3600_000
const ACTION = { kick: 'CHANNEL_KICK', silence: 'CHANNEL_SILENCE', ban: 'CHANNEL_BAN' } as const

export type SanctionRow = Prisma.ChannelSanctionGetPayload<object>

/** Sanctions in force at `now`: a kick until re-entry, a silence until its end, a ban until its end (null: for good). */
export const inForce = (now: Date): Prisma.ChannelSanctionWhereInput => ({
  liftedAt: null,
  OR: [
    { kind: 'kick' },
    { kind: 'silence', until: { gt: now } },
    { kind: 'ban', OR: [{ until: null }, { until: { gt: now } }] },
  ],
})

/** The caller must moderate the channel; the target must not (owners, staff and appointed moderators are exempt). */
async function authorize(
  ctx: Context,
  channelId: string,
  userId: number,
): Promise<{ ch: ResolvedChannel; target: { id: number; name: string } }> {
  const chat = chatApi(ctx)
  const ch = await chat.resolveChannel(ctx, channelId)
  // Sanctions are announced with names; a support conversation never shows who is in it (support/ban instead).
  if (ch.kind.name === 'support')
    throw new AppError(
      'INSUFFICIENT_PERMISSIONS',
      'channel: support conversations are moderated with the support ban',
      { field: 'channel' },
    )
  if (!(await chat.isChannelModerator(ctx, ch)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', `channel: you do not moderate ${ch.id}`, { field: 'channel' })
  const target = await userOrThrow(ctx.prisma, userId)
  if (target.id === signedIn(ctx).id) throw invalid('userId', 'you cannot sanction yourself')
  if (await chat.isChannelModerator(ctx, ch, await viewerOf(ctx.prisma, target.id)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', 'userId: moderators of this channel cannot be sanctioned in it', {
      field: 'userId',
    })
  return { ch, target }
}

function checkUntil(kind: SanctionKind, until: Date | null | undefined) {
  if (kind === 'kick') return null
  if (until == null) {
    if (kind === 'silence') throw invalid('until', 'a silence needs an end time')
    return null
  }
  const ms = until.getTime() - Date.now()
  if (ms <= 0 || ms > MAX_MS) throw invalid('until', 'must be in the future, at most a year ahead')
  return until
}

export interface SanctionInput {
  channel: string
  userId: number
  kind: SanctionKind
  until?: Date | null
  text?: string | null
  refMessageId?: number | null
}

/** The service message's text; `actor` only when public (publicActor): anonymous moderation is not named here either. */
const serviceText = (kind: SanctionKind, target: string, actor: string | null, until: Date | null, text: string) =>
  ({
    kick: `${target} was kicked`,
    silence: `${target} was silenced`,
    ban: `${target} was banned from this channel`,
  })[kind] +
  (actor === null ? '' : ` by ${actor}`) +
  (until ? ` until ${until.toISOString()}` : '') +
  (text ? `: ${text}` : '')

export async function sanction(ctx: Context, input: SanctionInput) {
  const { ch, target } = await authorize(ctx, input.channel, input.userId)
  const until = checkUntil(input.kind, input.until)
  const text = checkText('text', input.text, 500)
  if (input.refMessageId != null) {
    const ref = (await chatApi(ctx).messages([input.refMessageId])).at(0)
    if (ref?.channel !== ch.id)
      throw new AppError('MESSAGE_NOT_FOUND', 'refMessage: no such message in this channel', { field: 'refMessage' })
  }
  const actor = signedIn(ctx)
  const shown = await publicActor(ctx, ch, actor.id)
  const fx = new Effects()
  const row = await ctx.prisma.$transaction(async (tx) => {
    // A new silence or ban replaces the one in force (the latest decision sets the end); kicks stand alone.
    if (input.kind !== 'kick')
      await tx.channelSanction.updateMany({
        where: { channel: ch.id, userId: target.id, kind: input.kind, liftedAt: null },
        data: { liftedAt: new Date() },
      })
    const row = await tx.channelSanction.create({
      data: {
        channel: ch.id,
        userId: target.id,
        kind: input.kind,
        until,
        actorId: actor.id,
        refMessageId: input.refMessageId ?? null,
        text: text || null,
      },
    })
    await fx.audit(tx, {
      action: ACTION[input.kind],
      actorId: actor.id,
      targetUserId: target.id,
      channel: ch.id,
      messageId: row.refMessageId,
      data: { until: until?.toISOString() ?? null, text: row.text },
    })
    // JustChat's service message, in the same transaction: a sanction is never in force unannounced
    await chatApi(ctx).postSystem(
      ch.id,
      serviceText(input.kind, target.name, shown === null ? null : actor.name, until, text),
      { type: input.kind, toId: target.id, replyToId: row.refMessageId, actorId: shown },
      fx.inTransaction(tx),
    )
    await runSanctionHooks(ctx.services, { channel: ch.id, userId: target.id, kind: input.kind, lifted: false }, tx, fx)
    return row
  })
  await fx.flush(ctx)
  return row
}

/** Ends a silence or ban (or a kick) early. */
export async function lift(ctx: Context, channelId: string, userId: number, kind: SanctionKind) {
  const { ch, target } = await authorize(ctx, channelId, userId)
  const fx = new Effects()
  const n = await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.channelSanction.updateMany({
      where: { channel: ch.id, userId: target.id, kind, ...inForce(new Date()) },
      data: { liftedAt: new Date() },
    })
    if (count) {
      await fx.audit(tx, {
        action: 'CHANNEL_LIFT',
        actorId: signedIn(ctx).id,
        targetUserId: target.id,
        channel: ch.id,
        data: { kind },
      })
      await runSanctionHooks(ctx.services, { channel: ch.id, userId: target.id, kind, lifted: true }, tx, fx)
    }
    return count
  })
  await fx.flush(ctx)
  return n > 0
}

/** A kicked user writes again after re-entering the channel (justchat-api.md, Kick). */
export async function rejoin(ctx: Context, channelId: string) {
  const ch = await chatApi(ctx).resolveChannel(ctx, channelId)
  const { count } = await ctx.prisma.channelSanction.updateMany({
    where: { channel: ch.id, userId: signedIn(ctx).id, kind: 'kick', liftedAt: null },
    data: { liftedAt: new Date() },
  })
  return count > 0
}

/** Sanctions in force in a channel, for its moderators. */
export async function sanctionsIn(ctx: Context, channelId: string) {
  const chat = chatApi(ctx)
  const ch = await chat.resolveChannel(ctx, channelId)
  if (!(await chat.isChannelModerator(ctx, ch)))
    throw new AppError('INSUFFICIENT_PERMISSIONS', `channel: you do not moderate ${ch.id}`, { field: 'channel' })
  return ctx.prisma.channelSanction.findMany({
    where: { channel: ch.id, ...inForce(new Date()) },
    orderBy: { id: 'desc' },
    take: 100,
  })
}
