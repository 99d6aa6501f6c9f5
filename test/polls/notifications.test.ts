// peka2's poll/update (poll.md: "to everyone connected to the same chat channel"): the logged-in users watching the
// channel get the /api/poll/info object with their own userVote, through core's notifications subscription, when a
// poll starts, after votes (coalesced), and when it ends early or at its time; nobody else does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { isoSince, open, type Stream } from '../events/support.js'
import { MESSAGE_POLL, okData, peka2Info, sendMessage, unixOf, watchChannel } from './support.js'

let t: TestApp
beforeAll(async () => {
  // two updates a second: votes sent together fall into one window
  t = await startTestApp({ POLLS_UPDATES_PER_SECOND: '2' })
})
afterAll(() => closeAll(t))

const START = `mutation($c: String!, $o: [PollOptionInput!]!, $d: Int!) {
  startChannelPoll(channel: $c, question: "Which way?", options: $o, durationSeconds: $d) {
    databaseId startedAt endsAt
  }
}`
const VARIANTS = [
  { position: 5, name: 'Left' },
  { position: 9, name: 'Right' },
]

interface Started {
  databaseId: number
  startedAt: string
  endsAt: string
}

async function start(by: TestUser, channel: string, durationSeconds = 600): Promise<Started> {
  const o = VARIANTS.map((v) => ({ position: v.position, text: v.name }))
  const r = await gqlRaw(t.url, START, { c: channel, o, d: durationSeconds }, by.token)
  return okData(r).startChannelPoll as Started
}

async function vote(by: TestUser, channel: string, position: number) {
  const r = await gqlRaw(
    t.url,
    'mutation($c: String!, $p: Int!) { voteChannelPoll(channel: $c, position: $p) { pollId } }',
    { c: channel, p: position },
    by.token,
  )
  okData(r)
}

const inbox = (u: TestUser) => open(t, u, 'notifications')

/** The poll/update notification as its recipient gets it. */
const update = (
  p: Started,
  o: { channel: string; by: TestUser; userVote: number | null; votes: [number, number]; end?: number },
  since: number,
) => ({
  type: 'poll/update',
  data: peka2Info({
    channel: o.channel,
    description: 'Which way?',
    duration: unixOf(p.endsAt) - unixOf(p.startedAt),
    start: unixOf(p.startedAt),
    end: o.end ?? unixOf(p.endsAt),
    userId: o.by.id,
    userVote: o.userVote,
    variants: VARIANTS.map((v, i) => ({ ...v, votes: o.votes[i] })),
  }),
  time: isoSince(since),
})

/** Notifications until one has these counts: the updates a burst of votes came to (each a poll/update). */
async function updatesUntil(s: Stream, votes: [number, number]) {
  const got: { type: string; data: { variants: { votes: number }[]; userVote: number | null } }[] = []
  for (;;) {
    const n = (await s.next()) as (typeof got)[number]
    expect(n.type).toBe('poll/update')
    got.push(n)
    if (n.data.variants.every((v, i) => v.votes === votes[i])) return got
  }
}

