import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest, subscribe, wsClient } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { AUDIT_ACTIONS } from '../../plugins/moderation/audit.js'
import { accuse, check, live, REASON, say } from './support.js'
import { graphql } from '../generated/index.js'
import type { ModerationAuditQueryVariables } from '../generated/graphql.js'

let t: TestApp
let moderator: TestUser
beforeAll(async () => {
  t = await startTestApp({ BAN_VOTE_THRESHOLD: '2' })
  moderator = await userWithRoles(t, { moderator: 1 })
})
afterAll(() => closeAll(t))

graphql(`fragment AuditEntry on ModerationAuditEntry {
  databaseId action actorId actorName targetUserId targetName reasonId channel banId complaintId ticketId messageId data time
}`)
const AUDIT =
  graphql(`query ModerationAudit($action: ModerationAction, $actor: Int, $target: Int, $channel: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  moderationAudit(action: $action, actorId: $actor, targetUserId: $target, channel: $channel, from: $from, to: $to, first: $first, after: $after) {
    edges { node { ...AuditEntry } } pageInfo { hasNextPage endCursor }
  }
}`)
const audit = async (vars: ModerationAuditQueryVariables, token = moderator.token) => {
  const r = await gql(t.url, AUDIT, vars, token)
  if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors))
  return r.data.moderationAudit.edges.map((e) => e.node)
}

