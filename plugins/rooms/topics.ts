/**
 * What happened to a room (keyed by room id): roomChanged's events, and peka2's roomModify / roomVideo. Events about
 * one user's access (USER_SET, USER_REMOVED, INVITE_*) are also sent to that user on `rooms.user` (keyed by user id),
 * which feeds myRoomInvites and peka2's roomUserSet / roomUserRemoved notifications.
 */
export type RoomChange =
  | 'MODIFIED'
  | 'DELETED'
  | 'VIDEO'
  | 'PLAYLIST'
  | 'USER_SET'
  | 'USER_REMOVED'
  | 'ENTERED'
  | 'LEFT'
  | 'INVITE_REQUESTED'
  | 'INVITE_ACCEPTED'
  | 'INVITE_REJECTED'
  | 'INVITE_BLACKLISTED'
  | 'CHANNEL_CREATED'
  | 'CHANNEL_UPDATED'
  | 'EMOJIS'

export interface RoomEvent {
  change: RoomChange
  roomId: number
  /** the user the change is about (a member set or removed, who entered, who asked …); null for the room itself */
  userId: number | null
  /** USER_SET: MEMBER | ADMIN */
  role: string | null
  /** INVITE_*: the access request */
  inviteId: number | null
  /** CHANNEL_*: the room's text channel */
  channelId: number | null
  /** ISO 8601 */
  time: string
}

declare module '../../src/pubsub/topics.js' {
  interface TopicMap {
    'rooms.room': RoomEvent
    'rooms.user': RoomEvent
  }
}

export const ROOM_TOPICS = ['rooms.room', 'rooms.user'] as const

/** A room event with the fields a change does not use set to null. */
export const roomEvent = (
  change: RoomChange,
  roomId: number,
  more: Partial<Pick<RoomEvent, 'userId' | 'role' | 'inviteId' | 'channelId'>> = {},
): RoomEvent => ({
  change,
  roomId,
  userId: more.userId ?? null,
  role: more.role ?? null,
  inviteId: more.inviteId ?? null,
  channelId: more.channelId ?? null,
  time: new Date().toISOString(),
})
