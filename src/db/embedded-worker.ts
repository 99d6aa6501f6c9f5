// The embedded database's own thread. PGlite executes SQL synchronously in WASM: here a slow query keeps only this
// thread busy, never the server's event loop. embedded.ts starts it and keeps everything else (the directory's lock
// and rights, the umask, the socket's path), so this file only opens the database and serves it on the socket.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface WorkerOptions {
  /** directory to persist to; undefined = in memory */
  dataDir?: string
  /** the Unix socket to listen on (its directory exists and is private) */
  socket: string
  maxConnections: number
  /** a fresh cluster's tarball to start from instead of running initdb */
  loadDataDir?: Blob
  /** compiled once per process and shared by every worker (compiling pglite.wasm is a large part of a start) */
  pgliteWasmModule?: WebAssembly.Module
  initdbWasmModule?: WebAssembly.Module
  /** answer `ready` with a tarball of the fresh cluster, the template of the next in-memory databases */
  dumpTemplate: boolean
}

/** ready: serving on the socket. closed: the socket server stopped and the database closed (its files flushed). */
export type FromWorker = { type: 'ready'; template?: ArrayBuffer } | { type: 'closed' }
export interface ToWorker {
  type: 'close'
}

// A failure is not caught here: it ends the thread and reaches the starter as the worker's 'error' event, message
// and stack included (one path for a refused start and a later crash alike).
async function serve(port: NonNullable<typeof parentPort>, opts: WorkerOptions) {
  const db = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    pgliteWasmModule: opts.pgliteWasmModule,
    initdbWasmModule: opts.initdbWasmModule,
  })
  let template: ArrayBuffer | undefined
  const server = new PGLiteSocketServer({ db, path: opts.socket, maxConnections: opts.maxConnections })
  try {
    // no template is no error: the next in-memory database runs initdb itself
    if (opts.dumpTemplate)
      template = await db.dumpDataDir('none').then(
        (t) => t.arrayBuffer(),
        () => undefined,
      )
    await server.start()
  } catch (e) {
    await db.close().catch(() => undefined)
    throw e
  }
  // the only request is ToWorker's close; a failure to close reaches the starter as 'error', like any other
  port.once('message', () => {
    void (async () => {
      await server.stop()
      await db.close()
      port.postMessage({ type: 'closed' } satisfies FromWorker)
    })()
  })
  port.postMessage({ type: 'ready', template } satisfies FromWorker, template ? [template] : [])
}

if (!parentPort) throw new Error('embedded-worker.ts runs as a worker thread of embedded.ts')
await serve(parentPort, workerData as WorkerOptions)
