import { Redis } from 'ioredis'
import type { Logger } from '../log.js'
import type { RedisHealth } from '../redis-health.js'

/**
 * The subscriber connection handed to RedisPubSub. RedisPubSub does not wait for the UNSUBSCRIBE (and PUNSUBSCRIBE)
 * it sends when a channel's last subscription goes: one that fails — the connection closed under it — would be an
 * unhandled rejection, so it is observed here (the channel is gone from Redis with the connection anyway).
 */
class SubscriberConnection extends Redis {
  override sendCommand(...args: Parameters<Redis['sendCommand']>): unknown {
    const [command] = args
    if (command.name === 'unsubscribe' || command.name === 'punsubscribe') command.promise.catch(() => undefined)
    return super.sendCommand(...args)
  }
}

export interface ConnectionEvents {
  /** the publishing connection is ready; `reconnected`: it had been ready before */
  publisherReady(reconnected: boolean): void
  /** it was lost: what was sent and not confirmed will not be */
  publisherLost(): void
  subscriberReady(): void
  /** the subscriber connection was lost at `at` (or could not connect at start: then `at` is when it was opened) */
  subscriberLost(at: number): void
}

interface State {
  up: boolean
  everUp: boolean
  lastError: string
}

/** How long catch-up waits for the publishing connection (it reads the journal on it). */
const PUBLISHER_WAIT_MS = 10_000

/**
 * The two ioredis connections of the bus, which this instance creates and owns, with their health: an outage is
 * reported to the instance's RedisHealth (one log line for all connections) and to the bus (`events`).
 */
export function openRedisConnections(opts: {
  url: string
  health: RedisHealth
  log?: Logger
  events: ConnectionEvents
}) {
  const { health, log, events } = opts
  const openedAt = Date.now()
  // Fail fast: a command on a connection that is not ready fails at once, one in flight fails when it closes; the bus
  // keeps such events in its outage queue and sends them again itself.
  const pub = new Redis(opts.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
  })
  // A command on the subscriber connection waits through a reconnection instead of failing: RedisPubSub leaves the
  // promise it keeps for a channel's pending SUBSCRIBE unobserved, so a failed SUBSCRIBE would be an unhandled
  // rejection (redis-transport.ts sends one only on a ready connection). The channels in use are subscribed again
  // explicitly once it is back (redis-transport.ts's resubscribe, from the receiver's catch-up).
  const sub = new SubscriberConnection(opts.url, { maxRetriesPerRequest: null, autoResubscribe: false })
  const states = new Map<Redis, State>()
  let closing = false

  for (const [name, client] of [
    ['publish', pub],
    ['subscribe', sub],
  ] as const) {
    const s: State = { up: false, everUp: false, lastError: '' }
    states.set(client, s)
    const connection = `pubsub ${name}`
    client.on('error', (e: Error) => {
      s.lastError = e.message
      log?.debug('redis connection error', { connection, error: e.message })
      // not connected at start: an outage too
      if (!s.up && !closing) {
        health.report(connection, e.message)
        if (client === sub && !s.everUp) events.subscriberLost(openedAt)
      }
    })
    client.on('close', () => {
      if (!s.up || closing) return
      s.up = false
      health.report(connection, s.lastError || 'connection closed')
      if (client === pub) events.publisherLost()
      else events.subscriberLost(Date.now())
    })
    client.on('ready', () => {
      const reconnected = s.everUp
      s.up = s.everUp = true
      s.lastError = ''
      health.report(connection, null)
      if (client === pub) events.publisherReady(reconnected)
      else events.subscriberReady()
    })
  }

  return {
    pub,
    sub,
    closing: () => closing,
    /**
     * Why cross-instance delivery is impaired right now (null when both connections are up, or still making their
     * first connection without an error); `waiting` events queued for the other instances are named.
     */
    down(waiting: number): string | null {
      for (const [client, what] of [
        [sub, 'subscriber'],
        [pub, 'publishing'],
      ] as const) {
        const s = states.get(client)
        if (!s || s.up || (!s.everUp && !s.lastError)) continue
        const error = s.lastError ? `: ${s.lastError}` : ''
        const queued = waiting ? `; ${waiting} events queued for other instances` : ''
        return `Redis ${what} connection ${s.everUp ? 'lost' : 'not established'} (${client.status})${error}${queued}`
      }
      return null
    },
    /** whether the subscriber connection is ready (and this module has handled its 'ready') */
    subscriberUp: () => states.get(sub)?.up === true,
    /**
     * Resolves once the subscriber connection is ready; rejects at its first error if it was not ready yet (a
     * command sent meanwhile would wait for Redis however long it takes).
     */
    subscriberSettled: (): Promise<void> => {
      if (states.get(sub)?.up) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const onReady = () => {
          sub.off('error', onError)
          resolve()
        }
        const onError = (e: Error) => {
          sub.off('ready', onReady)
          reject(new Error(`Redis subscriber connection: ${e.message}`))
        }
        sub.once('ready', onReady)
        sub.once('error', onError)
      })
    },
    /** resolves once the publishing connection is ready, rejects after PUBLISHER_WAIT_MS */
    publisherUp: (): Promise<void> => {
      if (pub.status === 'ready') return Promise.resolve()
      return new Promise((resolve, reject) => {
        const onReady = () => {
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          pub.off('ready', onReady)
          reject(new Error(`publishing connection not back within ${PUBLISHER_WAIT_MS} ms`))
        }, PUBLISHER_WAIT_MS)
        pub.once('ready', onReady)
      })
    },
    close() {
      closing = true
      pub.disconnect()
      sub.disconnect()
    },
  }
}

export type RedisConnections = ReturnType<typeof openRedisConnections>
