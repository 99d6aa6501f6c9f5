import type { Context, Viewer } from '../../src/context.js'
import type { ChannelKind, ChatMessageView, ChatUserView, Hooks } from '../../src/plugins/hooks.js'
import { AppError } from '../../src/errors.js'
import { resolveChannel, type ResolvedChannel } from '../../src/plugins/channels.js'

export { resolveChannel, channelOf, type ResolvedChannel } from '../../src/plugins/channels.js'

/** A database id as it appears in a channel id or a cursor: 1 … 2^31 − 1 (Int columns), no leading zeros. */
export const isId = (s: string | undefined | null) => !!s && /^[1-9]\d{0,9}$/.test(s) && Number(s) <= 2_147_483_647
const userExists = async (ctx: Context, id: number) => !!(await ctx.prisma.user.findUnique({ where: { id }, select: { id: true } }))
const staff = (v: Viewer | null) => !!v && (v.roles.moderator > 0 || v.roles.support > 0)
const mod = (v: Viewer | null) => !!v && v.roles.moderator > 0

const simple = (name: string, opts: Partial<ChannelKind> & { title: string }): ChannelKind => ({
  name,
  parse: (rest) => (rest.length === 0 ? [] : null),
  public: false,
  exists: async () => true,
  canRead: async () => true,
  canWrite: async (ctx) => !!ctx.viewer,
  isModerator: async (ctx) => mod(ctx.viewer),
  describe: async () => ({ name: opts.title, ownerId: null }),
  readablePatterns: () => [name],
  ...opts,
})

/** peka2's channel kinds (chat.md, "Каналы чата"); rooms and support channels are registered by their plugins. */
export const BUILT_IN_KINDS: ChannelKind[] = [
  simple('main', { title: 'Main', public: true }),
  simple('admin', {
    title: 'Admin',
    canRead: async (ctx) => staff(ctx.viewer),
    canWrite: async (ctx) => staff(ctx.viewer),
    readablePatterns: (v) => (staff(v) ? ['admin'] : []),
  }),
  // The read-only stream of every public channel: nothing is written to it directly.
  simple('all', { title: 'All', canWrite: async () => false, readablePatterns: () => [] }),
  simple('system', { title: 'System', canWrite: async () => false }),
  {
    name: 'stream',
    parse: (rest) => (rest.length === 1 && isId(rest[0]) ? rest : null),
    public: true,
    exists: (ctx, [id]) => userExists(ctx, Number(id)),
    canRead: async () => true,
    canWrite: async (ctx) => !!ctx.viewer,
    // The streamer moderates their own stream's chat, as do site moderators.
    isModerator: async (ctx, [id]) => mod(ctx.viewer) || ctx.viewer?.id === Number(id),
    describe: async (ctx, [id]) => {
      const u = await ctx.prisma.user.findUnique({ where: { id: Number(id) }, select: { name: true } })
      return { name: u?.name ?? `stream/${id}`, ownerId: Number(id) }
    },
    readablePatterns: () => ['stream/%'],
  },
  {
    name: 'private',
    // private/<a>/<b> with a ≤ b: one channel per pair of users.
    parse: (rest) => (rest.length === 2 && isId(rest[0]) && isId(rest[1]) && Number(rest[0]) <= Number(rest[1]) ? rest : null),
    public: false,
    exists: async (ctx, [a, b]) => (await userExists(ctx, Number(a))) && (await userExists(ctx, Number(b))),
    canRead: async (ctx, [a, b]) => !!ctx.viewer && (ctx.viewer.id === Number(a) || ctx.viewer.id === Number(b)),
    canWrite: async (ctx, [a, b]) => !!ctx.viewer && (ctx.viewer.id === Number(a) || ctx.viewer.id === Number(b)),
    isModerator: async () => false,
    describe: async () => ({ name: 'Private', ownerId: null }),
    readablePatterns: (v) => (v ? [`private/${v.id}/%`, `private/%/${v.id}`] : []),
  },
]

export function registerBuiltInKinds(hooks: Hooks) {
  for (const k of BUILT_IN_KINDS) hooks.channelKinds.set(k.name, k)
}

export async function readableChannel(ctx: Context, id: unknown, field = 'channel') {
  const ch = await resolveChannel(ctx, id, field)
  if (!(await ch.kind.canRead(ctx, ch.parts))) throw new AppError(ctx.viewer ? 'INSUFFICIENT_PERMISSIONS' : 'UNAUTHENTICATED', `${field}: you may not read ${ch.id}`, { field })
  return ch
}

/**
 * A channel the viewer may read, or the very answer a channel that does not exist gets (CHANNEL_NOT_FOUND, same
 * message): for lookups that must not confirm what someone else's private, staff or support channel is.
 */
export async function visibleChannel(ctx: Context, id: unknown, field = 'channel') {
  const ch = await resolveChannel(ctx, id, field)
  if (!(await ch.kind.canRead(ctx, ch.parts))) throw new AppError('CHANNEL_NOT_FOUND', `${field}: channel "${ch.id}" does not exist`, { field })
  return ch
}

/** The private channel of two users, as peka2 names it. */
export const privateChannelOf = (a: number, b: number) => `private/${Math.min(a, b)}/${Math.max(a, b)}`

/** The kind's own rule (site moderators, the streamer …) or any plugin's check (appointed channel moderators). */
export async function isChannelModerator(ctx: Context, ch: ResolvedChannel): Promise<boolean> {
  if (await ch.kind.isModerator(ctx, ch.parts)) return true
  if (!ctx.viewer) return false
  for (const check of ctx.services.hooks.moderatorChecks) if (await check(ctx, ch.id, ctx.viewer.id)) return true
  return false
}

/** A message as this viewer may see it: kinds with `present` (support) rewrite who wrote it. */
export function presentMessage(viewer: Viewer | null, ch: { kind: ChannelKind; parts: string[] }, m: ChatMessageView): ChatMessageView {
  return ch.kind.present ? ch.kind.present(viewer, ch.parts, m) : m
}

/** The same rewrite for a lone user (typing, reactions), through the message presenter so there is one rule. */
export function presentUser(viewer: Viewer | null, ch: { kind: ChannelKind; parts: string[] }, u: ChatUserView): ChatUserView {
  if (!ch.kind.present) return u
  const probe: ChatMessageView = { id: 0, channel: '', from: u, to: null, text: '', type: 'message', time: '', editedAt: null, replyToId: null, pinned: false, reactions: [] }
  return ch.kind.present(viewer, ch.parts, probe).from ?? u
}

/** Channels whose kind hides identities show how many watch, never who. */
export const presentPresence = (ch: { kind: ChannelKind }, p: { amount: number; users: number[] }) => (ch.kind.present ? { amount: p.amount, users: [] } : p)
