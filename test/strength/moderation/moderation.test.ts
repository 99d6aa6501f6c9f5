import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app.js'
import { gql, outcome, usersWith, type StrengthUser } from '../http.js'

/**
 * Civil moderation through the server, rule by rule: the limits and windows of accusations (with votes and messages
 * dated in the database where a rule is about time), what a ban freezes and removes, undo, channel sanctions and the
 * publish guard that enforces them all. Threshold 4: two ordinary citizens (weight 2) ban.
 */

let t: TestApp
let moderator: StrengthUser
const db = () => t.app.services.prisma
const REASON = { spam: 1, flood: 2, insult: 3, obscene: 4, provocation: 5, serious: 6, unfair: 7 } as const
const MIN = 60_000
const HOUR = 3_600_000

beforeAll(async () => {
  t = await startTestApp({ PLUGINS: 'chat,moderation,dms', BAN_VOTE_THRESHOLD: '4' })
  ;[moderator] = await usersWith(t, [{ moderator: 1 }])
}, 120_000)
afterAll(() => t.close())

const users = (n: number, roles = {}) =>
  usersWith(
    t,
    Array.from({ length: n }, () => roles),
  )

/** a chat message written `ageMs` ago, straight into the database */
const message = async (from: StrengthUser, channel: string, text = 'words', ageMs = 0) =>
  (
    await db().chatMessage.create({
      data: { channel, fromId: from.id, text, createdAt: new Date(Date.now() - ageMs) },
    })
  ).id

const ACCUSE = 'mutation($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }'
const accuse = async (voter: StrengthUser, target: StrengthUser | number, reason: number, data?: unknown) =>
  gql(t, ACCUSE, { u: typeof target === 'number' ? target : target.id, r: reason, d: data }, voter.token)
const accused = async (...args: Parameters<typeof accuse>) => outcome(await accuse(...args))

const banRows = (userId: number) => db().ban.findMany({ where: { userId }, orderBy: { id: 'asc' } })

/** a vote of `voter` against `target`, cast `ageMs` ago, straight into the database */
const pastVote = (voter: StrengthUser, target: StrengthUser, reasonId: number, ageMs: number, banId?: number) =>
  db().banVote.create({
    data: {
      voterId: voter.id,
      userId: target.id,
      reasonId,
      weight: 2,
      banId: banId ?? null,
      createdAt: new Date(Date.now() - ageMs),
    },
  })

const SEND = `mutation($c: String!, $t: String!) { sendChatMessage(input: { channel: $c, text: $t }) {
  isSent dropReason dropMessage retryAfter } }`
const send = async (u: StrengthUser, channel: string, text = 'hello') =>
  (await gql(t, SEND, { c: channel, t: text }, u.token)).data?.sendChatMessage as {
    isSent: boolean
    dropReason: string | null
    dropMessage: string | null
    retryAfter: number | null
  }

describe('accuse: the accused message', () => {
  it('data must be an object (or null); its messageId a positive integer — each refusal names its field', async () => {
    const [voter, target] = await users(2)
    for (const [data, field] of [
      ['text', 'data'],
      [[1], 'data'],
      [5, 'data'],
      [true, 'data'],
      [{ messageId: 0 }, 'data.messageId'],
      [{ messageId: -1 }, 'data.messageId'],
      [{ messageId: 1.5 }, 'data.messageId'],
      [{ messageId: '7' }, 'data.messageId'],
    ] as const) {
      const r = await accuse(voter, target, REASON.spam, data)
      expect([data, r.errors?.[0]?.extensions]).toEqual([
        data,
        expect.objectContaining({ code: 'INVALID_INPUT', field }),
      ])
    }
    expect(await db().banVote.count({ where: { voterId: voter.id } })).toBe(0)
  })

  it('no data, null, an empty object or a null messageId accuse without a message', async () => {
    const [voter, ...targets] = await users(5)
    for (const [i, data] of [undefined, null, {}, { messageId: null }].entries())
      expect(await accused(voter, targets[i], REASON.spam, data)).toBe('OK')
    const votes = await db().banVote.findMany({ where: { voterId: voter.id } })
    expect(votes.map((v) => [v.messageId, v.channel])).toEqual(Array.from({ length: 4 }, () => [null, null]))
  })

  it('a message the voter cannot read, or that does not exist, is not found', async () => {
    const [voter, a, b] = await users(3)
    const secret = await message(a, `private/${Math.min(a.id, b.id)}/${Math.max(a.id, b.id)}`, 'between us')
    expect(await accused(voter, a, REASON.spam, { messageId: secret })).toBe('MESSAGE_NOT_FOUND')
    expect(await accused(voter, a, REASON.spam, { messageId: 2_000_000_000 })).toBe('MESSAGE_NOT_FOUND')
    // the participant may accuse it
    expect(await accused(b, a, REASON.spam, { messageId: secret })).toBe('OK')
    const vote = await db().banVote.findFirstOrThrow({ where: { voterId: b.id } })
    expect([vote.messageId, vote.channel]).toEqual([secret, `private/${Math.min(a.id, b.id)}/${Math.max(a.id, b.id)}`])
  })
})

