import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw, type GqlResult } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { dropAll, failOn, underFailure, type Published } from './support.js'

/**
 * Moderation's multi-step writes under an injected failure: a ban reached by a vote (vote, ban, audit entries, the
 * vote counted into the ban, then the banned user's messages removed, notifications and audit events), undo (the ban
 * cancelled, an unfair-accusation ban per voter), block, support ban, channel sanctions with their service messages,
 * moderator appointments and complaints. Halfway failures leave every table and the event streams as before.
 *
 * Each action is one transaction, chat's writes (removals, service messages) and core's (block, role) included, its
 * events released after the commit. A gap found here (a step outside the transaction, so a part of the action stays)
 * is marked `it.fails` until it is closed.
 */

let t: TestApp
let mod: TestUser
beforeAll(async () => {
  t = await startTestApp()
  mod = await userWithRoles(t, { moderator: 1, citizen: 5 })
})
afterEach(() => dropAll(t))
afterAll(() => closeAll(t))

const MOD_TABLES = ['Ban', 'BanVote', 'ModerationAudit', 'ChatMessage', 'ChannelSanction', 'ChannelModerator']

const q = (query: string, variables: Record<string, unknown> | undefined, u: TestUser) =>
  gqlRaw(t.url, query, variables, u.token)
async function ok(query: string, variables: Record<string, unknown> | undefined, u: TestUser) {
  const r = await q(query, variables, u)
  if (r.errors) throw new Error(JSON.stringify(r.errors))
  return r.data
}
async function say(u: TestUser, channel: string, text: string): Promise<number> {
  const d = await ok(
    'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { databaseId } } }',
    { i: { channel, text } },
    u,
  )
  if (!d.sendChatMessage.isSent) throw new Error(`not sent: ${JSON.stringify(d)}`)
  return d.sendChatMessage.message.databaseId
}
const ACCUSE = 'mutation($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }'
const SPAM = 1
/** [topic, key, kind/type/action] of each event, in order */
const summary = (events: Published[]) =>
  events.map((e) => [e.topic, e.key, e.payload.kind ?? e.payload.type ?? e.payload.action])
const succeeded = (r: GqlResult) => expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()

/** A fresh stream channel (its owner's) with messages by `author`. */
async function channelWith(author: TestUser, n: number) {
  const owner = await registerUser(t)
  const channel = `stream/${owner.id}`
  const ids = []
  for (let i = 0; i < n; i++) ids.push(await say(author, channel, `message ${i}`))
  return { owner, channel, ids }
}

describe('a ban reached by a vote', () => {
  it('fails when the votes are counted into the ban: no vote, ban, audit entry, removal or event; the retry bans', async () => {
    const x = await registerUser(t)
    const { channel, ids } = await channelWith(x, 2)
    const run = () => q(ACCUSE, { u: x.id, r: SPAM, d: { messageId: ids[1] } }, mod)
    const { retry, events } = await underFailure(t, {
      tables: MOD_TABLES,
      inject: () => failOn(t, 'BanVote', 'UPDATE', `NEW."userId" = ${x.id} AND NEW."banId" IS NOT NULL`),
      run,
    })
    expect(retry.data).toEqual({ accuseUser: true })
    const ban = await t.app.services.prisma.ban.findFirstOrThrow({ where: { userId: x.id } })
    expect(await t.app.services.prisma.banVote.count({ where: { userId: x.id, banId: ban.id } })).toBe(1)
    const removed = await t.app.services.prisma.chatMessage.findMany({ where: { id: { in: ids } } })
    expect(removed.map((m) => [m.deleteReason, m.deleteData])).toEqual([
      ['ban', { banId: ban.id, reasonId: SPAM }],
      ['ban', { banId: ban.id, reasonId: SPAM }],
    ])
    expect(summary(events)).toEqual([
      ['chat.event', channel, 'removed'],
      ['chat.event', 'all', 'removed'],
      ['chat.event', channel, 'removed'],
      ['chat.event', 'all', 'removed'],
      ['core.notification', x.id, 'chatBanAttempt'],
      ['core.notification', mod.id, 'chatBanAttempt'],
      ['core.notification', x.id, 'chatBan'],
      ['core.notification', mod.id, 'chatBan'],
      ['moderation.audit', 'all', 'ACCUSE'],
      ['moderation.audit', 'all', 'BAN'],
    ])
  })

  it('fails when the banned user’s messages are removed: no ban without the removal; the retry bans and removes', async () => {
    const x = await registerUser(t)
    const { channel, ids } = await channelWith(x, 1)
    const { retry, events } = await underFailure(t, {
      tables: MOD_TABLES,
      inject: () => failOn(t, 'ChatMessage', 'UPDATE', `NEW."fromId" = ${x.id} AND NEW."deletedAt" IS NOT NULL`),
      run: () => q(ACCUSE, { u: x.id, r: SPAM, d: { messageId: ids[0] } }, mod),
    })
    expect(retry.data).toEqual({ accuseUser: true })
    const ban = await t.app.services.prisma.ban.findFirstOrThrow({ where: { userId: x.id } })
    const removed = await t.app.services.prisma.chatMessage.findUniqueOrThrow({ where: { id: ids[0] } })
    expect([removed.deleteReason, removed.deleteData]).toEqual(['ban', { banId: ban.id, reasonId: SPAM }])
    expect(summary(events)).toEqual([
      ['chat.event', channel, 'removed'],
      ['chat.event', 'all', 'removed'],
      ['core.notification', x.id, 'chatBanAttempt'],
      ['core.notification', mod.id, 'chatBanAttempt'],
      ['core.notification', x.id, 'chatBan'],
      ['core.notification', mod.id, 'chatBan'],
      ['moderation.audit', 'all', 'ACCUSE'],
      ['moderation.audit', 'all', 'BAN'],
    ])
  })
})

