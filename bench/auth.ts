/**
 * Password hashing and login throughput: argon2id hash time at the configured parameters, and logins/s through the
 * real server (GraphQL over HTTP) with C concurrent clients. `npm run bench:auth [-- --logins 200 --concurrency 4]`
 */
import { hashPassword, verifyPassword } from '../src/auth/passwords.js'
import { startTestApp } from '../test/helpers/app.js'
import { gqlRaw } from '../test/helpers/clients.js'
import { percentile, round, saveResult } from './lib.js'

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : def
}
const LOGINS = arg('logins', 200)
const CONCURRENCY = arg('concurrency', 4)

const hashTimes: number[] = []
for (let i = 0; i < 30; i++) {
  const t0 = performance.now()
  await hashPassword(`password-${i}`)
  hashTimes.push(performance.now() - t0)
}
hashTimes.sort((a, b) => a - b)
const h = await hashPassword('correct-horse-1')
const verifyTimes: number[] = []
for (let i = 0; i < 30; i++) {
  const t0 = performance.now()
  await verifyPassword(h, 'correct-horse-1')
  verifyTimes.push(performance.now() - t0)
}
verifyTimes.sort((a, b) => a - b)

const t = await startTestApp({ LOGIN_ATTEMPTS_PER_15MIN: '10000', RATE_LIMIT_PER_MINUTE: '0' })
await gqlRaw(t.url, 'mutation($i: RegisterInput!) { register(input: $i) { token } }', {
  i: { username: 'benchuser', email: 'bench@example.com', password: 'correct-horse-1' },
})
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }'
const latencies: number[] = []
let next = 0
const t0 = performance.now()
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < LOGINS) {
      const s = performance.now()
      const r = await gqlRaw(t.url, LOGIN, { i: { login: 'benchuser', password: 'correct-horse-1' } })
      if (r.errors) throw new Error(JSON.stringify(r.errors))
      latencies.push(performance.now() - s)
    }
  }),
)
const seconds = (performance.now() - t0) / 1000
latencies.sort((a, b) => a - b)
await t.close()

const result = {
  database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'embedded',
  argon2: { memoryKiB: 19456, timeCost: 2, parallelism: 1 },
  hashMs: { p50: round(percentile(hashTimes, 50)), p99: round(percentile(hashTimes, 99)) },
  verifyMs: { p50: round(percentile(verifyTimes, 50)), p99: round(percentile(verifyTimes, 99)) },
  logins: LOGINS,
  concurrency: CONCURRENCY,
  loginsPerSecond: round(LOGINS / seconds, 1),
  loginLatencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) },
}
console.log(result)
saveResult(`auth-${result.database}`, result)
process.exit(0)
