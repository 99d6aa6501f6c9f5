import { defineSocketStreams } from '../../src/sockets/events.js'
import { encodeObjectId } from '../../src/rest/object-ids.js'

/** JustChat's `gift-message` (justchat-api.md "Дарение подарка"): a gift the user received. Gifts are not given in rooms. */
export const storeSocketStreams = defineSocketStreams([
  {
    dialect: 'justchat',
    name: 'store.gifts',
    operation: 'subscription { giftReceived { fromId toId createdAt } }',
    emit(session, data) {
      const g = (data as { giftReceived: { fromId: number; toId: number; createdAt: string } }).giftReceived
      session.emit('gift-message', {
        error: null,
        room: null,
        user: encodeObjectId(g.toId),
        author: encodeObjectId(g.fromId),
        created_at: g.createdAt,
      })
    },
  },
])
