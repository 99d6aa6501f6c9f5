import type { Logger } from '../log.js'

export interface OutgoingMessage {
  channel: 'sms' | 'email'
  to: string
  purpose: 'signup' | 'invite' | 'restore'
  text: string
  /** the one-time code, for gateways that template their own text */
  code?: string
}

/** Sends one-time codes. The default writes them to the server log; NOTIFY_WEBHOOK_URL hands them to a gateway. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>
}

export function createNotifier(webhookUrl: string | undefined, log: Logger): Notifier {
  if (!webhookUrl) {
    return {
      send(m) {
        log.warn('notifier: no NOTIFY_WEBHOOK_URL, message logged instead of sent', { ...m })
        return Promise.resolve()
      },
    }
  }
  return {
    async send(m) {
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(m),
        signal: AbortSignal.timeout(10_000),
      })
      if (!res.ok) throw new Error(`notifier webhook answered ${res.status}`)
    },
  }
}
