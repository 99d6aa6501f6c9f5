import { AppError } from '../../../src/errors.js'
import type { MultipartBody } from '../../../src/http/body.js'
import { defineRoutes, type JsonBody } from '../../../src/rest/route.js'
import { int } from '../../../src/rest/params.js'

/**
 * messenger-api.md "Гильдии", "Каналы", "Сообщения", "Поиск": a guild is a room, a channel a room's text channel,
 * its messages chat on the channel's chat channel (room/<roomId>/<channelId>). Ids are the database ids, as numbers.
 */

const GUILD = 'databaseId name ownerId createdAt'
interface Guild {
  databaseId: number
  name: string
  ownerId: number
  createdAt: string
}
const guild = (r: Guild) => ({ id: r.databaseId, name: r.name, owner_id: r.ownerId, created_at: r.createdAt })

const CHANNEL = 'databaseId name type roomId position createdAt'
interface Channel {
  databaseId: number
  name: string
  type: string
  roomId: number
  position: number
  createdAt: string
}
const channel = (c: Channel) => ({
  id: c.databaseId,
  name: c.name,
  type: c.type,
  guild_id: c.roomId,
  position: c.position,
  created_at: c.createdAt,
})

export const MESSAGE = 'databaseId text time pinned editedAt from { name } attachments { name url }'
export interface Message {
  databaseId: number
  text: string
  time: string
  pinned: boolean
  editedAt: string | null
  from: { name: string } | null
  attachments: { name: string; url: string }[]
}
export const message = (m: Message) => ({
  id: m.databaseId,
  content: m.text,
  username: m.from?.name ?? '',
  timestamp: m.time,
  pinned: m.pinned,
  files: m.attachments.map((f) => ({ filename: f.name, path: f.url })),
})

/** The channel of the path's `:id` (404 for one the viewer may not read): its chat channel joins the body. */
const channelLookup = {
  operation: 'query($channelId: Int!) { roomChannel(channelId: $channelId) { chatChannel name } }',
  variables: (b: JsonBody) => ({ channelId: int(b.id) }),
  fields: { channelId: 'id' },
  result: (d: { roomChannel: { chatChannel: string; name: string } }) => ({
    chatChannel: d.roomChannel.chatChannel,
    channelName: d.roomChannel.name,
  }),
}

/** A room's emoji or sticker (file_path: the PNG's URL; PNG only, never animated). */
const EMOJI = 'databaseId name url description createdAt'
interface Emoji {
  databaseId: number
  name: string
  url: string
  description: string | null
  createdAt: string
}
const emoji = (e: Emoji) => ({ id: String(e.databaseId), name: e.name, file_path: e.url, animated: false })
const sticker = (e: Emoji) => ({
  id: String(e.databaseId),
  name: e.name,
  file_path: e.url,
  description: e.description ?? '',
})
/** the one `file` part of an emoji or sticker form (the service refuses none or several) */
const file = (b: MultipartBody) => (b.files.length === 1 ? b.files[0] : null)
const roomOrThrow = <T>(room: T | null) => {
  // room(databaseId) answers null for a room that does not exist
  if (!room) throw new AppError('ROOM_NOT_FOUND', undefined, { field: 'id' })
  return room
}

/** search: the channel of `channel_id`, when given */
const searchLookup = {
  ...channelLookup,
  variables: (b: JsonBody) =>
    b.channel_id === undefined || b.channel_id === '' ? null : { channelId: int(b.channel_id) },
  fields: { channelId: 'channel_id' },
}

const DEFAULT_LIMIT = 50
const page = (b: JsonBody) => int(b.page ?? '1')
const limit = (b: JsonBody) => int(b.limit ?? String(DEFAULT_LIMIT))

