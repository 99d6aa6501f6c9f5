/**
 * A bounded FIFO of events waiting for Redis. Past `limit` the oldest events go (the newest are the ones a reader who
 * missed the outage most likely still cares about); `push` and `requeue` say how many went.
 */
export class OutageQueue<T> {
  private items: T[] = []
  private head = 0
  constructor(readonly limit: number) {}

  get length(): number {
    return this.items.length - this.head
  }

  /** appends one event; returns how many of the oldest were dropped to stay within the limit */
  push(item: T): number {
    this.items.push(item)
    return this.trim()
  }

  /** puts events back in front (they were sent, but Redis never confirmed them), oldest first */
  requeue(items: T[]): number {
    if (!items.length) return 0
    this.items = [...items, ...this.items.slice(this.head)]
    this.head = 0
    return this.trim()
  }

  /** takes up to `n` events from the front */
  take(n: number): T[] {
    const out = this.items.slice(this.head, this.head + n)
    this.head += out.length
    // compact now and then, so that taken events do not stay referenced
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return out
  }

  private trim(): number {
    const over = this.length - this.limit
    if (over <= 0) return 0
    this.head += over
    return over
  }
}
