// Throwaway Redis and PostgreSQL servers for fault tests: each one is this test's own process on a free loopback port,
// so a test may kill and restart it without touching the shared servers the rest of the suite uses.
// Everything started here is stopped by the test (afterAll) and, as a last resort, when the test process exits.
import { spawn, spawnSync, execFile, type ChildProcess } from 'node:child_process'
import {
  accessSync,
  appendFileSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Synchronous last-resort clean-ups, run when the test process exits (a failed test included) or is told to stop by a
 * signal (an interrupted run: Node's default action for these signals skips 'exit' handlers).
 */
const onExit = new Set<() => void>()
let exitHookInstalled = false
function runExitHooks() {
  for (const f of onExit) {
    try {
      f()
    } catch {
      /* best effort */
    }
  }
  onExit.clear()
}
function atExit(fn: () => void) {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.once('exit', runExitHooks)
    for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      const onSignal = () => {
        runExitHooks()
        process.off(sig, onSignal)
        // nobody else handles it: let the signal do what it would have done without us
        if (process.listenerCount(sig) === 0) process.kill(process.pid, sig)
      }
      process.on(sig, onSignal)
    }
  }
  onExit.add(fn)
  return () => void onExit.delete(fn)
}

/** A loopback port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

// ---------------------------------------------------------------------------------------------------------- Redis

/** Why a throwaway Redis cannot be started here, or null when it can. */
export function redisUnavailable(): string | null {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  if (r.error || r.status !== 0) return 'no redis-server binary on PATH'
  return null
}

/** One RESP round trip on a fresh connection: true when the server answers PING with PONG. */
function redisPing(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port })
    const done = (ok: boolean) => {
      sock.destroy()
      resolve(ok)
    }
    sock.setTimeout(timeoutMs, () => done(false))
    sock.once('error', () => done(false))
    sock.once('connect', () => sock.write('PING\r\n'))
    sock.once('data', (d) => done(d.toString().startsWith('+PONG')))
  })
}

export interface ThrowawayRedis {
  port: number
  url: string
  /** the running server's process id (undefined while stopped) */
  readonly pid: number | undefined
  /** kills the server (SIGKILL by default: a crash, no goodbye to the clients) and waits until it is gone */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** starts it again on the same port and waits until it answers PING */
  start(): Promise<void>
  /** kills it (if running) and removes its directory; safe to call twice */
  destroy(): Promise<void>
}

/** A redis-server child process on a free loopback port: no persistence, empty at every start. */
export async function startRedis(): Promise<ThrowawayRedis> {
  const reason = redisUnavailable()
  if (reason) throw new Error(reason)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fault-redis-'))
  const port = await freePort()
  let child: ChildProcess | undefined
  let output = ''

  const start = async () => {
    if (child) throw new Error('redis-server is already running')
    output = ''
    const c = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--daemonize',
        'no',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    c.once('error', (e) => (output += `\n${e.message}`))
    c.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)))
    c.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)))
    c.once('exit', () => {
      if (child === c) child = undefined
    })
    child = c
    const end = Date.now() + 15_000
    while (Date.now() < end) {
      if (child !== c) throw new Error(`redis-server on port ${port} exited at start:\n${output}`)
      if (await redisPing(port)) return
      await sleep(25)
    }
    await kill()
    throw new Error(`redis-server on port ${port} did not answer PING within 15 s:\n${output}`)
  }

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const c = child
    if (!c) return
    const exited = new Promise<void>((r) =>
      c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r()),
    )
    c.kill(signal)
    const t = setTimeout(() => c.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(t)
    if (child === c) child = undefined
  }

  const forget = atExit(() => {
    child?.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })
  try {
    await start()
  } catch (e) {
    forget()
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid
    },
    kill,
    start,
    async destroy() {
      await kill()
      forget()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// ----------------------------------------------------------------------------------------------------- PostgreSQL

/** Debian's PostgreSQL 15 binaries (the standard distribution path .ci/run uses too). */
const PGBIN = '/usr/lib/postgresql/15/bin'

/** Why a throwaway PostgreSQL cluster cannot be started here, or null when it can. */
export function postgresUnavailable(): string | null {
  try {
    accessSync(path.join(PGBIN, 'initdb'), constants.X_OK)
    accessSync(path.join(PGBIN, 'pg_ctl'), constants.X_OK)
  } catch {
    return `no PostgreSQL 15 binaries in ${PGBIN} (Debian's postgresql-15)`
  }
  if (process.getuid?.() !== 0) return 'not running as root (initdb runs as the postgres user through runuser)'
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) return "no 'postgres' user on this machine"
  if (spawnSync('runuser', ['--help']).error) return 'no runuser binary'
  return null
}