describe('undoing a ban', () => {
  it('fails at the second voter’s unfair-accusation entry: the ban stands, no unfair ban, no event; the retry undoes', async () => {
    const x = await registerUser(t)
    const voters = [await userWithRoles(t, { citizen: 5 }), await userWithRoles(t, { citizen: 5 })]
    const { ids } = await channelWith(x, 1)
    for (const v of voters) succeeded(await q(ACCUSE, { u: x.id, r: SPAM, d: { messageId: ids[0] } }, v))
    const ban = await t.app.services.prisma.ban.findFirstOrThrow({ where: { userId: x.id } })
    const { retry, events } = await underFailure(t, {
      tables: MOD_TABLES,
      inject: () =>
        failOn(t, 'ModerationAudit', 'INSERT', `NEW.action = 'BAN_UNFAIR' AND NEW."targetUserId" = ${voters[1].id}`),
      run: () => q('mutation($b: Int!) { undoBan(banId: $b) }', { b: ban.id }, mod),
    })
    expect(retry.data).toEqual({ undoBan: true })
    expect((await t.app.services.prisma.ban.findUniqueOrThrow({ where: { id: ban.id } })).active).toBe(false)
    expect(await t.app.services.prisma.ban.count({ where: { sourceBanId: ban.id } })).toBe(2)
    expect(summary(events)).toEqual([
      ['core.notification', x.id, 'chatBanUndo'],
      ['core.notification', mod.id, 'chatBanUndo'],
      ['core.notification', voters[0].id, 'chatBan'],
      ['core.notification', mod.id, 'chatBan'],
      ['core.notification', voters[1].id, 'chatBan'],
      ['core.notification', mod.id, 'chatBan'],
      ['moderation.audit', 'all', 'BAN_UNDO'],
      ['moderation.audit', 'all', 'BAN_UNFAIR'],
      ['moderation.audit', 'all', 'BAN_UNFAIR'],
    ])
  })
})

describe('blocking (moderation blockUser)', () => {
  const BLOCK = 'mutation($u: Int!) { blockUser(userId: $u, state: true) }'
  const blocked = async (x: TestUser, retry: GqlResult, events: Published[]) => {
    expect(retry.data).toEqual({ blockUser: true })
    expect((await t.app.services.prisma.user.findUniqueOrThrow({ where: { id: x.id } })).blocked).toBe(true)
    expect(summary(events)).toEqual([
      ['core.session', 'all', 'revoked'],
      ['moderation.audit', 'all', 'BLOCK'],
    ])
  }

  it('when its audit entry fails, the account is neither blocked nor signed out; the retry does both', async () => {
    const x = await registerUser(t)
    const blocker = await userWithRoles(t, { blocker: 1 })
    const { retry, events } = await underFailure(t, {
      tables: ['User', 'Session', 'ModerationAudit'],
      inject: () => failOn(t, 'ModerationAudit', 'INSERT', `NEW.action = 'BLOCK' AND NEW."targetUserId" = ${x.id}`),
      run: () => q(BLOCK, { u: x.id }, blocker),
    })
    await blocked(x, retry, events)
  })

  it('when revoking the sessions fails, the account is not blocked; the retry blocks it', async () => {
    const x = await registerUser(t)
    const blocker = await userWithRoles(t, { blocker: 1 })
    const { retry, events } = await underFailure(t, {
      tables: ['User', 'Session', 'ModerationAudit'],
      inject: () => failOn(t, 'Session', 'UPDATE', `NEW."userId" = ${x.id} AND NEW."revokedAt" IS NOT NULL`),
      run: () => q(BLOCK, { u: x.id }, blocker),
    })
    await blocked(x, retry, events)
  })
})

