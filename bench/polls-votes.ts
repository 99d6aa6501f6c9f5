/**
 * Polls under a vote storm, on one instance: votes/s sustained and vote latency through GraphQL `votePoll` and
 * peka2 `POST /api/poll/vote`, with 1,000 graphql-ws subscribers to `pollUpdated(pollId)` — the update rate each one
 * sees (coalesced to POLLS_UPDATES_PER_SECOND, 4 by default), the messages/s that makes across all of them, and
 * whether every subscriber's last update has the exact final counts. Peers in the same run show the floor: plain
 * `{ __typename }` requests with the same tokens (HTTP, GraphQL and the session lookup), and one-row INSERTs through
 * the app's own Prisma client (the database alone). Each voter votes once in each poll. The four kinds take turns,
 * --seconds each, for --rounds rounds (a vote storm ends early when every voter voted), so that other work on a
 * shared machine weighs on them alike.
 *
 *   npm run bench:polls [-- --votes 5000 --rounds 3 --seconds 6 --concurrency 32 --subscribers 1000]
 *   DATABASE_URL=postgresql://… REDIS_URL=redis://… npm run bench:polls   (a fresh database on that server)
 *
 * The server runs in this process (its database too, when embedded); the clients in bench/polls-load.ts, a child.
 * BENCH_PROFILE_DIR=dir writes a CPU profile of the server during each storm (bench/polls-profile.ts).
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { onQuery } from '../src/db/client.js'
import { startTestApp } from '../test/helpers/app.js'
import { gqlRaw } from '../test/helpers/clients.js'
import { round, saveResult } from './lib.js'
import type { Command, StormResult } from './polls-load.js'
import { writeReport } from './polls-report.js'
import { Phase, shortSql } from './polls-stats.js'
import { makeUsers } from './polls-users.js'

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : def
}
const VOTES = arg('votes', 5000)
const CONCURRENCY = arg('concurrency', 32)
const ROUNDS = arg('rounds', 3)
const SECONDS = arg('seconds', 6)
const SUBSCRIBERS = Math.min(arg('subscribers', 1000), VOTES)
const OPTIONS = ['Red', 'Blue', 'Green']
/** a voter's choice by index: half, a third, a sixth — unequal, so counts swapped between options would show */
const choiceOf = (i: number) => (i % 6 < 3 ? 0 : i % 6 < 5 ? 1 : 2)

// the test helper's variables: a fresh database on that server per run (dropped after), Redis under its own prefix
if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL
if (process.env.REDIS_URL) process.env.TEST_REDIS_URL = process.env.REDIS_URL
const database = process.env.TEST_DATABASE_URL ? 'postgresql' : 'embedded'

const started = performance.now()
const UPDATES_PER_SECOND = process.env.POLLS_UPDATES_PER_SECOND ?? '4'
const t = await startTestApp({
  RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: 'warn',
  POLLS_UPDATES_PER_SECOND: UPDATES_PER_SECOND,
})
const { prisma } = t.app.services
console.log(`${database}: server up in ${round((performance.now() - started) / 1000, 1)} s`)

// users: two streamers (a poll each), one warm-up voter, one probe voter, then the voters; subscribers are voters too
const users = await makeUsers(prisma, t.app.config.sessionSecret, VOTES + 4, `pv${Date.now().toString(36)}_`)
const [streamerA, streamerB, warm, probe] = users
const voters = users.slice(4)
console.log(`${users.length} users in ${round((performance.now() - started) / 1000, 1)} s`)

const START = `mutation($channel: String!, $options: [PollOptionInput!]!) {
  startChannelPoll(channel: $channel, question: "Which one?", options: $options, durationSeconds: 3600) {
    databaseId options { databaseId position }
  }
}`
async function startPoll(streamer: { id: number; token: string }) {
  const channel = `stream/${streamer.id}`
  const r = await gqlRaw(t.url, START, { channel, options: OPTIONS.map((text) => ({ text })) }, streamer.token)
  if (r.errors) throw new Error(`startChannelPoll: ${JSON.stringify(r.errors)}`)
  const p = r.data.startChannelPoll as { databaseId: number; options: { databaseId: number; position: number }[] }
  return {
    id: p.databaseId,
    channel,
    optionIds: p.options.map((o) => o.databaseId),
    positions: p.options.map((o) => o.position),
  }
}
const pollA = await startPoll(streamerA)
const pollB = await startPoll(streamerB)

// the client process, one command at a time
const load = fork(path.join(import.meta.dirname, 'polls-load.ts'), [], { execArgv: ['--import', 'tsx'] })
function call<T = any>(c: Command): Promise<T> {
  return new Promise((resolve, reject) => {
    load.once('message', (m: { result?: T; error?: string }) =>
      m.error ? reject(new Error(m.error)) : resolve(m.result!),
    )
    load.send(c)
  })
}

