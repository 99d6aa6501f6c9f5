import { peka2RoomRoutes } from './peka2-rooms.js'
import { peka2MemberRoutes } from './peka2-members.js'
import { peka2VideoRoutes } from './peka2-video.js'
import { justchatRoomRoutes } from './justchat.js'
import { messengerRoomRoutes } from './messenger.js'

/** peka2's 21 room routes (room.md), JustChat's room routes (justchat-api.md) and the messenger's (messenger-api.md). */
export const roomRoutes = [
  ...peka2RoomRoutes,
  ...peka2MemberRoutes,
  ...peka2VideoRoutes,
  ...justchatRoomRoutes,
  ...messengerRoomRoutes,
]
