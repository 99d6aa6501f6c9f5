import { resolveCursorConnection } from '@pothos/plugin-relay'
import { Repeater } from 'graphql-yoga'
import type { Builder } from '../../../src/schema/builder.js'
import type { Context } from '../../../src/context.js'
import { invalid } from '../../../src/errors.js'
import { mayRead, visibleChannel, visiblePoll } from '../access.js'
import { channelPollsPage, latestChannelPoll, messagePoll, pollOfShownMessage } from '../queries.js'
import { createMessagePoll, endPoll, startChannelPoll } from '../start.js'
import type { PollUpdate } from '../topics.js'
import { retractPollVote, voteInChannel, votePoll } from '../votes.js'
import type { PollView } from '../views.js'
import type { PollTypes } from './types.js'

const AUTH = { authenticated: true } as const
const PAGE_MAX = 100
/** how often a live subscription checks again that its viewer may still read the poll's channel */
const RECHECK_MS = 10_000

function cursorId(cursor: string, field: string) {
  if (!/^[1-9]\d{0,9}$/.test(cursor)) throw invalid(field, 'is not a cursor of this list')
  return Number(cursor)
}

/** pollUpdated: a poll's updates (by id) or a channel's polls' (by channel), for those who may read the channel. */
async function pollUpdates(ctx: Context, a: { channel?: string | null; pollId?: number | null }) {
  if ((a.channel == null) === (a.pollId == null)) throw invalid('pollId', 'give either pollId or channel')
  const source =
    a.pollId != null
      ? ctx.pubsub.subscribe('polls.poll', (await visiblePoll(ctx, a.pollId)).id)
      : ctx.pubsub.subscribe('polls.channel', (await visibleChannel(ctx, a.channel)).id)
  return new Repeater<PollUpdate>(async (push, stop) => {
    stop
      .then(() => source.return?.())
      .catch((e: unknown) => {
        // nobody awaits a stopping subscription: a failure here must not become an unhandled rejection
        ctx.services.log.warn('poll subscription clean-up failed', { error: String(e) })
      })
    let checkedAt = Date.now()
    // the newest read passed on, per poll: an older one (another instance's, read earlier) would step counts back
    const newest = new Map<number, number>()
    for await (const u of source) {
      if (u.readAt <= (newest.get(u.poll.id) ?? 0)) continue
      newest.set(u.poll.id, u.readAt)
      // a right can be lost while subscribed (removed from a room, a ban): asked again now and then, not per update
      if (Date.now() - checkedAt > RECHECK_MS) {
        if (!(await mayRead(ctx, u.poll.channel))) break
        checkedAt = Date.now()
      }
      await push(u)
    }
    stop()
  })
}

