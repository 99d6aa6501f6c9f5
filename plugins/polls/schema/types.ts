import type { Builder } from '../../../src/schema/builder.js'
import { chatTypesOf } from '../../chat/public.js'
import { readablePolls, viewerPaidVotes, viewerVotes } from '../queries.js'
import { pollsOf } from '../state.js'
import type { PollUpdate } from '../topics.js'
import { closesAt, isRunning, type PollOptionView, type PollView } from '../views.js'
import type { PollShape } from '../shapes.js'

/** The polls' output types: the Poll node, its options, a vote's answer and the live update. */
export function addPollTypes(builder: Builder) {
  const chat = chatTypesOf(builder)
  const Option = builder.objectRef<PollOptionView>('PollOption').implement({
    description: 'One answer of a poll with its counts so far (final once the poll ended)',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'the id votePoll takes (messenger option_id)' }),
      position: t.exposeInt('position', { description: 'its place in the list (peka2 variants[].position)' }),
      text: t.exposeString('text', { description: 'The answer (up to 100 characters)' }),
      votes: t.exposeInt('votes', { description: 'free votes' }),
      donateVotes: t.exposeInt('donateVotes', { description: 'paid votes (donate polls)' }),
    }),
  })
  const Poll = builder.node(builder.objectRef<PollView>('Poll'), {
    description:
      'A poll on a chat channel (peka2, one running per channel) or attached to a message (messenger); whoever may read its channel sees it and votes',
    id: { resolve: (p) => p.id, description: 'Global (Relay) id of the poll' },
    loadMany: (ids, ctx) => readablePolls(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The id pollId arguments take' }),
      channel: t.exposeString('channel', { description: 'the chat channel it runs in' }),
      messageId: t.exposeInt('messageId', {
        nullable: true,
        description: 'the message it is attached to (databaseId); null for a channel poll',
      }),
      question: t.exposeString('question', { description: 'peka2 description' }),
      multiple: t.exposeBoolean('multiple', { description: 'a voter may choose several options (allow_multiple)' }),
      donate: t.exposeBoolean('donate', { description: 'paid votes are taken, counted as donateVotes' }),
      votePrice: t.int({
        nullable: true,
        description: 'pekoins one paid vote costs; null for a poll without paid votes',
        resolve: (p, _a, ctx) => (p.donate ? pollsOf(ctx).config.votePrice : null),
      }),
      startedById: t.exposeInt('startedById', { description: 'Who started it (databaseId)' }),
      startedBy: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'Who started it; null if the account is gone',
        resolve: (q, p, _a, ctx) => ctx.prisma.user.findUnique({ ...q, where: { id: p.startedById } }),
      }),
      startedAt: t.field({ type: 'DateTime', description: 'When it started', resolve: (p) => p.startedAt }),
      endsAt: t.field({ type: 'DateTime', description: 'when it stops taking votes', resolve: (p) => p.endsAt }),
      endedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'when it was ended early; null otherwise',
        resolve: (p) => p.endedAt,
      }),
      closesAt: t.field({
        type: 'DateTime',
        description: 'when it stopped (or stops) taking votes: endedAt, else endsAt',
        resolve: (p) => closesAt(p).toISOString(),
      }),
      isActive: t.boolean({ description: 'it takes votes now', resolve: (p) => isRunning(p) }),
      options: t.field({
        type: [Option],
        description: 'Its answers (2 to 10), by position',
        resolve: (p) => p.options,
      }),
      totalVotes: t.int({
        description: 'Free votes over all options',
        resolve: (p) => p.options.reduce((n, o) => n + o.votes, 0),
      }),
      totalDonateVotes: t.int({
        description: 'Paid votes over all options',
        resolve: (p) => p.options.reduce((n, o) => n + o.donateVotes, 0),
      }),
      viewerVotes: t.intList({
        description: "the options (databaseId) of the viewer's free votes; empty for guests and non-voters",
        resolve: (p, _a, ctx) => viewerVotes(ctx, p.id),
      }),
      viewerPaidVotes: t.int({
        description: 'how many paid votes the viewer gave',
        resolve: (p, _a, ctx) => viewerPaidVotes(ctx, p.id),
      }),
    }),
  })
  const VoteResult = builder.objectRef<PollShape>('PollVoteResult').implement({
    description: 'A vote was counted; select `poll` for the counts now (one more read)',
    fields: (t) => ({
      pollId: t.exposeInt('id', { description: 'the poll voted in (databaseId)' }),
      poll: t.field({
        type: Poll,
        nullable: true,
        description: 'The poll with its counts now; null if the viewer may no longer read it',
        resolve: async (s, _a, ctx) => (await readablePolls(ctx, [s.id]))[0] ?? null,
      }),
    }),
  })
  const Change = builder.enumType('PollChange', {
    values: {
      STARTED: { description: 'The poll started' },
      VOTES: { description: 'Counts moved (coalesced, a few a second at most)' },
      ENDED: { description: 'The poll ended, early or at its time' },
    } as const,
    description: 'STARTED; VOTES: counts moved (coalesced, a few a second at most); ENDED: early or at its time',
  })
  const Update = builder.objectRef<PollUpdate>('PollUpdated').implement({
    description: 'A poll as it is now: every update carries the whole poll, so the last one has the exact counts',
    fields: (t) => ({
      change: t.field({ type: Change, description: 'What happened', resolve: (u) => u.change }),
      poll: t.field({ type: Poll, description: 'The whole poll as it is now', resolve: (u) => u.poll }),
    }),
  })
  return { ...chat, Option, Poll, VoteResult, Update }
}

export type PollTypes = ReturnType<typeof addPollTypes>
