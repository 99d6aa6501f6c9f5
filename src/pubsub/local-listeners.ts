import type { Logger } from '../log.js'

type Listener = (payload: unknown) => void

export interface ChannelHooks {
  /** the first listener of a channel on this instance: start hearing it from Redis */
  first(channel: string): void
  /** its last listener went: stop */
  last(channel: string): void
}

/**
 * This instance's subscribers, per channel (`<prefix><topic>:<key>`). Every event reaches them from here — this
 * instance's own at once, the others' as they come from Redis — as one JSON copy shared by the channel's listeners, so
 * both engines deliver the same JSON-safe shapes (a Date arrives as its ISO string).
 */
export class LocalListeners {
  private readonly byChannel = new Map<string, Set<Listener>>()
  private total = 0

  constructor(
    private readonly hooks?: ChannelHooks,
    private readonly log?: Logger,
  ) {}

  /** registers a listener; the function returned removes it (once) */
  add(channel: string, listener: Listener): () => void {
    let set = this.byChannel.get(channel)
    if (!set) {
      set = new Set()
      this.byChannel.set(channel, set)
      this.hooks?.first(channel)
    }
    // a wrapper of its own, so that the same function added twice counts twice
    const entry: Listener = (payload) => listener(payload)
    set.add(entry)
    this.total++
    let removed = false
    return () => {
      if (removed) return
      removed = true
      this.total--
      set.delete(entry)
      if (set.size || this.byChannel.get(channel) !== set) return
      this.byChannel.delete(channel)
      this.hooks?.last(channel)
    }
  }

  /** live listeners (a leak shows as a count that never comes back down) */
  count(): number {
    return this.total
  }

  channels(): string[] {
    return [...this.byChannel.keys()]
  }

  /** `message` is the payload as JSON; one that is not JSON (someone else publishing on our channel) is dropped */
  deliver(channel: string, message: string): void {
    const set = this.byChannel.get(channel)
    if (!set?.size) return
    let payload: unknown
    try {
      payload = message === '' ? null : JSON.parse(message)
    } catch (e) {
      this.log?.warn('pubsub message dropped: not readable', { channel, error: String(e) })
      return
    }
    for (const listener of [...set]) {
      try {
        listener(payload)
      } catch (e) {
        // a subscriber too far behind (its iterator refuses more): it misses this event, the others get it
        this.log?.warn('pubsub event not delivered to a subscriber', { channel, error: String(e) })
      }
    }
  }
}
