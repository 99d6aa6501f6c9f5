import { expect } from 'vitest'
import type { TestApp } from '../helpers/app.js'
import { gqlRaw, type GqlResult } from '../helpers/clients.js'
import type { TestUser } from '../helpers/users.js'

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
