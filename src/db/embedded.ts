// Embedded PostgreSQL: PGlite (Postgres in WASM) served over the wire protocol, so the app uses the same
// PrismaPg + pg path as with a real server.
//
// PGlite trusts every connection (no passwords), so nobody but this process's user may reach it: it listens on a Unix
// socket (no TCP port at all) in a directory only the owner can enter — DATA_DIR itself, mode 0700 — or, for an
// in-memory database or a DATA_DIR whose path is too long for a socket, a private temporary directory (0700).
// The database files are made under a 0077 umask and tightened to the owner after start (PGlite writes some 0666).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface EmbeddedOptions {
  /** Directory to persist to; undefined = in-memory. */
  dataDir?: string
  /** Must be ≥ the pg pool size, or extra connections are refused. */
  maxConnections?: number
}

export interface Embedded {
  url: string
  /** the Unix socket the database listens on */
  socket: string
  close(): Promise<void>
}

/** The name pg and libpq look for in a socket directory (`host=<dir>`, port 5432). */
const SOCKET_NAME = '.s.PGSQL.5432'
/** sun_path holds 108 bytes on Linux, 104 on macOS: longer socket paths cannot be bound. */
const MAX_SOCKET_PATH = 100

// process.umask is process-wide: nested users (several databases opening at once in one process) share one
// tightened umask and the last one out restores the original.
let umaskDepth = 0
let savedUmask = 0
async function privately<T>(fn: () => Promise<T>): Promise<T> {
  let entered = false
  try {
    if (umaskDepth === 0) savedUmask = process.umask(0o077)
    umaskDepth++
    entered = true
  } catch {
    // worker threads cannot change the umask: the 0700 directory still keeps everyone else out
  }
  try {
    return await fn()
  } finally {
    if (entered && --umaskDepth === 0) process.umask(savedUmask)
  }
}

/** Strips group and other permissions from everything under `dir` (never follows symbolic links). */
function tighten(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isSymbolicLink()) continue
    if (entry.isDirectory()) tighten(p)
    const mode = fs.statSync(p).mode & 0o7777
    if (mode & 0o077) fs.chmodSync(p, mode & ~0o077)
  }
}

/** A private directory for the socket: DATA_DIR when the socket path fits, otherwise a fresh 0700 temp directory. */
function socketDir(dataDir: string | undefined): { dir: string; temporary: boolean } {
  if (dataDir && path.join(dataDir, SOCKET_NAME).length <= MAX_SOCKET_PATH) return { dir: dataDir, temporary: false }
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'streamhub-db-')), temporary: true } // mkdtemp: mode 0700
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' // exists, owned by someone else
  }
}

// Nothing in PGlite locks its directory and two processes on one directory corrupt it: take a pid lock file.
function acquireLock(dir: string, shown: string): () => void {
  const file = path.join(dir, '.lock')
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file)
        } catch {
          /* already gone */
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    let pid: number
    try {
      pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10)
    } catch {
      continue // removed between our open and read: retry
    }
    if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) {
      throw new Error(`DATA_DIR ${shown} is in use by process ${pid}`)
    }
    fs.rmSync(file, { force: true }) // stale (owner died, or garbage): take it over
  }
  throw new Error(`DATA_DIR ${shown}: could not acquire ${file}`)
}

// initdb costs ~2 s per in-memory instance; restoring a tarball of a fresh cluster takes ~0.5 s (PGlite's clone()
// does the same), which keeps tests that start many throwaway databases fast.
let template: Promise<Blob> | undefined
async function freshInMemory(): Promise<PGlite> {
  if (template) {
    const loadDataDir = await template.catch(() => undefined)
    if (loadDataDir) return PGlite.create({ loadDataDir })
  }
  const db = await PGlite.create()
  if (!template) {
    template = db.dumpDataDir('none')
    template.catch(() => (template = undefined))
    await template.catch(() => undefined)
  }
  return db
}

export async function startEmbedded(opts: EmbeddedOptions = {}): Promise<Embedded> {
  const maxConnections = opts.maxConnections ?? 20
  let release: () => void = () => undefined
  let db: PGlite
  let dir: string | undefined
  if (opts.dataDir) {
    dir = path.resolve(opts.dataDir)
    fs.mkdirSync(path.dirname(dir), { recursive: true }) // PGlite's own mkdir is not recursive
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    fs.chmodSync(dir, 0o700) // a directory made before (or by hand) with wider rights is tightened
    release = acquireLock(dir, opts.dataDir) // the message names the directory as configured
    try {
      // A fresh directory starts from the template when this process already has one (no initdb).
      const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'))
      const loadDataDir = fresh && template ? await template.catch(() => undefined) : undefined
      const where = dir
      db = await privately(() => PGlite.create({ dataDir: where, loadDataDir }))
      tighten(dir)
    } catch (e) {
      release()
      throw e
    }
  } else {
    db = await freshInMemory()
  }
  const sock = socketDir(dir)
  const socket = path.join(sock.dir, SOCKET_NAME)
  const removeSocket = () => {
    if (sock.temporary) fs.rmSync(sock.dir, { recursive: true, force: true })
    else fs.rmSync(socket, { force: true })
  }
  // a socket file left by a process that died: ours now (we hold the directory's lock)
  if (!sock.temporary) fs.rmSync(socket, { force: true })
  const server = new PGLiteSocketServer({ db, path: socket, maxConnections })
  try {
    await privately(() => server.start())
    fs.chmodSync(socket, 0o600)
  } catch (e) {
    await server.stop().catch(() => undefined)
    await db.close().catch(() => undefined)
    removeSocket()
    release()
    throw e
  }
  let closing: Promise<void> | undefined
  return {
    // pg (and psql) take a socket directory as the host
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(sock.dir)}`,
    socket,
    close() {
      closing ??= (async () => {
        try {
          await server.stop()
          await db.close()
        } finally {
          removeSocket()
          release()
        }
      })()
      return closing
    },
  }
}
