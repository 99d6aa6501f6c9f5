import { notify } from '../../src/core/notifications/notify.js'
import type { Services } from '../../src/services.js'
import type { ChatApi } from '../chat/public.js'
import type { PollsConfig } from './config.js'
import { peka2PollInfo } from './rest/shapes.js'
import type { PollChange } from './topics.js'
import { isRunning, pollView, type PollView } from './views.js'

/** setTimeout's longest delay; a poll lasts at most 7 days, well within it. */
const MAX_DELAY = 2 ** 31 - 1
/** a little after a poll's end, so the ENDED update reads what the last votes committed */
const END_GRACE_MS = 100

/** read through a function: the flag changes while a flush awaits its read */
const moreCame = (p: Pending) => p.again

interface Pending {
  /** votes came in while an update was being read and sent: send one more */
  again: boolean
  timer: NodeJS.Timeout | null
}

/**
 * Live updates of polls. Votes are coalesced per poll: the first vote arms a timer; whatever arrives until it fires is
 * sent as one update read from the tallies then; votes during that read arm it once more. So an update goes out at
 * most `updatesPerSecond` times a second per poll (per instance), and the last one is always read after the last
 * vote committed: the stream ends with the exact counts. A start or an end is sent at once. A poll's end needs no job:
 * votes compare it on write; a timer here only announces it.
 */
export class PollLive {
  private readonly pending = new Map<number, Pending>()
  private readonly endTimers = new Map<number, NodeJS.Timeout>()
  private stopped = false

  constructor(
    private readonly services: Services,
    private readonly config: PollsConfig,
    private readonly chat: ChatApi,
  ) {}

  private get interval() {
    return Math.ceil(1000 / this.config.updatesPerSecond)
  }

  started(view: PollView) {
    this.publish('STARTED', view)
    this.armEnd(view)
  }

  ended(view: PollView) {
    clearTimeout(this.endTimers.get(view.id))
    this.endTimers.delete(view.id)
    this.publish('ENDED', view)
  }

  /** A vote committed: an update follows within one interval. */
  touch(pollId: number) {
    if (this.stopped) return
    const pending = this.pending.get(pollId)
    if (pending) {
      pending.again = true
      return
    }
    const entry: Pending = { again: false, timer: null }
    this.pending.set(pollId, entry)
    entry.timer = setTimeout(() => void this.flush(pollId, entry), this.interval)
  }

  /** Announces the end of a running poll when its time comes (polls started here, and running ones at start-up). */
  armEnd(view: PollView) {
    const delay = new Date(view.endsAt).getTime() - Date.now() + END_GRACE_MS
    if (this.stopped || !isRunning(view) || delay > MAX_DELAY) return
    clearTimeout(this.endTimers.get(view.id))
    const timer = setTimeout(() => {
      this.endTimers.delete(view.id)
      void this.read(view.id).then((now) => {
        // ended early meanwhile: that end was announced already
        if (now?.endedAt === null) this.publish('ENDED', now)
      })
    }, delay)
    timer.unref()
    this.endTimers.set(view.id, timer)
  }

  stop() {
    this.stopped = true
    for (const p of this.pending.values()) clearTimeout(p.timer ?? undefined)
    for (const t of this.endTimers.values()) clearTimeout(t)
    this.pending.clear()
    this.endTimers.clear()
  }

  private async flush(pollId: number, entry: Pending) {
    entry.again = false
    entry.timer = null
    const view = await this.read(pollId)
    if (view) this.publish('VOTES', view)
    if (moreCame(entry) && !this.stopped) entry.timer = setTimeout(() => void this.flush(pollId, entry), this.interval)
    else this.pending.delete(pollId)
  }

  private async read(pollId: number): Promise<PollView | null> {
    try {
      return await pollView(this.services.prisma, pollId)
    } catch (e) {
      this.services.log.warn('polls: reading a poll for its live update failed', { pollId, error: String(e) })
      return null
    }
  }

  private publish(change: PollChange, poll: PollView) {
    const { pubsub } = this.services
    pubsub.publish('polls.poll', poll.id, { change, poll })
    if (poll.messageId !== null) return
    pubsub.publish('polls.channel', poll.channel, { change, poll })
    this.notifyWatchers(poll).catch((e: unknown) =>
      this.services.log.warn('polls: poll/update notifications failed', { pollId: poll.id, error: String(e) }),
    )
  }

  /**
   * peka2's poll/update "to everyone connected to the channel": the logged-in users watching it (at most
   * POLLS_NOTIFY_MAX), each with their own vote; one read for all of them.
   */
  private async notifyWatchers(poll: PollView) {
    if (!this.config.notifyMax) return
    const { users } = await this.chat.presence(poll.channel)
    const to = users.slice(0, this.config.notifyMax)
    if (!to.length) return
    const votes = await this.services.prisma.pollVote.findMany({
      where: { pollId: poll.id, userId: { in: to } },
      select: { userId: true, optionId: true },
    })
    const position = new Map(poll.options.map((o) => [o.id, o.position]))
    const voted = new Map(votes.map((v) => [v.userId, position.get(v.optionId) ?? null]))
    for (const userId of to)
      notify(this.services.pubsub, userId, 'poll/update', peka2PollInfo(poll, voted.get(userId) ?? null))
  }
}
