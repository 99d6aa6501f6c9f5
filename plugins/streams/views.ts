import type { Prisma } from '../../src/generated/prisma/client.js'
import { providerOf, type ProviderValue } from './providers.js'

/** A stream's player as GraphQL and peka2 show it. */
export interface PlayerView {
  provider: ProviderValue
  channel: string
  active: boolean
  online: boolean
  viewers: number
  title: string
  /** absolute URL of the channel's page on its service */
  url: string
  /** absolute URL of its preview picture ('' where the service has none we can address) */
  preview: string
}

/** A user's stream (id = the owner's user id); a user without a stored row has one with the defaults. */
export interface StreamView {
  id: number
  name: string
  description: string
  categoryId: number | null
  thumbnail: string | null
  restream: boolean
  tv: boolean
  selected: number
  active: boolean
  startAt: Date | null
  online: boolean
  rating: number
  startedAt: Date | null
  players: PlayerView[]
}

/** What content a category files: streams (this plugin's tree) or support questions (moderation's, flat). */
export type CategoryContent = 'stream' | 'support'

export interface CategoryView {
  id: number
  slug: string
  name: string
  parentId: number | null
  content: CategoryContent
}

/** The columns a stream view is made of (one statement with its players). */
export const STREAM_SELECT = {
  id: true,
  name: true,
  description: true,
  categoryId: true,
  thumbnail: true,
  restream: true,
  tv: true,
  selected: true,
  active: true,
  startAt: true,
  online: true,
  rating: true,
  startedAt: true,
  players: {
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { provider: true, channel: true, active: true, online: true, viewers: true, title: true },
  },
} satisfies Prisma.LiveStreamSelect

type PlayerRow = Omit<PlayerView, 'url' | 'preview' | 'provider'> & { provider: string }
export type StreamRow = Omit<StreamView, 'players'> & { players: PlayerRow[] }

/** Stored providers are written from the GraphQL enum only; an unknown one (edited by hand) shows as peka2.tv. */
export function playerView(p: PlayerRow): PlayerView {
  const provider = providerOf(p.provider)
  return {
    ...p,
    provider: provider?.value ?? 'peka2.tv',
    url: provider?.url(p.channel) ?? '',
    preview: provider?.preview(p.channel) ?? '',
  }
}

export const streamView = (row: StreamRow): StreamView => ({ ...row, players: row.players.map(playerView) })

/** The stream of a user who never set one up: their name as its title, offline, no players. */
export const defaultStream = (user: { id: number; name: string }): StreamView => ({
  id: user.id,
  name: user.name,
  description: '',
  categoryId: null,
  thumbnail: null,
  restream: false,
  tv: false,
  selected: 0,
  active: true,
  startAt: null,
  online: false,
  rating: 0,
  startedAt: null,
  players: [],
})

/** Its own picture, else the preview of a live player (peka2: "the preview of the online stream"), else null. */
export function thumbnailOf(s: StreamView): string | null {
  if (s.thumbnail) return s.thumbnail
  return s.players.find((p) => p.active && p.online && p.preview)?.preview ?? null
}
