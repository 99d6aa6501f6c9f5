import type { Context } from '../../src/context.js'
import { notify } from '../../src/core/notifications/notify.js'
import { isClosed, type RoomRow } from './access.js'
import { roomChannel } from './kind.js'
import type { RoomVideo } from './video.js'
import { roomsOf } from './state.js'

/** More would be a broadcast, which the room's own roomChanged subscription is for. */
const RECIPIENTS_MAX = 10_000

/**
 * Who hears of a new video (peka2 roomVideo: "everyone connected to the room's channel"): the signed-in users watching
 * the room's chat, those inside it (JustChat occupants), its owner and access list. A closed room's news reach only
 * its owner, members and site moderators; a user banned in the room hears nothing.
 */
async function recipients(ctx: Context, room: RoomRow): Promise<number[]> {
  const { chat, moderation } = roomsOf(ctx)
  const [members, occupants, watching] = await Promise.all([
    ctx.prisma.roomMember.findMany({ where: { roomId: room.id }, select: { userId: true } }),
    ctx.prisma.roomOccupant.findMany({ where: { roomId: room.id }, select: { userId: true }, take: RECIPIENTS_MAX }),
    chat.presence(roomChannel(room.id)),
  ])
  const insiders = new Set([room.ownerId, ...members.map((m) => m.userId)])
  let ids = [...new Set([...insiders, ...occupants.map((o) => o.userId), ...watching.users])].slice(0, RECIPIENTS_MAX)
  if (isClosed(room)) {
    const outsiders = ids.filter((id) => !insiders.has(id))
    const staff = outsiders.length
      ? await ctx.prisma.userRole.findMany({
          where: { userId: { in: outsiders }, role: 'moderator', value: { gt: 0 } },
          select: { userId: true },
        })
      : []
    const admitted = new Set([...insiders, ...staff.map((s) => s.userId)])
    ids = ids.filter((id) => admitted.has(id))
  }
  if (moderation) {
    const banned = new Set(
      (await moderation.sanctionsIn(roomChannel(room.id), ctx.prisma))
        .filter((s) => s.kind === 'ban')
        .map((s) => s.userId),
    )
    ids = ids.filter((id) => !banned.has(id))
  }
  return ids
}

/**
 * peka2 roomVideo: the getCurrentVideo object, to everyone in the room. Runs after the change committed, so a failure
 * to find the recipients is logged rather than failing a change that was made.
 */
export async function notifyRoomVideo(ctx: Context, room: RoomRow, video: RoomVideo) {
  const data = {
    roomId: video.roomId,
    url: video.url,
    playlistPosition: video.playlistPosition,
    code: video.code,
  }
  try {
    for (const userId of await recipients(ctx, room)) notify(ctx.pubsub, userId, 'roomVideo', data)
  } catch (err) {
    ctx.services.log.warn('roomVideo notification not sent', { roomId: room.id, error: String(err) })
  }
}
