import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { ERRORS } from '../../src/errors.js'
import { say } from './support.js'
import { graphql } from '../generated/index.js'
import { oid } from '../helpers/justchat.js'

let t: TestApp
let moderator: TestUser
beforeAll(async () => {
  t = await startTestApp()
  moderator = await userWithRoles(t, { moderator: 1 })
})
afterAll(() => closeAll(t))

const complain = (token: string | undefined, body: Record<string, unknown>) =>
  rest(t.url, '/complaints/new', token ? { ...body, session_key: token } : body)
const LIST = graphql(`query Complaints($s: ComplaintStatus, $c: String, $a: Int, $after: String) {
  complaints(status: $s, channel: $c, accusedId: $a, first: 2, after: $after) {
    edges { node { databaseId status text channel author { databaseId } accused { databaseId } message { databaseId text } } }
    pageInfo { hasNextPage endCursor }
  }
}`)
const RESOLVE = graphql(
  `mutation ResolveComplaintComplaints($id: Int!, $s: ComplaintStatus!, $n: String) { resolveComplaint(id: $id, status: $s, note: $n) { status note resolvedBy { databaseId } resolvedAt } }`,
)
const ISO = /^\d{4}-\d\d-\d\dT/

describe('/complaints/new (JustChat)', () => {
  it('reports a message with a comment, in the documented shape', async () => {
    const [author, accused] = [await registerUser(t), await registerUser(t)]
    const msg = await say(t, accused.token, 'main', 'offensive words')
    const r = await complain(author.token, { message: String(msg), text: 'this is rude' })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      complaint: {
        author: oid(author.id),
        // a message outside JustChat's rooms (peka2's main chat) is in no room
        room: null,
        message: {
          _id: oid(msg),
          room: null,
          author: oid(accused.id),
          user: null,
          text: 'offensive words',
          type: 'message',
          create_at: expect.stringMatching(ISO),
        },
        create_at: expect.stringMatching(ISO),
      },
    })
    // the same report again answers the first one
    const again = await complain(author.token, { message: oid(msg), text: 'again' })
    expect(again.body.complaint.create_at).toBe(r.body.complaint.create_at)
  })

  it("answers 440 without a session, 404 for a missing message, 403 for one's own message, 400 for a bad comment", async () => {
    const u = await registerUser(t)
    const own = await say(t, u.token, 'main', 'mine')
    expect(await complain(undefined, { message: String(own), text: 'x' })).toMatchObject({
      status: 440,
      body: { error: ERRORS.UNAUTHENTICATED.message },
    })
    expect(await complain(u.token, { message: '99999999', text: 'x' })).toMatchObject({
      status: 404,
      body: { error: expect.stringMatching(/message/) },
    })
    expect(await complain(u.token, { message: String(own), text: 'x' })).toMatchObject({
      status: 403,
      body: { error: expect.stringMatching(/own/) },
    })
    const other = await say(t, (await registerUser(t)).token, 'main', 'theirs')
    expect((await complain(u.token, { message: String(other), text: 'x'.repeat(1001) })).status).toBe(400)
    expect((await complain(u.token, { message: 'abc', text: 'x' })).status).toBe(400)
    // a private conversation the reporter is not part of is "not found", not "forbidden"
    const [a, b] = [await registerUser(t), await registerUser(t)]
    const priv = await say(t, a.token, `private/${Math.min(a.id, b.id)}/${Math.max(a.id, b.id)}`, 'just us')
    expect((await complain(u.token, { message: String(priv), text: 'x' })).status).toBe(404)
  })
})

