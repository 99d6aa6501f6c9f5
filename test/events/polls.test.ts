import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { MESSAGE_POLL, sendMessage } from '../polls/support.js'
import { coverPairs } from './runner.js'
import { globalId, ok, userRef } from './support.js'
import { POLL_UPDATED_RECIPES, pollChannel, pollStream, pollUpdate, startPoll } from './recipes/polls.js'

/**
 * pollUpdated: every change (read from the schema's PollChange) made through the API, by channel and by pollId, each
 * payload whole; a poll's end at its time, with no one ending it; message polls are followed by id only.
 */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('pollUpdated: every change, whole', () => {
  coverPairs('pollUpdated', POLL_UPDATED_RECIPES, () => t, 'test/events/recipes/polls.ts')
})

describe('pollUpdated', () => {
  it('announces ENDED when a poll runs out of time (isActive false, endedAt null, closesAt its end)', async () => {
    const { streamer, channel } = await pollChannel(t)
    const byChannel = await pollStream(t, undefined, { channel })
    const p = await startPoll(t, streamer, channel, 10)
    await byChannel.expectNext(pollUpdate('STARTED', p))
    const byId = await pollStream(t, streamer, { pollId: p.databaseId })
    const ended = pollUpdate('ENDED', p, { isActive: false })
    expect(await byChannel.next(20_000)).toEqual(ended)
    expect(await byId.next(5_000)).toEqual(ended)
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(p.endsAt).getTime())
    for (const s of [byChannel, byId]) {
      await s.expectQuiet(100)
      await s.close()
    }
  }, 40_000)

  it("follows a message poll by its id; the channel's stream carries channel polls only", async () => {
    const author = await registerUser(t)
    const channel = `stream/${author.id}`
    const byChannel = await pollStream(t, undefined, { channel })
    const messageId = await sendMessage(t, author, channel)
    const d = await ok(t, author, MESSAGE_POLL, { messageId, question: 'Tea?', options: ['Yes', 'No'], multiple: true })
    const poll = d.createMessagePoll
    const voter = await registerUser(t)
    const byId = await pollStream(t, voter, { pollId: poll.databaseId })
    const [yes, no] = poll.options.map((o: { databaseId: number }) => o.databaseId)
    await ok(t, voter, 'mutation($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }', {
      p: poll.databaseId,
      o: [yes, no],
    })
    await byId.expectNext({
      change: 'VOTES',
      poll: {
        id: globalId('Poll', poll.databaseId),
        databaseId: poll.databaseId,
        channel,
        messageId,
        question: 'Tea?',
        multiple: true,
        donate: false,
        votePrice: null,
        startedById: author.id,
        startedBy: userRef(author),
        startedAt: poll.startedAt,
        endsAt: poll.endsAt,
        endedAt: null,
        closesAt: poll.endsAt,
        isActive: true,
        options: [
          { databaseId: yes, position: 1, text: 'Yes', votes: 1, donateVotes: 0 },
          { databaseId: no, position: 2, text: 'No', votes: 1, donateVotes: 0 },
        ],
        totalVotes: 2,
        totalDonateVotes: 0,
        viewerVotes: [yes, no],
        viewerPaidVotes: 0,
      },
    })
    await byChannel.expectQuiet(600)
    for (const s of [byChannel, byId]) await s.close()
  })

  it('refuses a subscription naming both a poll and a channel, or neither', async () => {
    for (const args of ['', '(pollId: 1, channel: "main")']) {
      const r = await gqlRaw(t.url, `subscription { pollUpdated${args} { change } }`)
      expect(r.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT')
    }
  })
})
