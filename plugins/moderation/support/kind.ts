import type { Context } from '../../../src/context.js'
import type { Services } from '../../../src/services.js'
import type { ChannelKind, ChatMessageView, ChatUserView, PublishRefusal } from '../../chat/public.js'
import { isSupport, type DbLike } from '../common.js'
import { moderationState } from '../state.js'

/** What support conversations show instead of people: nobody's real id or name leaves the server (peka2-admin.md). */
export const ASKER_LABEL = 'User'
export const STAFF_LABEL = 'Support'
/** When the asker is not known on this instance yet, everyone is shown alike: anonymity never depends on a cache. */
export const UNKNOWN_LABEL = 'Participant'

const CACHE_MAX = 10_000
const isId = (s: string | undefined) => !!s && /^[1-9]\d{0,9}$/.test(s) && Number(s) <= 2_147_483_647

/**
 * ticket id → asker id. A ticket's asker never changes, so entries never go stale; `present()` is synchronous and reads
 * only this, filled by ask and by every channel resolution (history, live and publish all resolve the channel first).
 */
export const askerCache = (services: Services) => moderationState.of(services).askers

export function rememberAsker(services: Services, ticketId: number, userId: number) {
  const m = askerCache(services)
  if (m.size >= CACHE_MAX) {
    const oldest = m.keys().next()
    if (!oldest.done) m.delete(oldest.value)
  }
  m.set(ticketId, userId)
}

async function askerOf(ctx: { prisma: DbLike; services: Services }, ticketId: number): Promise<number | null> {
  const hit = askerCache(ctx.services).get(ticketId)
  if (hit !== undefined) return hit
  const t = await ctx.prisma.supportTicket.findUnique({ where: { id: ticketId }, select: { userId: true } })
  if (t) rememberAsker(ctx.services, ticketId, t.userId)
  return t?.userId ?? null
}

function label(u: ChatUserView | null, askerId: number | undefined): ChatUserView | null {
  if (!u) return null
  const name = askerId === undefined ? UNKNOWN_LABEL : u.id === askerId ? ASKER_LABEL : STAFF_LABEL
  return { id: 0, name, color: 0 }
}

export function anonymise(m: ChatMessageView, askerId: number | undefined): ChatMessageView {
  // no actor either: support refuses sanctions, and a conversation names nobody whatever comes to be stored
  return { ...m, from: label(m.from, askerId), to: label(m.to, askerId), actor: null }
}

const participant = async (ctx: Context, id: string) =>
  isSupport(ctx.viewer) || (!!ctx.viewer && ctx.viewer.id === (await askerOf(ctx, Number(id))))

/** support/<ticketId>: the asker and support staff read and write; staff moderate. */
export function createSupportKind(services: Services): ChannelKind {
  return {
    name: 'support',
    parse: (rest) => (rest.length === 1 && isId(rest[0]) ? rest : null),
    public: false,
    // A ticket exists for those who may read it: anyone else gets "does not exist" whether or not there is one, so no
    // path (chatChannel, history, events, publish …) confirms which tickets exist.
    exists: async (ctx, [id]) => {
      const asker = await askerOf(ctx, Number(id))
      return asker !== null && (isSupport(ctx.viewer) || ctx.viewer?.id === asker)
    },
    canRead: (ctx, [id]) => participant(ctx, id),
    canWrite: (ctx, [id]) => participant(ctx, id),
    isModerator: (ctx) => isSupport(ctx.viewer),
    // No owner: an owner id would name the asker.
    describe: (_ctx, [id]) => ({ name: `Question #${id}`, ownerId: null }),
    readablePatterns: (v) => (isSupport(v) ? ['support/%'] : []),
    present: (_viewer, [id], m) => anonymise(m, askerCache(services).get(Number(id))),
  }
}

/** An asker whose support right was taken (support/ban) cannot write in their old conversations either. */
export const supportGuard = (ctx: Context): PublishRefusal | null => {
  const v = ctx.viewer
  if (!v || isSupport(v) || v.roles.canUseSupport > 0) return null
  return { reason: 'NOT_ALLOWED', message: 'You may not write to support' }
}