export function addPollFields(builder: Builder, T: PollTypes) {
  const OptionInput = builder.inputType('PollOptionInput', {
    description: 'One answer of a new channel poll',
    fields: (t) => ({
      text: t.string({ required: true, description: 'up to 100 characters' }),
      position: t.int({ description: 'its place (peka2 variants[].position, 0–1000, each once); default 1, 2, 3 …' }),
    }),
  })

  builder.objectField(T.ChatMessage, 'poll', (t) =>
    t.field({
      type: T.Poll,
      nullable: true,
      description: 'the poll attached to this message (messenger); null when it has none',
      resolve: (m, _a, ctx) => pollOfShownMessage(ctx, m.id),
    }),
  )

  builder.queryFields((t) => ({
    channelPoll: t.field({
      type: T.Poll,
      nullable: true,
      args: {
        channel: t.arg.string({
          required: true,
          description: 'Chat channel id; CHANNEL_NOT_FOUND when unknown or not readable',
        }),
      },
      description: "A channel's running poll, else its previous one (peka2 /api/poll/info); null when it never had one",
      resolve: (_p, a, ctx) => latestChannelPoll(ctx, a.channel),
    }),
    channelPolls: t.connection(
      {
        type: T.Poll,
        args: {
          channel: t.arg.string({
            required: true,
            description: 'Chat channel id; CHANNEL_NOT_FOUND when unknown or not readable',
          }),
        },
        description: "A channel's polls, newest first (the running one, then past ones with final counts); at most 100",
        resolve: (_p, a, ctx) => {
          if (a.last != null || a.before != null) throw invalid('last', 'this list pages forward only (first, after)')
          if (a.first != null && (a.first < 0 || a.first > PAGE_MAX))
            throw invalid('first', `must be from 0 to ${PAGE_MAX}`)
          return resolveCursorConnection<Promise<PollView[]>>(
            { args: { ...a, first: a.first ?? 20 }, toCursor: (p: PollView) => String(p.id) },
            (page) =>
              channelPollsPage(ctx, a.channel, {
                beforeId: page.after ? cursorId(page.after, 'after') : undefined,
                take: page.limit,
              }),
          )
        },
      },
      { name: 'PollConnection' },
      { name: 'PollEdge' },
    ),
    messagePoll: t.field({
      type: T.Poll,
      nullable: true,
      args: { messageId: t.arg.int({ required: true, description: 'databaseId of the chat message' }) },
      description: 'The poll attached to a message (messenger GET /api/messages/:id/poll); null when none',
      resolve: (_p, a, ctx) => messagePoll(ctx, a.messageId),
    }),
  }))

  builder.mutationFields((t) => ({
    startChannelPoll: t.field({
      type: T.Poll,
      authScopes: AUTH,
      description:
        'Starts a poll on a channel (peka2 /api/poll/start): its moderators only (INSUFFICIENT_PERMISSIONS), one running at a time (POLL_ALREADY_ACTIVE); 10 s to 7 days',
      args: {
        channel: t.arg.string({ required: true, description: 'Chat channel id' }),
        question: t.arg.string({ required: true, description: 'up to 300 characters (peka2 description)' }),
        options: t.arg({ type: [OptionInput], required: true, description: '2 to 10' }),
        durationSeconds: t.arg.int({ required: true, description: '10 to 604800 (7 days)' }),
        donate: t.arg.boolean({ description: 'also take paid votes (needs the store)' }),
      },
      resolve: (_p, a, ctx) => startChannelPoll(ctx, a),
    }),
    createMessagePoll: t.field({
      type: T.Poll,
      authScopes: AUTH,
      description:
        "Attaches a poll to one of your messages (messenger POST /api/messages/:id/poll); one per message (POLL_ALREADY_EXISTS); MESSAGE_NOT_FOUND, INSUFFICIENT_PERMISSIONS for another's message",
      args: {
        messageId: t.arg.int({ required: true, description: 'databaseId of your chat message' }),
        question: t.arg.string({ required: true, description: 'up to 300 characters' }),
        options: t.arg.stringList({ required: true, description: '2 to 10 texts, up to 100 characters each' }),
        multiple: t.arg.boolean({ description: 'voters may choose several options (allow_multiple)' }),
        expiresHours: t.arg.int({ description: '1 to 168; default POLLS_DEFAULT_HOURS (24)' }),
      },
      resolve: (_p, a, ctx) => createMessagePoll(ctx, a),
    }),
    endPoll: t.field({
      type: T.Poll,
      authScopes: AUTH,
      description:
        'Ends a running poll now: its starter or a moderator of its channel (INSUFFICIENT_PERMISSIONS otherwise); POLL_ENDED when over already',
      args: { pollId: t.arg.int({ required: true, description: 'The poll (databaseId)' }) },
      resolve: (_p, a, ctx) => endPoll(ctx, a.pollId),
    }),
    votePoll: t.field({
      type: T.VoteResult,
      authScopes: AUTH,
      description:
        'Votes for options (databaseId): one per voter in a single-choice poll, each option once in a multiple-choice one; `paid` buys one more vote in a donate poll',
      args: {
        pollId: t.arg.int({ required: true, description: 'The poll (databaseId)' }),
        optionIds: t.arg.intList({
          required: true,
          description:
            'The options chosen (PollOption.databaseId): one unless the poll is multiple; one for a paid vote',
        }),
        paid: t.arg.boolean({ description: 'a paid vote (donate polls): costs votePrice pekoins' }),
      },
      resolve: (_p, a, ctx) => votePoll(ctx, a),
    }),
    voteChannelPoll: t.field({
      type: T.VoteResult,
      authScopes: AUTH,
      description:
        "Votes by position in a channel's running poll (peka2 /api/poll/vote). In a donate poll, without `paid`, the first vote is free and later ones are paid",
      args: {
        channel: t.arg.string({ required: true, description: 'Chat channel id' }),
        position: t.arg.int({
          required: true,
          description: 'The option by position (PollOption.position); POLL_OPTION_NOT_FOUND otherwise',
        }),
        paid: t.arg.boolean({
          description: 'true: a paid vote; false: a free vote only; omitted: free, else paid in a donate poll',
        }),
      },
      resolve: (_p, a, ctx) => voteInChannel(ctx, a.channel, a.position, a.paid ?? null),
    }),
    retractPollVote: t.field({
      type: T.VoteResult,
      authScopes: AUTH,
      description: "Takes back the viewer's free votes in a running message poll (channel polls' votes are final)",
      args: { pollId: t.arg.int({ required: true, description: 'The poll (databaseId)' }) },
      resolve: (_p, a, ctx) => retractPollVote(ctx, a.pollId),
    }),
  }))

  builder.subscriptionFields((t) => ({
    pollUpdated: t.field({
      type: T.Update,
      description:
        "A poll's updates (pollId), or every poll of a channel (channel): start, counts (coalesced, the last one exact), end",
      args: {
        pollId: t.arg.int({ description: 'One poll (databaseId); give this or channel, not both' }),
        channel: t.arg.string({ description: 'Every poll of this chat channel; give this or pollId, not both' }),
      },
      subscribe: (_p, a, ctx) => pollUpdates(ctx, a),
      resolve: (u) => u,
    }),
  }))
}
