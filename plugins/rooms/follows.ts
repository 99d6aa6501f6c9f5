import type { ContentKind } from '../../src/core/social/kinds.js'

/** peka2 /api/subscribe/* with content `room` (item: a room id): following a room while the plugin is on. */
export const ROOM_FOLLOW: ContentKind = {
  value: 'room',
  description: 'A room; the item is the room id',
  exists: async (db, id) =>
    id >= 1 && id <= 2_147_483_647 && !!(await db.room.findUnique({ where: { id }, select: { id: true } })),
}
