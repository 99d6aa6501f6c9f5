/**
 * Two instances on one Redis: N graphql-ws subscribers on instance B get what is published on instance A, measured
 * against one instance (subscribers and publisher both on A) in the same run, rounds interleaved (one, two, one, two
 * …). The goal of the performance issue: across instances, p99 ≤ 2× one instance.
 *
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run bench -- fanout-instances [--sizes 1000,5000 --rate 5
 *     --seconds 8 --rounds 2]
 *
 * Needs PostgreSQL and Redis (two instances cannot share an embedded database); without them it says so and stops.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { rssMiB, startChild, stopChild, type Started } from './children.js'
import { measureDelivery, type Delivery } from './fanout-clients.js'
import { round, saveResult } from './lib.js'

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : def
}
const SIZES = arg('sizes', '1000,5000').split(',').map(Number)
const RATE = Number(arg('rate', '5'))
const SECONDS = Number(arg('seconds', '8'))
const ROUNDS = Number(arg('rounds', '2'))

const { DATABASE_URL, REDIS_URL } = process.env
if (!DATABASE_URL || !REDIS_URL) {
  console.log('fanout-instances: skipped — two instances need DATABASE_URL and REDIS_URL')
  process.exit(0)
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-instances-'))
const env = (name: string) => ({
  DATABASE_URL,
  REDIS_URL,
  REDIS_PREFIX: `bench${randomBytes(3).toString('hex')}:`,
  DATA_DIR: path.join(tmp, name),
  SESSION_SECRET: 'b'.repeat(64),
  LOG_LEVEL: 'error',
  SEED_DEMO: 'false',
  RATE_LIMIT_PER_MINUTE: '0',
})
const shared = env('a')
const instances: Started[] = []

async function gql(base: string, query: string, variables: unknown, token?: string): Promise<any> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return await res.json()
}

try {
  // A first (it applies the migrations), then B on the same database, Redis namespace and token secret
  const a = await startChild('scripts/start.ts', shared)
  instances.push(a)
  const b = await startChild('scripts/start.ts', { ...shared, DATA_DIR: path.join(tmp, 'b') })
  instances.push(b)

  // chat allows 60 events a minute per user: enough publishers for every round's messages and warm-ups
  const needed = Math.ceil((RATE * (SECONDS + 10) * ROUNDS * 2 * SIZES.length) / 50) + 1
  const run = Date.now().toString(36)
  const tokens: string[] = []
  for (let i = 0; i < needed; i++) {
    const r = await gql(a.base, 'mutation($i: RegisterInput!) { register(input: $i) { token } }', {
      i: { username: `pub${i}_${run}`, email: `pub${i}_${run}@example.com`, password: 'bench-pass-1' },
    })
    tokens.push(r.data.register.token)
  }
  let used = 0
  const publish = async (text: string) => {
    const r = await gql(
      a.base,
      'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent dropReason } }',
      { i: { channel: 'main', text } },
      tokens[used++ % tokens.length],
    )
    if (!r.data?.sendChatMessage?.isSent) throw new Error(`publish refused: ${JSON.stringify(r)}`)
  }

  const results: (Delivery & { mode: 'one instance' | 'two instances'; round: number; rssMiB: number | null })[] = []
  for (const n of SIZES)
    for (let r = 1; r <= ROUNDS; r++)
      for (const mode of ['one instance', 'two instances'] as const) {
        const on = mode === 'one instance' ? a : b
        const d = await measureDelivery({ base: on.base, n, rate: RATE, seconds: SECONDS, publish })
        const row = { mode, round: r, ...d, rssMiB: rssMiB(on.child.pid) }
        console.log(row)
        results.push(row)
      }

  const worst = (mode: string, n: number, pick: (d: Delivery) => number) =>
    Math.max(...results.filter((x) => x.mode === mode && x.subscribers === n).map(pick))
  const ratios = SIZES.map((n) => ({
    subscribers: n,
    p99OneMs: worst('one instance', n, (d) => d.latencyMs.p99),
    p99TwoMs: worst('two instances', n, (d) => d.latencyMs.p99),
    p99Ratio: round(
      worst('two instances', n, (d) => d.latencyMs.p99) / worst('one instance', n, (d) => d.latencyMs.p99),
      2,
    ),
    allDelivered: results.filter((x) => x.subscribers === n).every((x) => x.delivered === x.expected),
  }))
  console.table(ratios)
  saveResult('fanout-instances-postgresql', { rate: RATE, seconds: SECONDS, rounds: ROUNDS, results, ratios })
} finally {
  for (const s of instances) await stopChild(s.child)
  fs.rmSync(tmp, { recursive: true, force: true })
}
process.exit(0)
