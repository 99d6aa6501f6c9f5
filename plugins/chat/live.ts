import { newRequestId } from '../../src/request-id.js'
import { END, SKIP, liveStream } from '../../src/pubsub/live-stream.js'
import type { Context } from '../../src/context.js'
import { ignoredUsers } from './ignores.js'
import { chatOf } from './state.js'
import { readableChannel, presentMessage, presentUser, presentPresence, type ResolvedChannel } from './channels.js'
import type { ChatEvent } from './topics.js'
import { emit } from './events.js'

export const presenceOf = (ctx: Context) => chatOf(ctx).presence

const PRESENCE_COALESCE_MS = 1000
const pendingAnnouncements = new Map<string, NodeJS.Timeout>()

/**
 * Presence changes are coalesced to one event per channel per second: in a channel of 10,000 viewers, a join
 * broadcast per join would be 10,000² deliveries while the room fills.
 */
function announcePresence(ctx: Context, channel: ResolvedChannel) {
  const key = `${ctx.config.redisPrefix}${channel.id}`
  if (pendingAnnouncements.has(key)) return
  const timer = setTimeout(() => {
    pendingAnnouncements.delete(key)
    void announceNow(ctx, channel)
  }, PRESENCE_COALESCE_MS)
  timer.unref()
  pendingAnnouncements.set(key, timer)
}

async function announceNow(ctx: Context, channel: ResolvedChannel) {
  try {
    const list = await presenceOf(ctx).list(channel.id)
    emit(ctx.pubsub, channel, { kind: 'presence', channel: channel.id, ...list })
  } catch {
    // the app may be shutting down; the next change announces again
  }
}

/** Events as this viewer may see them: identities rewritten where the channel kind hides them (support). */
function presentEvent(viewer: Context['viewer'], ch: ResolvedChannel, e: ChatEvent): ChatEvent {
  if (!ch.kind.present) return e
  switch (e.kind) {
    case 'added':
    case 'edited':
    case 'pin':
      return { ...e, message: presentMessage(viewer, ch, e.message) }
    case 'typing':
    case 'reactions':
      return { ...e, user: presentUser(viewer, ch, e.user) }
    case 'presence':
      return { ...e, ...presentPresence(ch, e) }
    default:
      return e
  }
}

/** The author of an event, for ignore filtering. */
function authorOf(e: ChatEvent): number | null {
  if (e.kind === 'added' || e.kind === 'edited' || e.kind === 'pin') return e.message.from?.id ?? null
  if (e.kind === 'typing' || e.kind === 'reactions') return e.user.id
  if (e.kind === 'removed') return e.authorId
  return null
}

/** Does the subscription's viewer still read the channel (it may be gone)? */
async function stillReadable(ctx: Context, channel: ResolvedChannel) {
  try {
    return (await channel.kind.exists(ctx, channel.parts)) && (await channel.kind.canRead(ctx, channel.parts))
  } catch {
    return false
  }
}

/**
 * A viewer's live view of a channel: every event, minus those of users the viewer ignores (kept current through
 * core's ignore topic), with presence joined on start and left on stop — a dead socket stops the subscription too.
 * It ends when the viewer may no longer read the channel (an `access` event makes it check).
 */
export async function channelEvents(ctx: Context, channelId: string) {
  const channel = await readableChannel(ctx, channelId)
  const viewer = ctx.viewer
  let ignored = viewer ? await ignoredUsers(ctx.prisma, viewer.id) : new Set<number>()
  const events = ctx.pubsub.subscribe('chat.event', channel.id)
  const ignores = viewer ? ctx.pubsub.subscribe('core.ignores', viewer.id) : null
  const session = newRequestId()
  const tracked = channel.id !== 'all'
  if (ignores)
    void (async () => {
      for await (const e of ignores) ignored = new Set(e.ignored)
    })()
  if (tracked) {
    // presence is a courtesy: the events flow whether or not it could be recorded
    await presenceOf(ctx)
      .join(channel.id, session, viewer?.id ?? null)
      .then(() => announcePresence(ctx, channel))
      .catch((e: unknown) =>
        ctx.services.log.warn('chat presence join failed', { channel: channel.id, error: String(e) }),
      )
  }
  return liveStream(
    events,
    async (e) => {
      if (e.kind === 'access') {
        if ((e.userId === null || e.userId === viewer?.id) && !(await stillReadable(ctx, channel))) return END
        return SKIP
      }
      const author = authorOf(e)
      if (author !== null && ignored.has(author)) return SKIP
      return presentEvent(viewer, channel, e)
    },
    async () => {
      await ignores?.return?.()
      if (tracked) {
        await presenceOf(ctx).leave(channel.id, session)
        announcePresence(ctx, channel)
      }
    },
    (e) => ctx.services.log.warn('chat subscription clean-up failed', { channel: channel.id, error: String(e) }),
  )
}
