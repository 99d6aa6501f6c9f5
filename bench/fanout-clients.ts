/**
 * graphql-ws subscribers of one chat channel, and a steady publish rate measured through them: the client side of
 * bench/fanout-instances.ts (the same protocol and measure as bench/chat-fanout.ts, which keeps its own copy).
 */
import WebSocket from 'ws'
import { percentile, round } from './lib.js'
import { sleep } from './children.js'

const SUBSCRIPTION = 'subscription { chatEvents(channel: "main") { ... on ChatMessageAdded { message { text } } } }'
const clock = () => performance.timeOrigin + performance.now()

/** N sockets speaking graphql-transport-ws, each subscribed; `onText` gets every delivered message's text. */
export async function connect(base: string, n: number, onText: (text: string, now: number) => void) {
  const url = base.replace(/^http/, 'ws') + '/graphql'
  const sockets: WebSocket[] = []
  const batch = 200
  for (let i = 0; i < n; i += batch) {
    await Promise.all(
      Array.from(
        { length: Math.min(batch, n - i) },
        () =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(url, 'graphql-transport-ws')
            sockets.push(ws)
            ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })))
            ws.on('message', (raw: Buffer) => {
              const m = JSON.parse(raw.toString())
              if (m.type === 'connection_ack') {
                ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }))
                resolve()
              } else if (m.type === 'next') {
                const text = m.payload?.data?.chatEvents?.message?.text
                if (text) onText(text, clock())
              } else if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }))
            })
            ws.on('error', reject)
          }),
      ),
    )
  }
  return sockets
}

export interface Delivery {
  subscribers: number
  published: number
  delivered: number
  expected: number
  deliveredPerSecond: number
  latencyMs: { p50: number; p99: number }
}

/**
 * `n` subscribers on `base`; once a warm-up message reached them all, `rate` messages a second for `seconds`
 * through `publish` (which may go to another instance); each message carries its send time.
 */
export async function measureDelivery(opts: {
  base: string
  n: number
  rate: number
  seconds: number
  publish: (text: string, i: number) => Promise<void>
}): Promise<Delivery> {
  const { n, rate, seconds, publish } = opts
  const latencies: number[] = []
  const warm = new Set<number>()
  let counter = 0
  let measuring = false
  let delivered = 0
  const sockets = await connect(opts.base, n, (text, now) => {
    if (text.startsWith('warm:')) return void warm.add(counter++)
    if (!measuring) return
    delivered++
    latencies.push(now - Number(text.split(':')[1]))
  })
  try {
    for (let w = 0; warm.size < n && w < 20; w++) {
      warm.clear()
      await publish(`warm:${w}`, w)
      const until = performance.now() + 3000 + n
      while (warm.size < n && performance.now() < until) await sleep(50)
    }
    if (warm.size < n) throw new Error(`only ${warm.size} of ${n} subscribers got the warm-up messages`)
    measuring = true
    const total = Math.round(rate * seconds)
    const t0 = performance.now()
    for (let i = 0; i < total; i++) {
      const wait = t0 + (i * 1000) / rate - performance.now()
      if (wait > 0) await sleep(wait)
      await publish(`m:${clock()}`, i + 20)
    }
    const expected = total * n
    const end = performance.now() + 30_000
    while (delivered < expected && performance.now() < end) await sleep(100)
    latencies.sort((a, b) => a - b)
    return {
      subscribers: n,
      published: total,
      delivered,
      expected,
      deliveredPerSecond: round(delivered / ((performance.now() - t0) / 1000), 0),
      latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) },
    }
  } finally {
    for (const s of sockets) s.terminate()
    await sleep(1000)
  }
}