describe('handling complaints', () => {
  it('moderators list, filter, page and resolve them; a second resolution is refused', async () => {
    const [author, accused, other] = [await registerUser(t), await registerUser(t), await registerUser(t)]
    const ids: number[] = []
    for (const text of ['one', 'two', 'three']) {
      const msg = await say(t, accused.token, 'main', text)
      const r = await gql(
        t.url,
        graphql(
          `mutation FileComplaintComplaints($m: Int!, $t: String) { fileComplaint(messageId: $m, text: $t) { databaseId status } }`,
        ),
        { m: msg, t: `about ${text}` },
        author.token,
      )
      expect(r.data!.fileComplaint.status).toBe('OPEN')
      ids.push(r.data!.fileComplaint.databaseId)
    }
    await gql(
      t.url,
      graphql(`mutation FileComplaintComplaints2($m: Int!) { fileComplaint(messageId: $m) { databaseId } }`),
      { m: await say(t, other.token, 'main', 'unrelated') },
      author.token,
    )
    const p1 = await gql(t.url, LIST, { a: accused.id }, moderator.token)
    expect(p1.data!.complaints.edges.map((e: any) => e.node.databaseId)).toEqual([ids[2], ids[1]])
    expect(p1.data!.complaints.edges[0].node).toMatchObject({
      status: 'OPEN',
      text: 'about three',
      channel: 'main',
      author: { databaseId: author.id },
      accused: { databaseId: accused.id },
      message: { text: 'three' },
    })
    const p2 = await gql(t.url, LIST, { a: accused.id, after: p1.data!.complaints.pageInfo.endCursor }, moderator.token)
    expect(p2.data!.complaints.edges.map((e: any) => e.node.databaseId)).toEqual([ids[0]])

    const done = await gql(t.url, RESOLVE, { id: ids[1], s: 'RESOLVED', n: 'warned' }, moderator.token)
    expect(done.data!.resolveComplaint).toMatchObject({
      status: 'RESOLVED',
      note: 'warned',
      resolvedBy: { databaseId: moderator.id },
      resolvedAt: expect.stringMatching(ISO),
    })
    expect(codeOf(await gql(t.url, RESOLVE, { id: ids[1], s: 'REJECTED' }, moderator.token))).toBe('CONFLICT')
    expect(codeOf(await gql(t.url, RESOLVE, { id: ids[0], s: 'OPEN' }, moderator.token))).toBe('INVALID_INPUT')
    const open = await gql(t.url, LIST, { a: accused.id, s: 'OPEN' }, moderator.token)
    expect(open.data!.complaints.edges.map((e: any) => e.node.databaseId)).toEqual([ids[2], ids[0]])
    const resolved = await gql(t.url, LIST, { s: 'RESOLVED' }, moderator.token)
    expect(resolved.data!.complaints.edges.map((e: any) => e.node.databaseId)).toEqual([ids[1]])
  })

  it("plain users cannot list or resolve; a channel's own moderators handle that channel's complaints only", async () => {
    const [owner, reporter, troll] = [await registerUser(t), await registerUser(t), await registerUser(t)]
    const channel = `stream/${owner.id}`
    const msg = await say(t, troll.token, channel, 'troll words')
    const c = await gql(
      t.url,
      graphql(
        `mutation FileComplaintComplaints3($m: Int!) { fileComplaint(messageId: $m, text: "look") { databaseId } }`,
      ),
      { m: msg },
      reporter.token,
    )
    const id = c.data!.fileComplaint.databaseId
    expect(codeOf(await gql(t.url, LIST, {}, reporter.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, LIST, { c: channel }, reporter.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, RESOLVE, { id, s: 'REJECTED' }, reporter.token))).toBe('COMPLAINT_NOT_FOUND')
    expect(codeOf(await gql(t.url, LIST, {}))).toBe('UNAUTHENTICATED')
    // the stream's owner moderates their channel
    expect(codeOf(await gql(t.url, LIST, {}, owner.token))).toBe('INSUFFICIENT_PERMISSIONS')
    const mine = await gql(t.url, LIST, { c: channel }, owner.token)
    expect(mine.data!.complaints.edges.map((e: any) => e.node.databaseId)).toEqual([id])
    expect((await gql(t.url, RESOLVE, { id, s: 'REJECTED' }, owner.token)).data!.resolveComplaint.status).toBe(
      'REJECTED',
    )
  })
})
