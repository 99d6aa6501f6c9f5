import type { Context } from '../../src/context.js'
import type { ResolvedChannel } from '../chat/public.js'
import { isAppointed, ownerOf } from './channel-owner.js'

/**
 * Whom a service message of moderation names as the one who acted. Only where the channel's kind makes its moderators
 * public (JustChat rooms list their owner and moderators): the owner and the moderators they appointed. Anyone else —
 * site staff acting where they are not one of those, every actor in every other channel (peka2's main, streams …) —
 * stays anonymous: null, and the message's text leaves them out too. Asked before the action's transaction, as its
 * authorization is (a kind's describe reads outside any transaction, which one open on the same connection would block).
 */
export async function publicActor(ctx: Context, ch: ResolvedChannel, actorId: number) {
  if (!ch.kind.publicModerators) return null
  if ((await ownerOf(ctx, ch)) === actorId) return actorId
  return (await isAppointed(ctx.prisma, ch.id, actorId)) ? actorId : null
}
