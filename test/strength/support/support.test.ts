import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Context, Viewer } from '../../../src/context.js'
import { rolesFromRows } from '../../../src/auth/roles.js'
import type { ChatMessageView } from '../../../plugins/chat/public.js'
import {
  anonymise,
  ASKER_LABEL,
  askerCache,
  createSupportKind,
  rememberAsker,
  STAFF_LABEL,
  supportGuard,
  UNKNOWN_LABEL,
} from '../../../plugins/moderation/support/kind.js'
import { MAX_QUESTION, RECENT_CHANNELS } from '../../../plugins/moderation/support/service.js'
import { startTestApp, type TestApp } from '../../helpers/app.js'
import { gql, usersWith, type StrengthUser } from '../http.js'

/**
 * Support tickets: the channel kind that keeps their conversations anonymous, called directly with real contexts on
 * a real database, and the ticket rules through GraphQL — with tickets and their conversations written straight into
 * the database where a test needs more of them than the asking rules allow.
 */

let t: TestApp
let staff: StrengthUser
let asker: StrengthUser
let stranger: StrengthUser
let moderator: StrengthUser
const kind = () => createSupportKind(t.app.services)

beforeAll(async () => {
  t = await startTestApp({ PLUGINS: 'chat,moderation' })
  ;[staff, asker, stranger, moderator] = await usersWith(t, [{ support: 1 }, {}, {}, { moderator: 1 }])
}, 120_000)
afterAll(() => t.close())

const db = () => t.app.services.prisma

async function viewerOf(u: StrengthUser | null): Promise<Viewer | null> {
  if (!u) return null
  const roles = await db().userRole.findMany({ where: { userId: u.id } })
  return { id: u.id, name: u.name, sessionId: 0, roles: rolesFromRows(roles) }
}

async function ctxOf(u: StrengthUser | null): Promise<Context> {
  return {
    config: t.app.config,
    prisma: db(),
    pubsub: t.app.services.pubsub,
    services: t.app.services,
    viewer: await viewerOf(u),
    requestId: 'strength',
    ip: '127.0.0.1',
    userAgent: 'strength',
    token: null,
    operator: false,
  }
}

/** A ticket of `u`, written straight into the database (the asking rules are tested on their own below). */
const ticketOf = async (u: StrengthUser, question = 'q') =>
  (await db().supportTicket.create({ data: { userId: u.id, categoryId: 1, question } })).id

const write = (ticket: number, from: StrengthUser) =>
  db().chatMessage.create({ data: { channel: `support/${ticket}`, fromId: from.id, text: 'm' } })

const message = (from: number | null, to: number | null): ChatMessageView => ({
  id: 1,
  channel: 'support/1',
  text: 'hi',
  type: 'message',
  time: '2024-01-01T00:00:00.000Z',
  editedAt: null,
  replyToId: null,
  pinned: false,
  reactions: [],
  attachments: [],
  from: from === null ? null : { id: from, name: `real-${from}`, color: 7 },
  to: to === null ? null : { id: to, name: `real-${to}`, color: 9 },
  actor: null,
})