describe('support ban', () => {
  it('when its audit entry fails, the asker keeps canUseSupport and hears nothing; the retry bans', async () => {
    const asker = await registerUser(t)
    const staff = await userWithRoles(t, { support: 1 })
    const ticket = (
      await ok('mutation { askSupport(categoryId: 1, question: "why?") { databaseId } }', undefined, asker)
    ).askSupport.databaseId
    const { retry, events } = await underFailure(t, {
      tables: ['UserRole', 'ModerationAudit', 'SupportTicket'],
      inject: () => failOn(t, 'ModerationAudit', 'INSERT', `NEW.action = 'SUPPORT_BAN' AND NEW."ticketId" = ${ticket}`),
      run: () => q('mutation($q: Int!) { banFromSupport(questionId: $q) }', { q: ticket }, staff),
    })
    expect(retry.data).toEqual({ banFromSupport: true })
    expect(summary(events)).toEqual([
      ['core.notification', asker.id, 'roleChanged'],
      ['core.session', 'all', 'rolesReduced'],
      ['moderation.audit', 'all', 'SUPPORT_BAN'],
    ])
  })
})

describe('channel sanctions', () => {
  const SILENCE =
    'mutation($c: String!, $u: Int!, $until: DateTime!, $m: Int) { silenceInChannel(channel: $c, userId: $u, until: $until, text: "calm down", refMessage: $m) { databaseId } }'
  const until = (h: number) => new Date(Date.now() + h * 3600_000).toISOString()

  it('a new silence whose audit entry fails leaves the old silence in force and posts nothing; the retry replaces it', async () => {
    const x = await registerUser(t)
    const { owner, channel, ids } = await channelWith(x, 1)
    await ok(SILENCE, { c: channel, u: x.id, until: until(1), m: ids[0] }, owner)
    const { retry, events } = await underFailure(t, {
      tables: MOD_TABLES,
      inject: () =>
        failOn(t, 'ModerationAudit', 'INSERT', `NEW.action = 'CHANNEL_SILENCE' AND NEW."targetUserId" = ${x.id}`),
      run: () => q(SILENCE, { c: channel, u: x.id, until: until(2), m: ids[0] }, owner),
    })
    succeeded(retry)
    const rows = await t.app.services.prisma.channelSanction.findMany({
      where: { userId: x.id },
      orderBy: { id: 'asc' },
    })
    expect(rows.map((r) => [r.kind, r.liftedAt !== null])).toEqual([
      ['silence', true],
      ['silence', false],
    ])
    expect(summary(events)).toEqual([
      ['chat.event', channel, 'added'],
      ['chat.event', 'all', 'added'],
      ['moderation.audit', 'all', 'CHANNEL_SILENCE'],
    ])
    expect(events[0].payload.message).toMatchObject({ type: 'silence', to: { id: x.id }, replyToId: ids[0] })
  })

  it('lifting: when the audit entry fails the sanction stays in force; the retry lifts it', async () => {
    const x = await registerUser(t)
    const { owner, channel } = await channelWith(x, 1)
    await ok(
      'mutation($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }',
      { c: channel, u: x.id },
      owner,
    )
    const { retry, events } = await underFailure(t, {
      tables: MOD_TABLES,
      inject: () =>
        failOn(t, 'ModerationAudit', 'INSERT', `NEW.action = 'CHANNEL_LIFT' AND NEW."targetUserId" = ${x.id}`),
      run: () =>
        q(
          'mutation($c: String!, $u: Int!) { liftChannelSanction(channel: $c, userId: $u, kind: BAN) }',
          { c: channel, u: x.id },
          owner,
        ),
    })
    expect(retry.data).toEqual({ liftChannelSanction: true })
    expect(summary(events)).toEqual([['moderation.audit', 'all', 'CHANNEL_LIFT']])
  })

  it('when its service message fails, no sanction is in force; the retry imposes and announces it', async () => {
    const x = await registerUser(t)
    const { owner, channel } = await channelWith(x, 1)
    const { retry, events } = await underFailure(t, {
      tables: MOD_TABLES,
      inject: () => failOn(t, 'ChatMessage', 'INSERT', `NEW.type = 'kick' AND NEW."toId" = ${x.id}`),
      run: () =>
        q(
          'mutation($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId } }',
          { c: channel, u: x.id },
          owner,
        ),
    })
    succeeded(retry)
    expect(summary(events)).toEqual([
      ['chat.event', channel, 'added'],
      ['chat.event', 'all', 'added'],
      ['moderation.audit', 'all', 'CHANNEL_KICK'],
    ])
    expect(events[0].payload.message).toMatchObject({ type: 'kick', to: { id: x.id } })
  })
})