export const messengerRoomRoutes = defineRoutes([
  {
    dialect: 'messenger',
    path: '/api/guilds',
    access: 'A',
    operation: `mutation($name: String!) { createRoom(input: { name: $name }) { ${GUILD} } }`,
    variables: (b) => ({ name: b.name }),
    status: () => 201,
    result: (d: { createRoom: Guild }) => guild(d.createRoom),
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/guilds',
    access: 'A',
    operation: `query { myRooms { room { ${GUILD} } } }`,
    result: (d: { myRooms: { room: Guild }[] }) => d.myRooms.map((a) => guild(a.room)),
  },
  {
    dialect: 'messenger',
    method: 'DELETE',
    path: '/api/guilds/:id',
    access: 'A',
    operation: 'mutation($roomId: Int!) { deleteRoom(roomId: $roomId) }',
    variables: (b) => ({ roomId: int(b.id) }),
    fields: { roomId: 'id' },
    result: () => ({ message: 'Guild deleted successfully' }),
  },
  {
    dialect: 'messenger',
    path: '/api/guilds/:id/invites',
    access: 'A',
    operation: `mutation($roomId: Int!, $expiresHours: Int, $maxUses: Int) {
      createRoomInviteLink(roomId: $roomId, expiresHours: $expiresHours, maxUses: $maxUses) {
        code expiresAt maxUses uses
      }
    }`,
    variables: (b) => ({ roomId: int(b.id), expiresHours: b.expires_hours ?? null, maxUses: b.max_uses ?? null }),
    fields: { roomId: 'id', expiresHours: 'expires_hours', maxUses: 'max_uses' },
    status: () => 201,
    result: (d: {
      createRoomInviteLink: { code: string; expiresAt: string | null; maxUses: number | null; uses: number }
    }) => ({
      code: d.createRoomInviteLink.code,
      expires_at: d.createRoomInviteLink.expiresAt,
      max_uses: d.createRoomInviteLink.maxUses,
      uses: d.createRoomInviteLink.uses,
    }),
  },
  {
    dialect: 'messenger',
    path: '/api/invites/:code/join',
    access: 'A',
    operation: 'mutation($code: String!) { joinRoomByCode(code: $code) { databaseId } }',
    variables: (b) => ({ code: b.code }),
    result: (d: { joinRoomByCode: { databaseId: number } }) => ({
      message: 'Successfully joined guild',
      guild_id: d.joinRoomByCode.databaseId,
    }),
  },
  {
    dialect: 'messenger',
    path: '/api/guilds/:id/channels',
    access: 'A',
    operation: `mutation($roomId: Int!, $name: String!, $type: String, $categoryId: Int) {
      createRoomChannel(roomId: $roomId, name: $name, type: $type, categoryId: $categoryId) { ${CHANNEL} }
    }`,
    variables: (b) => ({ roomId: int(b.id), name: b.name, type: b.type ?? null, categoryId: b.category_id ?? null }),
    fields: { roomId: 'id', categoryId: 'category_id' },
    status: () => 201,
    result: (d: { createRoomChannel: Channel }) => channel(d.createRoomChannel),
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/guilds/:id/channels',
    access: 'A',
    operation: `query($roomId: Int!) { room(databaseId: $roomId) { channels { ${CHANNEL} } } }`,
    variables: (b) => ({ roomId: int(b.id) }),
    fields: { roomId: 'id' },
    result: (d: { room: { channels: Channel[] } | null }) => {
      // room(databaseId) answers null for a room that does not exist
      if (!d.room) throw new AppError('ROOM_NOT_FOUND', undefined, { field: 'id' })
      return d.room.channels.map((c) => ({
        id: c.databaseId,
        name: c.name,
        type: c.type,
        guild_id: c.roomId,
        position: c.position,
      }))
    },
  },
  {
    dialect: 'messenger',
    method: 'PUT',
    path: '/api/channels/:id',
    access: 'A',
    operation: `mutation($channelId: Int!, $name: String, $readOnly: Boolean, $position: Int) {
      updateRoomChannel(channelId: $channelId, name: $name, readOnly: $readOnly, position: $position) {
        ${CHANNEL} readOnly
      }
    }`,
    variables: (b) => ({
      channelId: int(b.id),
      name: b.name ?? null,
      readOnly: b.read_only ?? null,
      position: b.position ?? null,
    }),
    fields: { channelId: 'id', readOnly: 'read_only' },
    result: (d: { updateRoomChannel: Channel & { readOnly: boolean } }) => ({
      ...channel(d.updateRoomChannel),
      read_only: d.updateRoomChannel.readOnly,
    }),
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/channels/:id/messages',
    access: 'A',
    lookup: channelLookup,
    operation: `query($channel: String!, $skip: Int!, $limit: Int!) {
      chatHistory(channel: $channel, skip: $skip, limit: $limit) { ${MESSAGE} }
      chatChannel(id: $channel) { messageCount }
    }`,
    variables: (b) => {
      const p = page(b)
      const l = limit(b)
      // a page below 1 or not a number: the history's own bounds refuse the skip it gives
      return {
        channel: b.chatChannel,
        skip: typeof p === 'number' && typeof l === 'number' ? (p - 1) * l : p,
        limit: l,
      }
    },
    fields: { skip: 'page' },
    result: (d: { chatHistory: Message[]; chatChannel: { messageCount: number } }, b) => {
      const l = Number(limit(b as JsonBody))
      const total = d.chatChannel.messageCount
      return {
        messages: d.chatHistory.map(message),
        pagination: { page: Number(page(b as JsonBody)), limit: l, total, pages: Math.ceil(total / l) },
      }
    },
  },
  {
    dialect: 'messenger',
    path: '/api/channels/:id/messages',
    access: 'A',
    lookup: channelLookup,
    operation: `mutation($channel: String!, $text: String!, $attachments: [String!]) {
      sendChatMessage(input: { channel: $channel, text: $text, attachments: $attachments }) {
        isSent dropMessage message { ${MESSAGE} }
      }
    }`,
    variables: (b) => ({ channel: b.chatChannel, text: b.content ?? '', attachments: b.files ?? null }),
    fields: { text: 'content', attachments: 'files' },
    status: () => 201,
    result: (d: { sendChatMessage: { isSent: boolean; dropMessage: string | null; message: Message | null } }) => {
      // a message the chat's filters dropped was not created
      if (!d.sendChatMessage.message)
        throw new AppError('INVALID_INPUT', d.sendChatMessage.dropMessage ?? 'The message was not sent', {
          field: 'content',
        })
      return message(d.sendChatMessage.message)
    },
  },
  {
    dialect: 'messenger',
    method: 'PUT',
    path: '/api/messages/:id',
    access: 'A',
    operation: `mutation($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { ${MESSAGE} } }`,
    variables: (b) => ({ id: int(b.id), text: b.content }),
    fields: { text: 'content' },
    result: (d: { editChatMessage: Message }) => {
      const { id, content, username, timestamp } = message(d.editChatMessage)
      return { id, content, username, timestamp, edited_at: d.editChatMessage.editedAt }
    },
  },
  {
    dialect: 'messenger',
    method: 'DELETE',
    path: '/api/messages/:id',
    access: 'A',
    operation: 'mutation($id: Int!) { removeChatMessage(id: $id) }',
    variables: (b) => ({ id: int(b.id) }),
    result: () => ({ message: 'Message deleted successfully' }),
  },
  {
    dialect: 'messenger',
    path: '/api/messages/:id/pin',
    access: 'A',
    operation: 'mutation($id: Int!) { pinChatMessage(id: $id) { databaseId } }',
    variables: (b) => ({ id: int(b.id) }),
    result: () => ({ message: 'Message pinned successfully' }),
  },
  {
    dialect: 'messenger',
    path: '/api/messages/:id/unpin',
    access: 'A',
    operation: 'mutation($id: Int!) { unpinChatMessage(id: $id) { databaseId } }',
    variables: (b) => ({ id: int(b.id) }),
    result: () => ({ message: 'Message unpinned successfully' }),
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/search/messages',
    access: 'A',
    lookup: searchLookup,
    operation: `query($text: String!, $channel: String, $first: Int) {
      searchChatMessages(text: $text, channel: $channel, first: $first) { message { ${MESSAGE} channel } }
    }`,
    variables: (b) => ({ text: b.q, channel: b.chatChannel ?? null, first: b.limit === undefined ? 20 : int(b.limit) }),
    fields: { text: 'q', channel: 'channel_id', first: 'limit' },
    result: (d: { searchChatMessages: { message: Message & { channel: string } }[] }, b) =>
      d.searchChatMessages.map(({ message: m }) => {
        const { id, content, username, timestamp } = message(m)
        // without channel_id the hits span every readable channel: named by their chat channel id
        const name = (b as JsonBody).channelName
        return { id, content, username, channel_name: typeof name === 'string' ? name : m.channel, timestamp }
      }),
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/guilds/:id/emojis',
    access: 'A',
    operation: `query($roomId: Int!) { room(databaseId: $roomId) { emojis { ${EMOJI} } } }`,
    variables: (b) => ({ roomId: int(b.id) }),
    fields: { roomId: 'id' },
    result: (d: { room: { emojis: Emoji[] } | null }) =>
      roomOrThrow(d.room).emojis.map((e) => ({ ...emoji(e), created_at: e.createdAt })),
  },
  {
    dialect: 'messenger',
    path: '/api/guilds/:id/emojis',
    access: 'A',
    body: 'multipart',
    operation: `mutation($roomId: Int!, $name: String!, $file: File!) {
      addRoomEmoji(roomId: $roomId, name: $name, file: $file) { ${EMOJI} }
    }`,
    variables: (b) => ({ roomId: int(b.id), name: b.name, file: file(b) }),
    fields: { roomId: 'id' },
    status: () => 201,
    result: (d: { addRoomEmoji: Emoji }) => emoji(d.addRoomEmoji),
  },
  {
    dialect: 'messenger',
    method: 'DELETE',
    path: '/api/emojis/:id',
    access: 'A',
    operation: 'mutation($emojiId: Int!) { removeRoomEmoji(emojiId: $emojiId) }',
    variables: (b) => ({ emojiId: int(b.id) }),
    fields: { emojiId: 'id' },
    result: (d: { removeRoomEmoji: boolean }) => ({ success: d.removeRoomEmoji }),
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/guilds/:id/stickers',
    access: 'A',
    operation: `query($roomId: Int!) { room(databaseId: $roomId) { stickers { ${EMOJI} } } }`,
    variables: (b) => ({ roomId: int(b.id) }),
    fields: { roomId: 'id' },
    result: (d: { room: { stickers: Emoji[] } | null }) =>
      roomOrThrow(d.room).stickers.map((e) => ({ ...sticker(e), created_at: e.createdAt })),
  },
  {
    dialect: 'messenger',
    path: '/api/guilds/:id/stickers',
    access: 'A',
    body: 'multipart',
    operation: `mutation($roomId: Int!, $name: String!, $file: File!, $description: String) {
      addRoomSticker(roomId: $roomId, name: $name, file: $file, description: $description) { ${EMOJI} }
    }`,
    variables: (b) => ({ roomId: int(b.id), name: b.name, file: file(b), description: b.description }),
    fields: { roomId: 'id' },
    status: () => 201,
    result: (d: { addRoomSticker: Emoji }) => sticker(d.addRoomSticker),
  },
])
