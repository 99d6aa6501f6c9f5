// Votes under concurrency, through HTTP GraphQL as clients send them, on whatever database the suite runs on (embedded
// PGlite serializes statements; PostgreSQL with TEST_DATABASE_URL runs them at once): counts stay exact and nobody
// votes twice. Figures (votes, time) are printed for the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gqlRaw, type GqlResult } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { MESSAGE_POLL, okData, readPoll, sendMessage, startPoll, voteRaw, type PollOut } from './support.js'
import { bulkUsers } from './users.js'

/** Two instances need a database server (see test/store/concurrency.test.ts: PGlite's one backend serves one app). */
const SERVER = !!process.env.TEST_DATABASE_URL

let t: TestApp
let other: TestApp | undefined
let streamer: TestUser
beforeAll(async () => {
  t = await startTestApp()
  if (SERVER) other = await startTestApp({}, { share: t })
  streamer = await registerUser(t)
}, 120_000)
afterAll(() => closeAll(other, t), 120_000)

/** What the database holds for a poll: vote rows per option, and the tally shards summed per option. */
async function stored(pollId: number) {
  const { prisma } = t.app.services
  const rows = await prisma.pollVote.groupBy({ by: ['optionId'], where: { pollId }, _count: { _all: true } })
  const shards = await prisma.pollTally.groupBy({ by: ['optionId'], where: { pollId }, _sum: { votes: true } })
  return {
    rows: new Map(rows.map((r) => [r.optionId, r._count._all])),
    tallies: new Map(shards.map((s) => [s.optionId, s._sum.votes ?? 0])),
  }
}

function outcome(results: GqlResult[]) {
  const ok = results.filter((r) => !r.errors).length
  const codes = results.flatMap((r) => (r.errors ? [codeOf(r) ?? r.errors[0].message] : []))
  return { ok, codes }
}

/**
 * A fresh channel poll with three options, and `voters` each voting for option (i mod 3): all fired at once
 * (Promise.all, no pool — the embedded database queues the statements on its one connection, the server's pool of 20
 * on PostgreSQL), spread over `apps` round-robin.
 */
async function storm(apps: TestApp[], voters: TestUser[]) {
  const owner = await registerUser(t)
  const poll = await startPoll(t, owner, `stream/${owner.id}`)
  const ids = poll.options.map((o) => o.databaseId)
  const started = Date.now()
  const results = await Promise.all(
    voters.map((u, i) => voteRaw(apps[i % apps.length], u, poll.databaseId, [ids[i % ids.length]])),
  )
  const ms = Date.now() - started
  const expected = ids.map((_, k) => voters.filter((_u, i) => i % ids.length === k).length)
  return { poll, ids, results, ms, expected }
}

async function expectExact(poll: PollOut, ids: number[], expected: number[]) {
  const seen = await readPoll(t, poll.databaseId)
  expect(seen.options.map((o) => o.votes)).toEqual(expected)
  expect(seen.totalVotes).toBe(expected.reduce((a, b) => a + b, 0))
  expect(seen.totalDonateVotes).toBe(0)
  const db = await stored(poll.databaseId)
  expect(ids.map((id) => db.rows.get(id) ?? 0)).toEqual(expected)
  expect(ids.map((id) => db.tallies.get(id) ?? 0)).toEqual(expected)
  expect(await t.app.services.prisma.pollVote.count({ where: { pollId: poll.databaseId } })).toBe(
    expected.reduce((a, b) => a + b, 0),
  )
}

describe('a vote storm', () => {
  let crowd: TestUser[]
  beforeAll(async () => {
    crowd = await bulkUsers(t, 1000)
  }, 60_000)

  it('1,000 parallel votes from 1,000 users → exact counts', async () => {
    const { poll, ids, results, ms, expected } = await storm([t], crowd)
    console.log(`polls race: 1000 parallel votes on one instance in ${ms} ms`)
    expect(outcome(results)).toEqual({ ok: 1000, codes: [] })
    expect(expected).toEqual([334, 333, 333])
    await expectExact(poll, ids, expected)
  }, 60_000)

  it.skipIf(!SERVER)(
    '1,000 parallel votes over two instances on one database → exact counts',
    async () => {
      const { poll, ids, results, ms, expected } = await storm([t, other!], crowd)
      console.log(`polls race: 1000 parallel votes over two instances in ${ms} ms`)
      expect(outcome(results)).toEqual({ ok: 1000, codes: [] })
      await expectExact(poll, ids, expected)
    },
    60_000,
  )
})

