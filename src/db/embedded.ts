// Embedded PostgreSQL: PGlite (Postgres in WASM) served over the wire protocol, so the app uses the same
// PrismaPg + pg path as with a real server.
import fs from 'node:fs'
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
  close(): Promise<void>
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
    let pid = NaN
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
    await template.catch(() => {})
  }
  return db
}

export async function startEmbedded(opts: EmbeddedOptions = {}): Promise<Embedded> {
  const maxConnections = opts.maxConnections ?? 20
  let release = () => {}
  let db: PGlite
  if (opts.dataDir) {
    const dir = path.resolve(opts.dataDir)
    fs.mkdirSync(dir, { recursive: true }) // PGlite's own mkdir is not recursive
    release = acquireLock(dir, opts.dataDir) // the message names the directory as configured
    try {
      // A fresh directory starts from the template when this process already has one (no initdb).
      const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'))
      const loadDataDir = fresh && template ? await template.catch(() => undefined) : undefined
      db = await PGlite.create({ dataDir: dir, loadDataDir })
    } catch (e) {
      release()
      throw e
    }
  } else {
    db = await freshInMemory()
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections })
  try {
    await server.start()
  } catch (e) {
    await db.close().catch(() => {})
    release()
    throw e
  }
  // After start() the server reports the port the OS picked for port 0.
  const port = Number(server.getServerConn().split(':').pop())
  let closing: Promise<void> | undefined
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    close() {
      closing ??= (async () => {
        try {
          await server.stop()
          await db.close()
        } finally {
          release()
        }
      })()
      return closing
    },
  }
}
