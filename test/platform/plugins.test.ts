import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, ConfigError } from '../../src/config.js'
import { createApp } from '../../src/server.js'
import { PluginError, resolvePlugins } from '../../src/plugins/registry.js'
import { definePlugin } from '../../src/plugins/contract.js'
import { createLogger } from '../../src/log.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest, subscribe, until, wsClient } from '../helpers/clients.js'
import { FIXTURES, FIXTURE_SECRET, cycleA, cycleB, fixture, fixtureBoom, fixtureChild, fixtureGrandchild } from '../fixtures/plugins.js'

const names = (ps: { name: string }[]) => ps.map((p) => p.name)
const refusal = (fn: () => unknown): Error => {
  try {
    fn()
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a refusal')
}

describe('resolvePlugins', () => {
  it('orders the enabled plugins by requires, whatever the listing and selection order', () => {
    const selections = [
      ['fixture-grandchild', 'fixture-child', 'fixture'],
      ['fixture', 'fixture-child', 'fixture-grandchild'],
      ['fixture-child', 'fixture-grandchild', 'fixture'],
    ]
    const listings = [FIXTURES, [...FIXTURES].reverse()]
    for (const available of listings) {
      for (const sel of selections) {
        const order = names(resolvePlugins(available, sel))
        expect(order).toHaveLength(3)
        expect(order.indexOf('fixture')).toBeLessThan(order.indexOf('fixture-child'))
        expect(order.indexOf('fixture-child')).toBeLessThan(order.indexOf('fixture-grandchild'))
      }
    }
  })

  it('enables exactly the selection ("all" = every available plugin)', () => {
    expect(names(resolvePlugins(FIXTURES, ['fixture-boom']))).toEqual(['fixture-boom'])
    expect(names(resolvePlugins(FIXTURES, []))).toEqual([])
    const all = [fixture, fixtureChild, fixtureBoom]
    expect(names(resolvePlugins(all, 'all')).sort()).toEqual(['fixture', 'fixture-boom', 'fixture-child'])
  })

  it('refuses a missing requirement, naming both plugins', () => {
    const e = refusal(() => resolvePlugins(FIXTURES, ['fixture-child']))
    expect(e).toBeInstanceOf(PluginError)
    expect(e.message).toMatch(/"fixture-child" requires plugin "fixture"/)
    expect(e.message).toMatch(/PLUGINS/)
    // transitively: grandchild + child without fixture names the link that is missing
    const e2 = refusal(() => resolvePlugins(FIXTURES, ['fixture-grandchild', 'fixture-child']))
    expect(e2.message).toMatch(/"fixture-child" requires plugin "fixture"/)
  })

  it('refuses a cycle, naming the plugins in it', () => {
    const e = refusal(() => resolvePlugins(FIXTURES, ['cycle-a', 'cycle-b']))
    expect(e).toBeInstanceOf(PluginError)
    expect(e.message).toMatch(/cycle/)
    expect(e.message).toContain('cycle-a')
    expect(e.message).toContain('cycle-b')
    // a three-step cycle is found too, and a plugin outside it is not named
    const x = definePlugin({ name: 'x', requires: ['y'] })
    const y = definePlugin({ name: 'y', requires: ['z'] })
    const z = definePlugin({ name: 'z', requires: ['x'] })
    const e3 = refusal(() => resolvePlugins([fixture, x, y, z], ['fixture', 'x', 'y', 'z']))
    expect(e3.message).toMatch(/x → y → z → x|y → z → x → y|z → x → y → z/)
    expect(e3.message).not.toContain('fixture')
    // a self-requirement is a cycle of one
    const self = definePlugin({ name: 'self', requires: ['self'] })
    expect(refusal(() => resolvePlugins([self], ['self'])).message).toMatch(/self → self/)
  })

  it('refuses an unknown name, listing the known ones', () => {
    const e = refusal(() => resolvePlugins(FIXTURES, ['fixture', 'nope']))
    expect(e).toBeInstanceOf(PluginError)
    expect(e.message).toMatch(/unknown plugin "nope"/)
    expect(e.message).toContain('fixture-boom')
  })

  it('refuses two plugins with one name and a badly named plugin', () => {
    expect(refusal(() => resolvePlugins([fixture, { ...fixture }], ['fixture'])).message).toMatch(/two plugins are named "fixture"/)
    expect(() => definePlugin({ name: 'Bad Name' })).toThrow(/Bad Name/)
  })

  it('refuses a malformed PLUGINS value before anything starts', () => {
    expect(() => loadConfig({ DATA_DIR: ':memory:', PLUGINS: 'chat;rm -rf' }, () => {})).toThrow(ConfigError)
    expect(() => loadConfig({ DATA_DIR: ':memory:', PLUGINS: 'chat;rm -rf' }, () => {})).toThrow(/PLUGINS/)
  })

  it('createApp refuses a bad selection with the same error, before opening a database', async () => {
    const config = loadConfig({ DATA_DIR: ':memory:', LOG_LEVEL: 'silent', PLUGINS: 'fixture-child' }, () => {})
    const started = performance.now()
    await expect(createApp(config, { available: FIXTURES, log: createLogger('silent') })).rejects.toThrow(/"fixture-child" requires plugin "fixture"/)
    await expect(createApp({ ...config, plugins: ['cycle-a', 'cycle-b'] }, { available: FIXTURES })).rejects.toBeInstanceOf(PluginError)
    // no database was opened: an embedded start takes far longer than a refusal
    expect(performance.now() - started).toBeLessThan(500)
    void cycleA
    void cycleB
    void fixtureGrandchild
  })
})

const THING_TYPE = '{ __type(name: "FixtureThing") { name } }'
const QUERY_FIELDS = '{ __schema { queryType { fields { name } } subscriptionType { fields { name } } types { name } } }'

describe('enabled vs disabled plugins in a running app', () => {
  let on: TestApp
  let off: TestApp
  beforeAll(async () => {
    // one after the other: the first embedded start makes the template the next ones restore (no second initdb)
    on = await startTestApp({ PLUGINS: 'fixture,fixture-child,fixture-boom' }, { available: FIXTURES })
    off = await startTestApp({ PLUGINS: 'fixture-boom' }, { available: FIXTURES })
  })
  afterAll(async () => {
    await Promise.all([on?.close(), off?.close()])
  })

  it('core first, then the plugins in dependency order', () => {
    const order = names(on.app.plugins)
    expect(order[0]).toBe('core')
    expect([...order].sort()).toEqual(['core', 'fixture', 'fixture-boom', 'fixture-child'])
    expect(order.indexOf('fixture')).toBeLessThan(order.indexOf('fixture-child'))
    expect(names(off.app.plugins)).toEqual(['core', 'fixture-boom'])
  })

  it('enabled: the type, query field, subscription field, REST route and topic all work', async () => {
    expect((await gql(on.url, THING_TYPE)).data).toEqual({ __type: { name: 'FixtureThing' } })
    const s = (await gql(on.url, QUERY_FIELDS)).data.__schema
    expect(names(s.queryType.fields)).toEqual(expect.arrayContaining(['fixtureThing', 'fixtureChild', 'fixtureBoom']))
    expect(names(s.subscriptionType.fields)).toContain('fixturePings')
    expect((await gql(on.url, '{ fixtureThing(label: "hi") { label } fixtureChild }')).data).toEqual({ fixtureThing: { label: 'hi' }, fixtureChild: 'child' })
    const r = await rest(on.url, '/api/fixture/thing', { label: 'rest' })
    expect(r).toMatchObject({ status: 200, body: { label: 'rest' } })
    const j = await rest(on.url, '/room/fixture-thing', { label: 'jc' })
    expect(j).toMatchObject({ status: 200, body: { data: { label: 'jc' } } })

    const ps = on.app.services.pubsub
    const start = ps.listenerCount()
    const client = wsClient(on.url)
    try {
      const sub = subscribe(client, 'subscription { fixturePings(key: 3) { n at } }')
      await until(() => ps.listenerCount() === start + 1, 10_000, 'fixture subscription')
      await ps.ready()
      ps.publish('fixture.ping', 3, { n: 1, at: 'now' })
      expect(await sub.next(10_000)).toEqual({ data: { fixturePings: { n: 1, at: 'now' } } })
    } finally {
      await client.dispose()
    }
  })

  it('disabled: no type, no field, no REST route, no topic left behind', async () => {
    expect((await gql(off.url, THING_TYPE)).data).toEqual({ __type: null })
    const s = (await gql(off.url, QUERY_FIELDS)).data.__schema
    const queryFields = names(s.queryType.fields)
    expect(queryFields).not.toContain('fixtureThing')
    expect(queryFields).not.toContain('fixtureChild')
    expect(queryFields).toContain('fixtureBoom')
    expect(names(s.subscriptionType.fields)).not.toContain('fixturePings')
    expect(names(s.types).filter((n: string) => /^Fixture(Thing|Ping)$/.test(n))).toEqual([])
    expect((await gql(off.url, '{ fixtureThing(label: "x") { label } }')).errors?.[0].message).toMatch(/fixtureThing/)

    const r = await rest(off.url, '/api/fixture/thing', { label: 'rest' })
    expect(r.status).toBe(404)
    expect(r.body).toEqual({ message: expect.stringContaining('/api/fixture/thing') })
    const j = await rest(off.url, '/room/fixture-thing', { label: 'jc' })
    expect(j.status).toBe(404)
    expect(j.body).toEqual({ error: expect.any(String) })

    const ps = off.app.services.pubsub
    expect(() => ps.publish('fixture.ping', 3, { n: 1, at: 'now' })).toThrow(/fixture\.ping.*no enabled plugin/)
    expect(() => ps.subscribe('fixture.ping', 3)).toThrow(/no enabled plugin/)
    // the core topic still works
    expect(() => ps.publish('core.notification', 3, { type: 't', data: null, time: new Date().toISOString() })).not.toThrow()
  })

  it('a field that throws a plain Error → generic message with a request id, INTERNAL_SERVER_ERROR, no stack, logged', async () => {
    const lines: string[] = []
    const t = await startTestApp({ PLUGINS: 'fixture-boom' }, { available: FIXTURES, log: createLogger('info', (l) => lines.push(l)) })
    try {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: '{ fixtureBoom }' }),
      })
      const text = await res.text()
      const body = JSON.parse(text)
      const err = body.errors[0]
      expect(err.extensions.code).toBe('INTERNAL_SERVER_ERROR')
      expect(err.message).toMatch(/^Unexpected error\. \(request id [0-9a-f-]{36}\)$/)
      expect(err.message).toContain(err.extensions.requestId)
      expect(Object.keys(err.extensions).sort()).toEqual(['code', 'requestId'])
      expect(text).not.toContain(FIXTURE_SECRET)
      expect(text).not.toMatch(/\bat .*\.[jt]s:\d+/)
      expect(text).not.toMatch(/stack|originalError/i)
      // the operator gets the detail, under the same request id
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unexpected error')
      expect(logged).toMatchObject({ level: 'error', requestId: err.extensions.requestId, error: expect.stringContaining(FIXTURE_SECRET) })
      expect(logged.stack).toMatch(/fixtures\/plugins\.ts/)

      // the same through a peka2 REST route and over graphql-ws
      const r = await rest(t.url, '/api/fixture/boom', {})
      expect(r.status).toBe(500)
      expect(r.body).toEqual({ message: expect.stringMatching(/request id/) })
      expect(JSON.stringify(r.body)).not.toContain(FIXTURE_SECRET)
      const client = wsClient(t.url)
      try {
        const e = await subscribe(client, '{ fixtureBoom }').next(10_000)
        expect(e.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR')
        expect(e.errors[0].message).toMatch(/request id/)
        expect(JSON.stringify(e)).not.toContain(FIXTURE_SECRET)
      } finally {
        await client.dispose()
      }
    } finally {
      await t.close()
    }
  })

  it('justchat: malformed JSON on a real route → 400 {error}', async () => {
    const r = await rest(on.url, '/room/fixture-thing', undefined, { raw: '{{' })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ error: expect.stringMatching(/Malformed JSON/) })
  })
})
