import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gql } from '../helpers/clients.js'
import { registerUser } from './support.js'
import { graphql } from '../generated/index.js'

/**
 * The real entry point (`npm start` = tsx scripts/start.ts) as a child process. It always uses the embedded database in its
 * own DATA_DIR: DATABASE_URL and REDIS_URL are not passed on, so this file works the same in both CI runs.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

interface Server {
  child: ChildProcess
  stdout: string[]
  stderr: string[]
  /** resolves with the 'server ready' log record; rejects if the process exits first */
  ready: Promise<{ graphql: string; startupMs: number; base: string; wallMs: number }>
  exited: Promise<number | null>
}

const children = new Set<ChildProcess>()
const dirs: string[] = []

function baseEnv(): NodeJS.ProcessEnv {
  const test = /^(DATABASE_URL|REDIS_URL|REDIS_PREFIX|TEST_|VITEST|NODE_ENV$|PLUGINS$|SESSION_SECRET$)/
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !test.test(k)))
}

function start(env: Record<string, string>): Server {
  const t0 = performance.now()
  const child = spawn(TSX, ['scripts/start.ts'], {
    cwd: ROOT,
    env: { ...baseEnv(), LOG_LEVEL: 'info', SEED_DEMO: 'false', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  children.add(child)
  const stdout: string[] = []
  const stderr: string[] = []
  // 'close', not 'exit': stdout and stderr are complete by then
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      children.delete(child)
      resolve(code)
    }),
  )
  const ready = new Promise<{ graphql: string; startupMs: number; base: string; wallMs: number }>((resolve, reject) => {
    let buf = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString()
      let i
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 1)
        stdout.push(line)
        try {
          const rec = JSON.parse(line)
          if (rec.msg === 'server ready')
            resolve({
              graphql: rec.graphql,
              startupMs: rec.startupMs,
              base: rec.graphql.replace(/\/graphql$/, ''),
              wallMs: Math.round(performance.now() - t0),
            })
        } catch {
          /* not JSON */
        }
      }
    })
    let ebuf = ''
    child.stderr.on('data', (chunk: Buffer) => {
      ebuf += chunk.toString()
      let i
      while ((i = ebuf.indexOf('\n')) >= 0) {
        stderr.push(ebuf.slice(0, i))
        ebuf = ebuf.slice(i + 1)
      }
    })
    child.stderr.on('end', () => {
      if (ebuf) stderr.push(ebuf)
    })
    void exited.then((code) =>
      reject(new Error(`exited with ${code} before ready:\n${stdout.join('\n')}\n${stderr.join('\n')}`)),
    )
  })
  ready.catch(() => {})
  return { child, stdout, stderr, ready, exited }
}

/** resolves with the exit code, or fails after ms */
async function exitWithin(s: Server, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      s.exited,
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms)),
      ),
    ])
  } finally {
    clearTimeout(timer)
  }
}

const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'streamhub-lifecycle-'))
  dirs.push(d)
  return d
}
/**
 * The server's own pid, from its DATA_DIR lock file. Signals go to it, not to the tsx CLI wrapper: tsx relays a
 * signal it receives to its child and SIGKILLs that child when it does not acknowledge within 2 × 30 ms, which a busy
 * event loop on a loaded machine misses (exit 130 instead of a graceful 0).
 */
const serverPid = (dataDir: string) => Number.parseInt(fs.readFileSync(path.join(dataDir, '.lock'), 'utf8').trim(), 10)

const nonEmpty = (lines: string[]) => lines.map((l) => l.trim()).filter(Boolean)
/** stderr without the one-time notice that a SESSION_SECRET was generated in a fresh DATA_DIR */
const errorLines = (s: Server) =>
  nonEmpty(s.stderr).filter((l) => !l.startsWith('SESSION_SECRET is not set: generated'))