describe('poll/update', () => {
  it('goes to each watcher with their own vote: at start, after votes (coalesced), at an early end', async () => {
    const streamer = await registerUser(t)
    const channel = `stream/${streamer.id}`
    const [voter, idle, elsewhere] = await Promise.all([1, 2, 3].map(() => registerUser(t)))
    // voter and idle watch the channel; elsewhere watches main (and votes here); nobody else watches
    const watching = [await watchChannel(t, voter, channel), await watchChannel(t, idle, channel)]
    const away = await watchChannel(t, elsewhere, 'main')
    const [toVoter, toIdle, toElsewhere, toStreamer] = await Promise.all([voter, idle, elsewhere, streamer].map(inbox))

    const since = Date.now()
    const p = await start(streamer, channel)
    const at = { channel, by: streamer }
    await toVoter.expectNext(update(p, { ...at, userVote: -1, votes: [0, 0] }, since))
    await toIdle.expectNext(update(p, { ...at, userVote: -1, votes: [0, 0] }, since))

    // a burst of six votes: far fewer updates than votes, the last one exact
    await vote(voter, channel, 9)
    const others = await Promise.all([1, 2, 3, 4].map(() => registerUser(t)))
    await Promise.all([vote(elsewhere, channel, 5), ...others.map((u, i) => vote(u, channel, i % 2 ? 9 : 5))])
    const final: [number, number] = [3, 3]
    const seenByVoter = await updatesUntil(toVoter, final)
    const seenByIdle = await updatesUntil(toIdle, final)
    expect(seenByVoter.length).toBeLessThan(6)
    expect(seenByIdle.length).toBe(seenByVoter.length)
    // the voter's own vote is in each (it was counted before the first update was read); idle has none
    expect(seenByVoter.map((n) => n.data.userVote)).toEqual(seenByVoter.map(() => 9))
    expect(seenByIdle.map((n) => n.data.userVote)).toEqual(seenByIdle.map(() => -1))
    expect(seenByVoter.at(-1)).toEqual(update(p, { ...at, userVote: 9, votes: final }, since))
    expect(seenByIdle.at(-1)).toEqual(update(p, { ...at, userVote: -1, votes: final }, since))

    // idle stops watching: the end reaches the voter only
    await watching[1].close()
    const ended = await gqlRaw(
      t.url,
      'mutation($p: Int!) { endPoll(pollId: $p) { endedAt } }',
      { p: p.databaseId },
      streamer.token,
    )
    const end = unixOf((okData(ended).endPoll as { endedAt: string }).endedAt)
    await toVoter.expectNext(update(p, { ...at, userVote: 9, votes: final, end }, since))

    await toVoter.expectQuiet(600)
    await toIdle.expectQuiet(100)
    // voting without watching, or not watching at all (the streamer), brings none
    await toElsewhere.expectQuiet(100)
    await toStreamer.expectQuiet(100)
    for (const s of [watching[0], away, toVoter, toIdle, toElsewhere, toStreamer]) await s.close()
  })

  it('a poll that runs out of time announces its end to the watchers', async () => {
    const streamer = await registerUser(t)
    const channel = `stream/${streamer.id}`
    const viewer = await registerUser(t)
    const watching = await watchChannel(t, viewer, channel)
    const s = await inbox(viewer)
    const since = Date.now()
    const p = await start(streamer, channel, 10)
    const at = { channel, by: streamer }
    await s.expectNext(update(p, { ...at, userVote: -1, votes: [0, 0] }, since))
    await vote(viewer, channel, 5)
    await s.expectNext(update(p, { ...at, userVote: 5, votes: [1, 0] }, since))
    // no one ends it: its time does (10 s after its start; the wait allows for a loaded machine)
    expect(await s.next(20_000)).toEqual(update(p, { ...at, userVote: 5, votes: [1, 0] }, since))
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(p.endsAt).getTime())
    await s.expectQuiet(300)
    await watching.close()
    await s.close()
  }, 40_000)

  it('is not sent for a poll attached to a message, whoever watches its channel', async () => {
    const author = await registerUser(t)
    const channel = `stream/${author.id}`
    const viewer = await registerUser(t)
    const watching = await watchChannel(t, viewer, channel)
    const s = await inbox(viewer)
    const messageId = await sendMessage(t, author, channel)
    const r = await gqlRaw(t.url, MESSAGE_POLL, { messageId, question: 'Tea?', options: ['Yes', 'No'] }, author.token)
    const poll = okData(r).createMessagePoll as { databaseId: number; options: { databaseId: number }[] }
    okData(
      await gqlRaw(
        t.url,
        'mutation($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }',
        { p: poll.databaseId, o: [poll.options[0].databaseId] },
        viewer.token,
      ),
    )
    await s.expectQuiet(1200)
    await watching.close()
    await s.close()
  })
})
