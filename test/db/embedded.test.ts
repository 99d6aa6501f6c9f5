import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbedded } from '../../src/db/embedded.js'
import { startTestApp } from '../helpers/app.js'

/**
 * The embedded database trusts every connection, so nobody but its owner may reach it: no TCP port, a Unix socket in
 * a directory only the owner can enter, and its files (and the generated secrets) readable by the owner only.
 */

const TIMEOUT = 90_000 // a fresh directory runs initdb: a few seconds on a small VM
const dirs: string[] = []
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-test-'))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

const mode = (p: string) => fs.statSync(p).mode & 0o777

/** Every path under `dir` that its group or others may read, write or enter. */
function openToOthers(dir: string): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath, e.name)
    if (!e.isSymbolicLink() && mode(p) & 0o077) out.push(`${p} ${mode(p).toString(8)}`)
  }
  return out
}

/** TCP sockets this process listens on (Linux /proc): local address:port of each. */
function tcpListeners(): string[] {
  const own = new Set<string>()
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`))
      if (m) own.add(m[1])
    } catch {
      /* closed meanwhile */
    }
  }
  const out: string[] = []
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue
    for (const line of fs.readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const f = line.trim().split(/\s+/)
      if (f[3] === '0A' && own.has(f[9])) out.push(f[1])
    }
  }
  return out.sort()
}

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(sql)).rows
  } finally {
    await c.end()
  }
}

describe.skipIf(!fs.existsSync('/proc/self/fd'))('embedded database exposure', () => {
  // first: the in-memory start leaves the template the directory starts below restore (no second initdb)
  it(
    'in memory: the socket lives in a private temporary directory, removed on close',
    { timeout: TIMEOUT },
    async () => {
      const before = tcpListeners()
      const db = await startEmbedded({})
      const dir = path.dirname(db.socket)
      try {
        expect(tcpListeners()).toEqual(before)
        expect(mode(dir)).toBe(0o700)
        expect(mode(db.socket) & 0o077).toBe(0)
        expect(await query(db.url, 'SELECT 2 AS two')).toEqual([{ two: 2 }])
      } finally {
        await db.close()
      }
      expect(fs.existsSync(dir)).toBe(false)
    },
  )

  it(
    'DATA_DIR: mode 0700, files for the owner only, a Unix socket inside and no TCP listener',
    { timeout: TIMEOUT },
    async () => {
      const dataDir = path.join(tempDir(), 'data')
      const before = tcpListeners()
      const db = await startEmbedded({ dataDir })
      try {
        expect(tcpListeners()).toEqual(before)
        expect(mode(dataDir)).toBe(0o700)
        expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true)
        expect(openToOthers(dataDir)).toEqual([])
        expect(path.dirname(db.socket)).toBe(dataDir)
        expect(fs.statSync(db.socket).isSocket()).toBe(true)
        expect(new URL(db.url).port).toBe('')
        expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }])
      } finally {
        await db.close()
      }
      expect(fs.existsSync(db.socket)).toBe(false)
    },
  )

  it(
    'a DATA_DIR made with wider rights (an older version, or by hand) is tightened on start',
    { timeout: TIMEOUT },
    async () => {
      const dataDir = path.join(tempDir(), 'data')
      await (await startEmbedded({ dataDir })).close()
      fs.chmodSync(dataDir, 0o755)
      fs.chmodSync(path.join(dataDir, 'PG_VERSION'), 0o666)
      fs.chmodSync(path.join(dataDir, 'base'), 0o777)
      const db = await startEmbedded({ dataDir })
      try {
        expect(mode(dataDir)).toBe(0o700)
        expect(openToOthers(dataDir)).toEqual([])
      } finally {
        await db.close()
      }
    },
  )

  it(
    'the app on a DATA_DIR: the directory is 0700, the generated secret 0600, and HTTP is its only TCP listener',
    { timeout: TIMEOUT },
    async () => {
      const dataDir = path.join(tempDir(), 'data')
      const before = tcpListeners()
      const t = await startTestApp({ DATA_DIR: dataDir })
      try {
        expect(mode(dataDir)).toBe(0o700)
        expect(mode(path.join(dataDir, 'session_secret.secret'))).toBe(0o600)
        expect(openToOthers(dataDir)).toEqual([])
        const added = tcpListeners().filter((l) => !before.includes(l))
        expect(added).toHaveLength(1)
        expect(Number.parseInt(added[0].split(':')[1], 16)).toBe(Number(new URL(t.url).port))
        expect((await fetch(`${t.url}/readyz`)).status).toBe(200)
      } finally {
        await t.close()
      }
    },
  )
})