describe('accuse: who and how much', () => {
  it('a vote weighs the citizen value; a moderator weighs at least the threshold', async () => {
    const [c1, c3, mod9, target] = await usersWith(t, [
      { citizen: 1 },
      { citizen: 3 },
      { moderator: 1, citizen: 9 },
      {},
    ])
    expect(await accused(c1, target, REASON.spam)).toBe('OK')
    expect(await accused(c3, target, REASON.flood)).toBe('OK')
    expect(await accused(moderator, target, REASON.insult)).toBe('OK')
    expect(await accused(mod9, target, REASON.obscene)).toBe('OK')
    const votes = await db().banVote.findMany({ where: { userId: target.id }, orderBy: { id: 'asc' } })
    expect(votes.map((v) => v.weight)).toEqual([1, 3, 4, 9])
  })

  it('citizenship 1 is enough; 0 or less is none', async () => {
    const [one, zero, minus, target] = await usersWith(t, [{ citizen: 1 }, { citizen: 0 }, { citizen: -1 }, {}])
    expect(await accused(one, target, REASON.spam)).toBe('OK')
    expect(await accused(zero, target, REASON.spam)).toBe('NO_CITIZENSHIP')
    expect(await accused(minus, target, REASON.spam)).toBe('NO_CITIZENSHIP')
  })

  it('self-accusation is refused on the userId field', async () => {
    const [voter] = await users(1)
    expect((await accuse(voter, voter, REASON.spam)).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'userId',
    })
  })

  it('reasons: a positive integer id of a reason', async () => {
    const [voter, target] = await users(2)
    for (const r of [0, -1])
      expect((await accuse(voter, target, r)).errors?.[0]?.extensions).toMatchObject({ field: 'reasonId' })
  })
})

