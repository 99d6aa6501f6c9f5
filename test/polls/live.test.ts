// Live poll updates over graphql-ws: a vote storm is coalesced into a few updates that never go backwards and end with
// the exact counts; a start and an end are announced; polls in channels the caller may not read are not streamed.
import type { Client } from 'graphql-ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, disposeAll, gqlRaw, subscribeRaw, until, wsClient, type WsSubscription } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { armRunningPolls } from '../../plugins/polls/resume.js'
import { pollsState } from '../../plugins/polls/state.js'
import { okData, readPoll, startPoll, voteRaw } from './support.js'
import { bulkUsers } from './users.js'

const PER_SECOND = 4
/** well over one coalescing interval (250 ms): after the storm's last update, nothing more may come */
const QUIET_MS = 1000
const SERVER = !!process.env.TEST_DATABASE_URL

let t: TestApp
let streamer: TestUser
let channel: string
const clients: Client[] = []
beforeAll(async () => {
  t = await startTestApp({ POLLS_UPDATES_PER_SECOND: String(PER_SECOND) })
  streamer = await registerUser(t)
  channel = `stream/${streamer.id}`
}, 120_000)
afterAll(async () => {
  await disposeAll(clients)
  await closeAll(t)
}, 120_000)

const UPDATES = `subscription($p: Int, $c: String) {
  pollUpdated(pollId: $p, channel: $c) {
    change poll { databaseId isActive endedAt totalVotes totalDonateVotes options { databaseId votes donateVotes } }
  }
}`

interface Update {
  change: 'STARTED' | 'VOTES' | 'ENDED'
  poll: {
    databaseId: number
    isActive: boolean
    endedAt: string | null
    totalVotes: number
    totalDonateVotes: number
    options: { databaseId: number; votes: number; donateVotes: number }[]
  }
}

const open = (token?: string) => {
  const c = wsClient(t.url, token)
  clients.push(c)
  return c
}

/** A subscription that is listening (its listener registered, Redis' SUBSCRIBE acknowledged) when this resolves. */
async function listen(vars: { p?: number; c?: string }, token?: string): Promise<WsSubscription> {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const sub = subscribeRaw(open(token), UPDATES, vars)
  await until(() => ps.listenerCount() > before, 10_000, 'pollUpdated listening')
  await ps.ready()
  return sub
}

/** The next update, failing on an error event. */
async function nextUpdate(sub: WsSubscription, ms = 5000): Promise<Update> {
  const e = await sub.next(ms)
  expect(e.errors ?? e.error, JSON.stringify(e.errors ?? e.error)).toBeUndefined()
  return (e.data as { pollUpdated: Update }).pollUpdated
}

const countsOf = (u: Update) => u.poll.options.map((o) => o.votes)

/** Every update until the stream has been quiet for `quiet` ms. */
async function drain(sub: WsSubscription, quiet = QUIET_MS): Promise<Update[]> {
  const got: Update[] = []
  for (;;) {
    let e
    try {
      e = await sub.next(quiet)
    } catch {
      return got
    }
    expect(e.errors ?? e.error, JSON.stringify(e.errors ?? e.error)).toBeUndefined()
    got.push((e.data as { pollUpdated: Update }).pollUpdated)
  }
}

/**
 * The updates of a storm of `total` votes, all of which have returned: every update until one shows them all (within
 * `ms`, however loaded the machine), then whatever follows until the stream is quiet.
 */
async function settle(sub: WsSubscription, total: number, ms = 15_000): Promise<Update[]> {
  const got: Update[] = []
  const end = Date.now() + ms
  while (got.at(-1)?.poll.totalVotes !== total) {
    const left = end - Date.now()
    if (left <= 0) throw new Error(`no update showed all ${total} votes: ${JSON.stringify(got.map(countsOf))}`)
    got.push(await nextUpdate(sub, left))
  }
  return [...got, ...(await drain(sub))]
}

