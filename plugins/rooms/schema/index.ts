import type { Builder } from '../../../src/schema/builder.js'
import { addRoomType } from './room-type.js'
import { addRoomsFields } from './rooms.js'
import { addMembersFields } from './members.js'
import { addVideoFields } from './video.js'
import { addUserRoomFields } from './user-rooms.js'
import { addEmojiFields } from './emojis.js'

/** The rooms' GraphQL: rooms and their lists, membership and invites, video and playlist, channels, events. */
export function roomsSchema(builder: Builder) {
  const T = addRoomType(builder)
  addRoomsFields(builder, T)
  addMembersFields(builder, T)
  addVideoFields(builder, T)
  addUserRoomFields(builder, T)
  addEmojiFields(builder, T)
}
