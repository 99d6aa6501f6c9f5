// Failure injection for multi-step writes: a database trigger, created by the test, makes one statement of an operation
// fail (plpgsql RAISE EXCEPTION — PGlite and PostgreSQL alike), guarded by a WHEN clause so it fires for the test's
// rows only. The test then checks that nothing half-written stayed behind (the tables the operation touches, the events
// it would publish, the files it would write), drops the trigger and retries.
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import type { TestApp } from '../helpers/app.js'
import type { GqlResult } from '../helpers/clients.js'

export type Op = 'INSERT' | 'UPDATE' | 'DELETE'

export interface Injected {
  /** how many times the trigger fired (counted by a sequence: nextval survives the rollback) */
  fired(): Promise<number>
  drop(): Promise<void>
}

let seq = 0
const live = new Map<TestApp, Set<Injected>>()

/**
 * Makes `op` on `table` fail for the rows `when` selects (SQL over NEW — OLD for DELETE). `deferred`: the failure comes
 * at COMMIT instead (a deferred constraint trigger), after everything the transaction's callback did, files included.
 */
export async function failOn(
  t: TestApp,
  table: string,
  op: Op,
  when: string,
  opts: { deferred?: boolean } = {},
): Promise<Injected> {
  const name = `inject_fail_${process.pid}_${++seq}`
  const db = t.app.services.prisma
  await db.$executeRawUnsafe(`CREATE SEQUENCE "${name}"`)
  await db.$executeRawUnsafe(
    `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM nextval('"${name}"');
       RAISE EXCEPTION 'injected failure (${name}) on % of %', TG_OP, TG_TABLE_NAME;
     END $$`,
  )
  await db.$executeRawUnsafe(
    opts.deferred
      ? `CREATE CONSTRAINT TRIGGER "${name}" AFTER ${op} ON "${table}" DEFERRABLE INITIALLY DEFERRED
         FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION "${name}"()`
      : `CREATE TRIGGER "${name}" BEFORE ${op} ON "${table}" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION "${name}"()`,
  )
  let dropped = false
  const injected: Injected = {
    async fired() {
      const [row] = await db.$queryRawUnsafe<{ last_value: bigint; is_called: boolean }[]>(
        `SELECT last_value, is_called FROM "${name}"`,
      )
      return row.is_called ? Number(row.last_value) : 0
    },
    async drop() {
      if (dropped) return
      dropped = true
      live.get(t)?.delete(injected)
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${name}" ON "${table}"`)
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "${name}"()`)
      await db.$executeRawUnsafe(`DROP SEQUENCE IF EXISTS "${name}"`)
    },
  }
  if (!live.has(t)) live.set(t, new Set())
  live.get(t)!.add(injected)
  return injected
}

/** Drops every trigger a test left (a failed assertion before its own drop): the next test starts clean. */
export async function dropAll(t: TestApp) {
  for (const i of [...(live.get(t) ?? [])]) await i.drop()
}

/** Every row of the tables, as JSON text sorted (every column, generated ones such as tsvector included). */
export async function snapshot(t: TestApp, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of tables) {
    const rows = await t.app.services.prisma.$queryRawUnsafe<{ j: string }[]>(
      `SELECT to_jsonb(x)::text AS j FROM "${table}" x`,
    )
    out[table] = rows.map((r) => r.j).sort()
  }
  return out
}

export interface Published {
  topic: string
  key: string | number
  payload: any
}

/**
 * Records every event the app publishes from now on (any topic, any key) and still delivers it: the app's one pub/sub
 * object is tapped, not replaced, so subscribers see exactly what they would without the test.
 */
export function tapEvents(t: TestApp) {
  const ps = t.app.services.pubsub
  const original = ps.publish.bind(ps)
  const seen: Published[] = []
  ps.publish = (topic, key, payload) => {
    seen.push({ topic, key, payload: JSON.parse(JSON.stringify(payload)) })
    original(topic, key, payload)
  }
  return {
    /** events recorded so far (presence announcements left out: they follow subscriptions, not writes) */
    get events() {
      return seen.filter((e) => !(e.topic === 'chat.event' && e.payload.kind === 'presence'))
    },
    clear() {
      seen.length = 0
    },
    stop() {
      ps.publish = original
    },
  }
}
export type Tap = ReturnType<typeof tapEvents>

/** Names of the files under UPLOAD_DIR (temp files included, so a half-written one shows). */
export function uploadFiles(uploadDir: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else out.push(path.relative(uploadDir, p))
    }
  }
  walk(uploadDir)
  return out.sort()
}

/** The injected failure reached the client as an unexpected error (masked), not as a rule's refusal. */
export function expectInjectedFailure(r: GqlResult | { status: number; body: unknown }) {
  if ('body' in r) {
    expect(r.status, JSON.stringify(r.body)).toBe(500)
    return
  }
  expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe('INTERNAL_SERVER_ERROR')
}

/**
 * The whole protocol: the state before, the operation under an injected failure (it must fail, the trigger must have
 * fired), then nothing changed and nothing was published; the trigger dropped, the retry must succeed.
 */
export async function underFailure<R>(
  t: TestApp,
  opts: {
    tables: string[]
    inject: () => Promise<Injected>
    run: () => Promise<R>
    /** checks the failed attempt's answer (default: a masked unexpected error) */
    failed?: (r: R) => void
    files?: () => string[]
  },
): Promise<{ retry: R; events: Published[] }> {
  const tap = tapEvents(t)
  try {
    const before = await snapshot(t, opts.tables)
    const filesBefore = opts.files?.()
    const fault = await opts.inject()
    const r = await opts.run()
    ;(opts.failed ?? ((x: R) => expectInjectedFailure(x as GqlResult)))(r)
    expect(await fault.fired(), 'the injected failure fired').toBeGreaterThan(0)
    const after = await snapshot(t, opts.tables)
    for (const table of opts.tables) expect(after[table], `${table} as before`).toEqual(before[table])
    expect(tap.events, 'nothing was published').toEqual([])
    if (opts.files) expect(opts.files(), 'no file was added or removed').toEqual(filesBefore)
    await fault.drop()
    tap.clear()
    const retry = await opts.run()
    return { retry, events: [...tap.events] }
  } finally {
    tap.stop()
  }
}
