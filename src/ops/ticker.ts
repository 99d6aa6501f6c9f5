const DONE = { done: true, value: undefined } as const

/**
 * `make()`'s value now, then again `ms` after each one is taken, until the consumer stops (a subscription's
 * `return()`): that ends a pending wait at once instead of after it.
 */
export function every<T>(ms: number, make: () => Promise<T>): AsyncIterableIterator<T> {
  let stopped = false
  // read through a function: return() sets it while next() waits
  const isStopped = () => stopped
  let first = true
  let timer: NodeJS.Timeout | undefined
  let wake: (() => void) | undefined
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      if (!first && !stopped)
        await new Promise<void>((resolve) => {
          wake = resolve
          timer = setTimeout(resolve, ms)
        })
      first = false
      if (isStopped()) return DONE
      const value = await make()
      return isStopped() ? DONE : { done: false, value }
    },
    return(): Promise<IteratorResult<T>> {
      stopped = true
      clearTimeout(timer)
      wake?.()
      return Promise.resolve(DONE)
    },
    [Symbol.asyncIterator]() {
      return iterator
    },
  }
  return iterator
}
