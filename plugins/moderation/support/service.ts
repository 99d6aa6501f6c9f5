import type { Context } from '../../../src/context.js'
import type { Prisma } from '../../../src/generated/prisma/client.js'
import { AppError, invalid } from '../../../src/errors.js'
import { writeRole } from '../../../src/core/roles/service.js'
import { Effects } from '../effects.js'
import { checkText, lockUsers, TX_OPTIONS, type DbLike, signedIn } from '../common.js'
import { idPage, type Page } from '../paging.js'
import { chatApi } from '../state.js'
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

const TICKET_SELECT = {
  id: true,
  userId: true,
  question: true,
  createdAt: true,
  categoryId: true,
  category: { select: { slug: true, name: true } },
} as const

type TicketRow = Prisma.SupportTicketGetPayload<{ select: typeof TICKET_SELECT }>

interface TicketState extends TicketRow {
  /** the author of the conversation's latest message (null: nobody wrote yet) */
  lastFrom: number | null
  /** someone other than the asker wrote */
  answered: boolean
}

const channelOfTicket = (id: number) => `support/${id}`

/**
 * Tickets with their state, derived from the conversation itself (support/<id> in chat, read through chat's API): the
 * last author decides "active", any author other than the asker makes it "answered". `db`: the caller's transaction.
 */
async function withState(
  ctx: { services: Context['services'] },
  db: DbLike,
  rows: TicketRow[],
): Promise<TicketState[]> {
  const authors = await chatApi(ctx).authorsOf(
    rows.map((r) => channelOfTicket(r.id)),
    db,
  )
  return rows.map((r) => {
    const a = authors.get(channelOfTicket(r.id))
    return { ...r, lastFrom: a?.lastAuthorId ?? null, answered: !!a && a.authorIds.some((id) => id !== r.userId) }
  })
}

/** support's turn: nobody wrote yet, or the asker wrote last */
const isActive = (t: TicketState) => t.lastFrom === null || t.lastFrom === t.userId

const view = (r: TicketState): TicketView => ({
  id: r.id,
  channel: channelOfTicket(r.id),
  category: { id: r.categoryId, slug: r.category.slug, name: r.category.name },
  question: r.question,
  createdAt: r.createdAt.toISOString(),
  active: isActive(r),
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
  const viewer = signedIn(ctx)
  if (viewer.roles.canUseSupport <= 0) throw new AppError('SUPPORT_DENIED')
  await categoryOrThrow(ctx.prisma, categoryId)
  const text = checkText('question', question, MAX_QUESTION, true)
  const ticket = await ctx.prisma.$transaction(async (tx) => {
    await lockUsers(tx, [viewer.id])
    const mine = await tx.supportTicket.findMany({ where: { userId: viewer.id }, select: TICKET_SELECT })
    const unanswered = (await withState(ctx, tx, mine)).filter((t) => !t.answered)
    if (unanswered.length >= MAX_UNANSWERED) throw new AppError('TOO_MANY_OPEN_QUESTIONS')
    return tx.supportTicket.create({ data: { userId: viewer.id, categoryId, question: text }, select: TICKET_SELECT })
  }, TX_OPTIONS)
  rememberAsker(ctx.services, ticket.id, viewer.id)
  const [row] = await withState(ctx, ctx.prisma, [ticket])
  return view(row)
}

/**
 * peka2 /api/support/ban: takes canUseSupport from the asker (core's role service, so it applies at once), in one
 * transaction with its audit entry.
 */
export async function banAsker(ctx: Context, questionId: number) {
  if (!Number.isInteger(questionId) || questionId < 1) throw invalid('questionId', 'must be a question id')
  const actorId = signedIn(ctx).id
  const t = await ctx.prisma.supportTicket.findUnique({ where: { id: questionId }, select: { userId: true } })
  if (!t) throw new AppError('QUESTION_NOT_FOUND', 'questionId: no such question', { field: 'questionId' })
  const fx = new Effects()
  await ctx.prisma.$transaction(async (tx) => {
    fx.after(await writeRole(tx, ctx.pubsub, t.userId, 'canUseSupport', false))
    // The asker stays unnamed even here: the audit log names the ticket, never who asked it.
    await fx.audit(tx, { action: 'SUPPORT_BAN', actorId, ticketId: questionId })
  }, TX_OPTIONS)
  await fx.flush(ctx)
  return true
}

/** peka2 /api/support/channels: the caller's last 10 questions, support's turn first, then newest first. */
export async function myChannels(ctx: Context) {
  const rows = await ctx.prisma.supportTicket.findMany({
    where: { userId: signedIn(ctx).id },
    orderBy: { id: 'desc' },
    take: RECENT_CHANNELS,
    select: TICKET_SELECT,
  })
  const tickets = (await withState(ctx, ctx.prisma, rows)).map(view)
  return tickets.sort((a, b) => Number(b.active) - Number(a.active) || b.id - a.id).map((t) => t.channel)
}

export interface TicketFilter {
  categoryId?: number | null
  from?: Date | null
  /** default true (peka2) */
  onlyActive?: boolean | null
}

/** Tickets read per round while looking for a page of active ones. */
const ACTIVE_BATCH = 200

/** peka2 /api/support/list for support staff; askers who lost canUseSupport are left out. */
export async function listTickets(ctx: Context, f: TicketFilter, page: Page) {
  if (f.categoryId != null) await categoryOrThrow(ctx.prisma, f.categoryId, 'category')
  const p = idPage(page)
  const where: Prisma.SupportTicketWhereInput = {
    user: { roles: { none: { role: 'canUseSupport', value: 0 } } },
    ...(f.categoryId != null ? { categoryId: f.categoryId } : {}),
    ...(f.from ? { createdAt: { gte: f.from } } : {}),
  }
  const read = (id: { lt?: number; gt?: number }, take: number) =>
    ctx.prisma.supportTicket
      .findMany({ where: { AND: [where, { id }] }, orderBy: p.orderBy, take, select: TICKET_SELECT })
      .then((rows) => withState(ctx, ctx.prisma, rows))
  if (!(f.onlyActive ?? true)) return (await read({ lt: p.lt, gt: p.gt }, p.take)).map(view)
  // Whether a ticket is active lives in its conversation (chat's), not in a column: read in id order, keep the active
  // ones, until the page is full or the tickets run out.
  const out: TicketState[] = []
  const cursor = { lt: p.lt, gt: p.gt }
  for (;;) {
    const batch = await read(cursor, Math.max(ACTIVE_BATCH, p.take))
    for (const t of batch) if (isActive(t) && out.length < p.take) out.push(t)
    if (out.length >= p.take || batch.length < Math.max(ACTIVE_BATCH, p.take)) break
    const last = batch[batch.length - 1].id
    if (p.ascending) cursor.gt = last
    else cursor.lt = last
  }
  return out.map(view)
}

/** Relay node lookups: a ticket is visible to its asker and to support staff. */
export async function ticketsByIds(ctx: Context, ids: number[]) {
  const found = await ctx.prisma.supportTicket.findMany({ where: { id: { in: ids } }, select: TICKET_SELECT })
  const rows = (await withState(ctx, ctx.prisma, found)).filter(
    (r) => (ctx.viewer?.roles.support ?? 0) > 0 || r.userId === ctx.viewer?.id,
  )
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)
    return r ? view(r) : null
  })
}
