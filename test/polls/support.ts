import { expect } from 'vitest'
import type { TestApp } from '../helpers/app.js'
import { gqlRaw, until, type GqlResult } from '../helpers/clients.js'
import type { TestUser } from '../helpers/users.js'
import { chatStream, WAIT, type Stream } from '../events/support.js'

/** Polls test support: start, vote and read polls through GraphQL as clients do. */

export const POLL_FIELDS = `databaseId channel messageId question multiple donate votePrice startedById startedAt endsAt
  endedAt closesAt isActive totalVotes totalDonateVotes viewerVotes viewerPaidVotes
  options { databaseId position text votes donateVotes }`

export interface PollOut {
  databaseId: number
  channel: string
  messageId: number | null
  question: string
  multiple: boolean
  donate: boolean
  votePrice: number | null
  startedById: number
  startedAt: string
  endsAt: string
  endedAt: string | null
  closesAt: string
  isActive: boolean
  totalVotes: number
  totalDonateVotes: number
  viewerVotes: number[]
  viewerPaidVotes: number
  options: { databaseId: number; position: number; text: string; votes: number; donateVotes: number }[]
}

/** The data of a call that must succeed. */
export function okData<T>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data!
}

export const START_POLL = `mutation($channel: String!, $question: String!, $options: [PollOptionInput!]!,
  $durationSeconds: Int!, $donate: Boolean) {
  startChannelPoll(channel: $channel, question: $question, options: $options, durationSeconds: $durationSeconds,
    donate: $donate) { ${POLL_FIELDS} }
}`

export interface StartOptions {
  question?: string
  options?: string[]
  durationSeconds?: number
  donate?: boolean
}

/** Starts a poll on a channel as `by` (its owner or a moderator); the raw result, for refusals. */
export const startPollRaw = (t: TestApp, by: TestUser, channel: string, o: StartOptions = {}) =>
  gqlRaw(
    t.url,
    START_POLL,
    {
      channel,
      question: o.question ?? 'Which one?',
      options: (o.options ?? ['Red', 'Blue', 'Green']).map((text) => ({ text })),
      durationSeconds: o.durationSeconds ?? 600,
      donate: o.donate ?? false,
    },
    by.token,
  )

export async function startPoll(t: TestApp, by: TestUser, channel: string, o: StartOptions = {}): Promise<PollOut> {
  return okData(await startPollRaw(t, by, channel, o)).startChannelPoll as PollOut
}

export const VOTE = `mutation($pollId: Int!, $optionIds: [Int!]!, $paid: Boolean) {
  votePoll(pollId: $pollId, optionIds: $optionIds, paid: $paid) { pollId }
}`

export const voteRaw = (t: TestApp, by: TestUser, pollId: number, optionIds: number[], paid?: boolean) =>
  gqlRaw(t.url, VOTE, { pollId, optionIds, paid: paid ?? null }, by.token)

export async function readPoll(t: TestApp, pollId: number, as?: TestUser): Promise<PollOut> {
  const r = await gqlRaw(
    t.url,
    `query($id: ID!) { node(id: $id) { ... on Poll { ${POLL_FIELDS} } } }`,
    { id: pollGlobalId(pollId) },
    as?.token,
  )
  return okData(r).node as PollOut
}

/** The Relay global id of a poll (Pothos' default: base64 of "Poll:<id>"). */
export const pollGlobalId = (id: number) => Buffer.from(`Poll:${id}`).toString('base64')

export const MESSAGE_POLL = `mutation($messageId: Int!, $question: String!, $options: [String!]!, $multiple: Boolean,
  $expiresHours: Int) {
  createMessagePoll(messageId: $messageId, question: $question, options: $options, multiple: $multiple,
    expiresHours: $expiresHours) { ${POLL_FIELDS} }
}`

/** Sends a chat message as `by` into a channel and answers its id. */
export async function sendMessage(t: TestApp, by: TestUser, channel: string, text = 'a poll follows'): Promise<number> {
  const r = await gqlRaw(
    t.url,
    `mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { databaseId } } }`,
    { i: { channel, text } },
    by.token,
  )
  const sent = okData(r).sendChatMessage as { isSent: boolean; message: { databaseId: number } | null }
  expect(sent.isSent).toBe(true)
  return sent.message!.databaseId
}

/** Unix seconds of an ISO time, as peka2 writes times. */
export const unixOf = (iso: string) => Math.floor(new Date(iso).getTime() / 1000)

/**
 * peka2's poll object (poll.md: /api/poll/info, /api/poll/start, the poll/update notification), every key and nothing
 * more. `userVote` is the position the caller voted for, null when they have not (or are a guest).
 */
export const peka2Info = (o: {
  channel: string
  description: string
  duration: number
  start: number
  end: number
  donate?: boolean
  userId: number
  userVote: number | null
  variants: { position: number; name: string; votes: number; donateVotes?: number }[]
}) => ({
  channel: o.channel,
  description: o.description,
  duration: o.duration,
  start: o.start,
  end: o.end,
  donate: o.donate ?? false,
  userId: o.userId,
  userVote: o.userVote,
  variants: o.variants.map((v) => ({
    position: v.position,
    name: v.name,
    votes: v.votes,
    donateVotes: v.donateVotes ?? 0,
  })),
})

/** A channel's presence as chat keeps it (the users peka2's poll/update goes to). */
export const presentUsers = async (t: TestApp, channel: string) => {
  const r = await gqlRaw(t.url, 'query($c: String!) { chatChannel(id: $c) { presence { users } } }', { c: channel })
  return (okData(r).chatChannel as { presence: { users: number[] } }).presence.users
}

/**
 * `u` watching a channel as a client does (a chatEvents subscription), once chat counts them present; close() leaves
 * and waits until they are gone from the presence list.
 */
export async function watchChannel(t: TestApp, u: TestUser, channel: string): Promise<Stream> {
  const s = await chatStream(t, u, channel)
  await until(async () => (await presentUsers(t, channel)).includes(u.id), WAIT, `${u.name} present in ${channel}`)
  return {
    ...s,
    async close() {
      await s.close()
      await until(async () => !(await presentUsers(t, channel)).includes(u.id), WAIT, `${u.name} gone from ${channel}`)
    },
  }
}