describe('the support channel kind', () => {
  it('is called support, is not public, has no owner, and names a question by its number', async () => {
    const k = kind()
    expect(k.name).toBe('support')
    expect(k.public).toBe(false)
    expect(await k.describe(await ctxOf(asker), ['42'])).toEqual({ name: 'Question #42', ownerId: null })
  })

  it('parses one ticket id: 1 to 2^31 - 1, no leading zero, nothing else', () => {
    const k = kind()
    for (const good of ['1', '9', '10', '1000000000', '2147483647']) expect(k.parse([good])).toEqual([good])
    for (const bad of [
      ['0'],
      ['01'],
      ['-1'],
      ['1a'],
      ['a1'],
      [' 1'],
      ['1.0'],
      ['2147483648'],
      ['9999999999'],
      ['10000000000'],
      [''],
      [],
      ['1', '2'],
    ])
      expect([bad, k.parse(bad)]).toEqual([bad, null])
  })

  it('a ticket exists for its asker and support staff only; an unknown ticket for nobody', async () => {
    const k = kind()
    const id = String(await ticketOf(asker))
    expect(await k.exists(await ctxOf(asker), [id])).toBe(true)
    expect(await k.exists(await ctxOf(staff), [id])).toBe(true)
    expect(await k.exists(await ctxOf(stranger), [id])).toBe(false)
    expect(await k.exists(await ctxOf(moderator), [id])).toBe(false)
    expect(await k.exists(await ctxOf(null), [id])).toBe(false)
    expect(await k.exists(await ctxOf(staff), ['2000000000'])).toBe(false)
  })

  it('the asker and staff read and write; nobody else', async () => {
    const k = kind()
    const id = String(await ticketOf(asker))
    for (const [u, may] of [
      [asker, true],
      [staff, true],
      [stranger, false],
      [moderator, false],
      [null, false],
    ] as const) {
      const ctx = await ctxOf(u)
      expect([u?.name, await k.canRead(ctx, [id])]).toEqual([u?.name, may])
      expect([u?.name, await k.canWrite(ctx, [id])]).toEqual([u?.name, may])
    }
    // an unknown ticket: no asker to match, a guest or stranger is not one
    expect(await k.canRead(await ctxOf(stranger), ['2000000000'])).toBe(false)
  })

  it('staff moderate support channels and see them all; nobody else does', async () => {
    const k = kind()
    expect(await k.isModerator(await ctxOf(staff), ['1'])).toBe(true)
    for (const u of [asker, moderator, null]) expect(await k.isModerator(await ctxOf(u), ['1'])).toBe(false)
    expect(k.readablePatterns(await viewerOf(staff))).toEqual(['support/%'])
    expect(k.readablePatterns(await viewerOf(moderator))).toEqual([])
    expect(k.readablePatterns(null)).toEqual([])
  })

  it('remembers the asker of a ticket once it was read from the database, and not an unknown one', async () => {
    const id = await ticketOf(asker)
    askerCache(t.app.services).delete(id)
    await kind().exists(await ctxOf(stranger), [String(id)])
    expect(askerCache(t.app.services).get(id)).toBe(asker.id)
    await kind().exists(await ctxOf(stranger), ['2000000001'])
    expect(askerCache(t.app.services).has(2_000_000_001)).toBe(false)
  })

  it('uses the remembered asker without asking the database again', async () => {
    const id = await ticketOf(asker)
    // what the cache says decides (a ticket's asker never changes, so the cache is never stale in real use)
    rememberAsker(t.app.services, id, stranger.id)
    expect(await kind().canRead(await ctxOf(stranger), [String(id)])).toBe(true)
    expect(await kind().canRead(await ctxOf(asker), [String(id)])).toBe(false)
    rememberAsker(t.app.services, id, asker.id)
  })

  it('keeps at most 10,000 askers, forgetting the oldest first', () => {
    const cache = askerCache(t.app.services)
    const saved = [...cache]
    cache.clear()
    try {
      for (let i = 1; i <= 10_000; i++) rememberAsker(t.app.services, 1_000_000 + i, i)
      expect(cache.size).toBe(10_000)
      expect(cache.get(1_000_001)).toBe(1)
      rememberAsker(t.app.services, 2_000_000, 7)
      expect(cache.size).toBe(10_000)
      expect(cache.has(1_000_001)).toBe(false)
      expect(cache.get(1_000_002)).toBe(2)
      expect(cache.get(2_000_000)).toBe(7)
    } finally {
      cache.clear()
      for (const [k, v] of saved) cache.set(k, v)
    }
  })
})

