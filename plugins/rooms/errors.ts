import { defineErrors } from '../../src/errors.js'

/**
 * The rooms' error codes (in the app's registry while the plugin is enabled). Statuses follow JustChat where it
 * documents one (401 wrong room password, 403 not in the room / silenced, 404 room not found); messenger's codes where
 * it names one (GUILD_NOT_FOUND, NOT_GUILD_OWNER); peka2 answers every error as 500 {message}.
 */
export const ROOM_ERRORS = defineErrors('rooms', {
  ROOM_NOT_FOUND: { status: 404, message: 'Room not found' },
  ROOM_WRONG_PASSWORD: { status: 401, message: 'Wrong room password' },
  ROOM_FULL: { status: 403, message: 'The room is full' },
  ROOM_LIMIT_REACHED: { status: 409, message: 'You own as many rooms as one user may' },
  ROOM_SLUG_TAKEN: { status: 409, message: 'This slug is used by another room' },
  ROOM_CATEGORY_NOT_FOUND: { status: 404, message: 'Category not found' },
  ROOM_NOT_ADMIN: { status: 403, message: 'You are not an administrator of this room' },
  ROOM_NO_ACCESS: { status: 403, message: 'You have no access to this room' },
  ROOM_NOT_INSIDE: { status: 403, message: 'You are not in this room: enter it first' },
  ROOM_BANNED: { status: 403, message: 'You are banned in this room' },
  ROOM_OWNER_FIXED: { status: 409, message: "The room's owner cannot be removed or demoted" },
  ROOM_INVITE_NOT_FOUND: { status: 404, message: 'Access request not found' },
  ROOM_INVITE_EXISTS: { status: 409, message: 'You have asked for access to this room already' },
  ROOM_ALREADY_MEMBER: { status: 409, message: 'You have access to this room already' },
  ROOM_INVITE_LINK_INVALID: { status: 404, message: 'This invite link does not exist, has expired or is used up' },
  ROOM_CHANNEL_NOT_FOUND: { status: 404, message: 'Channel not found' },
  ROOM_CHANNEL_LIMIT: { status: 409, message: 'A room has at most 500 channels' },
  ROOM_CHANNEL_NAME_TAKEN: { status: 409, message: 'This room has a channel of that name already' },
  ROOM_PLAYLIST_EMPTY: { status: 404, message: 'This room plays nothing' },
  ROOM_RANDOM_STREAMS_OFF: { status: 404, message: 'No random streams are configured on this server' },
  ROOM_SANCTIONS_OFF: { status: 404, message: 'Room moderation needs the moderation plugin, which is off' },
  ROOM_SILENCED: { status: 403, message: 'You are silenced in this room' },
  // rooms: emojis
  ROOM_SMILES_OFF: { status: 404, message: 'Room emojis and stickers need the smiles plugin, which is off' },
  ROOM_EMOJI_NOT_FOUND: { status: 404, message: 'Emoji or sticker not found' },
  ROOM_EMOJI_NAME_TAKEN: { status: 409, message: 'This room has an emoji or sticker of that name already' },
  ROOM_EMOJI_LIMIT: { status: 409, message: 'This room has as many emojis (or stickers) as a room may' },
})

type RoomErrors = typeof ROOM_ERRORS

declare module '../../src/errors.js' {
  interface ErrorCodes extends RoomErrors {}
}
