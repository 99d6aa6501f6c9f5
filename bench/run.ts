/**
 * `npm run bench` — the performance suite: the request-cost comparison with peers, the chat fan-out against raw `ws`,
 * and two instances on one Redis. `npm run bench -- <name>[,<name>…] [flags]` runs those named (flags go to each):
 *
 *   requests          request cost vs a raw node:http handler and Fastify + Mercurius (bench/requests.ts)
 *   chat-fanout       1k/5k/10k graphql-ws subscribers vs a raw ws broadcast (bench/chat-fanout.ts)
 *   fanout-instances  delivery across two instances on one Redis vs one instance (bench/fanout-instances.ts)
 *   auth              argon2id cost and logins/s (bench/auth.ts)
 *   polls             a vote storm with 1,000 live subscribers (bench/polls-votes.ts)
 *   all               every one of them
 *
 * With DATABASE_URL (and REDIS_URL) the servers run on that PostgreSQL (and Redis), each benchmark on a fresh
 * database of its own (dropped after); without, on the embedded database. Each benchmark is a process of its own
 * and writes bench/results/<name>-<database>.json.
 */
import { spawn } from 'node:child_process'
import { ROOT } from './children.js'
import { freshPostgres } from './requests-targets.js'

interface Bench {
  file: string
  /** the environment it reads its database from */
  env?: (db: string | undefined, redis: string | undefined) => Record<string, string | undefined>
  /** it makes its own fresh database from DATABASE_URL */
  ownDatabase?: boolean
}

const BENCHES: Record<string, Bench> = {
  requests: { file: 'bench/requests.ts', ownDatabase: true },
  'chat-fanout': { file: 'bench/chat-fanout.ts' },
  'fanout-instances': { file: 'bench/fanout-instances.ts' },
  // startTestApp reads TEST_*: it makes a fresh database itself
  auth: {
    file: 'bench/auth.ts',
    ownDatabase: true,
    env: (db, redis) => ({ TEST_DATABASE_URL: db, TEST_REDIS_URL: redis }),
  },
  polls: { file: 'bench/polls-votes.ts', ownDatabase: true },
}
const DEFAULT = ['requests', 'chat-fanout', 'fanout-instances']

const [first, ...rest] = process.argv.slice(2)
const named = first && !first.startsWith('--')
const names = !named ? DEFAULT : first === 'all' ? Object.keys(BENCHES) : first.split(',')
const flags = named ? rest : process.argv.slice(2)
const unknown = names.filter((n) => !(n in BENCHES))
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}, all`)
  process.exit(2)
}

const { DATABASE_URL, REDIS_URL } = process.env
const failed: string[] = []
for (const name of names) {
  const bench = BENCHES[name]
  console.log(`\n=== ${name} (${DATABASE_URL ? 'PostgreSQL' : 'embedded'}${REDIS_URL ? ' + Redis' : ''})`)
  // a fresh database, so runs never pile up in (or depend on) the one DATABASE_URL names
  const db = DATABASE_URL && !bench.ownDatabase ? await freshPostgres(DATABASE_URL) : undefined
  const url = db?.url ?? DATABASE_URL
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', bench.file, ...flags], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, ...bench.env?.(url, REDIS_URL) },
      stdio: 'inherit',
    })
    child.on('exit', resolve)
  })
  await db?.drop()
  if (code !== 0) failed.push(`${name} (exit ${code})`)
}
if (failed.length) console.error(`\nfailed: ${failed.join(', ')}`)
process.exit(failed.length ? 1 : 0)