describe('anonymised messages', () => {
  it('the asker is "User", anyone else "Support"; ids and colours are 0', () => {
    expect(ASKER_LABEL).toBe('User')
    expect(STAFF_LABEL).toBe('Support')
    expect(UNKNOWN_LABEL).toBe('Participant')
    const out = anonymise(message(5, 9), 5)
    expect(out.from).toEqual({ id: 0, name: 'User', color: 0 })
    expect(out.to).toEqual({ id: 0, name: 'Support', color: 0 })
    const back = anonymise(message(9, 5), 5)
    expect(back.from).toEqual({ id: 0, name: 'Support', color: 0 })
    expect(back.to).toEqual({ id: 0, name: 'User', color: 0 })
    expect(anonymise(message(5, 9), 5)).toMatchObject({ id: 1, channel: 'support/1', text: 'hi' })
  })

  it('without a known asker everyone is "Participant"; a missing sender or addressee stays missing', () => {
    expect(anonymise(message(5, 9), undefined)).toMatchObject({
      from: { id: 0, name: 'Participant', color: 0 },
      to: { id: 0, name: 'Participant', color: 0 },
    })
    expect(anonymise(message(null, null), 5)).toMatchObject({ from: null, to: null })
  })

  it('present() labels by the remembered asker of that ticket', async () => {
    const id = await ticketOf(asker)
    askerCache(t.app.services).delete(id)
    const v = await viewerOf(staff)
    expect(kind().present!(v, [String(id)], message(asker.id, staff.id)).from!.name).toBe('Participant')
    rememberAsker(t.app.services, id, asker.id)
    const m = kind().present!(v, [String(id)], message(asker.id, staff.id))
    expect([m.from, m.to]).toEqual([
      { id: 0, name: 'User', color: 0 },
      { id: 0, name: 'Support', color: 0 },
    ])
  })
})

describe('supportGuard', () => {
  it('lets guests through to the channel rules, staff and askers with canUseSupport; stops the rest', async () => {
    const [banned, zeroStaff] = await usersWith(t, [{ canUseSupport: 0 }, { support: 1, canUseSupport: 0 }])
    expect(supportGuard(await ctxOf(null))).toBeNull()
    expect(supportGuard(await ctxOf(asker))).toBeNull()
    expect(supportGuard(await ctxOf(zeroStaff))).toBeNull()
    expect(supportGuard(await ctxOf(banned))).toEqual({
      reason: 'NOT_ALLOWED',
      message: 'You may not write to support',
    })
  })
})

describe('tickets', () => {
  const ASK = 'mutation($c: Int!, $q: String!) { askSupport(categoryId: $c, question: $q) { databaseId question } }'
  const code = (r: { errors?: { extensions?: { code?: string; field?: string } }[] }) => r.errors?.[0]?.extensions

  it('a question of exactly 2000 characters is taken (trimmed); one more is refused', async () => {
    expect(MAX_QUESTION).toBe(2000)
    const [u] = await usersWith(t, [{}])
    const ok = await gql(t, ASK, { c: 1, q: `  ${'a'.repeat(2000)}  ` }, u.token)
    expect(ok.data?.askSupport.question).toBe('a'.repeat(2000))
    expect(code(await gql(t, ASK, { c: 1, q: 'a'.repeat(2001) }, u.token))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'question',
    })
  })

  it('a category must be a positive integer id of a category', async () => {
    const [u] = await usersWith(t, [{}])
    for (const c of [0, -1, 999]) {
      const e = code(await gql(t, ASK, { c, q: 'q' }, u.token))
      expect([c, e?.field]).toEqual([c, 'category'])
    }
  })

  it("the asker's channels: the last 10, support's turn first, then newest first", async () => {
    expect(RECENT_CHANNELS).toBe(10)
    const [u] = await usersWith(t, [{}])
    const ids: number[] = []
    for (let i = 0; i < 12; i++) ids.push(await ticketOf(u))
    // answered by support (not support's turn): the 3 newest but one, and one old one
    for (const i of [11, 9, 8, 3]) await write(ids[i], staff)
    // the asker wrote last after an answer: support's turn again
    await write(ids[8], u)
    const r = await gql(t, '{ supportChannels }', {}, u.token)
    const newest = ids.slice(2) // the last 10
    const active = newest.filter((id) => ![ids[11], ids[9], ids[3]].includes(id)).sort((a, b) => b - a)
    const waiting = newest.filter((id) => [ids[11], ids[9], ids[3]].includes(id)).sort((a, b) => b - a)
    expect(r.data.supportChannels).toEqual([...active, ...waiting].map((id) => `support/${id}`))
  })

  it('support/ban: a question id must be a positive integer of a question; the asker loses canUseSupport', async () => {
    const BAN = 'mutation($q: Int!) { banFromSupport(questionId: $q) }'
    for (const q of [0, -5]) expect(code(await gql(t, BAN, { q }, staff.token))).toMatchObject({ field: 'questionId' })
    expect(code(await gql(t, BAN, { q: 2_000_000_000 }, staff.token))).toMatchObject({ code: 'QUESTION_NOT_FOUND' })
    const [u] = await usersWith(t, [{}])
    const id = await ticketOf(u)
    expect((await gql(t, BAN, { q: id }, staff.token)).data).toEqual({ banFromSupport: true })
    expect(
      await db().userRole.findUnique({ where: { userId_role: { userId: u.id, role: 'canUseSupport' } } }),
    ).toMatchObject({ value: 0 })
    const audit = await db().moderationAudit.findFirst({ where: { action: 'SUPPORT_BAN', ticketId: id } })
    expect(audit).toMatchObject({ actorId: staff.id, targetUserId: null })
  })
})

