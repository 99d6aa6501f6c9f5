/**
 * One subscriber's pending events: pushed by the pub/sub as they arrive, pulled by the subscription. The listener is
 * registered on the first pull (as a Repeater's executor would run) and removed when the consumer returns. A
 * subscriber more than `limit` events behind misses the next ones (push throws; the pub/sub logs it), so a stuck
 * consumer holds a bounded queue. Smaller than a Repeater per event — one promise when the consumer waits, none when
 * events are queued — which counts in a channel of 10,000 subscribers.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private queue: T[] = []
  private head = 0
  private waiting: ((r: IteratorResult<T, undefined>) => void) | undefined
  private state: 'new' | 'live' | 'done' = 'new'
  private remove: (() => void) | undefined

  constructor(
    /** registers the listener (first pull); returns what removes it */
    private readonly start: (push: (event: T) => void) => () => void,
    private readonly limit = 1024,
  ) {}

  private readonly push = (event: T): void => {
    if (this.state !== 'live') return
    const waiting = this.waiting
    if (waiting) {
      this.waiting = undefined
      waiting({ value: event, done: false })
      return
    }
    if (this.queue.length - this.head >= this.limit)
      throw new Error(`subscriber too far behind: more than ${this.limit} events waiting`)
    this.queue.push(event)
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.state === 'new') {
      this.state = 'live'
      this.remove = this.start(this.push)
    }
    if (this.head < this.queue.length) {
      const value = this.queue[this.head++]
      if (this.head === this.queue.length) {
        this.queue = []
        this.head = 0
      }
      return Promise.resolve({ value, done: false })
    }
    if (this.state === 'done') return Promise.resolve({ value: undefined, done: true })
    return new Promise((resolve) => (this.waiting = resolve))
  }

  return(): Promise<IteratorResult<T, undefined>> {
    if (this.state !== 'done') {
      this.state = 'done'
      this.queue = []
      this.head = 0
      this.remove?.()
      const waiting = this.waiting
      this.waiting = undefined
      waiting?.({ value: undefined, done: true })
    }
    return Promise.resolve({ value: undefined, done: true })
  }

  [Symbol.asyncIterator](): this {
    return this
  }
}
