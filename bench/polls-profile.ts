/**
 * BENCH_PROFILE_DIR=dir: a CPU profile of the server's thread during each storm of one kind, written as
 * dir/polls-<kind>-<n>.cpuprofile (open it in Chrome DevTools), to see where a vote's time goes. Unset: no cost.
 */
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'

const dir = process.env.BENCH_PROFILE_DIR
let session: Session | null = null
let count = 0

export async function profiled<T>(kind: string, run: () => Promise<T>): Promise<T> {
  if (!dir) return run()
  if (!session) {
    session = new Session()
    session.connect()
    await session.post('Profiler.enable')
  }
  await session.post('Profiler.start')
  try {
    return await run()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `polls-${kind}-${++count}.cpuprofile`), JSON.stringify(profile))
  }
}
