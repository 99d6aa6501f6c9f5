// Embedded PostgreSQL: PGlite (Postgres in WASM) served over the wire protocol, so the app uses the same
// PrismaPg + pg path as with a real server. PGlite runs SQL synchronously: it runs in a worker thread
// (embedded-worker.ts), so the server's event loop never waits for a query; this thread keeps the directory's lock and
// rights, the umask and the socket's path.
//
// PGlite trusts every connection (no passwords), so nobody but this process's user may reach it: it listens on a Unix
// socket (no TCP port at all) in a directory only the owner can enter — DATA_DIR itself, mode 0700 — or, for an
// in-memory database or a DATA_DIR whose path is too long for a socket, a private temporary directory (0700).
// The database files are made under a 0077 umask and tightened to the owner after start (PGlite writes some 0666).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { FromWorker, ToWorker, WorkerOptions } from './embedded-worker.js'

export interface EmbeddedOptions {
  /** Directory to persist to; undefined = in-memory. */
  dataDir?: string
  /** Must be ≥ the pg pool size, or extra connections are refused. */
  maxConnections?: number
  /** Told when the database's thread dies while serving (its socket is gone: queries and readiness fail). */
  onCrash?: (error: Error) => void
  /** A cluster tarball (dumpDataDir) a fresh database starts from, instead of the process's own template or initdb. */
  templateFile?: string
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
/** initdb on a fresh directory takes seconds on a small, busy machine; a thread that never answers must not hang us. */
const START_TIMEOUT_MS = 60_000
/** closing waits for a running query to finish, then flushes the database */
const CLOSE_TIMEOUT_MS = 60_000

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

// initdb costs ~2.5 s per in-memory instance; restoring a tarball of a fresh cluster takes ~0.4 s (PGlite's clone()
// does the same), which keeps tests that start many throwaway databases fast. The first in-memory database of the
// process dumps its fresh cluster; the others (and a fresh DATA_DIR) start from it.
let template: Promise<Blob | undefined> | undefined

// The worker is TypeScript: Node 20 does not apply the parent's `--import tsx` hooks to a worker's entry (neither under
// `node --import tsx` nor `tsx`, and vitest transforms without Node hooks at all), so a small ESM entry registers tsx
// in the worker, then imports the file. It imports PGlite and its socket server first, without tsx: through tsx's
// hooks their large files load in ~250 ms instead of ~20, and the worker's own imports find them in the module cache.
// execArgv: [] — no parent flags (the loaders of tsx or vitest) rerun in the worker.
const resolved = (specifier: string) => JSON.stringify(import.meta.resolve(specifier))
const WORKER_ENTRY = `Promise.all([import(${resolved('@electric-sql/pglite')}), import(${resolved('@electric-sql/pglite-socket')}),
  import(${resolved('tsx/esm/api')})]).then(([, , { register }]) => {
    register()
    return import(${JSON.stringify(new URL('./embedded-worker.ts', import.meta.url).href)})
  })`

// Each worker would compile pglite.wasm anew and run it unoptimised until V8 tiers it up again; a module compiled once
// here is shared by every worker, code and tier-up alike. The .wasm files lie beside PGlite's entry, where PGlite
// itself loads them from; should a later version move them, each worker lets PGlite load its own.
let wasm: Promise<Pick<WorkerOptions, 'pgliteWasmModule' | 'initdbWasmModule'>> | undefined
function compiledWasm() {
  wasm ??= (async () => {
    const dist = import.meta.resolve('@electric-sql/pglite')
    const compile = async (file: string) => WebAssembly.compile(await fs.promises.readFile(new URL(file, dist)))
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([compile('pglite.wasm'), compile('initdb.wasm')])
    return { pgliteWasmModule, initdbWasmModule }
  })().catch(() => ({}))
  return wasm
}

function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`embedded database: ${what} took more than ${ms / 1000} s`)), ms)
  })
  return Promise.race([p, late]).finally(() => clearTimeout(timer))
}

/** The first answer of the worker; its 'error' (a failure, message and stack included) or its end rejects. */
function answer(worker: Worker, what: string): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
    }
    const onMessage = (m: FromWorker) => {
      done()
      resolve(m)
    }
    const onError = (e: Error) => {
      done()
      reject(e)
    }
    const onExit = (code: number) => {
      done()
      reject(new Error(`embedded database: its thread ended (exit code ${code}) before ${what}`))
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
  })
}

