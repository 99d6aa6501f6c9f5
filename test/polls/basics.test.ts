// Channel polls and message polls as clients use them: start, vote, counts, end, history, expiry, multiple choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gqlRaw } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import {
  MESSAGE_POLL,
  okData,
  readPoll,
  sendMessage,
  startPoll,
  startPollRaw,
  voteRaw,
  type PollOut,
} from './support.js'

let t: TestApp
let streamer: TestUser
let channel: string
beforeAll(async () => {
  t = await startTestApp({ POLLS_UPDATES_PER_SECOND: '20' })
  streamer = await registerUser(t)
  channel = `stream/${streamer.id}`
})
afterAll(() => t.close())

describe('channel polls', () => {
  it('the streamer starts a poll; votes are counted per option; the viewer sees their own vote', async () => {
    const poll = await startPoll(t, streamer, channel, { question: ' Best colour? ', options: ['Red', 'Blue'] })
    expect(poll).toMatchObject({ question: 'Best colour?', isActive: true, multiple: false, donate: false })
    expect(poll.options.map((o) => [o.position, o.text, o.votes])).toEqual([
      [1, 'Red', 0],
      [2, 'Blue', 0],
    ])
    const [red, blue] = poll.options.map((o) => o.databaseId)
    const voters = await Promise.all([1, 2, 3].map(() => registerUser(t)))
    for (const [i, u] of voters.entries()) okData(await voteRaw(t, u, poll.databaseId, [i === 0 ? red : blue]))
    const seen = await readPoll(t, poll.databaseId, voters[1])
    expect(seen.options.map((o) => o.votes)).toEqual([1, 2])
    expect(seen.totalVotes).toBe(3)
    expect(seen.viewerVotes).toEqual([blue])
    expect(codeOf(await voteRaw(t, voters[0], poll.databaseId, [blue]))).toBe('POLL_ALREADY_VOTED')
    expect(codeOf(await voteRaw(t, voters[0], poll.databaseId, [red, blue]))).toBe('INVALID_INPUT')
    expect(codeOf(await voteRaw(t, voters[0], poll.databaseId, [999999]))).toBe('POLL_OPTION_NOT_FOUND')
    // a second poll while this one runs is refused; ending it frees the channel
    expect(codeOf(await startPollRaw(t, streamer, channel))).toBe('POLL_ALREADY_ACTIVE')
    const end = await gqlRaw(
      t.url,
      'mutation($p: Int!) { endPoll(pollId: $p) { isActive endedAt } }',
      { p: poll.databaseId },
      streamer.token,
    )
    expect(okData(end).endPoll).toMatchObject({ isActive: false })
    expect(codeOf(await voteRaw(t, voters[2], poll.databaseId, [red]))).toBe('POLL_ENDED')
    const next = await startPoll(t, streamer, channel, { question: 'Next?' })
    const history = await gqlRaw(
      t.url,
      'query($c: String!) { channelPolls(channel: $c) { edges { node { question isActive totalVotes } } } }',
      { c: channel },
    )
    expect((okData(history).channelPolls as { edges: { node: unknown }[] }).edges.map((e) => e.node)).toEqual([
      { question: 'Next?', isActive: true, totalVotes: 0 },
      { question: 'Best colour?', isActive: false, totalVotes: 3 },
    ])
    await gqlRaw(
      t.url,
      'mutation($p: Int!) { endPoll(pollId: $p) { isActive } }',
      { p: next.databaseId },
      streamer.token,
    )
  })

  it('only the channel’s moderators start a poll; a plain user is refused', async () => {
    const someone = await registerUser(t)
    expect(codeOf(await startPollRaw(t, someone, channel))).toBe('INSUFFICIENT_PERMISSIONS')
    const moderator = await userWithRoles(t, { moderator: 1 })
    const other = await registerUser(t)
    const poll = await startPoll(t, moderator, `stream/${other.id}`)
    expect(poll.startedById).toBe(moderator.id)
  })

  it('a poll stops taking votes at its end, with no job involved', async () => {
    const owner = await registerUser(t)
    const poll = await startPoll(t, owner, `stream/${owner.id}`, { durationSeconds: 10 })
    const voter = await registerUser(t)
    // move its end into the past, as time would
    await t.app.services.prisma.poll.update({
      where: { id: poll.databaseId },
      data: { endsAt: new Date(Date.now() - 1) },
    })
    expect(codeOf(await voteRaw(t, voter, poll.databaseId, [poll.options[0].databaseId]))).toBe('POLL_ENDED')
    const seen: PollOut = await readPoll(t, poll.databaseId)
    expect(seen.isActive).toBe(false)
    expect(seen.totalVotes).toBe(0)
  })
})

describe('message polls', () => {
  it('the author attaches a multiple-choice poll; votes add per option; a vote can be taken back', async () => {
    const author = await registerUser(t)
    const messageId = await sendMessage(t, author, 'main')
    const r = await gqlRaw(
      t.url,
      MESSAGE_POLL,
      { messageId, question: 'Pick any', options: ['A', 'B', 'C'], multiple: true, expiresHours: 2 },
      author.token,
    )
    const poll = okData(r).createMessagePoll as PollOut
    expect(poll).toMatchObject({ messageId, multiple: true, channel: 'main' })
    const [a, b, c] = poll.options.map((o) => o.databaseId)
    const voter = await registerUser(t)
    okData(await voteRaw(t, voter, poll.databaseId, [a, c]))
    okData(await voteRaw(t, voter, poll.databaseId, [b]))
    expect(codeOf(await voteRaw(t, voter, poll.databaseId, [a]))).toBe('POLL_ALREADY_VOTED')
    expect((await readPoll(t, poll.databaseId, voter)).options.map((o) => o.votes)).toEqual([1, 1, 1])
    const back = await gqlRaw(
      t.url,
      'mutation($p: Int!) { retractPollVote(pollId: $p) { poll { totalVotes viewerVotes } } }',
      { p: poll.databaseId },
      voter.token,
    )
    expect(okData(back).retractPollVote).toEqual({ poll: { totalVotes: 0, viewerVotes: [] } })
    const again = await gqlRaw(t.url, MESSAGE_POLL, { messageId, question: 'again', options: ['x', 'y'] }, author.token)
    expect(codeOf(again)).toBe('POLL_ALREADY_EXISTS')
    const stranger = await registerUser(t)
    expect(
      codeOf(await gqlRaw(t.url, MESSAGE_POLL, { messageId, question: 'q', options: ['x', 'y'] }, stranger.token)),
    ).toBe('INSUFFICIENT_PERMISSIONS')
    const shown = await gqlRaw(t.url, 'query($m: Int!) { messagePoll(messageId: $m) { databaseId } }', { m: messageId })
    expect(okData(shown).messagePoll).toEqual({ databaseId: poll.databaseId })
  })
})
