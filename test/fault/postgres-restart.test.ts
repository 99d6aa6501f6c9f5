// Fault: the PostgreSQL server restarts under a running app. The connection pool must recover by itself — no app
// restart — and /readyz must say so (503 while the database is gone, 200 once it is back).
// The test runs its OWN throwaway PostgreSQL 15 cluster (initdb as the postgres user, a free loopback port), never the
// shared one. It runs in the PostgreSQL + Redis run (TEST_DATABASE_URL set) where the binaries are; skipped otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { gql, until } from '../helpers/clients.js'
import { graphql } from '../generated/index.js'
import { postgresUnavailable, startPostgres, type ThrowawayPostgres } from '../helpers/services.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { send } from '../chat/support.js'
import { crashWatch, readinessTrace, readyz, sleep } from './support.js'

const SKIP = process.env.TEST_DATABASE_URL
  ? postgresUnavailable()
  : 'TEST_DATABASE_URL is not set: runs in the PostgreSQL + Redis run'

const HISTORY = graphql(
  `query ChatHistoryPostgresRestart($c: String!) { chatHistory(channel: $c, limit: 5) { databaseId text } }`,
)
const TYPENAME = graphql(`query TypenamePostgresRestart { __typename }`)

describe.skipIf(!!SKIP)(`PostgreSQL restarted under a running app${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  let pg: ThrowawayPostgres
  let t: TestApp
  let alice: TestUser
  const watchdog = crashWatch()

  beforeAll(async () => {
    watchdog.start()
    pg = await startPostgres()
    t = await startTestApp({ DATABASE_URL: pg.url }) // migrations are applied at start
    alice = await registerUser(t)
  })
  afterAll(async () => {
    try {
      // each is unset if beforeAll failed before it
      await (t as TestApp | undefined)?.close()
    } finally {
      await (pg as typeof pg | undefined)?.destroy()
      watchdog.stop()
    }
  })

  /** Several statements at once, so the pool holds several connections, each of which the restart kills. */
  const busy = async () => {
    const rs = await Promise.all(Array.from({ length: 8 }, () => gql(t.url, HISTORY, { c: 'main' }, alice.token)))
    for (const r of rs) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
    return rs[0].data?.chatHistory ?? []
  }

  /** Waits until a read and a write both succeed again; returns how long that took. */
  const recovered = async (since: number) => {
    await until(
      async () => {
        const r = await gql(t.url, HISTORY, { c: 'main' }, alice.token)
        return !r.errors
      },
      15_000,
      'a database read succeeding again',
    )
    const readMs = Date.now() - since
    const m = await send(t, alice.token, { channel: 'main', text: `after ${since}` })
    expect((await busy()).map((x) => x.databaseId)).toContain(m.databaseId)
    return { readMs, writeMs: Date.now() - since }
  }

  it('pg_ctl restart -m fast: queries succeed again within seconds, same app, /readyz 503 then 200', async () => {
    expect(t.app.database.embedded).toBe(false)
    expect(t.app.database.url).toBe(pg.url)
    const before = await send(t, alice.token, { channel: 'main', text: 'before the restart' })
    expect((await busy()).map((x) => x.databaseId)).toContain(before.databaseId)
    expect((await readyz(t.url)).status).toBe(200)

    const trace = readinessTrace(t.url, 25)
    await until(() => trace.seen.length > 0, 10_000, 'the first readiness probe')
    const t0 = Date.now()
    await pg.restart() // fast: every session terminated, the server down for a moment
    const restartMs = Date.now() - t0
    const { readMs, writeMs } = await recovered(t0)
    await until(() => trace.seen.at(-1)?.status === 200 && trace.seen.length > 1, 10_000, '/readyz back to 200')
    const seen = await trace.stop()
    // The server is down for a moment only (~0.2 s here), so a probe may miss it on a loaded machine: the next test
    // stops it for seconds and requires the 503. What must never be seen is anything but 200 and 503 (a hang or a
    // dropped connection), or a 503 at the end.
    const statuses = seen.map((s) => s.status)
    expect(statuses.join(','), JSON.stringify(seen)).toMatch(/^200(,503,200)?$/)
    if (statuses.length > 1) expect(seen[1].checks.database).not.toBe('ok')
    const window = statuses.length > 1 ? `${seen[2].at - seen[1].at} ms` : 'not caught by the probe'
    console.info(
      `[fault] postgres restart -m fast took ${restartMs} ms; reads back ${readMs} ms, writes back ${writeMs} ms after it began; /readyz 503 window ${window}`,
    )
  })

  it('stopped for a few seconds: clean errors meanwhile (no crash, HTTP keeps answering), then it recovers', async () => {
    const t0 = Date.now()
    await pg.stop('fast')
    const down = await readyz(t.url)
    expect(down.status).toBe(503)
    expect(down.body.checks.pubsub).toBe('ok')
    expect(down.body.checks.database).not.toBe('ok')
    while (Date.now() - t0 < 3_000) {
      // no database needed: answered
      const ping = await gql(t.url, TYPENAME)
      expect(ping.status).toBe(200)
      expect(ping.data).toEqual({ __typename: 'Query' })
      // the database needed: a masked error naming no internals, not a hang or a dropped connection
      const started = Date.now()
      const r = await gql(t.url, HISTORY, { c: 'main' }, alice.token)
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe('INTERNAL_SERVER_ERROR')
      expect(r.errors![0].message).toMatch(/\(request id [\w-]+\)$/)
      expect(r.errors![0].message).not.toMatch(/ECONNREFUSED|connect|postgres|prisma/i)
      expect(Date.now() - started).toBeLessThan(5_000)
      await sleep(250)
    }
    const stoppedMs = Date.now() - t0
    const t1 = Date.now()
    await pg.start()
    const { readMs, writeMs } = await recovered(t1)
    await until(async () => (await readyz(t.url)).status === 200, 10_000, '/readyz back to 200')
    console.info(
      `[fault] postgres stopped ${stoppedMs} ms; after start: reads back in ${readMs} ms, writes in ${writeMs} ms`,
    )
    await sleep(200)
    expect(watchdog.crashes).toEqual([])
  })
})
