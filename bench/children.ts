/**
 * The processes a benchmark starts and measures: a free port, a child that is up once `/healthz` answers, its CPU
 * time and memory from /proc (Linux), and a stop that waits for the exit.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { round } from './lib.js'

export const ROOT = path.resolve(import.meta.dirname, '..')

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => {
        resolve(port)
      })
    })
  })

export const sleep = (ms: number) =>
  new Promise<void>((r) => {
    setTimeout(r, ms)
  })

export async function waitHealthy(base: string, child: ChildProcess, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${base}: the process exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      /* not listening yet */
    }
    await sleep(100)
  }
  throw new Error(`${base} did not start in ${timeoutMs / 1000} s`)
}

export interface Started {
  base: string
  child: ChildProcess
  /** ms from spawn to the first answered /healthz */
  startMs: number
}

/**
 * `node --import tsx <script>` (not the tsx wrapper, so the child's pid is the server's own, for its CPU and RSS) with
 * PORT and HOST set; stdout goes to `logFile` (a server's request log costs what writing it costs) or nowhere.
 */
export async function startChild(
  script: string,
  env: Record<string, string | undefined>,
  logFile?: string,
): Promise<Started> {
  const port = await freePort()
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore'
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, 'inherit'],
  })
  if (typeof out === 'number') fs.closeSync(out)
  const base = `http://127.0.0.1:${port}`
  try {
    await waitHealthy(base, child)
  } catch (e) {
    await stopChild(child)
    throw e
  }
  return { base, child, startMs: round(performance.now() - t0, 0) }
}

export async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

const TICK_MS = 10 // USER_HZ is 100 on Linux

/** User + system CPU time the process has used, in ms (null where /proc is missing). */
export function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return null
  }
}

export function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? round(Number(m[1]) / 1024, 0) : null
  } catch {
    return null
  }
}
