import type { Builder } from '../../../src/schema/builder.js'
import type { ScopedSmile } from '../../smiles/public.js'
import { addRoomEmoji, removeRoomEmoji, roomEmojis } from '../emojis.js'
import type { RoomTypes } from './room-type.js'

const AUTH = { authenticated: true } as const

/** A room's own emojis and stickers (messenger guild emojis / stickers), kept by smiles when it is on. */
export function addEmojiFields(builder: Builder, { Room }: RoomTypes) {
  const RoomEmoji = builder.objectRef<ScopedSmile>('RoomEmoji').implement({
    description: "A room's emoji or sticker: written :name: in the room's chat and its text channels (only there)",
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'the emojiId of removeRoomEmoji' }),
      name: t.exposeString('code', { description: '2–32 letters, digits or _; unique in the room (any case)' }),
      url: t.exposeString('url', { description: 'full URL of the PNG' }),
      width: t.exposeInt('width', { description: 'in pixels, at most 320' }),
      height: t.exposeInt('height', { description: 'in pixels, at most 320' }),
      sticker: t.exposeBoolean('sticker', { description: 'a sticker (Room.stickers); false: an emoji (Room.emojis)' }),
      description: t.exposeString('description', { nullable: true, description: "a sticker's description" }),
      createdAt: t.field({ type: 'DateTime', description: 'when it was added', resolve: (e) => e.createdAt }),
    }),
  })

  builder.objectFields(Room, (t) => ({
    emojis: t.field({
      type: [RoomEmoji],
      description: "The room's emojis, oldest first; empty for those who may not read it and while smiles is off",
      resolve: (r, _a, ctx) => roomEmojis(ctx, r, false),
    }),
    stickers: t.field({
      type: [RoomEmoji],
      description: "The room's stickers, oldest first; empty for those who may not read it and while smiles is off",
      resolve: (r, _a, ctx) => roomEmojis(ctx, r, true),
    }),
  }))

  const file = 'a PNG of at most 256 KB and 320×320 px (JPEG, GIF and WebP are refused: INVALID_FILE_TYPE)'
  const NAME = 'written :name: in chat: 2–32 letters, digits or _, unique in the room (any case)'
  const errors =
    'The room hears EMOJIS. Errors: ROOM_SMILES_OFF, ROOM_NOT_FOUND, INSUFFICIENT_PERMISSIONS, INVALID_INPUT, ' +
    'ROOM_EMOJI_NAME_TAKEN, ROOM_EMOJI_LIMIT'
  builder.mutationFields((t) => {
    const roomId = t.arg.int({ required: true, description: "the room's databaseId" })
    return {
      addRoomEmoji: t.field({
        type: RoomEmoji,
        authScopes: AUTH,
        description: `The room's owner (or site staff) adds an emoji: ${file}. ${errors}`,
        args: {
          roomId,
          name: t.arg.string({ required: true, description: NAME }),
          file: t.arg({ type: 'File', required: true, description: file }),
        },
        resolve: (_p, a, ctx) => addRoomEmoji(ctx, a.roomId, { name: a.name, file: a.file, sticker: false }),
      }),
      addRoomSticker: t.field({
        type: RoomEmoji,
        authScopes: AUTH,
        description: `The room's owner (or site staff) adds a sticker: ${file}; description at most 200 characters. ${errors}`,
        args: {
          roomId,
          name: t.arg.string({ required: true, description: NAME }),
          file: t.arg({ type: 'File', required: true, description: file }),
          description: t.arg.string({
            description: 'at most 200 characters, no control characters; absent or blank: none',
          }),
        },
        resolve: (_p, a, ctx) =>
          addRoomEmoji(ctx, a.roomId, { name: a.name, file: a.file, sticker: true, description: a.description }),
      }),
      removeRoomEmoji: t.boolean({
        authScopes: AUTH,
        description:
          "The room's owner (or site staff) removes an emoji or a sticker; the room hears EMOJIS. Errors: " +
          'ROOM_SMILES_OFF, ROOM_EMOJI_NOT_FOUND, INSUFFICIENT_PERMISSIONS',
        args: { emojiId: t.arg.int({ required: true, description: 'RoomEmoji.databaseId' }) },
        resolve: (_p, a, ctx) => removeRoomEmoji(ctx, a.emojiId),
      }),
    }
  })
}