describe('accuse: windows', () => {
  it('five accusations in 10 minutes; older ones do not count', async () => {
    const [voter, ...targets] = await users(8)
    for (let i = 0; i < 5; i++) await pastVote(voter, targets[i], REASON.spam, 11 * MIN)
    expect(await accused(voter, targets[5], REASON.spam)).toBe('OK')
    for (let i = 0; i < 4; i++) await pastVote(voter, targets[i], REASON.flood, 9 * MIN)
    expect(await accused(voter, targets[6], REASON.spam)).toBe('TOO_MANY_ACCUSATIONS')
  })

  it('four recent accusations leave room for a fifth', async () => {
    const [voter, ...targets] = await users(6)
    for (let i = 0; i < 4; i++) await pastVote(voter, targets[i], REASON.spam, 5 * MIN)
    expect(await accused(voter, targets[4], REASON.spam)).toBe('OK')
  })

  it('a repeat counts as one for a day: after 24 hours the same accusation is a new vote', async () => {
    const [voter, target, other] = await users(3)
    await pastVote(voter, target, REASON.spam, 23 * HOUR)
    expect(await accused(voter, target, REASON.spam)).toBe('DUPLICATE_ACCUSATION')
    await pastVote(voter, other, REASON.spam, 25 * HOUR)
    expect(await accused(voter, other, REASON.spam)).toBe('OK')
  })

  it('a vote that joined a ban in force is a repeat; one whose ban ended or was undone is not', async () => {
    const [voter, a, b, c] = await users(4)
    const ban = (userId: number, endAt: Date, active = true) =>
      db().ban.create({
        data: { userId, reasonId: REASON.spam, startAt: new Date(Date.now() - 2 * HOUR), endAt, active, data: [] },
      })
    const inForce = await ban(a.id, new Date(Date.now() + HOUR))
    await pastVote(voter, a, REASON.spam, 30 * HOUR, inForce.id)
    expect(await accused(voter, a, REASON.spam)).toBe('DUPLICATE_ACCUSATION')
    const ended = await ban(b.id, new Date(Date.now() - HOUR))
    await pastVote(voter, b, REASON.spam, 30 * HOUR, ended.id)
    expect(await accused(voter, b, REASON.spam)).toBe('OK')
    const undone = await ban(c.id, new Date(Date.now() + HOUR), false)
    await pastVote(voter, c, REASON.spam, 30 * HOUR, undone.id)
    expect(await accused(voter, c, REASON.spam)).toBe('OK')
  })

  it('only open votes of the last day, for that reason, count toward a ban', async () => {
    const [v1, v2, v3, v4, target] = await users(5)
    await pastVote(v1, target, REASON.spam, 25 * HOUR) // too old
    await pastVote(v2, target, REASON.flood, HOUR) // another reason
    expect(await accused(v3, target, REASON.spam)).toBe('OK')
    expect(await banRows(target.id)).toEqual([])
    expect(await accused(v4, target, REASON.spam)).toBe('OK') // 2 + 2
    const [ban] = await banRows(target.id)
    expect(ban.reasonId).toBe(REASON.spam)
    const votes = await db().banVote.findMany({ where: { userId: target.id }, orderBy: { id: 'asc' } })
    expect(votes.map((v) => v.banId)).toEqual([null, null, ban.id, ban.id])
  })

  it('a ban lasts its reason’s duration from now, and a later vote joins it', async () => {
    const [v1, v2, v3, target] = await users(4)
    const before = Date.now()
    await accused(v1, target, REASON.flood)
    await accused(v2, target, REASON.flood)
    const [ban] = await banRows(target.id)
    expect(ban.endAt.getTime() - ban.startAt.getTime()).toBe(1800 * 1000)
    expect(ban.startAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(ban.startAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    expect(await accused(v3, target, REASON.flood)).toBe('OK')
    expect(await banRows(target.id)).toHaveLength(1)
    const late = await db().banVote.findFirstOrThrow({ where: { voterId: v3.id } })
    expect(late.banId).toBe(ban.id)
    const audit = await db().moderationAudit.findFirstOrThrow({ where: { action: 'BAN', banId: ban.id } })
    expect(audit).toMatchObject({ actorId: null, targetUserId: target.id, reasonId: REASON.flood })
  })
})

describe('what a ban freezes and removes', () => {
  it('the accused messages and the five before the first of them in each channel, in id order', async () => {
    const [v1, v2, target, other] = await users(4)
    const ch1 = `stream/${other.id}`
    const ch2 = `stream/${v1.id}`
    const early = await message(other, ch1, 'too early')
    const ctx1 = [
      await message(other, ch1, 'c1'),
      await message(target, ch1, 'c2'),
      await message(other, ch1, 'c3'),
      await message(other, ch1, 'c4'),
      await message(other, ch1, 'c5'),
    ]
    const bad1 = await message(target, ch1, 'bad one')
    const between = await message(other, ch1, 'between')
    const bad2 = await message(target, ch1, 'bad two')
    const ctx2 = await message(other, ch2, 'elsewhere')
    const bad3 = await message(target, ch2, 'bad three')
    await accuse(v1, target, REASON.spam, { messageId: bad1 })
    await accuse(v2, target, REASON.spam, { messageId: bad3 })
    // bad2 was accused by nobody: it is no context either (after the first accused message of its channel)
    const [ban] = await banRows(target.id)
    const data = ban.data as { messageId: number; channel: string; text: string; attempt: boolean; accused: boolean }[]
    expect(data.map((m) => [m.messageId, m.text, m.attempt, m.accused])).toEqual([
      [ctx1[0], 'c1', false, false],
      [ctx1[1], 'c2', false, true],
      [ctx1[2], 'c3', false, false],
      [ctx1[3], 'c4', false, false],
      [ctx1[4], 'c5', false, false],
      [bad1, 'bad one', true, true],
      [ctx2, 'elsewhere', false, false],
      [bad3, 'bad three', true, true],
    ])
    expect(data.map((m) => m.channel)).toEqual([ch1, ch1, ch1, ch1, ch1, ch1, ch2, ch2])
    expect(data.some((m) => m.messageId === early || m.messageId === between || m.messageId === bad2)).toBe(false)
  })

  it("removes the banned user's messages of the last 15 minutes in the accused channels, and the accused ones", async () => {
    const [v1, v2, target, other] = await users(4)
    const ch = `stream/${other.id}`
    const elsewhere = `stream/${v2.id}`
    const old = await message(target, ch, 'old', 20 * MIN)
    const oldAccused = await message(target, ch, 'old accused', 30 * MIN)
    const recent = await message(target, ch, 'recent', 10 * MIN)
    const now = await message(target, ch, 'now')
    const theirs = await message(other, ch, 'not theirs')
    const away = await message(target, elsewhere, 'in another channel')
    await accuse(v1, target, REASON.spam, { messageId: oldAccused })
    await accuse(v2, target, REASON.spam, { messageId: oldAccused })
    const [ban] = await banRows(target.id)
    const rows = await db().chatMessage.findMany({
      where: { id: { in: [old, oldAccused, recent, now, theirs, away] } },
      orderBy: { id: 'asc' },
    })
    expect(rows.map((m) => [m.text, m.deletedAt !== null])).toEqual([
      ['old', false],
      ['old accused', true],
      ['recent', true],
      ['now', true],
      ['not theirs', false],
      ['in another channel', false],
    ])
    for (const m of rows.filter((r) => r.deletedAt))
      expect([m.deleteReason, m.deleteData]).toEqual(['ban', { banId: ban.id, reasonId: REASON.spam }])
  })

  it('a ban without an accused message removes nothing', async () => {
    const [v1, v2, target, other] = await users(4)
    const m = await message(target, `stream/${other.id}`, 'stays')
    await accuse(v1, target, REASON.spam)
    await accuse(v2, target, REASON.spam)
    expect(await banRows(target.id)).toHaveLength(1)
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: m } })).deletedAt).toBeNull()
  })
})

