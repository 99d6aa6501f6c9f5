import type { Context, Viewer } from '../../src/context.js'
import type { Services } from '../../src/services.js'
import { AppError } from '../../src/errors.js'
import type { ChannelKind, ChatMessageView, ChatUserView, ResolvedChannel } from './public.js'
import { chatOf, chatState } from './state.js'

export type { ResolvedChannel }

/** A database id as it appears in a channel id or a cursor: 1 … 2^31 − 1 (Int columns), no leading zeros. */
export const isId = (s: string | undefined | null) => !!s && /^[1-9]\d{0,9}$/.test(s) && Number(s) <= 2_147_483_647
const userExists = async (ctx: Context, id: number) =>
  !!(await ctx.prisma.user.findUnique({ where: { id }, select: { id: true } }))
const staff = (v: Viewer | null) => !!v && (v.roles.moderator > 0 || v.roles.support > 0)
const mod = (v: Viewer | null) => !!v && v.roles.moderator > 0

const simple = (name: string, opts: Partial<ChannelKind> & { title: string }): ChannelKind => ({
  name,
  parse: (rest) => (rest.length === 0 ? [] : null),
  public: false,
  exists: () => true,
  canRead: () => true,
  canWrite: (ctx) => !!ctx.viewer,
  isModerator: (ctx) => mod(ctx.viewer),
  describe: () => ({ name: opts.title, ownerId: null }),
  readablePatterns: () => [name],
  ...opts,
})

/** A streamer's stream channel, by the user id after the kind (`stream/<id>`) */
const streamerKind = (name: string, opts: Pick<ChannelKind, 'public' | 'canWrite'>): ChannelKind => ({
  name,
  parse: (rest) => (rest.length === 1 && isId(rest[0]) ? rest : null),
  exists: (ctx, [id]) => userExists(ctx, Number(id)),
  canRead: () => true,
  // The streamer moderates their own stream's chat, as do site moderators.
  isModerator: (ctx, [id]) => mod(ctx.viewer) || ctx.viewer?.id === Number(id),
  describe: async (ctx, [id]) => {
    const u = await ctx.prisma.user.findUnique({ where: { id: Number(id) }, select: { name: true } })
    return { name: u?.name ?? `${name}/${id}`, ownerId: Number(id) }
  },
  readablePatterns: () => [`${name}/%`],
  ...opts,
})

/**
 * peka2's channel kinds (chat.md, "Каналы чата"); others (private conversations, support, rooms …) are registered by
 * their plugins. `twitch.tv/<id>` and `goodgame.ru/<id>` carry the streamer's chat on those services, relayed by the
 * site: read-only here, and quiet until something relays into them.
 */
export const BUILT_IN_KINDS: ChannelKind[] = [
  simple('main', { title: 'Main', public: true }),
  simple('admin', {
    title: 'Admin',
    canRead: (ctx) => staff(ctx.viewer),
    canWrite: (ctx) => staff(ctx.viewer),
    readablePatterns: (v) => (staff(v) ? ['admin'] : []),
  }),
  // The read-only stream of every public channel: nothing is written to it directly.
  simple('all', { title: 'All', canWrite: () => false, readablePatterns: () => [] }),
  simple('system', { title: 'System', canWrite: () => false }),
  streamerKind('stream', { public: true, canWrite: (ctx) => !!ctx.viewer }),
  streamerKind('twitch.tv', { public: false, canWrite: () => false }),
  streamerKind('goodgame.ru', { public: false, canWrite: () => false }),
]

/**
 * Every plugin that takes a channel id resolves it here, against the kinds chat and others registered:
 * CHANNEL_NOT_FOUND (naming the field) when it is malformed, of an unknown kind, or does not exist.
 */