/** Starts the database's thread; resolves once it serves on the socket. */
async function startWorker(opts: WorkerOptions): Promise<{ worker: Worker; template?: ArrayBuffer }> {
  const worker = new Worker(WORKER_ENTRY, { eval: true, execArgv: [], workerData: opts })
  try {
    const m = await within(START_TIMEOUT_MS, 'the start', answer(worker, 'it was ready'))
    if (m.type !== 'ready') throw new Error(`embedded database: unexpected answer ${m.type} to the start`)
    return { worker, template: m.template }
  } catch (e) {
    await worker.terminate()
    throw e
  }
}

/** Asks the thread to stop serving and close the database (files flushed), then ends it. */
async function stopWorker(worker: Worker): Promise<void> {
  try {
    const closed = answer(worker, 'the database was closed')
    worker.postMessage({ type: 'close' } satisfies ToWorker)
    await within(CLOSE_TIMEOUT_MS, 'closing', closed)
  } finally {
    await worker.terminate()
  }
}

export async function startEmbedded(opts: EmbeddedOptions = {}): Promise<Embedded> {
  const maxConnections = opts.maxConnections ?? 20
  const onCrash = opts.onCrash ?? ((e: Error) => console.error(`embedded database stopped: ${e.message}`))
  let release: () => void = () => undefined
  let dir: string | undefined
  if (opts.dataDir) {
    dir = path.resolve(opts.dataDir)
    fs.mkdirSync(path.dirname(dir), { recursive: true }) // PGlite's own mkdir is not recursive
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    fs.chmodSync(dir, 0o700) // a directory made before (or by hand) with wider rights is tightened
    release = acquireLock(dir, opts.dataDir) // the message names the directory as configured
  }
  let sock: { dir: string; temporary: boolean }
  try {
    sock = socketDir(dir)
  } catch (e) {
    release()
    throw e
  }
  const socket = path.join(sock.dir, SOCKET_NAME)
  const removeSocket = () => {
    if (sock.temporary) fs.rmSync(sock.dir, { recursive: true, force: true })
    else fs.rmSync(socket, { force: true })
  }

  // A fresh cluster (in memory, or a new DATA_DIR) starts from the template when the process has one (no initdb);
  // the first in-memory one makes it, and starts meanwhile wait for it rather than each running initdb.
  const fresh = !dir || !fs.existsSync(path.join(dir, 'PG_VERSION'))
  let loadDataDir: Blob | undefined
  let makeTemplate: ((t: Blob | undefined) => void) | undefined
  if (fresh && opts.templateFile) loadDataDir = new Blob([await fs.promises.readFile(opts.templateFile)])
  else if (fresh && template) loadDataDir = await template
  else if (fresh && !dir) template = new Promise((resolve) => (makeTemplate = resolve))
  const settleTemplate = (t: ArrayBuffer | undefined) => {
    if (!makeTemplate) return
    if (!t) template = undefined // the next in-memory start tries again
    makeTemplate(t && new Blob([t]))
  }

  const modules = await compiledWasm()
  let worker: Worker
  try {
    // a socket file left by a process that died: ours now (we hold the directory's lock)
    if (!sock.temporary) fs.rmSync(socket, { force: true })
    const started = await privately(() =>
      startWorker({ dataDir: dir, socket, maxConnections, loadDataDir, dumpTemplate: !!makeTemplate, ...modules }),
    )
    worker = started.worker
    settleTemplate(started.template)
  } catch (e) {
    settleTemplate(undefined)
    removeSocket()
    release()
    throw e
  }
  let closing: Promise<void> | undefined
  let crashed = false
  // after the start, a failure in the thread is no one's rejection: report it (a crash ends the thread: 'exit' follows)
  worker.on('error', (e) => {
    if (!closing && !crashed) onCrash(e)
    crashed = true
  })
  worker.on('exit', (code) => {
    if (!closing && !crashed) onCrash(new Error(`its thread ended (exit code ${code})`))
    crashed = true
  })
  try {
    if (dir) tighten(dir)
    fs.chmodSync(socket, 0o600)
  } catch (e) {
    await stopWorker(worker).catch(() => undefined)
    removeSocket()
    release()
    throw e
  }
  return {
    // pg (and psql) take a socket directory as the host
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(sock.dir)}`,
    socket,
    close() {
      closing ??= (async () => {
        try {
          if (crashed) await worker.terminate()
          else await stopWorker(worker)
        } finally {
          removeSocket()
          release()
        }
      })()
      return closing
    },
  }
}