describe('ban status and lists', () => {
  const STATUS = 'query($u: Int!) { banStatus(userId: $u) { banned banId endAt reason { databaseId } } }'
  const ban = (userId: number, endInMs: number, active = true, reasonId: number = REASON.spam) =>
    db().ban.create({
      data: { userId, reasonId, startAt: new Date(), endAt: new Date(Date.now() + endInMs), active, data: [] },
    })

  it('the ban in force that ends last; of two ending together the later one; never an undone or ended one', async () => {
    const [u] = await users(1)
    expect((await gql(t, STATUS, { u: u.id })).data.banStatus).toEqual({
      banned: false,
      banId: null,
      endAt: null,
      reason: null,
    })
    await ban(u.id, -1000)
    await ban(u.id, 10 * HOUR, false)
    expect((await gql(t, STATUS, { u: u.id })).data.banStatus.banned).toBe(false)
    const short = await ban(u.id, HOUR)
    const long = await ban(u.id, 2 * HOUR, true, REASON.flood)
    expect((await gql(t, STATUS, { u: u.id })).data.banStatus).toEqual({
      banned: true,
      banId: long.id,
      endAt: long.endAt.toISOString(),
      reason: { databaseId: REASON.flood },
    })
    const twin = await db().ban.create({
      data: { userId: u.id, reasonId: REASON.insult, startAt: new Date(), endAt: long.endAt, active: true, data: [] },
    })
    expect((await gql(t, STATUS, { u: u.id })).data.banStatus.banId).toBe(twin.id)
    expect(short.id).toBeLessThan(twin.id)
    expect(outcome(await gql(t, STATUS, { u: 2_000_000_000 }))).toBe('USER_NOT_FOUND')
  })

  const BANS = `query($u: Int, $r: Int, $b: Int, $from: DateTime, $to: DateTime) {
    bans(userId: $u, reasonId: $r, banId: $b, from: $from, to: $to, first: 50) { edges { node { databaseId } } } }`
  const bans = async (who: StrengthUser, vars: Record<string, unknown> = {}) => {
    const r = await gql(t, BANS, vars, who.token)
    return r.errors
      ? outcome(r)
      : (r.data.bans.edges as { node: { databaseId: number } }[]).map((e) => e.node.databaseId)
  }

  it("a user lists their own bans (naming themselves is fine), not another user's; a moderator any user's", async () => {
    const [a, b] = await users(2)
    const mine = await ban(a.id, HOUR)
    const theirs = await ban(b.id, HOUR)
    expect(await bans(a)).toEqual([mine.id])
    expect(await bans(a, { u: a.id })).toEqual([mine.id])
    expect(await bans(a, { u: b.id })).toBe('INSUFFICIENT_PERMISSIONS')
    expect(await bans(moderator, { u: b.id })).toEqual([theirs.id])
  })

  it('filters: reason, ban id, and a start time range that includes both ends', async () => {
    const [u] = await users(1)
    const at = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms)
    const make = (start: Date, reasonId: number) =>
      db().ban.create({
        data: { userId: u.id, reasonId, startAt: start, endAt: new Date(start.getTime() + HOUR), data: [] },
      })
    const b1 = await make(at(0), REASON.spam)
    const b2 = await make(at(HOUR), REASON.flood)
    const b3 = await make(at(2 * HOUR), REASON.spam)
    const list = (vars: Record<string, unknown>) => bans(moderator, { u: u.id, ...vars })
    expect(await list({})).toEqual([b3.id, b2.id, b1.id])
    expect(await list({ r: REASON.spam })).toEqual([b3.id, b1.id])
    expect(await list({ b: b2.id })).toEqual([b2.id])
    expect(await list({ from: at(HOUR).toISOString() })).toEqual([b3.id, b2.id])
    expect(await list({ to: at(HOUR).toISOString() })).toEqual([b2.id, b1.id])
    expect(await list({ from: at(HOUR).toISOString(), to: at(HOUR).toISOString() })).toEqual([b2.id])
  })

  it('a ban node is visible to its user and to moderators only', async () => {
    const [a, b] = await users(2)
    const mine = await ban(a.id, HOUR)
    const id = Buffer.from(`Ban:${mine.id}`).toString('base64')
    const NODE = 'query($id: ID!) { node(id: $id) { ... on Ban { databaseId } } }'
    expect((await gql(t, NODE, { id }, a.token)).data.node).toEqual({ databaseId: mine.id })
    expect((await gql(t, NODE, { id }, moderator.token)).data.node).toEqual({ databaseId: mine.id })
    expect((await gql(t, NODE, { id }, b.token)).data.node).toBeNull()
    expect((await gql(t, NODE, { id })).data.node).toBeNull()
  })
})