describe('audit log', () => {
  it('streams every action live to moderator dashboards, with names', async () => {
    const dash = await live(
      t,
      moderator.token,
      graphql(`subscription ModerationAuditLive { moderationAuditEvents { ...AuditEntry } }`),
    )
    const [voter, target] = [await registerUser(t), await registerUser(t)]
    const msg = await say(t, target.token, 'main', 'bad words')
    await accuse(t, voter.token, { userId: target.id, reasonId: REASON.spam, data: { messageId: msg } })
    const a = (await dash.next()).moderationAuditEvents
    expect(a).toMatchObject({
      action: 'ACCUSE',
      actorId: voter.id,
      actorName: voter.name,
      targetUserId: target.id,
      targetName: target.name,
      reasonId: REASON.spam,
      channel: 'main',
      messageId: msg,
      data: { weight: 2 },
    })
    const b = (await dash.next()).moderationAuditEvents
    expect(b).toMatchObject({
      action: 'BAN',
      actorId: null,
      targetUserId: target.id,
      reasonId: REASON.spam,
      banId: (await check(t, target.id)).id,
    })
    await dash.close()
  })

  it('records every kind of action, queryable with filters and paging', async () => {
    const [owner, voter, target, reporter, asker] = [
      await registerUser(t),
      await registerUser(t),
      await registerUser(t),
      await registerUser(t),
      await registerUser(t),
    ]
    const [blocker, staff] = [await userWithRoles(t, { blocker: 1 }), await userWithRoles(t, { support: 1 })]
    const channel = `stream/${owner.id}`
    const since = new Date(Date.now() - 1000).toISOString()
    const msg = await say(t, target.token, channel, 'provocative words')
    await accuse(t, voter.token, { userId: target.id, reasonId: REASON.provocation, data: { messageId: msg } })
    await rest(t.url, '/api/moderation/undo', { ban: (await check(t, target.id)).id }, { token: moderator.token })
    await rest(t.url, '/api/moderation/block', { userId: reporter.id, state: true }, { token: blocker.token })
    await rest(t.url, '/api/moderation/block', { userId: reporter.id, state: false }, { token: blocker.token })
    const reporterLogin = await gql(t.url, graphql(`mutation Login($i: LoginInput!) { login(input: $i) { token } }`), {
      i: { login: reporter.name, password: reporter.password },
    })
    await gql(
      t.url,
      graphql(`mutation AddChannelModerator($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }`),
      { c: channel, u: voter.id },
      owner.token,
    )
    await gql(
      t.url,
      graphql(
        `mutation KickFromChannel($c: String!, $u: Int!) { kickFromChannel(channel: $c, userId: $u) { databaseId } }`,
      ),
      { c: channel, u: target.id },
      voter.token,
    )
    await gql(
      t.url,
      graphql(
        `mutation SilenceInChannel($c: String!, $u: Int!, $d: DateTime!) { silenceInChannel(channel: $c, userId: $u, until: $d) { databaseId } }`,
      ),
      { c: channel, u: target.id, d: new Date(Date.now() + 60_000).toISOString() },
      voter.token,
    )
    await gql(
      t.url,
      graphql(
        `mutation BanFromChannel($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }`,
      ),
      { c: channel, u: target.id },
      voter.token,
    )
    await gql(
      t.url,
      graphql(
        `mutation LiftChannelSanction($c: String!, $u: Int!) { liftChannelSanction(channel: $c, userId: $u, kind: BAN) }`,
      ),
      { c: channel, u: target.id },
      voter.token,
    )
    await gql(
      t.url,
      graphql(
        `mutation RemoveChannelModerator($c: String!, $u: Int!) { removeChannelModerator(channel: $c, userId: $u) }`,
      ),
      { c: channel, u: voter.id },
      owner.token,
    )
    const other = await say(t, owner.token, channel, 'something')
    const c = await gql(
      t.url,
      graphql(`mutation FileComplaintAudit($m: Int!) { fileComplaint(messageId: $m, text: "hm") { databaseId } }`),
      { m: other },
      reporterLogin.data!.login.token,
    )
    await gql(
      t.url,
      graphql(`mutation ResolveComplaint($id: Int!) { resolveComplaint(id: $id, status: REJECTED) { status } }`),
      { id: c.data!.fileComplaint.databaseId },
      moderator.token,
    )
    const q = await rest(t.url, '/api/support/ask', { category: 1, question: 'help' }, { token: asker.token })
    await rest(t.url, '/api/support/ban', { questionId: q.body.id }, { token: staff.token })

    const seen = new Set((await audit({ from: since, first: 100 })).map((e) => e.action))
    expect([...seen].sort()).toEqual([...AUDIT_ACTIONS].sort())
    expect(await audit({ action: 'BAN_UNFAIR', target: voter.id })).toEqual([
      expect.objectContaining({ actorId: moderator.id, reasonId: REASON.unfair }),
    ])
    expect((await audit({ actor: voter.id, channel })).map((e) => e.action)).toEqual([
      'CHANNEL_LIFT',
      'CHANNEL_BAN',
      'CHANNEL_SILENCE',
      'CHANNEL_KICK',
      'ACCUSE',
    ])
    expect((await audit({ action: 'BLOCK', target: reporter.id }))[0]).toMatchObject({ actorId: blocker.id })
    // a support ban names the question, never the asker
    expect(await audit({ action: 'SUPPORT_BAN', actor: staff.id })).toEqual([
      expect.objectContaining({ ticketId: q.body.id, targetUserId: null, targetName: null }),
    ])
    expect(await audit({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([])
    expect(await audit({ to: since })).not.toContainEqual(expect.objectContaining({ targetUserId: target.id }))

    const page1 = await gql(t.url, AUDIT, { target: target.id, first: 3 }, moderator.token)
    const page2 = await gql(
      t.url,
      AUDIT,
      { target: target.id, first: 3, after: page1.data!.moderationAudit.pageInfo.endCursor },
      moderator.token,
    )
    const ids = [...page1.data!.moderationAudit.edges, ...page2.data!.moderationAudit.edges].map(
      (e) => e.node.databaseId,
    )
    expect(new Set(ids).size).toBe(6)
    expect([...ids].sort((x, y) => y - x)).toEqual(ids)
  })

  it('is for moderators only, over HTTP and WebSocket', async () => {
    const u = await registerUser(t)
    expect(codeOf(await gql(t.url, AUDIT, {}, u.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, AUDIT, {}))).toBe('UNAUTHENTICATED')
    const client = wsClient(t.url, u.token)
    const sub = subscribe(client, graphql(`subscription ModerationAuditEvents { moderationAuditEvents { action } }`))
    const ev = await sub.next()
    expect(JSON.stringify(ev)).toContain('INSUFFICIENT_PERMISSIONS')
    await client.dispose()
  })
})
