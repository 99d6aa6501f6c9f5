import { Repeater } from 'graphql-yoga'
import type { Context } from '../../src/context.js'
import { signedIn } from '../../src/auth/signed-in.js'
import { ignoredItems } from '../../src/core/social/service.js'
import type { ChannelEvent } from '../chat/public.js'
import type { DmEvent } from './topics.js'

/** The author of a chat event, for the ignore filter (as chat's own live view filters). */
function authorOf(e: ChannelEvent): number | null {
  if (e.kind === 'added' || e.kind === 'edited' || e.kind === 'pin') return e.message.from?.id ?? null
  if (e.kind === 'typing' || e.kind === 'reactions') return e.user.id
  if (e.kind === 'removed') return e.authorId
  return null
}

/**
 * The viewer's live view of all their conversations (directMessageEvents): every chat event of their private
 * channels (relayed by the channel kind to each member's stream, so it reaches them on every instance), read receipts
 * and their own dialog removals — minus what users they ignore do (kept current through core's ignore topic).
 */
export function directEvents(ctx: Context) {
  const me = signedIn(ctx).id
  return new Repeater<DmEvent>(async (push, stop) => {
    const events = ctx.pubsub.subscribe('dms.user', me)
    const ignores = ctx.pubsub.subscribe('core.ignores', me)
    stop
      .then(async () => {
        await events.return?.()
        await ignores.return?.()
      })
      .catch((e: unknown) => {
        // nobody awaits a stopping subscription: a failure here must not become an unhandled rejection
        ctx.services.log.warn('direct message subscription clean-up failed', { userId: me, error: String(e) })
      })
    let ignored = await ignoredItems(ctx.prisma, me, 'chat')
    void (async () => {
      for await (const e of ignores) ignored = new Set(e.ignored)
    })()
    for await (const e of events) {
      if (e.kind === 'chat') {
        const author = authorOf(e.event)
        if (author !== null && author !== me && ignored.has(author)) continue
      }
      if (e.kind === 'read' && e.userId !== me && ignored.has(e.userId)) continue
      await push(e)
    }
    stop()
  })
}