describe('undo', () => {
  const UNDO = 'mutation($b: Int!) { undoBan(banId: $b) }'
  const undo = async (banId: number) => gql(t, UNDO, { b: banId }, moderator.token)

  it('a ban id must be a positive integer of a ban, and a ban is undone once', async () => {
    expect((await undo(0)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'ban' })
    expect((await undo(-3)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'ban' })
    expect(outcome(await undo(2_000_000_000))).toBe('BAN_NOT_FOUND')
    const [v1, v2, target] = await users(3)
    await accuse(v1, target, REASON.spam)
    await accuse(v2, target, REASON.spam)
    const [ban] = await banRows(target.id)
    expect((await undo(ban.id)).data).toEqual({ undoBan: true })
    expect(outcome(await undo(ban.id))).toBe('BAN_ALREADY_UNDONE')
    const after = await db().ban.findUniqueOrThrow({ where: { id: ban.id } })
    expect([after.active, after.undoneById, after.undoneAt instanceof Date]).toEqual([false, moderator.id, true])
  })

  it('bans each voter once for an unfair accusation, with the message they accused (or none)', async () => {
    const [v1, v2, v3, target, other] = await users(5)
    const ch = `stream/${other.id}`
    const context = await message(other, ch, 'before')
    const bad = await message(target, ch, 'the accused words')
    await accuse(v1, target, REASON.insult, { messageId: bad })
    await accuse(v2, target, REASON.insult)
    await accuse(v3, target, REASON.insult) // joins the ban
    const [ban] = await banRows(target.id)
    await undo(ban.id)
    const unfair = async (voter: StrengthUser) => {
      const rows = await banRows(voter.id)
      expect(rows).toHaveLength(1)
      return rows[0]
    }
    const b1 = await unfair(v1)
    expect(b1).toMatchObject({ reasonId: REASON.unfair, sourceBanId: ban.id, active: true })
    expect(b1.endAt.getTime() - b1.startAt.getTime()).toBe(3600 * 1000)
    const reason = { id: REASON.insult, name: 'Оскорбления', content: 'chat' }
    expect(b1.data).toEqual([
      expect.objectContaining({ messageId: bad, text: 'the accused words', attempt: true, accused: false, reason }),
    ])
    for (const v of [v2, v3])
      expect((await unfair(v)).data).toEqual([
        { messageId: null, channel: null, text: '', time: null, attempt: false, accused: false, reason },
      ])
    // an unfair-accusation ban removes nothing
    expect((await db().chatMessage.findUniqueOrThrow({ where: { id: context } })).deletedAt).toBeNull()
    const audit = await db().moderationAudit.findMany({ where: { banId: { not: null }, targetUserId: v1.id } })
    expect(audit.map((a) => a.action)).toEqual(['BAN_UNFAIR'])
    expect(
      await db().moderationAudit.count({ where: { action: 'BAN_UNDO', banId: ban.id, actorId: moderator.id } }),
    ).toBe(1)
  })
})

describe('block', () => {
  it('blocking and unblocking are recorded as such', async () => {
    const [blocker, u] = await usersWith(t, [{ blocker: 1 }, {}])
    const BLOCK = 'mutation($u: Int!, $s: Boolean!) { blockUser(userId: $u, state: $s) }'
    await gql(t, BLOCK, { u: u.id, s: true }, blocker.token)
    await gql(t, BLOCK, { u: u.id, s: false }, blocker.token)
    const rows = await db().moderationAudit.findMany({ where: { targetUserId: u.id }, orderBy: { id: 'asc' } })
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['BLOCK', blocker.id],
      ['UNBLOCK', blocker.id],
    ])
  })
})

