// moderationAuditEvents: each action made through the API, and every audit entry it must put on the live feed, whole.
import type { TestApp } from '../../helpers/app.js'
import { registerUser, userWithRoles, type TestUser } from '../../helpers/users.js'
import { globalId, ok, open, userRef, type Received, type Stream } from '../support.js'
import { sendAs } from './chat.js'

export interface ModerationFixture {
  t: TestApp
  /** a moderator watching the feed */
  feed: Stream
  /** the feed gets exactly the entries of the audit rows written since `since` (read back for ids and times) */
  expectEntries(since: number, entries: EntryShape[]): Promise<Received>
  /** the newest audit row id: what the next action's entries come after */
  mark(): Promise<number>
  close(): Promise<void>
}

export interface EntryShape {
  action: string
  actor: TestUser | null
  target?: TestUser | null
  reasonId?: number | null
  channel?: string | null
  banId?: number | null
  complaintId?: number | null
  ticketId?: number | null
  messageId?: number | null
  data: unknown
}

export async function moderationFixture(t: TestApp): Promise<ModerationFixture> {
  const watcher = await userWithRoles(t, { moderator: 1 })
  const feed = await open(t, watcher, 'moderationAuditEvents')
  const prisma = t.app.services.prisma
  return {
    t,
    feed,
    async mark() {
      return (await prisma.moderationAudit.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0
    },
    async expectEntries(since, entries) {
      const rows = await prisma.moderationAudit.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } })
      if (rows.length !== entries.length)
        throw new Error(`expected ${entries.length} audit rows, found ${rows.length}: ${JSON.stringify(rows)}`)
      const expected = entries.map((e, i) => ({
        action: e.action,
        actor: userRef(e.actor),
        actorId: e.actor?.id ?? null,
        actorName: e.actor?.name ?? null,
        banId: e.banId ?? null,
        channel: e.channel ?? null,
        complaintId: e.complaintId ?? null,
        data: e.data,
        databaseId: rows[i].id,
        id: globalId('ModerationAuditEntry', rows[i].id),
        messageId: e.messageId ?? null,
        reasonId: e.reasonId ?? null,
        target: userRef(e.target ?? null),
        targetName: e.target?.name ?? null,
        targetUserId: e.target?.id ?? null,
        ticketId: e.ticketId ?? null,
        time: rows[i].createdAt.toISOString(),
      }))
      const got = await feed.expectNext(...expected)
      await feed.expectQuiet(100)
      return got
    },
    close: () => feed.close(),
  }
}

type Recipe = (f: ModerationFixture) => Promise<Received>

const SPAM = 1
const UNFAIR = 7
const ACCUSE = 'mutation($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }'

/** A stream channel (its owner moderates it) and a message of `author` in it. */
async function scene(t: TestApp) {
  const owner = await registerUser(t)
  const author = await registerUser(t)
  const channel = `stream/${owner.id}`
  const messageId = await sendAs(t, author, channel, 'something rude')
  return { owner, author, channel, messageId }
}

const endAtOf = async (t: TestApp, banId: number) =>
  (await t.app.services.prisma.ban.findUniqueOrThrow({ where: { id: banId } })).endAt.toISOString()

/** Two citizens' votes that ban (weight 5 + 5 of threshold 10), then a moderator's undo: every entry on the way. */
async function banThenUndo(f: ModerationFixture): Promise<Received> {
  const { t } = f
  const { author, channel, messageId } = await scene(t)
  const voters = [await userWithRoles(t, { citizen: 5 }), await userWithRoles(t, { citizen: 5 })]
  const mod = await userWithRoles(t, { moderator: 1 })
  const got: Received = []
  let since = await f.mark()
  await ok(t, voters[0], ACCUSE, { u: author.id, r: SPAM, d: { messageId } })
  const accused = { target: author, reasonId: SPAM, channel, messageId, data: { weight: 5 } }
  got.push(...(await f.expectEntries(since, [{ action: 'ACCUSE', actor: voters[0], ...accused }])))
  since = await f.mark()
  await ok(t, voters[1], ACCUSE, { u: author.id, r: SPAM, d: { messageId } })
  const ban = await t.app.services.prisma.ban.findFirstOrThrow({ where: { userId: author.id } })
  got.push(
    ...(await f.expectEntries(since, [
      { action: 'ACCUSE', actor: voters[1], ...accused },
      {
        action: 'BAN',
        actor: null,
        target: author,
        reasonId: SPAM,
        banId: ban.id,
        data: { endAt: ban.endAt.toISOString(), sourceBanId: null },
      },
    ])),
  )
  since = await f.mark()
  await ok(t, mod, 'mutation($b: Int!) { undoBan(banId: $b) }', { b: ban.id })
  const unfair = await t.app.services.prisma.ban.findMany({ where: { sourceBanId: ban.id }, orderBy: { id: 'asc' } })
  got.push(
    ...(await f.expectEntries(since, [
      { action: 'BAN_UNDO', actor: mod, target: author, reasonId: SPAM, banId: ban.id, data: {} },
      ...(await Promise.all(
        voters.map(async (v, i) => ({
          action: 'BAN_UNFAIR',
          actor: mod,
          target: v,
          reasonId: UNFAIR,
          banId: unfair[i].id,
          data: { endAt: await endAtOf(t, unfair[i].id), sourceBanId: ban.id },
        })),
      )),
    ])),
  )
  return got
}

