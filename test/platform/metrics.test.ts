// GET /metrics: the Prometheus text format, who may read it (a token, or direct loopback clients only), and the
// fallback decisions it counts while Redis cannot be reached.
import http from 'node:http'
import os from 'node:os'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql } from '../helpers/clients.js'
import { freePort } from '../helpers/services.js'
import { registerUser } from '../helpers/users.js'
import { createMetrics } from '../../src/http/metrics.js'
import { ConfigError, loadConfig } from '../../src/config.js'
import { graphql } from '../generated/index.js'

const TOKEN = 'metrics-token-for-tests-0123456789'

const scrape = (base: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${base}/metrics`, { method, headers })

/** The value of one series (`name` or `name{labels}`) in a Prometheus text body. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

/** This machine's first non-loopback IPv4 address, if it has one (to reach a server as a non-loopback client). */
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i?.family === 'IPv4' && !i.internal)?.address

describe('GET /metrics without METRICS_TOKEN', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => closeAll(t))

  it('answers a direct loopback client in the Prometheus text format, with every fallback series from zero', async () => {
    const res = await scrape(t.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await res.text()
    expect(text).toContain('# TYPE redis_fallback_total counter')
    for (const c of ['rate_limit', 'pubsub', 'presence'])
      expect(sample(text, `redis_fallback_total{component="${c}"}`)).toBe(0)
    for (const s of [
      'pubsub_outage_queued_total',
      'pubsub_outage_dropped_total',
      'pubsub_outage_queue',
      'pubsub_duplicates_dropped_total',
      'pubsub_caught_up_total',
    ])
      expect(sample(text, s), s).toBe(0)
    // redis_up only where there is a Redis to be up
    expect(sample(text, 'redis_up')).toBe(t.app.config.redisUrl ? 1 : undefined)
    expect((await scrape(t.url, {}, 'HEAD')).status).toBe(200)
  })

  it('refuses requests a proxy forwarded (they come from loopback on behalf of anyone) and other methods', async () => {
    const forwarded: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
      { 'x-real-ip': '203.0.113.9' },
    ]
    for (const h of forwarded) {
      const res = await scrape(t.url, h)
      expect(res.status, JSON.stringify(h)).toBe(403)
      expect(await res.text()).not.toContain('redis_fallback_total')
    }
    const post = await scrape(t.url, {}, 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })

  it.skipIf(!external)(
    'refuses a client that is not on loopback (403), and lets it in with the token when one is set',
    async () => {
      for (const [token, expected] of [
        [undefined, 403],
        [TOKEN, 200],
      ] as const) {
        const metrics = createMetrics({ token })
        const server = http.createServer((req, res) => void metrics.handle(req, res))
        await new Promise<void>((r) => server.listen(0, '0.0.0.0', () => r()))
        try {
          const { port } = server.address() as AddressInfo
          const res = await scrape(`http://${external}:${port}`, token ? { authorization: `Bearer ${token}` } : {})
          expect(res.status, `token ${token ? 'set' : 'unset'}`).toBe(expected)
          expect((await scrape(`http://127.0.0.1:${port}`)).status).toBe(token ? 401 : 200)
        } finally {
          await new Promise((r) => server.close(r))
        }
      }
    },
  )
})

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN })
  })
  afterAll(() => closeAll(t))

  it('requires Authorization: Bearer <token>, even from loopback', async () => {
    const wrong: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: TOKEN },
      { token: `Bearer ${TOKEN}` },
    ]
    for (const headers of wrong) {
      const res = await scrape(t.url, headers)
      expect(res.status, JSON.stringify(headers)).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
    }
    const ok = await scrape(t.url, { authorization: `Bearer ${TOKEN}` })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('redis_fallback_total')
  })

  it('a token too short or with spaces stops start-up, naming the variable', () => {
    for (const bad of ['short', 'has spaces in the middle of it']) {
      expect(() => loadConfig({ DATA_DIR: ':memory:', METRICS_TOKEN: bad }, () => {})).toThrow(ConfigError)
      expect(() => loadConfig({ DATA_DIR: ':memory:', METRICS_TOKEN: bad }, () => {})).toThrow(/METRICS_TOKEN/)
    }
  })
})

describe('fallback decisions counted while Redis cannot be reached', () => {
  let t: TestApp
  beforeAll(async () => {
    // a Redis URL where nothing listens: every Redis-backed part answers from memory from the start
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}`, REDIS_TIMEOUT_MS: '100' })
  })
  afterAll(() => closeAll(t))

  it('counts rate-limit checks, presence reads and queued events, and says redis_up 0', async () => {
    const before = await (await scrape(t.url)).text()
    expect(sample(before, 'redis_up')).toBe(0)
    const user = await registerUser(t)
    const presence = await gql(
      t.url,
      graphql(`query ChatChannelMetrics { chatChannel(id: "main") { presence { amount } } }`),
      {},
      user.token,
    )
    expect(presence.errors, JSON.stringify(presence.errors)).toBeUndefined()
    const sent = await gql(
      t.url,
      graphql(
        `mutation SendChatMessageMetrics { sendChatMessage(input: { channel: "main", text: "while Redis is away" }) { isSent } }`,
      ),
      {},
      user.token,
    )
    expect(sent.data?.sendChatMessage.isSent, JSON.stringify(sent)).toBe(true)
    const after = await (await scrape(t.url)).text()
    const grew = (series: string) => sample(after, series)! - sample(before, series)!
    expect(grew('redis_fallback_total{component="rate_limit"}')).toBeGreaterThan(0)
    expect(grew('redis_fallback_total{component="presence"}')).toBeGreaterThan(0)
    // the message's event for `main` and for the `all` stream
    expect(grew('redis_fallback_total{component="pubsub"}')).toBeGreaterThanOrEqual(2)
    expect(grew('pubsub_outage_queued_total')).toBeGreaterThanOrEqual(2)
    expect(sample(after, 'pubsub_outage_queue')).toBeGreaterThanOrEqual(2)
    expect(sample(after, 'pubsub_outage_dropped_total')).toBe(0)
  })
})