const sub = await call({
  cmd: 'subscribe',
  url: t.url,
  tokens: voters.slice(0, SUBSCRIBERS).map((u) => u.token),
  pollIds: [pollA.id, pollB.id],
})
console.log(`${sub.connected} subscribers connected in ${sub.ms} ms (${sub.failed} failed)`)

const VOTE = 'mutation($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }'
const peka2Vote = (token: string, channel: string, position: number) =>
  fetch(`${t.url}/api/poll/vote`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', token: `Bearer ${token}` },
    body: JSON.stringify({ channel, position }),
  })

// Warm-up: one vote in each poll; the subscriptions are live once every subscriber has its update.
const warmA = await gqlRaw(t.url, VOTE, { p: pollA.id, o: [pollA.optionIds[0]] }, warm.token)
if (warmA.errors) throw new Error(`warm-up vote: ${JSON.stringify(warmA.errors)}`)
const warmB = await peka2Vote(warm.token, pollB.channel, pollB.positions[0])
if (warmB.status !== 200) throw new Error(`warm-up peka2 vote: ${warmB.status} ${await warmB.text()}`)
/** what each poll's counts must be: the warm-up vote, then every vote the server accepted */
const expectedOf = (phase: Phase) => OPTIONS.map((_, i) => (phase.okPerOption[i] ?? 0) + (i === 0 ? 1 : 0))
// (with no subscribers — a run to see what the fan-out costs the votes — there is nothing to wait for)
for (const p of SUBSCRIBERS ? [pollA, pollB] : []) {
  const s = await call({ cmd: 'settle', pollId: p.id, expected: [1, 0, 0], since: 0, timeoutMs: 30_000 })
  if (s.behind) throw new Error(`${s.behind} subscribers never got the warm-up update of poll ${p.id}`)
}

// The database alone: one-row INSERTs through the same Prisma client, as many at once as the HTTP storms.
await prisma.$executeRawUnsafe('CREATE TABLE bench_insert (id serial PRIMARY KEY, user_id int NOT NULL)')
const clock = () => performance.timeOrigin + performance.now()
async function insertStorm(): Promise<StormResult> {
  const latencies: number[] = []
  const doneAt: number[] = []
  const t0 = clock()
  const deadline = t0 + SECONDS * 1000
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; clock() < deadline; i = next++) {
        const s = clock()
        await prisma.$executeRaw`INSERT INTO bench_insert (user_id) VALUES (${voters[i % voters.length].id})`
        doneAt.push(clock())
        latencies.push(doneAt[doneAt.length - 1] - s)
      }
    }),
  )
  return { latencies, doneAt, errors: {}, okPerOption: [], t0, t1: clock(), clientCpuMs: 0 }
}

const tokens = voters.map((u) => u.token)
const phases = {
  typename: new Phase('typename', '`{ __typename }` with the token (peer)', prisma),
  votePoll: new Phase('votePoll', 'GraphQL `votePoll`', prisma),
  peka2: new Phase('peka2', 'peka2 `POST /api/poll/vote`', prisma),
  insert: new Phase('insert', 'one-row INSERT through Prisma, no HTTP (peer)', prisma),
}
/** each vote storm's settle: how long until every subscriber had the exact counts */
const settles: Record<'votePoll' | 'peka2', { behind: number; settledMs: number | null }[]> = {
  votePoll: [],
  peka2: [],
}
/** the next voter of each poll: each votes once in each */
const cursor = { votePoll: 0, peka2: 0 }
async function voteStorm(kind: 'votePoll' | 'peka2', poll: typeof pollA) {
  const from = cursor[kind]
  if (from >= voters.length) return
  const slice = voters.slice(from)
  const r = await phases[kind].measure(() =>
    call({
      cmd: 'storm',
      kind,
      url: t.url,
      tokens: slice.map((u) => u.token),
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      ...(kind === 'votePoll'
        ? { pollId: poll.id, choices: slice.map((_, i) => poll.optionIds[choiceOf(from + i)]), options: poll.optionIds }
        : {
            channel: poll.channel,
            choices: slice.map((_, i) => poll.positions[choiceOf(from + i)]),
            options: poll.positions,
          }),
    }),
  )
  cursor[kind] += r.latencies.length
  if (SUBSCRIBERS) {
    const s = await call({
      cmd: 'settle',
      pollId: poll.id,
      expected: expectedOf(phases[kind]),
      since: r.t1,
      timeoutMs: 10_000,
    })
    settles[kind].push(s)
  }
}

for (let n = 1; n <= ROUNDS; n++) {
  await phases.typename.measure(() =>
    call({ cmd: 'storm', kind: 'typename', url: t.url, tokens, concurrency: CONCURRENCY, seconds: SECONDS }),
  )
  await voteStorm('votePoll', pollA)
  await phases.insert.measure(insertStorm)
  await voteStorm('peka2', pollB)
  console.log(`round ${n}/${ROUNDS} done; voted so far: votePoll ${cursor.votePoll}, peka2 ${cursor.peka2}`)
}

