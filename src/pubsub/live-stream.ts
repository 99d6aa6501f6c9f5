/** What a step answers besides an event to pass on: skip this one, or end the subscription. */
export const SKIP: unique symbol = Symbol('skip')
export const END: unique symbol = Symbol('end')
export type Step<U> = U | typeof SKIP | typeof END

/**
 * A subscription's stream made of a pub/sub stream: each event becomes what this subscriber sees (or is skipped, or
 * ends the stream) when the consumer pulls it, with no queue of its own — the events wait in the pub/sub's queue
 * (src/pubsub/event-queue.ts). `stop` runs once, when the consumer returns early or the stream ends; a failing stop
 * is reported to `onStopError`, since nobody awaits a stopping subscription. A class, not closures: one per live
 * subscription, so its size counts.
 */
class LiveStream<T, U> implements AsyncIterableIterator<U> {
  private stopped = false

  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly step: (event: T) => Step<U> | Promise<Step<U>>,
    private readonly stop: () => Promise<void> | void,
    private readonly onStopError: (error: unknown) => void,
  ) {}

  /** read through a method: return() sets it while next() waits */
  private isStopped() {
    return this.stopped
  }

  async next(): Promise<IteratorResult<U, undefined>> {
    while (!this.isStopped()) {
      const event = await this.source.next()
      if (event.done || this.isStopped()) break
      const out = await this.step(event.value)
      if (out === END) break
      if (out !== SKIP && !this.isStopped()) return { value: out, done: false }
    }
    return this.return()
  }

  async return(): Promise<IteratorResult<U, undefined>> {
    if (!this.stopped) {
      this.stopped = true
      try {
        await this.source.return?.()
        await this.stop()
      } catch (e) {
        this.onStopError(e)
      }
    }
    return { value: undefined, done: true }
  }

  [Symbol.asyncIterator](): this {
    return this
  }
}

export function liveStream<T, U>(
  source: AsyncIterator<T>,
  step: (event: T) => Step<U> | Promise<Step<U>>,
  stop: () => Promise<void> | void,
  onStopError: (error: unknown) => void,
): AsyncIterableIterator<U> {
  return new LiveStream(source, step, stop, onStopError)
}
