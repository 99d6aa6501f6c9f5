import type { Builder } from '../../../src/schema/builder.js'
import {
  channelsOf,
  createChannel,
  readableRoomChannel,
  updateChannel,
  MAX_CHANNELS,
  type RoomChannelRow,
} from '../channels.js'
import { roomChannel } from '../kind.js'
import type { RoomTypes } from './room-type.js'

const AUTH = { authenticated: true } as const

/** A room's named text channels (messenger channels): chat channel room/<roomId>/<id>. */
export function addRoomChannelFields(builder: Builder, { Room }: RoomTypes) {
  const RoomChannel = builder.objectRef<RoomChannelRow>('RoomChannel').implement({
    description: "A room's named text channel; its chat is the chat channel in `chatChannel` (room/<roomId>/<id>)",
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "the channel's number (channelId in arguments)" }),
      roomId: t.exposeInt('roomId', { description: "its room's databaseId" }),
      name: t.exposeString('name', { description: '1–100 characters, unique in the room' }),
      type: t.exposeString('type', { description: 'text (the only type for now)' }),
      categoryId: t.exposeInt('categoryId', {
        nullable: true,
        description: "a client's grouping of channels (messenger category), stored as given; null: none",
      }),
      position: t.exposeInt('position', { description: 'sort key, ascending' }),
      readOnly: t.exposeBoolean('readOnly', { description: 'only room admins write' }),
      chatChannel: t.string({
        description: 'the chat channel id: use it with sendChatMessage, chatChannel and chatEvents',
        resolve: (c) => roomChannel(c.roomId, c.id),
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'when it was created' }),
    }),
  })

  builder.objectFields(Room, (t) => ({
    channels: t.field({
      type: [RoomChannel],
      description: "The room's text channels by position; empty for those who may not read the room",
      resolve: (r, _a, ctx) => channelsOf(ctx, r),
    }),
  }))

  builder.queryFields((t) => ({
    roomChannel: t.field({
      type: RoomChannel,
      description: 'A text channel of a room the viewer may read (ROOM_CHANNEL_NOT_FOUND otherwise)',
      args: { channelId: t.arg.int({ required: true, description: "the channel's databaseId" }) },
      resolve: (_p, a, ctx) => readableRoomChannel(ctx, a.channelId),
    }),
  }))

  builder.mutationFields((t) => ({
    createRoomChannel: t.field({
      type: RoomChannel,
      authScopes: AUTH,
      description:
        `A room admin (or site staff) adds a text channel, placed last (name 1–100, unique in the room; at most ` +
        `${MAX_CHANNELS} a room); the room hears CHANNEL_CREATED. Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN, ` +
        'INVALID_INPUT, ROOM_CHANNEL_NAME_TAKEN, ROOM_CHANNEL_LIMIT',
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        name: t.arg.string({
          required: true,
          description: '1–100 characters (trimmed, no control characters), unique in the room',
        }),
        type: t.arg.string({ description: 'text (default; the only type for now)' }),
        categoryId: t.arg.int({ description: "a client's grouping of channels, 0 or more; absent: none" }),
        readOnly: t.arg.boolean({ description: 'true: only room admins write; default false' }),
      },
      resolve: (_p, a, ctx) =>
        createChannel(ctx, a.roomId, { name: a.name, type: a.type, categoryId: a.categoryId, readOnly: a.readOnly }),
    }),
    updateRoomChannel: t.field({
      type: RoomChannel,
      authScopes: AUTH,
      description:
        'A room admin (or site staff) renames a text channel, makes it read-only or moves it; absent arguments are ' +
        'kept; the room hears CHANNEL_UPDATED. Errors: ROOM_CHANNEL_NOT_FOUND, ROOM_NOT_ADMIN, INVALID_INPUT, ' +
        'ROOM_CHANNEL_NAME_TAKEN',
      args: {
        channelId: t.arg.int({ required: true, description: "the channel's databaseId" }),
        name: t.arg.string({ description: 'a new name: 1–100 characters, unique in the room' }),
        readOnly: t.arg.boolean({ description: 'true: only room admins write' }),
        position: t.arg.int({ description: 'a new sort key, 0–1,000,000' }),
      },
      resolve: (_p, a, ctx) =>
        updateChannel(ctx, a.channelId, { name: a.name, readOnly: a.readOnly, position: a.position }),
    }),
  }))
  return { RoomChannel }
}