async function block(f: ModerationFixture, state: boolean): Promise<Received> {
  const { t } = f
  const blocker = await userWithRoles(t, { blocker: 1 })
  const x = await registerUser(t)
  const got: Received = []
  for (const s of state ? [true] : [true, false]) {
    const since = await f.mark()
    await ok(t, blocker, 'mutation($u: Int!, $s: Boolean!) { blockUser(userId: $u, state: $s) }', { u: x.id, s })
    got.push(
      ...(await f.expectEntries(since, [{ action: s ? 'BLOCK' : 'UNBLOCK', actor: blocker, target: x, data: {} }])),
    )
  }
  return got
}

/** A sanction in a stream channel by its owner, then (for CHANNEL_LIFT) its lifting. */
async function sanction(f: ModerationFixture, kind: 'KICK' | 'SILENCE' | 'BAN', lift = false): Promise<Received> {
  const { t } = f
  const { owner, author, channel, messageId } = await scene(t)
  const until = kind === 'KICK' ? null : new Date(Date.now() + 3600_000).toISOString()
  const mutation = {
    KICK: 'mutation($c: String!, $u: Int!, $m: Int) { kickFromChannel(channel: $c, userId: $u, refMessage: $m) { databaseId } }',
    SILENCE:
      'mutation($c: String!, $u: Int!, $m: Int, $until: DateTime!) { silenceInChannel(channel: $c, userId: $u, refMessage: $m, until: $until, text: "calm down") { databaseId } }',
    BAN: 'mutation($c: String!, $u: Int!, $m: Int, $until: DateTime) { banFromChannel(channel: $c, userId: $u, refMessage: $m, until: $until, text: "bye") { databaseId } }',
  }[kind]
  const text = { KICK: null, SILENCE: 'calm down', BAN: 'bye' }[kind]
  let since = await f.mark()
  await ok(t, owner, mutation, { c: channel, u: author.id, m: messageId, ...(until ? { until } : {}) })
  const got = await f.expectEntries(since, [
    { action: `CHANNEL_${kind}`, actor: owner, target: author, channel, messageId, data: { until, text } },
  ])
  if (!lift) return got
  since = await f.mark()
  await ok(
    t,
    owner,
    `mutation($c: String!, $u: Int!) { liftChannelSanction(channel: $c, userId: $u, kind: ${kind}) }`,
    {
      c: channel,
      u: author.id,
    },
  )
  got.push(
    ...(await f.expectEntries(since, [
      { action: 'CHANNEL_LIFT', actor: owner, target: author, channel, data: { kind: kind.toLowerCase() } },
    ])),
  )
  return got
}

async function channelModerator(f: ModerationFixture, remove: boolean): Promise<Received> {
  const { t } = f
  const owner = await registerUser(t)
  const x = await registerUser(t)
  const channel = `stream/${owner.id}`
  const got: Received = []
  for (const [op, action] of [
    ['addChannelModerator', 'CHANNEL_MODERATOR_ADD'],
    ...(remove ? [['removeChannelModerator', 'CHANNEL_MODERATOR_REMOVE']] : []),
  ]) {
    const since = await f.mark()
    await ok(t, owner, `mutation($c: String!, $u: Int!) { ${op}(channel: $c, userId: $u) }`, { c: channel, u: x.id })
    got.push(...(await f.expectEntries(since, [{ action, actor: owner, target: x, channel, data: {} }])))
  }
  return got
}