describe('channel sanctions', () => {
  const SILENCE = `mutation($c: String!, $u: Int!, $until: DateTime!, $text: String, $ref: Int) {
    silenceInChannel(channel: $c, userId: $u, until: $until, text: $text, refMessage: $ref) { databaseId until text } }`
  const BAN = `mutation($c: String!, $u: Int!, $until: DateTime, $text: String) {
    banFromChannel(channel: $c, userId: $u, until: $until, text: $text) { databaseId until } }`
  const KICK = 'mutation($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId until } }'
  const LIFT =
    'mutation($c: String!, $u: Int!, $k: ChannelSanctionKind!) { liftChannelSanction(channel: $c, userId: $u, kind: $k) }'
  const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString()

  it('a silence needs an end in the future, at most a year ahead; a ban may have none (for good)', async () => {
    const [owner, target] = await users(2)
    const ch = `stream/${owner.id}`
    const field = async (q: string, vars: Record<string, unknown>) =>
      (await gql(t, q, { c: ch, u: target.id, ...vars }, moderator.token)).errors?.[0]?.extensions?.field
    expect(await field(SILENCE, { until: inFuture(-1000) })).toBe('until')
    expect(await field(SILENCE, { until: inFuture(366 * 24 * HOUR) })).toBe('until')
    expect(await field(BAN, { until: inFuture(-1000) })).toBe('until')
    const ok = await gql(t, SILENCE, { c: ch, u: target.id, until: inFuture(364 * 24 * HOUR) }, moderator.token)
    expect(ok.errors).toBeUndefined()
    const forever = await gql(t, BAN, { c: ch, u: target.id }, moderator.token)
    expect(forever.data.banFromChannel.until).toBeNull()
    const kick = await gql(t, KICK, { c: ch, u: target.id }, moderator.token)
    expect(kick.data.kickFromChannel.until).toBeNull()
  })

  it('a comment of up to 500 characters, trimmed; a referenced message must be in the channel', async () => {
    const [owner, target, elsewhere] = await users(3)
    const ch = `stream/${owner.id}`
    const until = inFuture(HOUR)
    const r = await gql(t, SILENCE, { c: ch, u: target.id, until, text: `  ${'x'.repeat(500)}  ` }, moderator.token)
    expect(r.data.silenceInChannel.text).toBe('x'.repeat(500))
    const long = await gql(t, SILENCE, { c: ch, u: target.id, until, text: 'x'.repeat(501) }, moderator.token)
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'text' })
    const away = await message(elsewhere, `stream/${elsewhere.id}`, 'not here')
    const ref = await gql(t, SILENCE, { c: ch, u: target.id, until, ref: away }, moderator.token)
    expect(ref.errors?.[0]?.extensions).toMatchObject({ code: 'MESSAGE_NOT_FOUND', field: 'refMessage' })
    const missing = await gql(t, SILENCE, { c: ch, u: target.id, until, ref: 2_000_000_000 }, moderator.token)
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'MESSAGE_NOT_FOUND' })
  })

  // Outside rooms moderation is anonymous: neither site staff nor the stream's owner is named, in the text or as actor.
  it('announces each sanction in the channel, naming its target, the end and the comment, not who acted', async () => {
    const [owner, target] = await users(2)
    const ch = `stream/${owner.id}`
    const until = new Date(Date.now() + HOUR)
    await gql(t, SILENCE, { c: ch, u: target.id, until: until.toISOString(), text: 'calm down' }, moderator.token)
    await gql(t, BAN, { c: ch, u: target.id }, moderator.token)
    await gql(t, KICK, { c: ch, u: target.id }, moderator.token)
    await gql(t, KICK, { c: ch, u: target.id }, owner.token)
    const rows = await db().chatMessage.findMany({ where: { channel: ch }, orderBy: { id: 'asc' } })
    expect(rows.map((m) => [m.type, m.text, m.toId, m.actorId])).toEqual([
      ['silence', `${target.name} was silenced until ${until.toISOString()}: calm down`, target.id, null],
      ['ban', `${target.name} was banned from this channel`, target.id, null],
      ['kick', `${target.name} was kicked`, target.id, null],
      ['kick', `${target.name} was kicked`, target.id, null],
    ])
  })

  it('a new silence or ban replaces the one in force; kicks stand side by side', async () => {
    const [owner, target] = await users(2)
    const ch = `stream/${owner.id}`
    await gql(t, SILENCE, { c: ch, u: target.id, until: inFuture(HOUR) }, moderator.token)
    await gql(t, SILENCE, { c: ch, u: target.id, until: inFuture(2 * HOUR) }, moderator.token)
    await gql(t, KICK, { c: ch, u: target.id }, moderator.token)
    await gql(t, KICK, { c: ch, u: target.id }, moderator.token)
    const rows = await db().channelSanction.findMany({
      where: { channel: ch, userId: target.id },
      orderBy: { id: 'asc' },
    })
    expect(rows.map((r) => [r.kind, r.liftedAt !== null])).toEqual([
      ['silence', true],
      ['silence', false],
      ['kick', false],
      ['kick', false],
    ])
  })

  it('lifting ends that kind only, says whether anything was in force, and is audited only then', async () => {
    const [owner, target] = await users(2)
    const ch = `stream/${owner.id}`
    await gql(t, SILENCE, { c: ch, u: target.id, until: inFuture(HOUR) }, moderator.token)
    await gql(t, BAN, { c: ch, u: target.id }, moderator.token)
    const lift = async (k: string) =>
      (await gql(t, LIFT, { c: ch, u: target.id, k }, moderator.token)).data?.liftChannelSanction
    expect(await lift('SILENCE')).toBe(true)
    expect(await lift('SILENCE')).toBe(false)
    expect(await lift('KICK')).toBe(false)
    const rows = await db().channelSanction.findMany({
      where: { channel: ch, userId: target.id },
      orderBy: { id: 'asc' },
    })
    expect(rows.map((r) => [r.kind, r.liftedAt !== null])).toEqual([
      ['silence', true],
      ['ban', false],
    ])
    expect(
      await db().moderationAudit.count({ where: { action: 'CHANNEL_LIFT', channel: ch, targetUserId: target.id } }),
    ).toBe(1)
  })

  it('re-entering lifts the kicks of that user in that channel only', async () => {
    const [owner, target, other] = await users(3)
    const ch = `stream/${owner.id}`
    const REJOIN = 'mutation($c: String!) { rejoinChannel(channel: $c) }'
    expect((await gql(t, REJOIN, { c: ch }, target.token)).data.rejoinChannel).toBe(false)
    await gql(t, KICK, { c: ch, u: target.id }, moderator.token)
    await gql(t, KICK, { c: ch, u: other.id }, moderator.token)
    await gql(t, KICK, { c: `stream/${other.id}`, u: target.id }, moderator.token)
    await gql(t, SILENCE, { c: ch, u: target.id, until: inFuture(HOUR) }, moderator.token)
    expect((await gql(t, REJOIN, { c: ch }, target.token)).data.rejoinChannel).toBe(true)
    const open = await db().channelSanction.findMany({
      where: { liftedAt: null, userId: { in: [target.id, other.id] } },
    })
    expect(open.map((r) => [r.channel, r.userId, r.kind]).sort()).toEqual(
      [
        [ch, other.id, 'kick'],
        [`stream/${other.id}`, target.id, 'kick'],
        [ch, target.id, 'silence'],
      ].sort(),
    )
  })

  it('the sanctions in force of a channel, for its moderators: not the lifted or the ended ones', async () => {
    const [owner, target, t2, t3] = await users(4)
    const ch = `stream/${owner.id}`
    const LIST = 'query($c: String!) { channelSanctions(channel: $c) { kind } }'
    await gql(t, KICK, { c: ch, u: target.id }, moderator.token)
    await gql(t, BAN, { c: ch, u: t2.id, until: inFuture(HOUR) }, moderator.token)
    await gql(t, SILENCE, { c: ch, u: t3.id, until: inFuture(HOUR) }, moderator.token)
    await db().channelSanction.updateMany({
      where: { channel: ch, userId: t3.id },
      data: { until: new Date(Date.now() - 1000) },
    })
    await gql(t, LIFT, { c: ch, u: target.id, k: 'KICK' }, moderator.token)
    expect((await gql(t, LIST, { c: ch }, moderator.token)).data.channelSanctions).toEqual([{ kind: 'BAN' }])
    expect(outcome(await gql(t, LIST, { c: ch }, target.token))).toBe('INSUFFICIENT_PERMISSIONS')
  })

  it('nobody sanctions themselves or a moderator of the channel; support conversations are not sanctioned here', async () => {
    const [owner, target] = await users(2)
    const ch = `stream/${owner.id}`
    const self = await gql(t, KICK, { c: ch, u: moderator.id }, moderator.token)
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'userId' })
    const ownerKick = await gql(t, KICK, { c: ch, u: owner.id }, moderator.token)
    expect(ownerKick.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', field: 'userId' })
    const staff = (await usersWith(t, [{ support: 1, moderator: 1 }]))[0]
    const ticket = await db().supportTicket.create({ data: { userId: target.id, categoryId: 1, question: 'q' } })
    const support = await gql(t, KICK, { c: `support/${ticket.id}`, u: target.id }, staff.token)
    expect(support.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', field: 'channel' })
  })
})