const summaries = {
  typename: phases.typename.summary(),
  votePoll: phases.votePoll.summary(),
  peka2: phases.peka2.summary(),
  insert: phases.insert.summary(),
}
for (const s of Object.values(summaries))
  console.log(
    `${s.kind}: ${s.ok}/${s.requests} ok, ${s.perSecond}/s (median second ${s.sustainedPerSecond?.median}/s), p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms; server loop ${s.server.eventLoopBusyPercent} % busy, ${s.server.cpuMsPerRequest} ms CPU per request; ${s.statements.perRequest} statements per request`,
  )

async function updatesOf(kind: 'votePoll' | 'peka2', poll: typeof pollA) {
  if (!SUBSCRIBERS) return null
  const u = await call({
    cmd: 'updates',
    pollId: poll.id,
    windows: phases[kind].windows,
    expected: expectedOf(phases[kind]),
  })
  const settled = settles[kind]
  const result = {
    ...u,
    subscribersBehindAtSomeSettle: Math.max(...settled.map((s) => s.behind)),
    settledMs: Math.max(...settled.map((s) => s.settledMs ?? Infinity)),
  }
  console.log(
    `${kind} updates: ${u.perSubscriberPerSecond.mean}/s per subscriber (most in any second ${u.maxInAnyOneSecond}, closest two ${u.minGapMs} ms apart), ${u.messagesPerSecondAllSubscribers} messages/s in all; last update exact for ${u.lastUpdateExact}/${u.subscribers}, at most ${result.settledMs} ms after a storm's last vote`,
  )
  return result
}
const updates = { votePoll: await updatesOf('votePoll', pollA), peka2: await updatesOf('peka2', pollB) }
await call({ cmd: 'close' })
load.kill()

// The database's own counts must be what the voters were told was counted.
async function dbCounts(poll: typeof pollA) {
  const rows = await prisma.pollTally.groupBy({ by: ['optionId'], where: { pollId: poll.id }, _sum: { votes: true } })
  return poll.optionIds.map((id) => rows.find((r) => r.optionId === id)?._sum.votes ?? 0)
}
const countsMatch = {
  votePoll: JSON.stringify(await dbCounts(pollA)) === JSON.stringify(expectedOf(phases.votePoll)),
  peka2: JSON.stringify(await dbCounts(pollB)) === JSON.stringify(expectedOf(phases.peka2)),
}

/** One vote on a quiet server: the statements it runs, and those of the live update that follows it. */
async function probeVote(send: () => Promise<unknown>) {
  const during: string[] = []
  let stop = onQuery(prisma, (sql) => during.push(shortSql(sql, 160)))
  await send()
  stop()
  const after: string[] = []
  stop = onQuery(prisma, (sql) => after.push(shortSql(sql, 160)))
  await new Promise((r) => setTimeout(r, 1000))
  stop()
  return { vote: during, liveUpdate: after }
}
// the storms' last live updates are read and sent by now: the probes see their own statements only
await new Promise((r) => setTimeout(r, 1000))
const probes = {
  votePoll: await probeVote(() => gqlRaw(t.url, VOTE, { p: pollA.id, o: [pollA.optionIds[1]] }, probe.token)),
  peka2: await probeVote(() => peka2Vote(probe.token, pollB.channel, pollB.positions[1])),
}
const serverRssMiB = round(process.memoryUsage().rss / 2 ** 20, 0)
await t.close()

const result = {
  database,
  voters: VOTES,
  rounds: ROUNDS,
  secondsPerStorm: SECONDS,
  concurrency: CONCURRENCY,
  subscribers: SUBSCRIBERS,
  updatesPerSecondSetting: Number(UPDATES_PER_SECOND),
  subscribeMs: sub.ms,
  phases: summaries,
  updates,
  ratios: {
    votePollToTypename: round(summaries.votePoll.perSecond / summaries.typename.perSecond, 2),
    peka2ToTypename: round(summaries.peka2.perSecond / summaries.typename.perSecond, 2),
    votePollToInsert: round(summaries.votePoll.perSecond / summaries.insert.perSecond, 2),
  },
  countsMatch,
  probes,
  serverRssMiB,
  totalSeconds: round((performance.now() - started) / 1000, 1),
}
// a run with another number of subscribers (0: what the fan-out costs the votes) keeps the default run's files
const name = `polls-${database}${SUBSCRIBERS === 1000 ? '' : `-${SUBSCRIBERS}-subscribers`}`
saveResult(name, result)
writeReport(name, result)
console.log(`done in ${result.totalSeconds} s`)
// figures are kept either way; a run whose counts were wrong somewhere must not pass for a good one
const exact = Object.values(updates).every((u) => !u || u.lastUpdateExact === u.subscribers)
const ok = exact && countsMatch.votePoll && countsMatch.peka2
if (!ok) console.error('polls bench: counts were wrong (see countsMatch and lastUpdateExact above)')
process.exit(ok ? 0 : 1)