afterAll(() => {
  // detached: each server is its own process group (tsx CLI + the node process it starts), killed as a whole
  for (const c of children) if (c.pid) process.kill(-c.pid, 'SIGKILL')
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

// concurrent: the config refusal runs while the main flow waits on its child processes
describe.concurrent('the real server process', () => {
  it('starts on an empty DATA_DIR, refuses a second process on it, stops on SIGTERM, restarts with its data', async () => {
    const dataDir = tempDir()

    // 1. empty DATA_DIR
    const first = start({ DATA_DIR: dataDir })
    const r1 = await first.ready
    expect(r1.graphql).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/)
    expect((await fetch(`${r1.base}/readyz`)).status).toBe(200)
    const user = await registerUser(r1.base)

    // 2. a second process on the same DATA_DIR exits 1 with one clear line, and does not disturb the first
    const second = start({ DATA_DIR: dataDir })
    expect(await exitWithin(second, 60_000)).toBe(1)
    expect(nonEmpty(second.stderr), second.stderr.join('\n')).toHaveLength(1)
    expect(second.stderr.join('\n')).toMatch(/DATA_DIR .*is in use by process \d+/)
    expect(second.stdout.some((l) => l.includes('server ready'))).toBe(false)
    expect((await gql(r1.base, graphql(`query Viewer { viewer { databaseId } }`), undefined, user.token)).data).toEqual(
      {
        viewer: { databaseId: user.id },
      },
    )

    // 3. SIGTERM: graceful exit 0 within a few seconds, lock released
    const pid1 = serverPid(dataDir)
    expect(pid1).not.toBe(first.child.pid) // tsx runs the server in a child process
    const stopAt = performance.now()
    process.kill(pid1, 'SIGTERM')
    expect(await exitWithin(first, 10_000)).toBe(0)
    const stopMs = Math.round(performance.now() - stopAt)
    expect(stopMs).toBeLessThan(5000)
    expect(first.stdout.some((l) => /"msg":"shutting down".*"signal":"SIGTERM"/.test(l))).toBe(true)
    expect(fs.existsSync(path.join(dataDir, '.lock'))).toBe(false)

    // 4. a start whose PORT is taken exits 1 with one line naming PORT, and releases DATA_DIR
    const blocker = net.createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const port = (blocker.address() as net.AddressInfo).port
    try {
      const busy = start({ DATA_DIR: dataDir, PORT: String(port) })
      expect(await exitWithin(busy, 60_000)).toBe(1)
      const lines = errorLines(busy)
      expect(lines, busy.stderr.join('\n')).toHaveLength(1)
      expect(lines[0]).toMatch(new RegExp(`PORT=${port}.*in use`))
      expect(fs.existsSync(path.join(dataDir, '.lock'))).toBe(false)
    } finally {
      blocker.close()
    }

    // 5. restart on the same DATA_DIR: the user is still there and can log in
    const third = start({ DATA_DIR: dataDir })
    const r3 = await third.ready
    const login = await gql(
      r3.base,
      graphql(`mutation LoginAccounts($i: LoginInput!) { login(input: $i) { token viewer { databaseId name } } }`),
      { i: { login: user.username, password: user.password } },
    )
    expect(login.errors).toBeUndefined()
    expect(login.data!.login.viewer).toEqual({ databaseId: user.id, name: user.username })
    // sessions survive a restart too (the generated SESSION_SECRET is kept in DATA_DIR)
    expect((await gql(r3.base, graphql(`query Viewer { viewer { databaseId } }`), undefined, user.token)).data).toEqual(
      {
        viewer: { databaseId: user.id },
      },
    )
    process.kill(serverPid(dataDir), 'SIGINT')
    expect(await exitWithin(third, 10_000)).toBe(0)

    console.log(
      `start-up, empty DATA_DIR: ${r1.wallMs} ms from spawn to 'server ready' (process-reported startupMs ${r1.startupMs}); ` +
        `existing DATA_DIR: ${r3.wallMs} ms (startupMs ${r3.startupMs}); SIGTERM → exit 0: ${stopMs} ms`,
    )
  }, 120_000)

  it('a bad config value (PORT=abc) exits 1 with one line naming PORT', async () => {
    const s = start({ DATA_DIR: tempDir(), PORT: 'abc' })
    expect(await exitWithin(s, 60_000)).toBe(1)
    const lines = errorLines(s)
    expect(lines, s.stderr.join('\n')).toHaveLength(1)
    expect(lines[0]).toBe('PORT="abc" is not valid: an integer from 0 to 65535')
    expect(s.stdout.some((l) => l.includes('server ready'))).toBe(false)
  }, 60_000)
})
