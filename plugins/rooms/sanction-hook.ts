import type { Services } from '../../src/services.js'
import type { SanctionHook } from '../moderation/public.js'
import { announce, recheckReaders } from './events.js'
import { roomsState } from './state.js'

/** room/<id> (the room's own chat, not one of its text channels) → the room id. */
const roomOf = (channel: string) => {
  const m = /^room\/(\d{1,10})$/.exec(channel)
  return m ? Number(m[1]) : null
}

/**
 * A kick or a ban in a room's chat puts the user out of the room, in the sanction's transaction: if that fails, the
 * sanction is not made either (justchat-api.md, Kick: the kicked user's current room is reset). A ban also ends their
 * live reading of the room's channels, once committed.
 */
export const roomSanctionHook =
  (services: Services): SanctionHook =>
  async (change, inTx) => {
    if (change.lifted || change.kind === 'silence') return
    const roomId = roomOf(change.channel)
    if (roomId === null) return
    const { count } = await inTx.tx.roomOccupant.deleteMany({ where: { userId: change.userId, roomId } })
    if (count) inTx.afterCommit(() => announce(services, 'LEFT', roomId, { userId: change.userId }))
    if (change.kind === 'ban') {
      const deps = { prisma: services.prisma, chat: roomsState.of(services).chat }
      inTx.afterCommit(() => void recheckReaders(deps, roomId, change.userId))
    }
  }