export async function resolveChannel(ctx: Context, id: unknown, field = 'channel'): Promise<ResolvedChannel> {
  if (typeof id !== 'string' || id.length > 100)
    throw new AppError('CHANNEL_NOT_FOUND', `${field}: not a channel id`, { field })
  const [name, ...rest] = id.split('/')
  const kind = chatOf(ctx).kinds.get(name)
  const parts = kind?.parse(rest)
  if (!kind || !parts) throw new AppError('CHANNEL_NOT_FOUND', `${field}: unknown channel "${id}"`, { field })
  if (!(await kind.exists(ctx, parts)))
    throw new AppError('CHANNEL_NOT_FOUND', `${field}: channel "${id}" does not exist`, { field })
  return { id, kind, parts }
}

/** A channel from an id already stored or checked, without the existence check. */
export function channelOf(services: Services, id: string): ResolvedChannel | null {
  const [name, ...rest] = id.split('/')
  const kind = chatState.of(services).kinds.get(name)
  return kind ? { id, kind, parts: rest } : null
}

export async function readableChannel(ctx: Context, id: unknown, field = 'channel') {
  const ch = await resolveChannel(ctx, id, field)
  if (!(await ch.kind.canRead(ctx, ch.parts)))
    throw new AppError(
      ctx.viewer ? 'INSUFFICIENT_PERMISSIONS' : 'UNAUTHENTICATED',
      `${field}: you may not read ${ch.id}`,
      { field },
    )
  return ch
}

/**
 * A channel the viewer may read, or the very answer a channel that does not exist gets (CHANNEL_NOT_FOUND, same
 * message): for lookups that must not confirm what someone else's private, staff or support channel is.
 */
export async function visibleChannel(ctx: Context, id: unknown, field = 'channel') {
  const ch = await resolveChannel(ctx, id, field)
  if (!(await ch.kind.canRead(ctx, ch.parts)))
    throw new AppError('CHANNEL_NOT_FOUND', `${field}: channel "${ch.id}" does not exist`, { field })
  return ch
}

/**
 * Who moderates a channel — the one rule, for chat's own powers (remove, pin, slow mode, staff message types) and for
 * every plugin (sanctions, complaints): the kind's own moderators (site moderators, the streamer …) or anyone a
 * registered moderator check admits (appointed channel moderators). `who` is asked about, the viewer by default.
 */
export async function isChannelModerator(
  ctx: Context,
  ch: ResolvedChannel,
  who: Viewer | null = ctx.viewer,
): Promise<boolean> {
  if (!who) return false
  const as = who === ctx.viewer ? ctx : { ...ctx, viewer: who }
  if (await ch.kind.isModerator(as, ch.parts)) return true
  for (const check of chatOf(ctx).moderatorChecks) if (await check(as, ch.id, who.id)) return true
  return false
}

/** A message as this viewer may see it: kinds with `present` (support) rewrite who wrote it. */
export function presentMessage(
  viewer: Viewer | null,
  ch: { kind: ChannelKind; parts: string[] },
  m: ChatMessageView,
): ChatMessageView {
  return ch.kind.present ? ch.kind.present(viewer, ch.parts, m) : m
}

/** The same rewrite for a lone user (typing, reactions), through the message presenter so there is one rule. */
export function presentUser(
  viewer: Viewer | null,
  ch: { kind: ChannelKind; parts: string[] },
  u: ChatUserView,
): ChatUserView {
  if (!ch.kind.present) return u
  const probe: ChatMessageView = {
    id: 0,
    channel: '',
    from: u,
    to: null,
    actor: null,
    text: '',
    type: 'message',
    time: '',
    editedAt: null,
    replyToId: null,
    pinned: false,
    reactions: [],
    attachments: [],
  }
  return ch.kind.present(viewer, ch.parts, probe).from ?? u
}

/** Channels whose kind hides identities show how many watch, never who. */
export const presentPresence = (ch: { kind: ChannelKind }, p: { amount: number; users: number[] }) =>
  ch.kind.present ? { amount: p.amount, users: [] } : p
