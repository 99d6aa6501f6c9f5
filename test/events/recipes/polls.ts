// polls: pollUpdated — each change (STARTED, VOTES, ENDED) made through the API, received whole by subscribers by channel
// and by pollId (signed-in and guests, each with their own viewer fields); and peka2's poll/update notification to a
// user watching the channel. Ids and times are those the start and end mutations answered.
import type { TestApp } from '../../helpers/app.js'
import { registerUser, type TestUser } from '../../helpers/users.js'
import { peka2Info, unixOf, watchChannel } from '../../polls/support.js'
import { globalId, isoSince, ok, open, userRef, type Received, type Stream } from '../support.js'

type Recipe = (t: TestApp) => Promise<Received>

const VARIANTS = [
  { position: 5, text: 'Left' },
  { position: 9, text: 'Right' },
]

/** A channel poll as its start answered it: what every payload repeats. */
export interface StartedPoll {
  databaseId: number
  channel: string
  startedAt: string
  endsAt: string
  options: { databaseId: number; position: number; text: string }[]
  by: TestUser
}

/** A streamer and their stream channel, nothing started yet. */
export async function pollChannel(t: TestApp) {
  const streamer = await registerUser(t)
  return { streamer, channel: `stream/${streamer.id}` }
}

export async function startPoll(t: TestApp, by: TestUser, channel: string, seconds = 600): Promise<StartedPoll> {
  const d = await ok(
    t,
    by,
    `mutation($c: String!, $o: [PollOptionInput!]!, $d: Int!) {
      startChannelPoll(channel: $c, question: "Which way?", options: $o, durationSeconds: $d) {
        databaseId startedAt endsAt options { databaseId position text }
      }
    }`,
    { c: channel, o: VARIANTS, d: seconds },
  )
  return { ...d.startChannelPoll, channel, by }
}

const voteAt = (t: TestApp, by: TestUser, channel: string, position: number) =>
  ok(t, by, 'mutation($c: String!, $p: Int!) { voteChannelPoll(channel: $c, position: $p) { pollId } }', {
    c: channel,
    p: position,
  })

/** The whole PollUpdated payload a viewer gets (their own viewerVotes: option ids). */
export function pollUpdate(
  change: 'STARTED' | 'VOTES' | 'ENDED',
  p: StartedPoll,
  o: { votes?: [number, number]; viewerVotes?: number[]; endedAt?: string | null; isActive?: boolean } = {},
) {
  const votes = o.votes ?? [0, 0]
  const endedAt = o.endedAt ?? null
  return {
    change,
    poll: {
      id: globalId('Poll', p.databaseId),
      databaseId: p.databaseId,
      channel: p.channel,
      messageId: null,
      question: 'Which way?',
      multiple: false,
      donate: false,
      votePrice: null,
      startedById: p.by.id,
      startedBy: userRef(p.by),
      startedAt: p.startedAt,
      endsAt: p.endsAt,
      endedAt,
      closesAt: endedAt ?? p.endsAt,
      isActive: o.isActive ?? endedAt === null,
      options: p.options.map((x, i) => ({ ...x, votes: votes[i], donateVotes: 0 })),
      totalVotes: votes[0] + votes[1],
      totalDonateVotes: 0,
      viewerVotes: o.viewerVotes ?? [],
      viewerPaidVotes: 0,
    },
  }
}

export const pollStream = (t: TestApp, viewer: TestUser | undefined, by: { channel: string } | { pollId: number }) =>
  open(t, viewer, 'pollUpdated', by)

async function expectOnly(s: Stream, ...expected: unknown[]) {
  const got = await s.expectNext(...expected)
  await s.expectQuiet(100)
  await s.close()
  return got
}

async function endPoll(t: TestApp, by: TestUser, pollId: number): Promise<string> {
  const d = await ok(t, by, 'mutation($p: Int!) { endPoll(pollId: $p) { endedAt } }', { p: pollId })
  return d.endPoll.endedAt
}

export const POLL_UPDATED_RECIPES: Partial<Record<string, Recipe>> = {
  // a signed-in viewer and a guest following the channel; the start is announced by channel (there is no id before)
  async STARTED(t) {
    const { streamer, channel } = await pollChannel(t)
    const viewer = await registerUser(t)
    const s = await pollStream(t, viewer, { channel })
    const guest = await pollStream(t, undefined, { channel })
    const p = await startPoll(t, streamer, channel)
    await expectOnly(guest, pollUpdate('STARTED', p))
    return expectOnly(s, pollUpdate('STARTED', p))
  },
  // the voter follows the channel from before the start (their viewerVotes change between the two events); a guest
  // follows the poll by id
  async VOTES(t) {
    const { streamer, channel } = await pollChannel(t)
    const voter = await registerUser(t)
    const s = await pollStream(t, voter, { channel })
    const p = await startPoll(t, streamer, channel)
    await s.expectNext(pollUpdate('STARTED', p))
    const guest = await pollStream(t, undefined, { pollId: p.databaseId })
    await voteAt(t, voter, channel, 9)
    const got = await s.expectNext(pollUpdate('VOTES', p, { votes: [0, 1], viewerVotes: [p.options[1].databaseId] }))
    await expectOnly(guest, pollUpdate('VOTES', p, { votes: [0, 1] }))
    await s.expectQuiet(100)
    await s.close()
    return got
  },
  // ended early by the streamer: to a voter following the poll by id and a guest following the channel
  async ENDED(t) {
    const { streamer, channel } = await pollChannel(t)
    const voter = await registerUser(t)
    const p = await startPoll(t, streamer, channel)
    const s = await pollStream(t, voter, { pollId: p.databaseId })
    const guest = await pollStream(t, undefined, { channel })
    await voteAt(t, voter, channel, 5)
    // the vote's own update comes first (coalesced, a fraction of a second later)
    await s.expectNext(pollUpdate('VOTES', p, { votes: [1, 0], viewerVotes: [p.options[0].databaseId] }))
    await guest.expectNext(pollUpdate('VOTES', p, { votes: [1, 0] }))
    const endedAt = await endPoll(t, streamer, p.databaseId)
    const ended = { votes: [1, 0] as [number, number], endedAt }
    await expectOnly(guest, pollUpdate('ENDED', p, ended))
    return expectOnly(s, pollUpdate('ENDED', p, { ...ended, viewerVotes: [p.options[0].databaseId] }))
  },
}

export const POLL_NOTIFICATION_RECIPES: Partial<Record<string, Recipe>> = {
  // peka2's poll/update: to a signed-in user watching the channel (chatEvents), with their own userVote
  async 'poll/update'(t) {
    const { streamer, channel } = await pollChannel(t)
    const viewer = await registerUser(t)
    const watching = await watchChannel(t, viewer, channel)
    const s = await open(t, viewer, 'notifications')
    const since = Date.now()
    const p = await startPoll(t, streamer, channel)
    const data = (userVote: number | null, votes: [number, number]) =>
      peka2Info({
        channel,
        description: 'Which way?',
        duration: 600,
        start: unixOf(p.startedAt),
        end: unixOf(p.endsAt),
        userId: streamer.id,
        userVote,
        variants: VARIANTS.map((v, i) => ({ position: v.position, name: v.text, votes: votes[i] })),
      })
    const got = await s.expectNext({ type: 'poll/update', data: data(-1, [0, 0]), time: isoSince(since) })
    await voteAt(t, viewer, channel, 9)
    await s.expectNext({ type: 'poll/update', data: data(9, [0, 1]), time: isoSince(since) })
    await s.expectQuiet(100)
    await s.close()
    await watching.close()
    return got
  },
}
