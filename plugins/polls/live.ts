import { notify } from '../../src/core/notifications/notify.js'
import type { Services } from '../../src/services.js'
import type { ChatApi } from '../chat/public.js'
import type { PollsConfig } from './config.js'
import { peka2PollInfo } from './rest/shapes.js'
import type { PollChange } from './topics.js'
import { closesAt, isRunning, readPolls, type PollView } from './views.js'

/** setTimeout's longest delay; a poll lasts at most 7 days, well within it. */
const MAX_DELAY = 2 ** 31 - 1
/**
 * How long after a poll's end its ENDED update is read: votes whose statement began before the end may still be
 * committing; far longer than one statement, so the ENDED update has every vote.
 */
const END_GRACE_MS = 500

interface Pending {
  /** votes came in while an update was being read and sent: send one more */
  again: boolean
  timer: NodeJS.Timeout | null
}

/** read through a function: the flag changes while a flush awaits its read */
const moreCame = (p: Pending) => p.again

/**
 * Live updates of polls. Votes are coalesced per poll: the first vote arms a timer; whatever arrives until it fires is
 * sent as one update read from the tallies then; votes during that read arm it once more. So an update goes out at
 * most `updatesPerSecond` times a second per poll (per instance), and the last one is always read after the last
 * vote committed. A start is sent at once. The end goes through the same path, read END_GRACE_MS after it and sent
 * once across instances (whoever marks the poll `endAnnounced` first): the stream ends with ENDED and the exact counts.
 * A poll's end needs no job: votes compare it on write; a timer here only announces it.
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
    void this.readAndPublish(view.id, 'STARTED')
    this.armEnd(view)
  }

  /** Ended early: announced like votes, after the grace. */
  ended(view: PollView) {
    clearTimeout(this.endTimers.get(view.id))
    this.endTimers.delete(view.id)
    this.touch(view.id)
  }

  /** A vote committed (or the poll ended): an update follows within one interval. */
  touch(pollId: number) {
    if (this.stopped) return
    const pending = this.pending.get(pollId)
    if (pending) {
      pending.again = true
      return
    }
    const entry: Pending = { again: false, timer: null }
    this.pending.set(pollId, entry)
    this.arm(pollId, entry, this.interval)
  }

  /** Announces the end of a running poll when its time comes (polls started here, and running ones at start-up). */
  armEnd(view: PollView) {
    const delay = new Date(view.endsAt).getTime() - Date.now()
    if (this.stopped || !isRunning(view) || delay > MAX_DELAY) return
    clearTimeout(this.endTimers.get(view.id))
    const timer = setTimeout(() => {
      this.endTimers.delete(view.id)
      this.touch(view.id)
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

  private arm(pollId: number, entry: Pending, ms: number) {
    entry.timer = setTimeout(() => void this.flush(pollId, entry), ms)
  }

  private async flush(pollId: number, entry: Pending) {
    entry.again = false
    entry.timer = null
    const read = await this.read(pollId)
    if (read && !isRunning(read.view)) {
      const wait = closesAt(read.view).getTime() + END_GRACE_MS - Date.now()
      // ended moments ago: votes begun before the end may still commit; read again once they have
      if (wait > 0 && !this.stopped) {
        this.arm(pollId, entry, wait)
        return
      }
      // announced once across instances; a later read of an ended poll has nothing new to say
      if (await this.claimEnd(pollId)) this.publish('ENDED', read.view, read.readAt)
    } else if (read) this.publish('VOTES', read.view, read.readAt)
    if (moreCame(entry) && !this.stopped) this.arm(pollId, entry, this.interval)
    else this.pending.delete(pollId)
  }

  private async claimEnd(pollId: number): Promise<boolean> {
    try {
      const { count } = await this.services.prisma.poll.updateMany({
        where: { id: pollId, endAnnounced: false },
        data: { endAnnounced: true },
      })
      return count === 1
    } catch (e) {
      this.services.log.warn('polls: marking an end announced failed', { pollId, error: String(e) })
      return false
    }
  }

  private async readAndPublish(pollId: number, change: PollChange) {
    const read = await this.read(pollId)
    if (read) this.publish(change, read.view, read.readAt)
  }

  private async read(pollId: number): Promise<{ view: PollView; readAt: number } | null> {
    try {
      const { views, readAt } = await readPolls(this.services.prisma, [pollId])
      const view = views.at(0)
      return view ? { view, readAt } : null
    } catch (e) {
      this.services.log.warn('polls: reading a poll for its live update failed', { pollId, error: String(e) })
      return null
    }
  }

  private publish(change: PollChange, poll: PollView, readAt: number) {
    const { pubsub } = this.services
    pubsub.publish('polls.poll', poll.id, { change, poll, readAt })
    if (poll.messageId !== null) return
    pubsub.publish('polls.channel', poll.channel, { change, poll, readAt })
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
