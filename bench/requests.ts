/**
 * Request cost against peers: this server, a raw `node:http` handler on the same Prisma client doing the same read
 * (bench/peer-raw.ts) and Fastify + Mercurius with JIT and a DataLoader serving the same slice of the schema
 * (bench/peer-mercurius.ts), under autocannon (20 connections, 10 s a run). Rounds interleave the targets — server,
 * raw, Mercurius, server, raw, Mercurius … — so that other work on a shared machine weighs on them alike; the ratios
 * are computed per round, then their median. Each run records the load average, the target's CPU per request and
 * the load generator's own CPU.
 *
 *   npm run bench -- requests [--seconds 10 --rounds 3 --connections 20 --warmup 2 --only typename,history-guest]
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run bench -- requests   (server on PostgreSQL + Redis; adds
 *   this server on its embedded database to the guest history read, for the embedded/PostgreSQL ratio)
 *
 * Workloads: typename, history-guest, history-user, smiles (GraphQL and the REST shim), send-message, login.
 * Writes bench/results/requests-<embedded|postgresql>.json (and .md: the tables).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { round, saveResult } from './lib.js'
import { sleep } from './children.js'
import { hammer } from './load.js'
import { detailTable, mainTable, ratiosOf, summarize, type Measured, type WorkloadResult } from './requests-report.js'
import { newTokens } from './requests-seed.js'
import {
  freshPostgres,
  logFile,
  prepareEmbedded,
  serverOnEmbedded,
  serverOnPostgres,
  startPeer,
  stopChild,
  twinOf,
  type RunSetup,
  type Target,
} from './requests-targets.js'
import { workloads, type ProcessName, type Variant } from './requests-workloads.js'

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : def
}
const SECONDS = Number(arg('seconds', '10'))
const ROUNDS = Number(arg('rounds', '3'))
const CONNECTIONS = Number(arg('connections', '20'))
const WARMUP = Number(arg('warmup', '2'))
const ONLY = arg('only', '')
  .split(',')
  .filter((s) => s)
const WRITERS = Number(arg('writers', '2000'))

const database = process.env.DATABASE_URL ? 'postgresql' : 'embedded'
const started = performance.now()
const setup: RunSetup = {
  tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-requests-')),
  secret: randomBytes(32).toString('hex'),
  tokens: newTokens(WRITERS),
  redisUrl: process.env.REDIS_URL,
}
const wantEmbedded = database === 'postgresql' && (!ONLY.length || ONLY.includes('history-guest'))

const targets = new Map<ProcessName, Target>()
let dropDatabase = async () => {}
try {
  let writeChannel: string
  if (process.env.DATABASE_URL) {
    const db = await freshPostgres(process.env.DATABASE_URL)
    dropDatabase = () => db.drop()
    const { target, seeded } = await serverOnPostgres(setup, db.url)
    targets.set('server', target)
    writeChannel = seeded.writeChannel
    targets.set('raw', await startPeer(setup, 'raw', { DATABASE_URL: db.url }))
    targets.set('mercurius', await startPeer(setup, 'mercurius', { DATABASE_URL: db.url }))
    if (wantEmbedded) {
      const dir = path.join(setup.tmp, 'embedded')
      await prepareEmbedded(setup, dir)
      targets.set('embedded', await serverOnEmbedded(setup, dir, 'embedded'))
    }
  } else {
    const dir = path.join(setup.tmp, 'server')
    writeChannel = (await prepareEmbedded(setup, dir)).writeChannel
    const raw = twinOf(dir, 'raw-db')
    const mercurius = twinOf(dir, 'mercurius-db')
    targets.set('server', await serverOnEmbedded(setup, dir, 'server'))
    targets.set('raw', await startPeer(setup, 'raw', { DATA_DIR: raw }))
    targets.set('mercurius', await startPeer(setup, 'mercurius', { DATA_DIR: mercurius }))
  }
  for (const t of targets.values()) console.log(`${t.name}: up in ${t.startMs} ms at ${t.base}`)

  const all = workloads({ tokens: setup.tokens, writeChannel, withEmbedded: wantEmbedded })
  const chosen = ONLY.length ? all.filter((w) => ONLY.includes(w.name)) : all
  if (ONLY.some((o) => !all.some((w) => w.name === o)))
    throw new Error(`--only: unknown workload; known: ${all.map((w) => w.name).join(', ')}`)

  const target = (v: Variant) => targets.get(v.process)!
  /** SQL statements a peer has sent so far (the server does not count its own). */
  const statements = async (v: Variant) => {
    if (v.process !== 'raw' && v.process !== 'mercurius') return null
    const r = await fetch(`${target(v).base}/__stats`)
    return ((await r.json()) as { statements: number }).statements
  }

  /** One request as the runs send it, and its answer. */
  const send = async (v: Variant) => {
    const req = v.request.next ? { ...v.request, ...v.request.next() } : v.request
    const res = await fetch(target(v).base + req.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...req.headers },
      body: req.body,
    })
    return { status: res.status, body: await res.text(), expect: req.expect }
  }

  // One answer of each target, checked, before anything is measured: a fast wrong answer must not pass for a fast
  // one. Then the statements a peer sends per request, from a few requests one at a time (none in flight around them).
  const measured = new Map<Variant, Measured>()
  for (const w of chosen)
    for (const v of w.variants) {
      const { status, body, expect } = await send(v)
      const items = w.sample ? body.split(w.sample.key).length - 1 : null
      if (
        status !== 200 ||
        body.includes('"errors"') ||
        (expect && !body.includes(expect)) ||
        (w.sample && items !== w.sample.items)
      )
        throw new Error(`${w.name} on ${v.label}: unexpected answer ${status} ${body.slice(0, 500)}`)
      const s0 = await statements(v)
      for (let i = 0; i < 5; i++) await send(v)
      const s1 = await statements(v)
      measured.set(v, {
        label: v.label,
        process: v.process,
        runs: [],
        sampleBytes: Buffer.byteLength(body),
        statementsPerRequest: s0 === null || s1 === null ? null : round((s1 - s0) / 5, 2),
      })
    }
  console.log('every target answers every workload as expected')

  /** requests each process answered, warm-ups included (the server's log lines per request) */
  const answered = new Map<ProcessName, number>()
  const runOnce = async (v: Variant, seconds: number) => {
    const r = await hammer(target(v).base, v.request, { connections: CONNECTIONS, seconds, pid: target(v).child.pid })
    answered.set(v.process, (answered.get(v.process) ?? 0) + r.ok)
    return r
  }

  if (WARMUP > 0) {
    for (const w of chosen) for (const v of w.variants) await runOnce(v, WARMUP)
    console.log(`warmed up (${WARMUP} s each)`)
  }
  for (let round_ = 1; round_ <= ROUNDS; round_++) {
    for (const w of chosen)
      for (const v of w.variants) {
        const r = await runOnce(v, SECONDS)
        measured.get(v)!.runs.push(r)
        console.log(
          `round ${round_}/${ROUNDS} ${w.name} · ${v.label}: ${r.requestsPerSecond} req/s, p99 ${r.latencyMs.p99} ms, ` +
            `${r.targetCpuMsPerRequest ?? '?'} ms CPU/req, load ${r.loadAverage}, generator ${r.generatorCpuPercent} %` +
            (r.non2xx || r.errors || r.wrong ? `, FAILED non2xx ${r.non2xx} errors ${r.errors} wrong ${r.wrong}` : ''),
        )
        await sleep(200)
      }
  }

  const results: WorkloadResult[] = chosen.map((w) => {
    const summaries = w.variants.map((v) => summarize(measured.get(v)!))
    return { name: w.name, title: w.title, targets: summaries, ratios: ratiosOf(summaries) }
  })
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.type()} ${os.release()}`,
  }
  const serverLog = fs.readFileSync(logFile(setup, 'server'))
  const log = {
    bytesPerRequest: round(serverLog.length / (answered.get('server') ?? 1), 0),
    linesPerRequest: round(serverLog.toString().split('\n').length / (answered.get('server') ?? 1), 2),
  }
  console.log(`server log: ${log.bytesPerRequest} bytes, ${log.linesPerRequest} lines per request`)
  const tables = `${mainTable(results)}\n\n${detailTable(results)}`
  console.log(`\n${tables}\n`)
  const name = `requests-${database}${ONLY.length ? `-${ONLY.join('+')}` : ''}`
  saveResult(name, {
    database,
    redis: !!process.env.REDIS_URL,
    machine,
    settings: { seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, warmupSeconds: WARMUP, writers: WRITERS },
    startMs: Object.fromEntries([...targets].map(([k, t]) => [k, t.startMs])),
    workloads: results,
    serverLog: log,
    totalSeconds: round((performance.now() - started) / 1000, 0),
  })
  const md = path.resolve(import.meta.dirname, 'results', `${name}${process.env.BENCH_RESULT_SUFFIX ?? ''}.md`)
  fs.writeFileSync(
    md,
    `# Request cost (${database}${process.env.REDIS_URL ? ' + Redis' : ''})\n\n${new Date().toISOString()}, Node ` +
      `${process.version}, ${machine.cpus} × ${machine.cpuModel}. autocannon, ${CONNECTIONS} connections, ` +
      `${SECONDS} s runs, ${ROUNDS} interleaved rounds; req/s are medians over the rounds, ratios the median of the ` +
      `per-round ratios (range in parentheses).\n\n${tables}\n`,
  )
  console.log(`wrote ${path.relative(process.cwd(), md)}`)
} finally {
  for (const t of targets.values()) await stopChild(t.child)
  await dropDatabase()
  fs.rmSync(setup.tmp, { recursive: true, force: true })
}
process.exit(0)
