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
      databaseId: t.exposeInt('id'),
      name: t.exposeString('code', { description: '2–32 letters, digits or _; unique in the room (any case)' }),
      url: t.exposeString('url', { description: 'full URL of the PNG' }),
      width: t.exposeInt('width'),
      height: t.exposeInt('height'),
      sticker: t.exposeBoolean('sticker'),
      description: t.exposeString('description', { nullable: true, description: "a sticker's description" }),
      createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
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
  builder.mutationFields((t) => ({
    addRoomEmoji: t.field({
      type: RoomEmoji,
      authScopes: AUTH,
      description: `The room's owner (or site staff) adds an emoji: ${file}`,
      args: {
        roomId: t.arg.int({ required: true }),
        name: t.arg.string({ required: true }),
        file: t.arg({ type: 'File', required: true }),
      },
      resolve: (_p, a, ctx) => addRoomEmoji(ctx, a.roomId, { name: a.name, file: a.file, sticker: false }),
    }),
    addRoomSticker: t.field({
      type: RoomEmoji,
      authScopes: AUTH,
      description: `The room's owner (or site staff) adds a sticker: ${file}; description at most 200 characters`,
      args: {
        roomId: t.arg.int({ required: true }),
        name: t.arg.string({ required: true }),
        file: t.arg({ type: 'File', required: true }),
        description: t.arg.string(),
      },
      resolve: (_p, a, ctx) =>
        addRoomEmoji(ctx, a.roomId, { name: a.name, file: a.file, sticker: true, description: a.description }),
    }),
    removeRoomEmoji: t.boolean({
      authScopes: AUTH,
      description: "The room's owner (or site staff) removes an emoji or a sticker",
      args: { emojiId: t.arg.int({ required: true }) },
      resolve: (_p, a, ctx) => removeRoomEmoji(ctx, a.emojiId),
    }),
  }))
}
