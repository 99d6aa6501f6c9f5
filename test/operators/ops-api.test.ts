// The operator console's live figures: opsOverview and opsStats — who may read them, that their counts follow what
// the instance does, that opsStats sends about every second over graphql-ws, and that instances sharing a Redis see
// each other through their heartbeats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from 'graphql-ws'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, disposeAll, gql, subscribe, until, wsClient } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import type { OpsOverviewQuery } from '../generated/graphql.js'

const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789'

const OVERVIEW = graphql(`
  query OpsOverview {
    opsOverview {
      at
      instance
      instances {
        id
        startedAt
        lastSeenAt
        plugins
        wsConnections
      }
      databaseUp
      redisUp
      requestsPerSecond
      errorsPerSecond
      operations {
        name
        perSecond
        total
      }
      published {
        name
        perSecond
        total
      }
      wsConnections
      wsSubscriptions
    }
  }
`)

const STATS = graphql(`
  subscription OpsStats {
    opsStats {
      at
      instance
      requestsPerSecond
      wsConnections
      wsSubscriptions
    }
  }
`)

const PROBE = graphql(`
  query OpsProbe {
    __typename
  }
`)

type Overview = OpsOverviewQuery['opsOverview']

async function overview(t: TestApp, token = OPERATOR_TOKEN): Promise<Overview> {
  const r = await gql(t.url, OVERVIEW, {}, token)
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data!.opsOverview
}

const totalOf = (rates: Overview['operations'], name: string) => rates.find((r) => r.name === name)?.total ?? 0

describe('opsOverview and opsStats', () => {
  let t: TestApp
  let admin: TestUser
  let user: TestUser
  const clients: Client[] = []
  beforeAll(async () => {
    t = await startTestApp({ OPERATOR_TOKEN })
    admin = await userWithRoles(t, { roleAdmin: 1 })
    user = await registerUser(t)
  })
  afterAll(async () => {
    await disposeAll(clients)
    await closeAll(t)
  })

  it('answers the operator token and a role admin; refuses a plain user and a guest', async () => {
    for (const token of [OPERATOR_TOKEN, admin.token]) {
      const o = await overview(t, token)
      expect(o.databaseUp).toBe(true)
      expect(o.redisUp).toBe(t.app.config.redisUrl ? true : null)
      expect(o.instances.map((i) => i.id)).toContain(o.instance)
      const self = o.instances.find((i) => i.id === o.instance)!
      expect(self.plugins).toEqual(t.app.plugins.map((p) => p.name))
      expect(Date.parse(self.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(self.startedAt))
    }
    const refused = [
      [user.token, 'INSUFFICIENT_PERMISSIONS'],
      [undefined, 'UNAUTHENTICATED'],
      // another bearer token is a session token that does not resolve: a guest
      ['operator-token-for-tests-012345678X', 'UNAUTHENTICATED'],
    ] as const
    for (const [token, code] of refused) {
      const r = await gql(t.url, OVERVIEW, {}, token)
      expect(codeOf(r), String(token)).toBe(code)
      expect(r.data?.opsOverview ?? null).toBeNull()
    }
  })

  it('counts grow with the requests, operations and events the instance serves', async () => {
    const before = await overview(t)
    for (let i = 0; i < 5; i++) expect((await gql(t.url, PROBE)).errors).toBeUndefined()
    // a real event of the core: a notification to the user
    t.app.services.pubsub.publish('core.notification', user.id, { type: 'ops-test', data: null, time: '' })
    const after = await overview(t)
    expect(totalOf(after.operations, 'OpsProbe') - totalOf(before.operations, 'OpsProbe')).toBe(5)
    // the probes, plus the overview that asked before
    expect(after.requestsPerSecond).toBeGreaterThan(0)
    expect(totalOf(after.published, 'core.notification') - totalOf(before.published, 'core.notification')).toBe(1)
    expect(after.published.find((r) => r.name === 'core.notification')!.perSecond).toBeGreaterThan(0)
    // busiest first, at most 20
    const rates = after.operations.map((r) => r.perSecond)
    expect(rates).toEqual([...rates].sort((a, b) => b - a))
    expect(after.operations.length).toBeLessThanOrEqual(20)
    // a result with errors is counted
    const failed = await gql(t.url, OVERVIEW, {}, user.token)
    expect(codeOf(failed)).toBe('INSUFFICIENT_PERMISSIONS')
    expect((await overview(t)).errorsPerSecond).toBeGreaterThan(0)
  })

  it('opsStats sends an overview about every second over graphql-ws, counting its own socket', async () => {
    const operator = wsClient(t.url, OPERATOR_TOKEN)
    clients.push(operator)
    const sub = subscribe(operator, STATS)
    const first = await sub.next()
    expect(first.errors, JSON.stringify(first)).toBeUndefined()
    const second = await sub.next(3000)
    const third = await sub.next(3000)
    const at = [first, second, third].map((e) => Date.parse(e.data!.opsStats.at))
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(800)
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(800)
    expect(at[2] - at[0]).toBeLessThan(5000)
    expect(third.data!.opsStats.wsConnections).toBeGreaterThanOrEqual(1)
    expect(third.data!.opsStats.wsSubscriptions).toBeGreaterThanOrEqual(1)
    const o = await overview(t)
    expect(o.wsSubscriptions).toBeGreaterThanOrEqual(1)
    expect(o.instances.find((i) => i.id === o.instance)!.wsConnections).toBeGreaterThanOrEqual(1)
    sub.unsubscribe()
    await until(async () => (await overview(t)).wsSubscriptions === 0, 5000, 'the subscription to end')
  })

  it('opsStats refuses a plain user and a guest', async () => {
    for (const [token, code] of [
      [user.token, 'INSUFFICIENT_PERMISSIONS'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const c = wsClient(t.url, token)
      clients.push(c)
      const ev = await subscribe(c, STATS).next()
      const errors = (ev.errors ?? ev.error) as { extensions?: { code?: string } }[] | undefined
      expect(errors?.[0]?.extensions?.code, JSON.stringify(ev)).toBe(code)
      expect(ev.data?.opsStats).toBeUndefined()
    }
  })
})

describe.skipIf(!process.env.TEST_REDIS_URL)('instances sharing a Redis', () => {
  let a: TestApp
  let b: TestApp | undefined
  beforeAll(async () => {
    a = await startTestApp({ OPERATOR_TOKEN })
    b = await startTestApp({ OPERATOR_TOKEN }, { share: a })
  })
  afterAll(() => closeAll(b, a))

  it('each lists both through the heartbeat; one that stops leaves the list', async () => {
    const idA = (await overview(a)).instance
    const idB = (await overview(b!)).instance
    expect(idA).not.toBe(idB)
    for (const t of [a, b!])
      await until(
        async () => {
          const ids = (await overview(t)).instances.map((i) => i.id)
          return ids.includes(idA) && ids.includes(idB)
        },
        10_000,
        'both instances listed',
      )
    const seenB = (await overview(a)).instances.find((i) => i.id === idB)!
    expect(seenB.plugins).toEqual(b!.app.plugins.map((p) => p.name))
    await b!.close()
    b = undefined
    const ids = (await overview(a)).instances.map((i) => i.id)
    expect(ids).toEqual([idA])
  })
})
