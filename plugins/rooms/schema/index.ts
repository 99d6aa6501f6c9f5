import type { Builder } from '../../../src/schema/builder.js'
import { addRoomType } from './room-type.js'

/** The rooms' GraphQL: rooms and their lists, membership and invites, video and playlist, channels, events. */
export function roomsSchema(builder: Builder) {
  addRoomType(builder)
}