export interface ThrowawayPostgres {
  port: number
  /** the superuser's URL of the `postgres` database (trust authentication) */
  url: string
  /** pg_ctl stop (fast by default: open sessions are terminated, as in a real restart) */
  stop(mode?: 'fast' | 'immediate' | 'smart'): Promise<void>
  start(): Promise<void>
  /** pg_ctl restart -m fast, waiting until the server accepts connections again */
  restart(): Promise<void>
  /** stops the cluster (immediate) and removes its directory; safe to call twice */
  destroy(): Promise<void>
}

/** initdb + pg_ctl start as the postgres user, in a new temporary directory, on a free loopback port. */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const reason = postgresUnavailable()
  if (reason) throw new Error(reason)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fault-pg-'))
  const data = path.join(dir, 'data')
  const sock = path.join(dir, 'sock')
  const log = path.join(dir, 'server.log')
  chownSync(
    dir,
    Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()),
    Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()),
  )
  // as the postgres user, from a directory it may enter
  const asPostgres = (cmd: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', path.join(PGBIN, cmd), ...args], { cwd: dir, timeout: 90_000 })
  const tail = () => {
    try {
      return readFileSync(log, 'utf8').split('\n').slice(-20).join('\n')
    } catch {
      return ''
    }
  }
  let running = false
  const stopSync = () => {
    if (running || existsSync(path.join(data, 'postmaster.pid')))
      spawnSync(
        'runuser',
        ['-u', 'postgres', '--', path.join(PGBIN, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', '-t', '20', 'stop'],
        { cwd: dir, stdio: 'ignore' },
      )
    running = false
    rmSync(dir, { recursive: true, force: true })
  }
  const forget = atExit(stopSync)
  try {
    await run('runuser', ['-u', 'postgres', '--', 'mkdir', sock], { cwd: dir })
    const initdb = (locale: string) =>
      asPostgres('initdb', [
        '-D',
        data,
        '-A',
        'trust',
        '-U',
        'postgres',
        '-E',
        'UTF8',
        locale,
        '--no-sync',
        '--no-instructions',
      ])
    // C.UTF-8 is built into Debian 12's glibc; the C locale otherwise (as .ci/run does)
    await initdb('--locale=C.UTF-8').catch(async () => {
      rmSync(data, { recursive: true, force: true })
      await initdb('--no-locale')
    })
  } catch (e) {
    forget()
    stopSync()
    throw new Error(`initdb failed: ${(e as Error).message}`, { cause: e })
  }
  appendFileSync(
    path.join(data, 'postgresql.conf'),
    `\n# --- throwaway cluster of a fault test ---\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${sock}'\nmax_connections = 100\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n`,
  )
  const start = async () => {
    try {
      await asPostgres('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start'])
      running = true
    } catch (e) {
      throw new Error(`pg_ctl start failed: ${(e as Error).message}\n${tail()}`, { cause: e })
    }
  }
  const stop = async (mode: 'fast' | 'immediate' | 'smart' = 'fast') => {
    await asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop'])
    running = false
  }
  // The port lives in the configuration (the last `port` line wins), so a restart keeps it. Another process may take
  // a free port before the server binds it: then another one.
  let port: number
  for (let attempt = 1; ; attempt++) {
    port = await freePort()
    appendFileSync(path.join(data, 'postgresql.conf'), `port = ${port}\n`)
    try {
      await start()
      break
    } catch (e) {
      if (attempt < 3 && /could not bind|address already in use/i.test((e as Error).message)) continue
      forget()
      stopSync()
      throw e
    }
  }
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    async restart() {
      try {
        await asPostgres('pg_ctl', ['-D', data, '-l', log, '-m', 'fast', '-w', '-t', '60', 'restart'])
        running = true
      } catch (e) {
        throw new Error(`pg_ctl restart failed: ${(e as Error).message}\n${tail()}`, { cause: e })
      }
    },
    destroy() {
      forget()
      stopSync()
      return Promise.resolve()
    },
  }
}
