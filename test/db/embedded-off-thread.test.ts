import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbedded, type Embedded } from '../../src/db/embedded.js'
import { startTestApp, type TestApp } from '../helpers/app.js'

/**
 * PGlite runs SQL synchronously in WASM: on the server's thread a slow query would stall every other request. The
 * embedded database runs in a worker thread, so the event loop keeps ticking while a query runs.
 */

const SLOW_MS = 500
// far below the slow query (on the server's thread every gap would be ≥ SLOW_MS), above a loaded CI machine's jitter
const MAX_GAP_MS = 100

/** Runs `work` while a 5 ms interval ticks; returns the work's duration and the longest gap between two ticks. */
async function whileTicking(work: () => Promise<unknown>): Promise<{ took: number; worstGap: number }> {
  let last = performance.now()
  let worstGap = 0
  const timer = setInterval(() => {
    const now = performance.now()
    worstGap = Math.max(worstGap, now - last)
    last = now
  }, 5)
  const start = performance.now()
  try {
    await work()
  } finally {
    clearInterval(timer)
  }
  const end = performance.now()
  return { took: end - start, worstGap: Math.max(worstGap, end - last) }
}

describe('the embedded database runs off the event loop', () => {
  let db: Embedded | undefined
  let client: pg.Client | undefined
  beforeAll(async () => {
    db = await startEmbedded({})
    client = new pg.Client({ connectionString: db.url })
    await client.connect()
  })
  afterAll(async () => {
    await client?.end()
    await db?.close()
  })

  it('pg_sleep on one connection does not stall the timers', async () => {
    const c = client!
    const { took, worstGap } = await whileTicking(() => c.query(`SELECT pg_sleep(${SLOW_MS / 1000})`))
    expect(took).toBeGreaterThanOrEqual(SLOW_MS - 10)
    expect(worstGap).toBeLessThan(MAX_GAP_MS)
  })

  it('a CPU-heavy query does not stall the timers', async () => {
    const c = client!
    // computing, not sleeping: the WASM backend is busy for the whole query
    const { took, worstGap } = await whileTicking(() =>
      c.query('SELECT sum(sqrt(g)) FROM generate_series(1, 1500000) AS g'),
    )
    expect(took).toBeGreaterThan(2 * MAX_GAP_MS) // else the query proves nothing
    expect(worstGap).toBeLessThan(MAX_GAP_MS)
  })
})

describe('the app answers while the embedded database runs a slow query', () => {
  let t: TestApp | undefined
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('{ __typename } is answered quickly during a 500 ms query', async () => {
    const { app, url } = t!
    const post = () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      })
    expect((await post()).status).toBe(200) // warm: the first request compiles and caches

    let slowDone = false
    // pg_sleep returns void, which Prisma cannot read: select something it can
    const slow = app.services.prisma.$queryRaw`SELECT 1 AS one FROM pg_sleep(${SLOW_MS / 1000})`.finally(
      () => (slowDone = true),
    )
    slow.catch(() => undefined) // awaited below; not an unhandled rejection should an expectation fail first
    await new Promise((r) => setTimeout(r, 50)) // the slow query is on the database now
    const start = performance.now()
    const res = await post()
    const took = performance.now() - start
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } })
    expect(slowDone).toBe(false) // answered during the slow query, not after it
    expect(took).toBeLessThan(MAX_GAP_MS)
    await slow
  })
})

describe('the database thread', () => {
  it(
    'a database that cannot start rejects the start with its error and keeps no lock',
    { timeout: 90_000 },
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-bad-'))
      try {
        fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '9\n') // a cluster of another major version: PGlite refuses
        await expect(startEmbedded({ dataDir })).rejects.toThrow(/PGlite/)
        expect(fs.readdirSync(dataDir).sort()).toEqual(['PG_VERSION']) // no lock, no socket left
        await expect(startEmbedded({ dataDir })).rejects.toThrow(/PGlite/) // the same error, not "in use"
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    },
  )

  it(
    'under `node --import tsx` (npm start) it serves, and after close() the process exits by itself',
    { timeout: 90_000 },
    async () => {
      const script = `
      import pg from 'pg'
      import { startEmbedded } from './src/db/embedded.ts'
      const db = await startEmbedded()
      const c = new pg.Client({ connectionString: db.url })
      await c.connect()
      const { rows } = await c.query('SELECT 40 + 2 AS n')
      await c.end()
      await db.close()
      console.log(rows[0].n)`
      const run = promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        timeout: 60_000, // a thread left running would keep the process alive until killed here
      })
      expect((await run).stdout.trim()).toBe('42')
    },
  )
})