/** The first error code of a subscription's first event. */
async function refusal(sub: WsSubscription): Promise<unknown> {
  const e = await sub.next(10_000)
  const errors = (e.errors ?? e.error ?? []) as { extensions?: { code?: string } }[]
  return errors[0]?.extensions?.code
}

function expectMonotone(updates: Update[]) {
  for (let i = 1; i < updates.length; i++) {
    const [before, after] = [countsOf(updates[i - 1]), countsOf(updates[i])]
    expect(
      after.every((v, k) => v >= before[k]),
      `update ${i} went back: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    ).toBe(true)
  }
}

describe('the live stream of a poll', () => {
  it('the coalesced stream ends with the final counts', async () => {
    // a guest watches the channel's polls (a public stream), and the poll itself once it exists
    const byChannel = await listen({ c: channel })
    const poll = await startPoll(t, streamer, channel)
    const start = await nextUpdate(byChannel)
    expect(start).toMatchObject({ change: 'STARTED', poll: { databaseId: poll.databaseId, isActive: true } })
    expect(start.poll.totalVotes).toBe(0)
    const byId = await listen({ p: poll.databaseId })

    const ids = poll.options.map((o) => o.databaseId)
    const voters = await bulkUsers(t, 200)
    const began = Date.now()
    // all at once, as a crowd answering a streamer does
    const results = await Promise.all(voters.map((u, i) => voteRaw(t, u, poll.databaseId, [ids[i % ids.length]])))
    const ms = Date.now() - began
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual([])

    const [one, all] = await Promise.all([settle(byId, 200), settle(byChannel, 200)])
    const final = await readPoll(t, poll.databaseId)
    expect(final.options.map((o) => o.votes)).toEqual([67, 67, 66])
    console.log(
      `polls live: 200 votes in ${ms} ms → ${one.length} updates by poll id, ${all.length} by channel (≤ ${PER_SECOND}/s)`,
    )
    for (const updates of [one, all]) {
      expect(updates.length).toBeGreaterThan(0)
      expect(updates.length).toBeLessThanOrEqual(200 / 5)
      // at most PER_SECOND a second over the storm, with the one after its last vote
      expect(updates.length).toBeLessThanOrEqual(Math.ceil((ms / 1000) * PER_SECOND) + 2)
      expect(updates.every((u) => u.change === 'VOTES' && u.poll.databaseId === poll.databaseId)).toBe(true)
      expectMonotone(updates)
      expect(countsOf(updates[updates.length - 1])).toEqual([67, 67, 66])
      expect(updates[updates.length - 1].poll.totalVotes).toBe(200)
    }
    // one publication reaches both streams: they tell the same story
    expect(all).toEqual(one)

    // ending it is announced on both (half a second later, once votes begun before it have committed), with its counts
    const end = await gqlRaw(
      t.url,
      'mutation($p: Int!) { endPoll(pollId: $p) { isActive } }',
      { p: poll.databaseId },
      streamer.token,
    )
    expect(okData(end).endPoll).toEqual({ isActive: false })
    for (const sub of [byId, byChannel]) {
      const ended = await nextUpdate(sub)
      expect(ended.change).toBe('ENDED')
      expect(ended.poll).toMatchObject({ databaseId: poll.databaseId, isActive: false, totalVotes: 200 })
      expect(ended.poll.endedAt).not.toBeNull()
    }
  }, 60_000)

  it('votes racing the end: the stream ends with one ENDED carrying every counted vote, and nothing after it', async () => {
    const owner = await registerUser(t)
    const poll = await startPoll(t, owner, `stream/${owner.id}`)
    const sub = await listen({ p: poll.databaseId })
    const ids = poll.options.map((o) => o.databaseId)
    const voters = await bulkUsers(t, 40)
    const votes = voters.map((u, i) => voteRaw(t, u, poll.databaseId, [ids[i % 3]]))
    const end = gqlRaw(
      t.url,
      'mutation($p: Int!) { endPoll(pollId: $p) { isActive } }',
      { p: poll.databaseId },
      owner.token,
    )
    const results = await Promise.all(votes)
    okData(await end)
    // every vote either counted or was refused as late
    expect(
      results
        .filter((r) => r.errors)
        .map(codeOf)
        .every((c) => c === 'POLL_ENDED'),
    ).toBe(true)
    const counted = (await readPoll(t, poll.databaseId)).options.map((o) => o.votes)
    expect(counted.reduce((a, b) => a + b, 0)).toBe(results.filter((r) => !r.errors).length)
    const updates = await drain(sub, 1500)
    expect(updates.filter((u) => u.change === 'ENDED')).toHaveLength(1)
    expect(updates.at(-1)?.change).toBe('ENDED')
    expect(countsOf(updates.at(-1)!)).toEqual(counted)
    expectMonotone(updates)
  }, 60_000)

  it('a poll whose time passed refuses votes, shows isActive false, and the stream announces ENDED', async () => {
    const owner = await registerUser(t)
    const own = `stream/${owner.id}`
    const poll = await startPoll(t, owner, own, { durationSeconds: 10 })
    const sub = await listen({ p: poll.databaseId })
    const [early, late] = await Promise.all([registerUser(t), registerUser(t)])
    const option = poll.options[0].databaseId
    okData(await voteRaw(t, early, poll.databaseId, [option]))
    expect((await nextUpdate(sub)).poll.totalVotes).toBe(1)

    // bring its end to a second from now, and arm the announcement as an instance does at start-up (the timer armed
    // when the poll started waits for the original ten seconds)
    await t.app.services.prisma.poll.update({
      where: { id: poll.databaseId },
      data: { endsAt: new Date(Date.now() + 1000) },
    })
    await armRunningPolls(t.app.services, pollsState.of(t.app.services).live)
    const ended = await nextUpdate(sub, 4000)
    expect(ended.change).toBe('ENDED')
    // ended by its time, not early
    expect(ended.poll).toMatchObject({ isActive: false, endedAt: null, totalVotes: 1 })
    expect(await drain(sub, 500)).toEqual([])

    expect(codeOf(await voteRaw(t, late, poll.databaseId, [option]))).toBe('POLL_ENDED')
    const inChannel = await gqlRaw(
      t.url,
      'mutation($c: String!) { voteChannelPoll(channel: $c, position: 1) { pollId } }',
      { c: own },
      late.token,
    )
    expect(codeOf(inChannel)).toBe('POLL_ENDED')
    const seen = await readPoll(t, poll.databaseId)
    expect(seen).toMatchObject({ isActive: false, endedAt: null, totalVotes: 1 })
    expect(seen.closesAt).toBe(seen.endsAt)
    const endAgain = await gqlRaw(
      t.url,
      'mutation($p: Int!) { endPoll(pollId: $p) { isActive } }',
      { p: poll.databaseId },
      owner.token,
    )
    expect(codeOf(endAgain)).toBe('POLL_ENDED')
    // the channel is free for the next poll
    expect((await startPoll(t, owner, own)).isActive).toBe(true)
  })
})

/**
 * Two instances on one database (PostgreSQL + Redis only: PGlite's one backend serves one app): each coalesces the
 * votes it takes, so watchers get up to PER_SECOND updates a second from each; the last is still read after every
 * vote committed.
 */
describe.skipIf(!SERVER)('the live stream of a poll voted on through two instances', () => {
  let other: TestApp | undefined
  beforeAll(async () => {
    other = await startTestApp({ POLLS_UPDATES_PER_SECOND: String(PER_SECOND) }, { share: t })
  }, 120_000)
  afterAll(() => closeAll(other), 120_000)

  /** 400 votes alternating between the instances, watched on this one: the updates, the final counts, the time. */
  async function twoInstanceStorm() {
    const owner = await registerUser(t)
    const poll = await startPoll(t, owner, `stream/${owner.id}`)
    const sub = await listen({ p: poll.databaseId })
    const ids = poll.options.map((o) => o.databaseId)
    const voters = await bulkUsers(t, 400)
    const began = Date.now()
    const apps = [t, other!]
    const results = await Promise.all(voters.map((u, i) => voteRaw(apps[i % 2], u, poll.databaseId, [ids[i % 3]])))
    const ms = Date.now() - began
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual([])
    const updates = await settle(sub, 400)
    const final = (await readPoll(t, poll.databaseId)).options.map((o) => o.votes)
    expect(final).toEqual([134, 133, 133])
    return { updates, final, ms }
  }

  it('the coalesced stream ends with the final counts', async () => {
    const { updates, final, ms } = await twoInstanceStorm()
    const back = updates.filter((u, i) => i > 0 && u.poll.totalVotes < updates[i - 1].poll.totalVotes).length
    console.log(`polls live, two instances: 400 votes in ${ms} ms → ${updates.length} updates, ${back} went back`)
    expect(updates.length).toBeGreaterThan(0)
    expect(updates.length).toBeLessThanOrEqual(2 * (Math.ceil((ms / 1000) * PER_SECOND) + 2))
    expect(countsOf(updates[updates.length - 1])).toEqual(final)
  }, 60_000)

  it('updates never go backwards, whichever instance took the votes', async () => {
    expectMonotone((await twoInstanceStorm()).updates)
  }, 60_000)

  it('a poll ended on one instance while the other takes votes is announced ENDED once, last, with every vote', async () => {
    const owner = await registerUser(t)
    const poll = await startPoll(t, owner, `stream/${owner.id}`)
    const subs = [await listen({ p: poll.databaseId }), await listen({ c: `stream/${owner.id}` })]
    await drain(subs[1], 300) // its STARTED
    const voters = await bulkUsers(t, 60)
    const ids = poll.options.map((o) => o.databaseId)
    const votes = voters.map((u, i) => voteRaw(i % 2 ? t : other!, u, poll.databaseId, [ids[i % 3]]))
    const end = gqlRaw(
      t.url,
      'mutation($p: Int!) { endPoll(pollId: $p) { isActive } }',
      { p: poll.databaseId },
      owner.token,
    )
    await Promise.all([...votes, end])
    const counted = (await readPoll(t, poll.databaseId)).options.map((o) => o.votes)
    for (const sub of subs) {
      const updates = await drain(sub, 1500)
      expect(updates.filter((u) => u.change === 'ENDED')).toHaveLength(1)
      expect(updates.at(-1)?.change).toBe('ENDED')
      expect(countsOf(updates.at(-1)!)).toEqual(counted)
      expectMonotone(updates)
    }
  }, 60_000)
})

describe('who may watch', () => {
  it('a poll in a channel the caller may not read is not streamed to them', async () => {
    const staff = await userWithRoles(t, { moderator: 1 })
    const poll = await startPoll(t, staff, 'admin')
    const plain = await registerUser(t)
    for (const token of [undefined, plain.token]) {
      expect(await refusal(subscribeRaw(open(token), UPDATES, { p: poll.databaseId }))).toBe('POLL_NOT_FOUND')
      expect(await refusal(subscribeRaw(open(token), UPDATES, { c: 'admin' }))).toBe('CHANNEL_NOT_FOUND')
    }
    // the same answer as a poll that does not exist
    expect(await refusal(subscribeRaw(open(plain.token), UPDATES, { p: 2_000_000_000 }))).toBe('POLL_NOT_FOUND')
    expect(await refusal(subscribeRaw(open(plain.token), UPDATES, {}))).toBe('INVALID_INPUT')
    expect(await refusal(subscribeRaw(open(plain.token), UPDATES, { p: poll.databaseId, c: 'admin' }))).toBe(
      'INVALID_INPUT',
    )

    // staff read the admin channel: they get its poll's updates
    const watched = await listen({ p: poll.databaseId }, staff.token)
    okData(await voteRaw(t, staff, poll.databaseId, [poll.options[1].databaseId]))
    expect(await nextUpdate(watched)).toMatchObject({ change: 'VOTES', poll: { totalVotes: 1 } })
  })
})
