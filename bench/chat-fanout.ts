/**
 * Chat fan-out: N graphql-ws subscribers on one channel of one server instance, a steady publish rate, delivery
 * latency p50/p99 and delivered messages/s — measured in the same run against a raw `ws` broadcast of the same
 * payloads (bench/fanout-baseline.ts), so the ratio shows what GraphQL, auth, pub/sub and the database cost.
 *
 *   npm run bench:chat [-- --sizes 1000,5000,10000 --rate 5 --seconds 8]
 *   DATABASE_URL=postgresql://… REDIS_URL=redis://… npm run bench:chat   (server on real PostgreSQL/Redis)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import net from 'node:net'
import { percentile, round, saveResult } from './lib.js'
import { connect } from './fanout-clients.js'

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : def
}
const SIZES = arg('sizes', '1000,5000,10000').split(',').map(Number)
const RATE = Number(arg('rate', '5'))
const SECONDS = Number(arg('seconds', '8'))
const ROOT = path.resolve(import.meta.dirname, '..')

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })

async function waitHealthy(base: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${base} did not start`)
}

const rssMiB = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? round(Number(m[1]) / 1024, 1) : null
  } catch {
    return null
  }
}

interface Target {
  name: 'graphql-ws' | 'raw ws'
  base: string
  child: ChildProcess
  publish(text: string, i: number): Promise<void>
}

async function startGraphql(): Promise<Target> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chat-'))
  // node --import tsx (not the tsx wrapper) so the child's pid is the server's, for its RSS.
  // BENCH_PROFILE_DIR: write a CPU profile of the server (open it in Chrome DevTools) to see where delivery time goes.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      SEED_DEMO: 'false',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  await waitHealthy(base)
  // Publishers: chat allows 60 events a minute per user, so the rate is spread over enough accounts.
  const needed = Math.ceil((RATE * (SECONDS + 10)) / 50) + 1
  // unique per run: with DATABASE_URL every run shares one database
  const run = Date.now().toString(36)
  const tokens: string[] = []
  for (let i = 0; i < needed; i++) {
    const r = await gqlPost(base, 'mutation($i: RegisterInput!) { register(input: $i) { token } }', {
      i: { username: `pub${i}_${run}`, email: `pub${i}_${run}@example.com`, password: 'bench-pass-1' },
    })
    tokens.push(r.data.register.token)
  }
  return {
    name: 'graphql-ws',
    base,
    child,
    async publish(text, i) {
      const r = await gqlPost(
        base,
        'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent dropReason } }',
        { i: { channel: 'main', text } },
        tokens[i % tokens.length],
      )
      if (!r.data?.sendChatMessage?.isSent) throw new Error(`publish refused: ${JSON.stringify(r)}`)
    },
  }
}

async function startRaw(): Promise<Target> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fanout-baseline.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  await waitHealthy(base)
  return {
    name: 'raw ws',
    base,
    child,
    async publish(text) {
      await fetch(`${base}/publish`, { method: 'POST', body: JSON.stringify({ text }) })
    },
  }
}

async function gqlPost(base: string, query: string, variables: unknown, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return await res.json()
}

async function run(target: Target, n: number) {
  const latencies: number[] = []
  const warm = new Set<number>()
  let counter = 0
  // each socket counts once per warm-up round
  const warmCount = (set: Set<number>) => set.add(counter++)
  let measuring = false
  let delivered = 0
  const idleRss = rssMiB(target.child.pid!)
  const sockets = await connect(target.base, n, (text, now) => {
    if (text.startsWith('warm:')) return void warmCount(warm)
    if (!measuring) return
    delivered++
    latencies.push(now - Number(text.split(':')[1]))
  })
  // Subscriptions are live once a warm-up message reaches every socket.
  let warmDelivered = 0
  for (let w = 0; warmDelivered < n && w < 20; w++) {
    warm.clear()
    await target.publish(`warm:${w}`, w)
    const until = performance.now() + 3000 + n
    while (warm.size < n && performance.now() < until) await new Promise((r) => setTimeout(r, 50))
    warmDelivered = warm.size
  }
  // what the live subscriptions hold, before messages flow (RSS includes freed memory not yet returned: an upper bound)
  const liveRss = rssMiB(target.child.pid!)
  measuring = true
  const total = Math.round(RATE * SECONDS)
  const t0 = performance.now()
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    await target.publish(`m:${performance.timeOrigin + performance.now()}`, i + 20)
  }
  // Let the last messages arrive.
  const expected = total * n
  const end = performance.now() + 30_000
  while (delivered < expected && performance.now() < end) await new Promise((r) => setTimeout(r, 100))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  const result = {
    server: target.name,
    subscribers: n,
    published: total,
    delivered,
    expected,
    deliveredPerSecond: round(delivered / seconds, 0),
    latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) },
    serverRssMiB: rssMiB(target.child.pid!),
    idleRssMiB: idleRss,
    kibPerSubscription: idleRss && liveRss ? round(((liveRss - idleRss) * 1024) / n, 1) : null,
  }
  for (const s of sockets) s.terminate()
  await new Promise((r) => setTimeout(r, 1000))
  return result
}

const results: Awaited<ReturnType<typeof run>>[] = []
for (const n of SIZES) {
  for (const start of [startRaw, startGraphql]) {
    const target = await start()
    try {
      const r = await run(target, n)
      console.log(r)
      results.push(r)
    } finally {
      target.child.kill('SIGTERM')
      await new Promise((r) => target.child.once('exit', r))
    }
  }
}
const ratios = SIZES.map((n) => {
  const raw = results.find((r) => r.server === 'raw ws' && r.subscribers === n)!
  const gql = results.find((r) => r.server === 'graphql-ws' && r.subscribers === n)!
  return {
    subscribers: n,
    p50Ratio: round(gql.latencyMs.p50 / raw.latencyMs.p50, 1),
    p99Ratio: round(gql.latencyMs.p99 / raw.latencyMs.p99, 1),
    throughputRatio: round(gql.deliveredPerSecond / raw.deliveredPerSecond, 2),
  }
})
console.table(ratios)
saveResult(`chat-fanout-${process.env.DATABASE_URL ? 'postgresql' : 'embedded'}`, {
  rate: RATE,
  seconds: SECONDS,
  results,
  ratios,
})
process.exit(0)
