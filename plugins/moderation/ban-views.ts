import type { Prisma } from '../../src/generated/prisma/client.js'
import type { ReasonView } from './reasons.js'
import { unix } from './common.js'

/** One entry of a ban's frozen data (peka2 list `data`): a chat message, or for unfair bans the cancelled ban's. */
export interface BanMessageView {
  messageId: number | null
  channel: string | null
  text: string
  time: string | null
  /** someone voted against this message */
  attempt: boolean
  /** written by the banned user */
  accused: boolean
  /** unfair-accusation bans: the reason of the ban that was undone */
  reason: { id: number; name: string; content: string } | null
}

export interface BanView {
  id: number
  userId: number
  reason: ReasonView
  startAt: string
  endAt: string
  active: boolean
  undoneAt: string | null
  sourceBanId: number | null
  messages: BanMessageView[]
}

export const BAN_INCLUDE = {
  reason: { select: { id: true, code: true, name: true, content: true, durationSeconds: true, minRole: true } },
} as const
type BanRow = Prisma.BanGetPayload<{ include: typeof BAN_INCLUDE }>

export const banView = (b: BanRow): BanView => ({
  id: b.id,
  userId: b.userId,
  reason: b.reason,
  startAt: b.startAt.toISOString(),
  endAt: b.endAt.toISOString(),
  active: b.active,
  undoneAt: b.undoneAt?.toISOString() ?? null,
  sourceBanId: b.sourceBanId,
  messages: (Array.isArray(b.data) ? b.data : []) as unknown as BanMessageView[],
})

/** peka2 /api/moderation/check, also the data of the chatBan notification. */
export const checkShape = (b: { id: number; endAt: Date | string; reasonId: number } | null) =>
  b
    ? { id: b.id, banned: true, expire: unix(b.endAt), reason: b.reasonId }
    : { id: 0, banned: false, expire: 0, reason: 0 }
