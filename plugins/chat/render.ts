import type { Prisma } from '../../src/generated/prisma/client.js'
import type { FileView } from '../../src/uploads/files.js'
import type { ChatMessageView, ChatUserView } from './public.js'
import { chatSettings } from './settings.js'

/** The Prisma selection that renders a message in one statement (relationJoins): authors and reactions included. */
export const MESSAGE_SELECT = {
  id: true,
  channel: true,
  text: true,
  type: true,
  createdAt: true,
  editedAt: true,
  replyToId: true,
  pinnedAt: true,
  from: { select: { id: true, name: true, settings: true } },
  to: { select: { id: true, name: true, settings: true } },
  actor: { select: { id: true, name: true, settings: true } },
  reactions: { select: { emoji: true } },
  attachments: true,
} as const

type Author = { id: number; name: string; settings: Prisma.JsonValue } | null
export interface MessageRow {
  id: number
  channel: string
  text: string
  type: string
  createdAt: Date
  editedAt: Date | null
  replyToId: number | null
  pinnedAt: Date | null
  from: Author
  to: Author
  actor: Author
  reactions: { emoji: string }[]
  attachments: Prisma.JsonValue
}

export const userView = (u: NonNullable<Author>): ChatUserView => ({
  id: u.id,
  name: u.name,
  color: chatSettings(u.settings).namecolor,
})

/** Reaction rows → per-emoji counts, in first-seen order. */
export function summarize(reactions: { emoji: string }[]) {
  const counts = new Map<string, number>()
  for (const r of reactions) counts.set(r.emoji, (counts.get(r.emoji) ?? 0) + 1)
  return [...counts].map(([emoji, count]) => ({ emoji, count }))
}

export const toView = (m: MessageRow): ChatMessageView => ({
  id: m.id,
  channel: m.channel,
  from: m.from ? userView(m.from) : null,
  to: m.to ? userView(m.to) : null,
  actor: m.actor ? userView(m.actor) : null,
  text: m.text,
  type: m.type,
  time: m.createdAt.toISOString(),
  editedAt: m.editedAt?.toISOString() ?? null,
  replyToId: m.replyToId,
  pinned: !!m.pinnedAt,
  reactions: summarize(m.reactions),
  attachments: attachmentsOf(m.attachments),
})

/** The stored copies of a message's files (written by publish only, so their shape is known; anything else is none). */
function attachmentsOf(v: Prisma.JsonValue): FileView[] {
  return Array.isArray(v) ? (v as unknown as FileView[]) : []
}