describe('the publish guard', () => {
  const chatBan = (userId: number, endAt: Date, reasonId: number = REASON.spam, active = true) =>
    db().ban.create({ data: { userId, reasonId, startAt: new Date(), endAt, active, data: [] } })
  const sanction = (channel: string, userId: number, kind: string, until: Date | null) =>
    db().channelSanction.create({ data: { channel, userId, kind, until, actorId: moderator.id } })

  it('a chat ban in force: BANNED until its end (the one ending last), with the reason; not in support', async () => {
    const [u] = await users(1)
    const end1 = new Date(Date.now() + HOUR)
    const end2 = new Date(Date.now() + 2 * HOUR)
    await chatBan(u.id, end1, REASON.spam)
    await chatBan(u.id, end2, REASON.flood)
    await chatBan(u.id, new Date(Date.now() + 5 * HOUR), REASON.insult, false)
    const r = await send(u, 'main')
    expect(r).toMatchObject({
      isSent: false,
      dropReason: 'BANNED',
      dropMessage: `You are banned from chat until ${end2.toISOString()} (Флуд)`,
    })
    expect(r.retryAfter).toBeGreaterThan(2 * 3600 - 60)
    expect(r.retryAfter).toBeLessThanOrEqual(2 * 3600)
    const ticket = await db().supportTicket.create({ data: { userId: u.id, categoryId: 3, question: 'why?' } })
    expect(await send(u, `support/${ticket.id}`)).toMatchObject({ isSent: true })
  })

  it('an ended chat ban does not hold; one ending in a moment waits at least a second', async () => {
    const [u, v] = await users(2)
    await chatBan(u.id, new Date(Date.now() - 1000))
    expect(await send(u, 'main')).toMatchObject({ isSent: true })
    await chatBan(v.id, new Date(Date.now() + 1500))
    const r = await send(v, 'main')
    expect([r.dropReason, r.retryAfter]).toEqual(['BANNED', expect.any(Number)])
    expect(r.retryAfter).toBeGreaterThanOrEqual(1)
    expect(r.retryAfter).toBeLessThanOrEqual(2)
  })

  it('a channel ban: for good, or until its end — the one that ends last; only in its channel', async () => {
    const [owner, u, w] = await users(3)
    const ch = `stream/${owner.id}`
    const until = new Date(Date.now() + HOUR)
    await sanction(ch, u.id, 'ban', until)
    const timed = await send(u, ch)
    expect(timed).toMatchObject({
      dropReason: 'BANNED',
      dropMessage: `You are banned in this channel until ${until.toISOString()}`,
    })
    expect(timed.retryAfter).toBeGreaterThan(3500)
    await sanction(ch, u.id, 'ban', null)
    expect(await send(u, ch)).toMatchObject({
      dropReason: 'BANNED',
      dropMessage: 'You are banned in this channel',
      retryAfter: null,
    })
    expect(await send(u, `stream/${w.id}`)).toMatchObject({ isSent: true })
    // of two timed bans, the later end
    const later = new Date(Date.now() + 3 * HOUR)
    await sanction(ch, w.id, 'ban', later)
    await sanction(ch, w.id, 'ban', new Date(Date.now() + HOUR))
    expect((await send(w, ch)).dropMessage).toBe(`You are banned in this channel until ${later.toISOString()}`)
  })

  it('a silence: SILENCED until its end; a kick: KICKED until re-entry; ended or lifted ones do not hold', async () => {
    const [owner, u, k, e] = await users(4)
    const ch = `stream/${owner.id}`
    const until = new Date(Date.now() + HOUR)
    await sanction(ch, u.id, 'silence', until)
    const s = await send(u, ch)
    expect(s).toMatchObject({
      dropReason: 'SILENCED',
      dropMessage: `You are silenced in this channel until ${until.toISOString()}`,
    })
    expect(s.retryAfter).toBeGreaterThan(3500)
    await sanction(ch, k.id, 'kick', null)
    expect(await send(k, ch)).toMatchObject({
      dropReason: 'KICKED',
      dropMessage: 'You were kicked from this channel: re-enter it to write again',
      retryAfter: null,
    })
    await sanction(ch, e.id, 'silence', new Date(Date.now() - 1000))
    await db().channelSanction.updateMany({ where: { userId: e.id }, data: { liftedAt: new Date() } })
    await sanction(ch, e.id, 'ban', new Date(Date.now() - 1000))
    expect(await send(e, ch)).toMatchObject({ isSent: true })
  })

  it('the strongest holds: a chat ban over a channel ban, a channel ban over a silence, a silence over a kick', async () => {
    const [owner, u] = await users(2)
    const ch = `stream/${owner.id}`
    await sanction(ch, u.id, 'kick', null)
    expect((await send(u, ch)).dropReason).toBe('KICKED')
    await sanction(ch, u.id, 'silence', new Date(Date.now() + HOUR))
    expect((await send(u, ch)).dropReason).toBe('SILENCED')
    await sanction(ch, u.id, 'ban', new Date(Date.now() + HOUR))
    expect((await send(u, ch)).dropMessage).toMatch(/^You are banned in this channel/)
    await chatBan(u.id, new Date(Date.now() + HOUR))
    expect((await send(u, ch)).dropMessage).toMatch(/^You are banned from chat/)
  })
})

describe('reasons', () => {
  const REASONS = 'query($c: String) { banReasons(content: $c) { databaseId content } }'
  it('by content type, in id order; an unknown type is refused naming both', async () => {
    const all = (await gql(t, REASONS, {})).data.banReasons as { databaseId: number; content: string }[]
    expect(all.map((r) => r.databaseId)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect((await gql(t, REASONS, { c: 'chat' })).data.banReasons).toHaveLength(6)
    expect((await gql(t, REASONS, { c: 'moderation' })).data.banReasons).toEqual([
      { databaseId: 7, content: 'moderation' },
    ])
    const bad = await gql(t, REASONS, { c: 'spam' })
    expect(bad.errors?.[0]).toMatchObject({
      message: 'content: must be one of chat, moderation',
      extensions: { code: 'INVALID_INPUT', field: 'content' },
    })
    expect(outcome(await gql(t, REASONS, { c: '' }))).toBe('INVALID_INPUT')
  })
})
