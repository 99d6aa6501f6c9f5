import type { Services } from '../services.js'

/**
 * Long-lived state of one plugin in one running app (what its start resolved, limiters, caches), typed and keyed by
 * that app's services — never a module-level singleton, since one process may run several apps (tests, instances).
 */
export interface AppState<T> {
  /** set by the owner's start (again when an operator switches the owner off and on: the new value replaces the old) */
  init(services: Services, value: T): T
  /** the state of this app; throws when the owner has not started in it (a programming error) */
  of(services: Services): T
}

export function appState<T>(owner: string): AppState<T> {
  const byApp = new WeakMap<Services, T>()
  return {
    init(services, value) {
      byApp.set(services, value)
      return value
    },
    of(services) {
      const value = byApp.get(services)
      if (value === undefined) throw new Error(`${owner} has not started in this app`)
      return value
    },
  }
}

/** A value made on first use in each app (a rate limiter …) and kept for that app's lifetime. */
export function perApp<T>(make: (services: Services) => T): (services: Services) => T {
  const byApp = new WeakMap<Services, T>()
  return (services) => {
    let value = byApp.get(services)
    if (value === undefined) byApp.set(services, (value = make(services)))
    return value
  }
}