describe('the support list pages through more tickets than one read', () => {
  const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $active: Boolean) {
    supportTickets(first: $first, after: $after, last: $last, before: $before, onlyActive: $active) {
      edges { node { databaseId active } } pageInfo { endCursor }
    } }`
  /** the bulk tickets, oldest first; 5 of them active */
  let bulk: number[]
  let active: number[]

  beforeAll(async () => {
    // 5 active tickets among 450 answered ones, the newest tickets of all: found across several reads of 200
    const [u] = await usersWith(t, [{}])
    const rows = await db().supportTicket.createManyAndReturn({
      data: Array.from({ length: 455 }, (_, i) => ({ userId: u.id, categoryId: 2, question: `bulk ${i}` })),
      select: { id: true },
    })
    bulk = rows.map((r) => r.id).sort((a, b) => a - b)
    active = [bulk[3], bulk[150], bulk[230], bulk[420], bulk[454]]
    await db().chatMessage.createMany({
      data: bulk
        .filter((id) => !active.includes(id))
        .map((id) => ({ channel: `support/${id}`, fromId: staff.id, text: 'a' })),
    })
  }, 120_000)

  const page = async (vars: Record<string, unknown>) =>
    (await gql(t, LIST, vars, staff.token)).data.supportTickets as {
      edges: { node: { databaseId: number; active: boolean } }[]
      pageInfo: { endCursor: string }
    }
  const ids = (p: Awaited<ReturnType<typeof page>>) => p.edges.map((e) => e.node.databaseId)

  it('newest first, only active ones, read on past a batch without any', async () => {
    expect(ids(await page({ first: 100 })).slice(0, 5)).toEqual([...active].reverse())
    const first2 = await page({ first: 2 })
    expect(ids(first2)).toEqual([active[4], active[3]])
    expect(ids(await page({ first: 2, after: first2.pageInfo.endCursor }))).toEqual([active[2], active[1]])
  })

  it('from the other end (last/before): the active ones just newer than the cursor', async () => {
    expect(ids(await page({ last: 3, before: String(active[0]) }))).toEqual([active[3], active[2], active[1]])
  })

  it('onlyActive: false lists answered tickets too', async () => {
    const p = await page({ first: 5, active: false })
    expect(ids(p)).toEqual(bulk.slice(-5).reverse())
    expect(p.edges.map((e) => e.node.active)).toEqual([true, false, false, false, false])
  })
})
