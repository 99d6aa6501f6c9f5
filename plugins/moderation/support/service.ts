import type { Context } from '../../../src/context.js'
import { Prisma } from '../../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../../src/errors.js'
import { setRole } from '../../../src/core/roles/service.js'
import { Effects } from '../effects.js'
import { checkText, lockUsers, TX_OPTIONS, type DbLike } from '../common.js'
import { idPage, type Page } from '../paging.js'
import { rememberAsker } from './kind.js'

/** peka2-admin.md: at most 3 questions without a support answer. */
export const MAX_UNANSWERED = 3
export const MAX_QUESTION = 2000
/** /api/support/channels: the asker's last 10 questions. */
export const RECENT_CHANNELS = 10

export interface CategoryView {
  id: number
  slug: string
  name: string
}

/** A ticket as anyone sees it: no asker, by design. */
export interface TicketView {
  id: number
  channel: string
  category: CategoryView
  question: string
  createdAt: string
  /** the last word is the asker's (or nobody answered yet): support's turn */
  active: boolean
  /** a support member wrote at least once */
  answered: boolean
}

interface TicketRow {
  id: number
  userId: number
  question: string
  createdAt: Date
  categoryId: number
  slug: string
  name: string
  lastFrom: number | null
  answered: boolean
}

/**
 * Tickets with their state, derived from the conversation itself (support/<id> in chat): the last author decides
 * "active", any author other than the asker makes it "answered". One statement, indexed by (channel, id).
 */
const ACTIVE = Prisma.sql`(last."fromId" IS NULL OR last."fromId" = t."userId")`
function ticketRows(db: DbLike, where: Prisma.Sql, order: Prisma.Sql, limit: number) {
  return db.$queryRaw<TicketRow[]>`
    SELECT t.id, t."userId", t.question, t."createdAt", t."categoryId", c.slug, c.name, last."fromId" AS "lastFrom",
      EXISTS (SELECT 1 FROM "ChatMessage" m WHERE m.channel = 'support/' || t.id::text AND m."deletedAt" IS NULL
              AND m."fromId" IS NOT NULL AND m."fromId" <> t."userId") AS answered
    FROM "SupportTicket" t
    JOIN "SupportCategory" c ON c.id = t."categoryId"
    LEFT JOIN LATERAL (SELECT m."fromId" FROM "ChatMessage" m WHERE m.channel = 'support/' || t.id::text AND m."deletedAt" IS NULL
                       AND m."fromId" IS NOT NULL ORDER BY m.id DESC LIMIT 1) last ON true
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit}`
}

const view = (r: TicketRow): TicketView => ({
  id: r.id,
  channel: `support/${r.id}`,
  category: { id: r.categoryId, slug: r.slug, name: r.name },
  question: r.question,
  createdAt: r.createdAt.toISOString(),
  active: r.lastFrom === null || r.lastFrom === r.userId,
  answered: r.answered,
})

export const categories = (ctx: Context) => ctx.prisma.supportCategory.findMany({ orderBy: { id: 'asc' } })

async function categoryOrThrow(db: DbLike, id: unknown, field = 'category') {
  if (!Number.isInteger(id) || (id as number) < 1) throw invalid(field, 'must be a category id')
  const c = await db.supportCategory.findUnique({ where: { id: id as number } })
  if (!c) throw new AppError('CATEGORY_NOT_FOUND', `${field}: no such support category`, { field })
  return c
}