describe('channel moderators', () => {
  const ADD = 'mutation($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }'
  it('an appointment whose audit entry fails is not made and not announced; the retry makes it', async () => {
    const owner = await registerUser(t)
    const x = await registerUser(t)
    const channel = `stream/${owner.id}`
    const { retry, events } = await underFailure(t, {
      tables: MOD_TABLES,
      inject: () =>
        failOn(t, 'ModerationAudit', 'INSERT', `NEW.action = 'CHANNEL_MODERATOR_ADD' AND NEW."targetUserId" = ${x.id}`),
      run: () => q(ADD, { c: channel, u: x.id }, owner),
    })
    expect(retry.data).toEqual({ addChannelModerator: true })
    expect(summary(events)).toEqual([
      ['chat.event', channel, 'added'],
      ['chat.event', 'all', 'added'],
      ['moderation.audit', 'all', 'CHANNEL_MODERATOR_ADD'],
    ])
  })

  it('when its service message fails, no appointment is made; the retry makes and announces it', async () => {
    const owner = await registerUser(t)
    const x = await registerUser(t)
    const channel = `stream/${owner.id}`
    const { retry, events } = await underFailure(t, {
      tables: MOD_TABLES,
      inject: () => failOn(t, 'ChatMessage', 'INSERT', `NEW.type = 'new moderator' AND NEW."toId" = ${x.id}`),
      run: () => q(ADD, { c: channel, u: x.id }, owner),
    })
    expect(retry.data).toEqual({ addChannelModerator: true })
    expect(summary(events)).toEqual([
      ['chat.event', channel, 'added'],
      ['chat.event', 'all', 'added'],
      ['moderation.audit', 'all', 'CHANNEL_MODERATOR_ADD'],
    ])
    expect(events[0].payload.message).toMatchObject({ type: 'new moderator', to: { id: x.id } })
  })
})

describe('complaints', () => {
  it('filing: when the audit entry fails there is no complaint; the retry files it', async () => {
    const x = await registerUser(t)
    const reporter = await registerUser(t)
    const { ids } = await channelWith(x, 1)
    const { retry, events } = await underFailure(t, {
      tables: ['Complaint', 'ModerationAudit'],
      inject: () =>
        failOn(t, 'ModerationAudit', 'INSERT', `NEW.action = 'COMPLAINT_FILE' AND NEW."messageId" = ${ids[0]}`),
      run: () =>
        q('mutation($m: Int!) { fileComplaint(messageId: $m, text: "rude") { databaseId } }', { m: ids[0] }, reporter),
    })
    succeeded(retry)
    expect(summary(events)).toEqual([['moderation.audit', 'all', 'COMPLAINT_FILE']])
  })

  it('resolving: when the audit entry fails the complaint stays open; the retry resolves it', async () => {
    const x = await registerUser(t)
    const reporter = await registerUser(t)
    const { ids } = await channelWith(x, 1)
    const id = (
      await ok(
        'mutation($m: Int!) { fileComplaint(messageId: $m, text: "rude") { databaseId } }',
        { m: ids[0] },
        reporter,
      )
    ).fileComplaint.databaseId
    const { retry, events } = await underFailure(t, {
      tables: ['Complaint', 'ModerationAudit'],
      inject: () =>
        failOn(t, 'ModerationAudit', 'INSERT', `NEW.action = 'COMPLAINT_RESOLVE' AND NEW."complaintId" = ${id}`),
      run: () => q('mutation($id: Int!) { resolveComplaint(id: $id, status: RESOLVED) { status } }', { id }, mod),
    })
    expect(retry.data).toEqual({ resolveComplaint: { status: 'RESOLVED' } })
    expect(summary(events)).toEqual([['moderation.audit', 'all', 'COMPLAINT_RESOLVE']])
  })
})
