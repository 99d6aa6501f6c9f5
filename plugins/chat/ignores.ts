import type { Db } from '../../src/db/client.js'
import { ignoredItems } from '../../src/core/social/service.js'
import { userExists, type ContentKind } from '../../src/core/social/kinds.js'
import { signedIn } from './viewer.js'

/** peka2 ignore content `chat`: a user whose messages, typing and reactions the ignorer does not see. */
export const CHAT_IGNORES: ContentKind = {
  value: 'chat',
  description: "A user's chat messages, typing and reactions, hidden from the ignorer; the item is the user id",
  exists: userExists,
  notSelf: true,
  // live channel subscriptions of the ignorer swap their filter at once (live.ts)
  async changed(ctx) {
    const viewer = signedIn(ctx)
    const ignored = [...(await ignoredUsers(ctx.prisma, viewer.id))]
    ctx.pubsub.publish('core.ignores', viewer.id, { ignored })
  },
}

/** The users `userId` ignores in chat. */
export const ignoredUsers = (db: Db, userId: number) => ignoredItems(db, userId, CHAT_IGNORES.value)