/** peka2 /api/support/ask. The asker's row lock makes the "3 unanswered" rule hold against parallel asks. */
export async function ask(ctx: Context, categoryId: number, question: string) {
  const viewer = ctx.viewer!
  if (viewer.roles.canUseSupport <= 0) throw new AppError('SUPPORT_DENIED')
  await categoryOrThrow(ctx.prisma, categoryId)
  const text = checkText('question', question, MAX_QUESTION, true)
  const ticket = await ctx.prisma.$transaction(async (tx) => {
    await lockUsers(tx, [viewer.id])
    const open = await ticketRows(tx, Prisma.sql`t."userId" = ${viewer.id} AND NOT EXISTS (SELECT 1 FROM "ChatMessage" m WHERE m.channel = 'support/' || t.id::text AND m."deletedAt" IS NULL AND m."fromId" IS NOT NULL AND m."fromId" <> t."userId")`, Prisma.sql`t.id`, MAX_UNANSWERED)
    if (open.length >= MAX_UNANSWERED) throw new AppError('TOO_MANY_OPEN_QUESTIONS')
    return tx.supportTicket.create({ data: { userId: viewer.id, categoryId, question: text } })
  }, TX_OPTIONS)
  rememberAsker(ctx.services, ticket.id, viewer.id)
  const [row] = await ticketRows(ctx.prisma, Prisma.sql`t.id = ${ticket.id}`, Prisma.sql`t.id`, 1)
  return view(row)
}

/** peka2 /api/support/ban: takes canUseSupport from the asker (core's role service, so it applies at once). */
export async function banAsker(ctx: Context, questionId: number) {
  if (!Number.isInteger(questionId) || questionId < 1) throw invalid('questionId', 'must be a question id')
  const t = await ctx.prisma.supportTicket.findUnique({ where: { id: questionId }, select: { userId: true } })
  if (!t) throw new AppError('QUESTION_NOT_FOUND', 'questionId: no such question', { field: 'questionId' })
  await setRole(ctx, t.userId, 'canUseSupport', false)
  const fx = new Effects()
  // The asker stays unnamed even here: the audit log names the ticket, never who asked it.
  await fx.audit(ctx.prisma, { action: 'SUPPORT_BAN', actorId: ctx.viewer!.id, ticketId: questionId })
  await fx.flush(ctx)
  return true
}

/** peka2 /api/support/channels: the caller's last 10 questions, support's turn first, then newest first. */
export async function myChannels(ctx: Context) {
  const rows = (await ticketRows(ctx.prisma, Prisma.sql`t."userId" = ${ctx.viewer!.id}`, Prisma.sql`t.id DESC`, RECENT_CHANNELS)).map(view)
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || b.id - a.id).map((t) => t.channel)
}

export interface TicketFilter {
  categoryId?: number | null
  from?: Date | null
  /** default true (peka2) */
  onlyActive?: boolean | null
}

/** peka2 /api/support/list for support staff; askers who lost canUseSupport are left out. */
export async function listTickets(ctx: Context, f: TicketFilter, page: Page) {
  if (f.categoryId != null) await categoryOrThrow(ctx.prisma, f.categoryId, 'category')
  const p = idPage(page)
  const conds = [Prisma.sql`NOT EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = t."userId" AND r.role = 'canUseSupport' AND r.value = 0)`]
  if (f.categoryId != null) conds.push(Prisma.sql`t."categoryId" = ${f.categoryId}`)
  if (f.from) conds.push(Prisma.sql`t."createdAt" >= ${f.from}`)
  if (f.onlyActive ?? true) conds.push(ACTIVE)
  if (p.lt) conds.push(Prisma.sql`t.id < ${p.lt}`)
  if (p.gt) conds.push(Prisma.sql`t.id > ${p.gt}`)
  const rows = await ticketRows(ctx.prisma, Prisma.join(conds, ' AND '), p.ascending ? Prisma.sql`t.id ASC` : Prisma.sql`t.id DESC`, p.take)
  return rows.map(view)
}

/** Relay node lookups: a ticket is visible to its asker and to support staff. */
export async function ticketsByIds(ctx: Context, ids: number[]) {
  const rows = (await ticketRows(ctx.prisma, Prisma.sql`t.id = ANY(${ids}::int[])`, Prisma.sql`t.id`, ids.length)).filter(
    (r) => (ctx.viewer?.roles.support ?? 0) > 0 || r.userId === ctx.viewer?.id,
  )
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)
    return r ? view(r) : null
  })
}
