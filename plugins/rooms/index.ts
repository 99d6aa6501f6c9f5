import { definePlugin } from '../../src/plugin-system/contract.js'
import { ROOM_ERRORS } from './errors.js'
import { readRoomsConfig } from './config.js'
import { ROOM_TOPICS } from './topics.js'
import { roomsSchema } from './schema/index.js'
import { roomsState } from './state.js'
import { roomKind } from './kind.js'
import { roomRoutes } from './rest/index.js'
import { justchatUserRooms } from './rest/justchat-user.js'
import { previewFiles } from './preview.js'
import { ROOM_FOLLOW } from './follows.js'
import { seedRooms } from './seed.js'
import { roomSanctionHook } from './sanction-hook.js'
import { initRoomEmojis } from './emojis.js'
import { roomSocketStreams } from './sockets.js'
import { messengerSocketEvents } from './sockets-messenger.js'
import { ROOMS_EXAMPLES } from './examples.js'

/**
 * Rooms: peka2 video rooms, JustChat password rooms and messenger-style communities in one model. Chat in rooms is
 * chat's `room` channel kind; kicks, silences, bans and appointed moderators are moderation's channel sanctions on the
 * room's channels (when moderation is on).
 */
export default definePlugin({
  name: 'rooms',
  examples: ROOMS_EXAMPLES,
  requires: ['chat'],
  optional: ['moderation', 'smiles'],
  topics: [...ROOM_TOPICS],
  errors: ROOM_ERRORS,
  config: readRoomsConfig,
  schema: roomsSchema,
  rest: roomRoutes,
  socketEvents: messengerSocketEvents,
  socketStreams: roomSocketStreams,
  justchatUser: justchatUserRooms,
  http: [previewFiles.route],
  follows: [ROOM_FOLLOW],
  seed: seedRooms,
  start(services, plugin) {
    const chat = plugin.api('chat')
    const moderation = plugin.optionalApi('moderation')
    roomsState.init(services, { config: plugin.config, chat, moderation })
    plugin.onStop(chat.registerChannelKind(roomKind))
    if (moderation) plugin.onStop(moderation.addSanctionHook(roomSanctionHook(services)))
    const removeScopes = initRoomEmojis(services, plugin.optionalApi('smiles'))
    if (removeScopes) plugin.onStop(removeScopes)
  },
})
