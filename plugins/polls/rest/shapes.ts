import { closesAt, type PollView } from '../views.js'

const unix = (iso: string | Date) => Math.floor(new Date(iso).getTime() / 1000)

/**
 * A channel poll in peka2's shape (/api/poll/info, poll/update): `userVote` is the position the viewer voted for, -1
 * when they have not (or are a guest: poll.md types it a number, and positions are 0 or more); `end` is when it
 * stopped or stops taking votes.
 */
export function peka2PollInfo(
  view: Pick<
    PollView,
    'channel' | 'question' | 'startedAt' | 'endsAt' | 'endedAt' | 'donate' | 'startedById' | 'options'
  >,
  userVote: number | null,
) {
  return {
    channel: view.channel,
    description: view.question,
    duration: unix(view.endsAt) - unix(view.startedAt),
    start: unix(view.startedAt),
    end: unix(closesAt(view)),
    donate: view.donate,
    userId: view.startedById,
    userVote: userVote ?? -1,
    variants: view.options.map((o) => ({
      position: o.position,
      name: o.text,
      votes: o.votes,
      donateVotes: o.donateVotes,
    })),
  }
}

export type Peka2PollInfo = ReturnType<typeof peka2PollInfo>