async function complaint(f: ModerationFixture, resolve: boolean): Promise<Received> {
  const { t } = f
  const { author, channel, messageId } = await scene(t)
  const reporter = await registerUser(t)
  const mod = await userWithRoles(t, { moderator: 1 })
  let since = await f.mark()
  const complaintId = (
    await ok(t, reporter, 'mutation($m: Int!) { fileComplaint(messageId: $m, text: "rude") { databaseId } }', {
      m: messageId,
    })
  ).fileComplaint.databaseId
  const about = { target: author, channel, messageId, complaintId }
  const got = await f.expectEntries(since, [
    { action: 'COMPLAINT_FILE', actor: reporter, ...about, data: { text: 'rude' } },
  ])
  if (!resolve) return got
  since = await f.mark()
  await ok(t, mod, 'mutation($id: Int!) { resolveComplaint(id: $id, status: REJECTED, note: "fine") { status } }', {
    id: complaintId,
  })
  got.push(
    ...(await f.expectEntries(since, [
      { action: 'COMPLAINT_RESOLVE', actor: mod, ...about, data: { status: 'rejected', note: 'fine' } },
    ])),
  )
  return got
}

export const MODERATION_RECIPES: Partial<Record<string, Recipe>> = {
  async ACCUSE(f) {
    const { author, channel, messageId } = await scene(f.t)
    const citizen = await registerUser(f.t) // citizen 2 by default: one vote, no ban
    const since = await f.mark()
    await ok(f.t, citizen, ACCUSE, { u: author.id, r: SPAM, d: { messageId } })
    return f.expectEntries(since, [
      { action: 'ACCUSE', actor: citizen, target: author, reasonId: SPAM, channel, messageId, data: { weight: 2 } },
    ])
  },
  async BAN(f) {
    // a moderator's vote weighs the threshold: ACCUSE and BAN at once, the ban made by nobody (the server)
    const { author, channel, messageId } = await scene(f.t)
    const mod = await userWithRoles(f.t, { moderator: 1 })
    const since = await f.mark()
    await ok(f.t, mod, ACCUSE, { u: author.id, r: SPAM, d: { messageId } })
    const ban = await f.t.app.services.prisma.ban.findFirstOrThrow({ where: { userId: author.id } })
    return f.expectEntries(since, [
      { action: 'ACCUSE', actor: mod, target: author, reasonId: SPAM, channel, messageId, data: { weight: 10 } },
      {
        action: 'BAN',
        actor: null,
        target: author,
        reasonId: SPAM,
        banId: ban.id,
        data: { endAt: ban.endAt.toISOString(), sourceBanId: null },
      },
    ])
  },
  BAN_UNDO: banThenUndo,
  BAN_UNFAIR: banThenUndo,
  BLOCK: (f) => block(f, true),
  UNBLOCK: (f) => block(f, false),
  CHANNEL_KICK: (f) => sanction(f, 'KICK'),
  CHANNEL_SILENCE: (f) => sanction(f, 'SILENCE'),
  CHANNEL_BAN: (f) => sanction(f, 'BAN'),
  CHANNEL_LIFT: (f) => sanction(f, 'SILENCE', true),
  CHANNEL_MODERATOR_ADD: (f) => channelModerator(f, false),
  CHANNEL_MODERATOR_REMOVE: (f) => channelModerator(f, true),
  COMPLAINT_FILE: (f) => complaint(f, false),
  COMPLAINT_RESOLVE: (f) => complaint(f, true),
  async SUPPORT_BAN(f) {
    // support anonymity: the entry names the ticket, never the asker
    const asker = await registerUser(f.t)
    const staff = await userWithRoles(f.t, { support: 1 })
    const ticketId = (await ok(f.t, asker, 'mutation { askSupport(categoryId: 1, question: "hm") { databaseId } }'))
      .askSupport.databaseId
    const since = await f.mark()
    await ok(f.t, staff, 'mutation($q: Int!) { banFromSupport(questionId: $q) }', { q: ticketId })
    return f.expectEntries(since, [{ action: 'SUPPORT_BAN', actor: staff, target: null, ticketId, data: {} }])
  },
}
