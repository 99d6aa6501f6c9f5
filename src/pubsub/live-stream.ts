/** What a step answers besides an event to pass on: skip this one, or end the subscription. */
export const SKIP: unique symbol = Symbol('skip')
export const END: unique symbol = Symbol('end')
export type Step<U> = U | typeof SKIP | typeof END

/**
 * A subscription's stream made of a pub/sub stream: each event becomes what this subscriber sees (or is skipped, or
 * ends the stream) when the consumer pulls it, with no queue of its own — the events wait in the pub/sub's queue
 * (src/pubsub/event-queue.ts). `stop` runs once, when the consumer returns early or the stream ends; a failing stop
 * is reported to `onStopError`, since nobody awaits a stopping subscription.
 */
export function liveStream<T, U>(
  source: AsyncIterator<T>,
  step: (event: T) => Step<U> | Promise<Step<U>>,
  stop: () => Promise<void> | void,
  onStopError: (error: unknown) => void,
): AsyncIterableIterator<U> {
  // a flag read through a function: return() sets it while next() waits
  let stopped = false
  const isStopped = () => stopped
  const finish = async (): Promise<IteratorResult<U, undefined>> => {
    if (!stopped) {
      stopped = true
      try {
        await source.return?.()
        await stop()
      } catch (e) {
        onStopError(e)
      }
    }
    return { value: undefined, done: true }
  }
  const stream: AsyncIterableIterator<U> = {
    async next() {
      while (!isStopped()) {
        const event = await source.next()
        if (event.done || isStopped()) break
        const out = await step(event.value)
        if (out === END) break
        if (out !== SKIP && !isStopped()) return { value: out, done: false }
      }
      return finish()
    },
    return: finish,
    [Symbol.asyncIterator]: () => stream,
  }
  return stream
}
