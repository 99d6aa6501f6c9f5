import type { Services } from '../../src/services.js'
import type { DbLike } from '../../src/db/client.js'
import type { ChatApi, ChannelAuthors, StoredMessage } from './public.js'
import type { ChatState } from './state.js'
import { channelOf, isChannelModerator, resolveChannel } from './channels.js'
import { publish, removeMessages } from './service.js'
import { latestVisible, unreadCounts, viewsOf, visibleMessages } from './scoped-reads.js'
import { MESSAGE_SELECT, toView } from './render.js'
import { emit } from './events.js'
import { chatExtensions } from './extensions.js'

const STORED_SELECT = {
  id: true,
  channel: true,
  fromId: true,
  toId: true,
  text: true,
  type: true,
  createdAt: true,
  deletedAt: true,
} as const

const stored = (m: {
  id: number
  channel: string
  fromId: number | null
  toId: number | null
  text: string
  type: string
  createdAt: Date
  deletedAt: Date | null
}): StoredMessage => ({
  id: m.id,
  channel: m.channel,
  fromId: m.fromId,
  toId: m.toId,
  text: m.text,
  type: m.type,
  createdAt: m.createdAt,
  removed: m.deletedAt !== null,
})

/** A registry entry of a list, with the function that takes it out again. */
function add<T>(list: T[], item: T): () => void {
  list.push(item)
  return () => {
    const i = list.indexOf(item)
    if (i >= 0) list.splice(i, 1)
  }
}

/** What chat's start returns: the API other plugins get (plugins/chat/public.ts documents each member). */
export function createChatApi(services: Services, state: ChatState): ChatApi {
  const db = (tx?: DbLike) => tx ?? services.prisma
  return {
    registerChannelKind(kind) {
      if (state.kinds.has(kind.name)) throw new Error(`chat: a channel kind "${kind.name}" is registered already`)
      state.kinds.set(kind.name, kind)
      return () => {
        if (state.kinds.get(kind.name) === kind) state.kinds.delete(kind.name)
      }
    },
    addNickColorProvider: (provider) => add(chatExtensions(services).nickColors, provider),
    addAuthorStoreProvider: (provider) => add(chatExtensions(services).authorStores, provider),
    addTextCheck: (check) => add(chatExtensions(services).textChecks, check),
    addPublishGuard: (guard) => add(state.guards, guard),
    addModeratorCheck: (check) => add(state.moderatorChecks, check),
    kindOf: (channel) => channelOf(services, channel)?.kind ?? null,
    resolveChannel,
    isChannelModerator,
    async postSystem(channel, text, data = {}, inTx) {
      const row = await db(inTx?.tx).chatMessage.create({
        data: {
          channel,
          text,
          type: data.type ?? 'system',
          toId: data.toId ?? null,
          replyToId: data.replyToId ?? null,
          actorId: data.actorId ?? null,
        },
        select: MESSAGE_SELECT,
      })
      const view = toView(row)
      const ch = channelOf(services, channel)
      const publish = () => {
        if (ch) emit(services.pubsub, ch, { kind: 'added', channel, message: view })
      }
      if (inTx) inTx.afterCommit(publish)
      else publish()
      return view
    },
    remove: (ids, reason, data, inTx) => removeMessages(services, ids, reason, data, inTx),
    async messages(ids, tx) {
      if (!ids.length) return []
      return (await db(tx).chatMessage.findMany({ where: { id: { in: ids } }, select: STORED_SELECT })).map(stored)
    },
    async messagesBefore(channel, beforeId, take, tx) {
      const rows = await db(tx).chatMessage.findMany({
        where: { channel, id: { lt: beforeId } },
        orderBy: { id: 'desc' },
        take,
        select: STORED_SELECT,
      })
      return rows.map(stored)
    },
    async recentMessageIds({ authorId, channels, since, alsoIds = [] }, tx) {
      const rows = await db(tx).chatMessage.findMany({
        where: {
          fromId: authorId,
          channel: { in: channels },
          deletedAt: null,
          OR: [{ createdAt: { gte: since } }, { id: { in: alsoIds } }],
        },
        select: { id: true },
      })
      return rows.map((r) => r.id)
    },
    async authorsOf(channels, tx) {
      const out = new Map<string, ChannelAuthors>()
      if (!channels.length) return out
      // one row per channel and author, with that author's latest message: answered by the (channel, id) index
      const groups = await db(tx).chatMessage.groupBy({
        by: ['channel', 'fromId'],
        where: { channel: { in: channels }, deletedAt: null, fromId: { not: null } },
        _max: { id: true },
      })
      const latest = new Map<string, number>()
      for (const g of groups) {
        if (g.fromId === null) continue
        const last = g._max.id ?? 0
        const entry = out.get(g.channel) ?? { authorIds: [], lastAuthorId: g.fromId }
        out.set(g.channel, entry)
        entry.authorIds.push(g.fromId)
        if (last > (latest.get(g.channel) ?? -1)) {
          latest.set(g.channel, last)
          entry.lastAuthorId = g.fromId
        }
      }
      return out
    },
    presence: (channel) => state.presence.list(channel),
    accessChanged(channel, userId) {
      services.pubsub.publish('chat.event', channel, { kind: 'access', channel, userId })
    },
    publish: (ctx, input) => publish(ctx, input),
    visibleMessages: (userId, scope, page) => visibleMessages(services.prisma, userId, scope, page),
    unreadCounts: (userId, scope) => unreadCounts(services.prisma, userId, scope),
    latestVisible: (userId, scope) => latestVisible(services.prisma, userId, scope),
    views: (ids) => viewsOf(services.prisma, ids),
    async latestId(channel) {
      const row = await services.prisma.chatMessage.findFirst({
        where: { channel },
        orderBy: { id: 'desc' },
        select: { id: true },
      })
      return row?.id ?? 0
    },
  }
}
