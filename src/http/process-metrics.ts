import { collectDefaultMetrics, Registry } from 'prom-client'

let shared: Registry | undefined

/**
 * prom-client's default metrics (CPU, memory, event-loop lag, GC, handles): the process's, so collected once per
 * process and added to every app's scrape. Collecting them into each app's registry would start an event-loop monitor
 * and a GC observer per app that nothing can stop when the app closes (tests run many apps in one process).
 */
export function processMetrics(): Registry {
  if (!shared) {
    shared = new Registry()
    collectDefaultMetrics({ register: shared })
  }
  return shared
}
