// Rate limits on Redis keep limiting when Redis goes away: each limiter's in-memory twin (rate-limiter-flexible's
// insuranceLimiter) answers at once while the connection is down, within REDIS_TIMEOUT_MS while Redis does not answer,
// and the shared Redis budget applies again once it is back. Two instances of one deployment, reached over HTTP, on
// this test's OWN redis-server (killed, frozen and restarted here; never the shared one).
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, until } from '../helpers/clients.js'
import { redisUnavailable, startRedis, type ThrowawayRedis } from '../helpers/services.js'
import { readyz } from '../fault/support.js'
import { graphql } from '../generated/index.js'

const SKIP = redisUnavailable()
const PER_MINUTE = 20
const LOGIN = graphql(`mutation Login($i: LoginInput!) { login(input: $i) { token } }`)

/** a client address of its own per test step (TRUST_PROXY): counts never leak from one step into another */
const freshIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomBytes(3).toString('hex')}`

/** `n` requests one after another from `ip`: their statuses and the slowest answer */
async function burst(t: TestApp, ip: string, n: number) {
  const statuses: number[] = []
  let slowest = 0
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const r = await gql(t.url, graphql(`query Typename { __typename }`), undefined, undefined, {
      'x-forwarded-for': ip,
    })
    slowest = Math.max(slowest, performance.now() - t0)
    statuses.push(r.status)
  }
  return {
    passed: statuses.filter((s) => s === 200).length,
    refused: statuses.filter((s) => s === 429).length,
    slowest,
    statuses,
  }
}

const login = (t: TestApp, name: string, ip: string) =>
  gql(t.url, LOGIN, { i: { login: name, password: 'not-the-password-1' } }, undefined, { 'x-forwarded-for': ip })

describe.skipIf(!!SKIP)(`rate limits when Redis fails${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  let redis: ThrowawayRedis
  let a: TestApp, b: TestApp

  beforeAll(async () => {
    redis = await startRedis()
    const env = {
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      LOGIN_ATTEMPTS_PER_15MIN: '2',
      TRUST_PROXY: 'true',
      REDIS_TIMEOUT_MS: '100',
    }
    a = await startTestApp(env)
    b = await startTestApp(env, { share: a })
  })
  afterAll(async () => {
    // redis is unset when beforeAll failed before starting it
    const r = redis as ThrowawayRedis | undefined
    if (r?.pid) process.kill(r.pid, 'SIGCONT')
    await closeAll(b, a)
    await r?.destroy()
  })

  const bothReady = () =>
    until(
      async () => (await readyz(a.url)).body.status === 'ready' && (await readyz(b.url)).body.status === 'ready',
      15_000,
      'both instances ready',
    )

  it('with Redis up, the instances share one budget', async () => {
    const ip = freshIp()
    expect((await burst(a, ip, 15)).passed).toBe(15)
    const onB = await burst(b, ip, 10)
    expect(onB.statuses).toEqual([...Array(5).fill(200), ...Array(5).fill(429)])
  })

  it('Redis killed: every instance limits on its own at once (requests, failed logins, the slow lane); shared again once Redis is back', async () => {
    await redis.kill('SIGKILL')
    await until(
      async () => (await readyz(a.url)).body.checks.rateLimits.startsWith('degraded'),
      10_000,
      'the limits reported degraded',
    )
    const down = await readyz(a.url)
    expect(down.status).toBe(200)
    expect(down.body.status).toBe('degraded')

    // the per-IP budget, counted in memory by each instance: PER_MINUTE each, then 429 — no 500, no waiting
    const ip = freshIp()
    const onA = await burst(a, ip, PER_MINUTE + 5)
    expect(onA.statuses).toEqual([...Array(PER_MINUTE).fill(200), ...Array(5).fill(429)])
    const onB = await burst(b, ip, PER_MINUTE + 5)
    expect(onB.statuses).toEqual([...Array(PER_MINUTE).fill(200), ...Array(5).fill(429)])
    expect(Math.max(onA.slowest, onB.slowest), 'slowest answer while Redis is down (ms)').toBeLessThan(1_000)

    // failed logins (LOGIN_ATTEMPTS_PER_15MIN = 2, ×5 = 10 per address): the address spends its budget on ten unknown
    // accounts, then a guess at one it already failed on is refused, and guesses at new ones wait in the slow lane,
    // one a second (rate-limiter-flexible's queue over the in-memory twin)
    const guesser = freshIp()
    const names = Array.from({ length: 10 }, (_, i) => `nobody_${randomBytes(3).toString('hex')}_${i}`)
    for (const n of names) expect(codeOf(await login(a, n, guesser))).toBe('INVALID_CREDENTIALS')
    expect(codeOf(await login(a, names[0], guesser))).toBe('RATE_LIMIT_EXCEEDED')
    const t0 = Date.now()
    const lane = await Promise.all(
      [0, 1, 2].map((i) => login(a, `newcomer_${randomBytes(3).toString('hex')}_${i}`, guesser)),
    )
    expect(lane.map(codeOf)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS'])
    expect(Date.now() - t0, 'three attempts through the one-a-second lane').toBeGreaterThanOrEqual(1_500)

    // Redis back (empty): one shared budget again
    await redis.start()
    await bothReady()
    const after = freshIp()
    expect((await burst(a, after, 15)).passed).toBe(15)
    expect((await burst(b, after, 10)).statuses).toEqual([...Array(5).fill(200), ...Array(5).fill(429)])
  }, 60_000)

  it('Redis frozen (SIGSTOP: connected, never answering): each limit answers from memory within REDIS_TIMEOUT_MS', async () => {
    process.kill(redis.pid!, 'SIGSTOP')
    try {
      const ip = freshIp()
      const onA = await burst(a, ip, PER_MINUTE + 3)
      expect(onA.statuses).toEqual([...Array(PER_MINUTE).fill(200), ...Array(3).fill(429)])
      // REDIS_TIMEOUT_MS (100) plus the request itself; without a command timeout these would wait for Redis forever
      expect(onA.slowest, 'slowest answer while Redis is frozen (ms)').toBeLessThan(1_000)
      // readiness does not hang either: the pub/sub check gives up after its own timeout
      const frozen = await readyz(a.url)
      expect(frozen.status).toBe(200)
      expect(frozen.body.status).toBe('degraded')
      expect(frozen.body.checks.pubsub).toMatch(/^degraded: no answer within/)
    } finally {
      process.kill(redis.pid!, 'SIGCONT')
    }
    await bothReady()
    const after = freshIp()
    expect((await burst(a, after, 15)).passed).toBe(15)
    expect((await burst(b, after, 10)).statuses).toEqual([...Array(5).fill(200), ...Array(5).fill(429)])
  }, 60_000)
})