describe('one user, many parallel votes', () => {
  it('no double vote from 20 parallel votes of one user', async () => {
    const voter = await registerUser(t)
    const poll = await startPoll(t, streamer, `stream/${streamer.id}`)
    const ids = poll.options.map((o) => o.databaseId)
    // each attempt for another option too: a second vote must not slip in for a different answer either
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => voteRaw(t, voter, poll.databaseId, [ids[i % ids.length]])),
    )
    const { ok, codes } = outcome(results)
    expect(ok).toBe(1)
    expect(codes).toEqual(Array<string>(19).fill('POLL_ALREADY_VOTED'))
    const seen = await readPoll(t, poll.databaseId, voter)
    expect(seen.totalVotes).toBe(1)
    expect(seen.viewerVotes).toHaveLength(1)
    const db = await stored(poll.databaseId)
    // the one counted is the one the voter sees as theirs
    expect([...db.rows]).toEqual([[seen.viewerVotes[0], 1]])
    expect([...db.tallies.values()].reduce((a, b) => a + b, 0)).toBe(1)
  })

  it('no double vote from 20 parallel votes of one user for one option of a multiple-choice message poll', async () => {
    const author = await registerUser(t)
    const messageId = await sendMessage(t, author, 'main')
    const created = await gqlRaw(
      t.url,
      MESSAGE_POLL,
      { messageId, question: 'Any?', options: ['A', 'B', 'C'], multiple: true },
      author.token,
    )
    const poll = okData(created).createMessagePoll as PollOut
    const [a, b] = poll.options.map((o) => o.databaseId)
    const voter = await registerUser(t)
    const results = await Promise.all(Array.from({ length: 20 }, () => voteRaw(t, voter, poll.databaseId, [a])))
    const { ok, codes } = outcome(results)
    expect(ok).toBe(1)
    expect(codes).toEqual(Array<string>(19).fill('POLL_ALREADY_VOTED'))
    // another option is still open to the same voter: multiple choice
    okData(await voteRaw(t, voter, poll.databaseId, [b]))
    const seen = await readPoll(t, poll.databaseId, voter)
    expect(seen.options.map((o) => o.votes)).toEqual([1, 1, 0])
    expect([...seen.viewerVotes].sort((x, y) => x - y)).toEqual([a, b].sort((x, y) => x - y))
    const db = await stored(poll.databaseId)
    expect(db.rows).toEqual(
      new Map([
        [a, 1],
        [b, 1],
      ]),
    )
    expect(db.tallies).toEqual(
      new Map([
        [a, 1],
        [b, 1],
      ]),
    )
  })
})

describe('votes and retractions racing', () => {
  it('tallies stay equal to the vote rows when 50 users vote, retract and vote again at once', async () => {
    const author = await registerUser(t)
    const messageId = await sendMessage(t, author, 'main')
    const created = await gqlRaw(
      t.url,
      MESSAGE_POLL,
      { messageId, question: 'Which?', options: ['A', 'B', 'C'], multiple: true },
      author.token,
    )
    const poll = okData(created).createMessagePoll as PollOut
    const [a, b, c] = poll.options.map((o) => o.databaseId)
    const voters = await bulkUsers(t, 50)
    const RETRACT = 'mutation($p: Int!) { retractPollVote(pollId: $p) { pollId } }'
    // every user's four calls at once, all users at once: which of them win depends on the order they land in
    const results = await Promise.all(
      voters.flatMap((u) => [
        voteRaw(t, u, poll.databaseId, [a]),
        voteRaw(t, u, poll.databaseId, [b]),
        gqlRaw(t.url, RETRACT, { p: poll.databaseId }, u.token),
        voteRaw(t, u, poll.databaseId, [a, c]),
      ]),
    )
    // refusals are the expected ones only: a vote already given, or nothing to take back
    const codes = new Set(outcome(results).codes)
    for (const code of codes) expect(['POLL_ALREADY_VOTED', 'POLL_NOT_VOTED']).toContain(code)
    const db = await stored(poll.databaseId)
    const seen = await readPoll(t, poll.databaseId)
    for (const [k, id] of [a, b, c].entries()) {
      expect(db.tallies.get(id) ?? 0, `option ${k}: tally vs rows`).toBe(db.rows.get(id) ?? 0)
      expect(seen.options[k].votes).toBe(db.rows.get(id) ?? 0)
    }
    // no shard went below zero, and each voter holds at most one vote per option
    const shards = await t.app.services.prisma.pollTally.findMany({ where: { pollId: poll.databaseId } })
    expect(shards.every((r) => r.votes >= 0)).toBe(true)
    expect(seen.totalVotes).toBeLessThanOrEqual(3 * voters.length)
    // everyone takes their votes back, then votes once more, each in one burst: both land exactly
    await Promise.all(voters.map((u) => gqlRaw(t.url, RETRACT, { p: poll.databaseId }, u.token)))
    expect((await readPoll(t, poll.databaseId)).totalVotes).toBe(0)
    expect(outcome(await Promise.all(voters.map((u) => voteRaw(t, u, poll.databaseId, [b]))))).toEqual({
      ok: 50,
      codes: [],
    })
    const after = await stored(poll.databaseId)
    expect([...after.rows]).toEqual([[b, 50]])
    expect([a, b, c].map((id) => after.tallies.get(id) ?? 0)).toEqual([0, 50, 0])
  }, 60_000)
})
