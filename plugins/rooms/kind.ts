import type { Context } from '../../src/context.js'
import type { ChannelKind } from '../chat/public.js'
import { hasAccess, isRoomAdmin, isSiteStaff, type RoomRow } from './access.js'

const MAX_ID = 2_147_483_647
const isId = (s: string | undefined) => !!s && /^[1-9]\d{0,9}$/.test(s) && Number(s) <= MAX_ID

interface Target {
  room: RoomRow
  channel: { name: string; readOnly: boolean } | null
}

/** room/<roomId> → the room; room/<roomId>/<channelId> → the room and its text channel; null when either is missing. */
async function target(ctx: Context, parts: string[]): Promise<Target | null> {
  const [roomId, channelId] = parts as [string, string | undefined]
  const room = await ctx.prisma.room.findUnique({ where: { id: Number(roomId) } })
  if (!room) return null
  if (channelId === undefined) return { room, channel: null }
  const channel = await ctx.prisma.roomChannel.findFirst({
    where: { id: Number(channelId), roomId: room.id },
    select: { name: true, readOnly: true },
  })
  return channel ? { room, channel } : null
}

/**
 * room/<id>: a room's chat; room/<id>/<channelId>: one of its named text channels (messenger-style). Reading and
 * writing follow the room's access (access.ts); a read-only channel is written by room admins only. Not public: no
 * room's messages feed the `all` stream, and search reaches them for site staff only.
 */
export const roomKind: ChannelKind = {
  name: 'room',
  parse: (rest) => ((rest.length === 1 || rest.length === 2) && rest.every(isId) ? rest : null),
  public: false,
  // JustChat's room object lists its owner (`admin`) and appointed `moderators`: their moderation is signed
  publicModerators: true,
  exists: async (ctx, parts) => (await target(ctx, parts)) !== null,
  async canRead(ctx, parts) {
    const t = await target(ctx, parts)
    return !!t && (await hasAccess(ctx, t.room))
  },
  async canWrite(ctx, parts) {
    const t = await target(ctx, parts)
    if (!t || !ctx.viewer) return false
    if (t.channel?.readOnly) return isRoomAdmin(ctx, t.room)
    return hasAccess(ctx, t.room)
  },
  async isModerator(ctx, parts) {
    const t = await target(ctx, parts)
    return !!t && (await isRoomAdmin(ctx, t.room))
  },
  async describe(ctx, parts) {
    const t = await target(ctx, parts)
    if (!t) return { name: '', ownerId: null }
    return { name: t.channel ? `${t.room.name} #${t.channel.name}` : t.room.name, ownerId: t.room.ownerId }
  },
  readablePatterns: (viewer) => (isSiteStaff(viewer) ? ['room/%'] : []),
}

/** The chat channel id of a room (or of one of its text channels). */
export const roomChannel = (roomId: number, channelId?: number) =>
  channelId === undefined ? `room/${roomId}` : `room/${roomId}/${channelId}`
