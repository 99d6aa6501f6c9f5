/**
 * The client side of bench/polls-votes.ts, in a process of its own so that the server (in the bench's process) and
 * its clients do not share one event loop: graphql-ws subscribers to pollUpdated, and HTTP request storms with
 * bounded concurrency. The parent sends one command at a time over IPC and gets one answer each.
 */
import { createClient, type Client } from 'graphql-ws'
import WebSocket from 'ws'
import { round } from './lib.js'

export type StormKind = 'votePoll' | 'peka2' | 'typename'

export type Command =
  | { cmd: 'subscribe'; url: string; tokens: string[]; pollIds: number[] }
  | { cmd: 'settle'; pollId: number; expected: number[]; since: number; timeoutMs: number }
  | {
      cmd: 'storm'
      kind: StormKind
      url: string
      tokens: string[]
      /** votePoll: the poll; peka2: the channel (its running poll) */
      pollId?: number
      channel?: string
      /** per request: votePoll the option id, peka2 the position; its index in `options` is what the tally counts */
      choices?: number[]
      options?: number[]
      concurrency: number
      /** no request is sent after this long: the storm ends at whichever comes first, this or the last token */
      seconds: number
    }
  | { cmd: 'updates'; pollId: number; windows: [number, number][]; expected: number[] }
  | { cmd: 'close' }

interface Seen {
  at: number
  counts: number[]
}

const now = () => performance.timeOrigin + performance.now()
const SUBSCRIPTION = `subscription($id: Int!) {
  pollUpdated(pollId: $id) { change poll { databaseId totalVotes options { databaseId votes } } }
}`

let clients: Client[] = []
/** per subscriber: poll id → the VOTES updates it received */
let seen: Map<number, Seen[]>[] = []
/** per subscriber: poll id → the counts of its last update (any change) */
let last: Map<number, number[]>[] = []

async function subscribe(url: string, tokens: string[], pollIds: number[]) {
  const t0 = now()
  const wsUrl = `${url.replace(/^http/, 'ws')}/graphql`
  seen = tokens.map(() => new Map(pollIds.map((id) => [id, []])))
  last = tokens.map(() => new Map())
  let connected = 0
  let failed = 0
  const batch = 100
  for (let i = 0; i < tokens.length; i += batch) {
    await Promise.all(
      tokens.slice(i, i + batch).map(
        (token, j) =>
          new Promise<void>((resolve) => {
            const k = i + j
            const client = createClient({
              url: wsUrl,
              webSocketImpl: WebSocket,
              connectionParams: { authorization: `Bearer ${token}` },
              retryAttempts: 0,
              lazy: true,
              on: {
                connected: () => {
                  connected++
                  resolve()
                },
                closed: () => {
                  resolve()
                },
                error: () => {
                  failed++
                  resolve()
                },
              },
            })
            clients[k] = client
            for (const id of pollIds)
              client.subscribe(
                { query: SUBSCRIPTION, variables: { id } },
                {
                  next: (r: any) => {
                    const u = r.data?.pollUpdated
                    if (!u) return
                    const counts = u.poll.options.map((o: { votes: number }) => o.votes)
                    last[k].set(id, counts)
                    if (u.change === 'VOTES') seen[k].get(id)!.push({ at: now(), counts })
                  },
                  error: () => failed++,
                  complete: () => {},
                },
              )
          }),
      ),
    )
  }
  return { connected, failed, ms: round(now() - t0, 0) }
}

const same = (a: number[] | undefined, b: number[]) => !!a && a.length === b.length && a.every((v, i) => v === b[i])

/**
 * Waits until every subscriber's last update of the poll has `expected` counts; answers when the last of them
 * received it, counted from `since` (the storm's last answer), and how many never did within the timeout.
 */
async function settle(pollId: number, expected: number[], since: number, timeoutMs: number) {
  const until = now() + timeoutMs
  const behind = () => last.filter((l) => !same(l.get(pollId), expected)).length
  while (behind() && now() < until) await new Promise((r) => setTimeout(r, 20))
  // when each subscriber first saw the final counts
  const arrivals = seen.map((s) => s.get(pollId)!.find((u) => same(u.counts, expected))?.at ?? Infinity)
  const latest = Math.max(...arrivals)
  return { behind: behind(), settledMs: Number.isFinite(latest) ? round(latest - since, 0) : null }
}

function request(c: Extract<Command, { cmd: 'storm' }>, i: number): { path: string; body: unknown } {
  if (c.kind === 'typename') return { path: '/graphql', body: { query: '{ __typename }' } }
  if (c.kind === 'peka2') return { path: '/api/poll/vote', body: { channel: c.channel, position: c.choices![i] } }
  return {
    path: '/graphql',
    body: {
      query: 'mutation($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }',
      variables: { p: c.pollId, o: [c.choices![i]] },
    },
  }
}

/** Whether an answer is a success, else its error (code or message). */
function outcome(kind: StormKind, status: number, body: any): string | null {
  if (kind === 'peka2') return status === 200 ? null : `${status} ${body?.message ?? ''}`.trim()
  if (body?.errors) return body.errors[0]?.extensions?.code ?? body.errors[0]?.message ?? 'error'
  if (kind === 'typename') return body?.data?.__typename === 'Query' ? null : 'no data'
  return body?.data?.votePoll?.pollId ? null : 'no data'
}

/**
 * One request per token in order, `concurrency` in flight, until the tokens or the time run out: each request's
 * latency and when it completed, failures by code, successes per option.
 */
async function storm(c: Extract<Command, { cmd: 'storm' }>) {
  const latencies: number[] = []
  const doneAt: number[] = []
  const errors: Record<string, number> = {}
  const okPerOption = (c.options ?? []).map(() => 0)
  let next = 0
  const cpu0 = process.cpuUsage()
  const t0 = now()
  const deadline = t0 + c.seconds * 1000
  await Promise.all(
    Array.from({ length: c.concurrency }, async () => {
      for (let i = next++; i < c.tokens.length && now() < deadline; i = next++) {
        const { path, body } = request(c, i)
        const s = now()
        const res = await fetch(`${c.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${c.tokens[i]}` },
          body: JSON.stringify(body),
        })
        const text = await res.text()
        const e = outcome(c.kind, res.status, text ? JSON.parse(text) : null)
        const end = now()
        latencies.push(end - s)
        doneAt.push(end)
        if (e) errors[e] = (errors[e] ?? 0) + 1
        else if (c.choices) okPerOption[c.options!.indexOf(c.choices[i])]++
      }
    }),
  )
  const cpu = process.cpuUsage(cpu0)
  return { latencies, doneAt, errors, okPerOption, t0, t1: now(), clientCpuMs: (cpu.user + cpu.system) / 1000 }
}

export type StormResult = Awaited<ReturnType<typeof storm>>

/**
 * What the subscribers saw of a poll's counts during the storms' windows: updates per second each, the most in any
 * one second of a window, the closest two updates, the messages/s of all of them, and whose last update is exact.
 */
function updates(pollId: number, windows: [number, number][], expected: number[]) {
  const seconds = windows.reduce((n, [from, to]) => n + (to - from) / 1000, 0)
  const counts: number[] = []
  let maxInOneSecond = 0
  let minGap = Infinity
  let total = 0
  for (const s of seen) {
    const all = s.get(pollId)!
    total += all.length
    let inside = 0
    for (const [from, to] of windows) {
      const buckets = new Map<number, number>()
      for (const u of all.filter((x) => x.at >= from && x.at <= to)) {
        inside++
        const b = Math.floor((u.at - from) / 1000)
        buckets.set(b, (buckets.get(b) ?? 0) + 1)
      }
      maxInOneSecond = Math.max(maxInOneSecond, ...buckets.values())
    }
    counts.push(inside)
    for (let i = 1; i < all.length; i++) minGap = Math.min(minGap, all[i].at - all[i - 1].at)
  }
  counts.sort((a, b) => a - b)
  const subscribers = seen.length
  const sum = counts.reduce((a, b) => a + b, 0)
  return {
    subscribers,
    windowSeconds: round(seconds),
    perSubscriberPerSecond: {
      mean: round(sum / subscribers / seconds),
      min: round(counts[0] / seconds),
      max: round(counts[subscribers - 1] / seconds),
    },
    maxInAnyOneSecond: maxInOneSecond,
    minGapMs: Number.isFinite(minGap) ? round(minGap, 0) : null,
    messagesPerSecondAllSubscribers: round(sum / seconds, 0),
    updatesPerSubscriber: round(total / subscribers, 1),
    lastUpdateExact: last.filter((l) => same(l.get(pollId), expected)).length,
  }
}

async function handle(c: Command): Promise<unknown> {
  switch (c.cmd) {
    case 'subscribe':
      return subscribe(c.url, c.tokens, c.pollIds)
    case 'settle':
      return settle(c.pollId, c.expected, c.since, c.timeoutMs)
    case 'storm':
      return storm(c)
    case 'updates':
      return updates(c.pollId, c.windows, c.expected)
    case 'close':
      await Promise.all(
        clients.map(async (cl) => {
          await cl.dispose()
        }),
      )
      clients = []
      return { closed: true }
  }
}

// the bench is gone (it failed, or was stopped): the sockets must not keep this process alive
process.on('disconnect', () => process.exit(0))
process.on('message', (c: Command) => {
  handle(c).then(
    (result) => process.send!({ result }),
    (e: unknown) => process.send!({ error: String(e instanceof Error ? e.stack : e) }),
  )
})
