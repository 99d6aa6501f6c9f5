import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, ConfigError } from '../../src/config.js'
import { createApp } from '../../src/server.js'
import { ALL_PLUGINS } from '../../plugins/index.js'
import { PluginError, resolvePlugins } from '../../src/plugin-system/registry.js'
import { definePlugin } from '../../src/plugin-system/contract.js'
import { createLogger } from '../../src/log.js'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, gqlRaw, rest, subscribeRaw, until, wsClient } from '../helpers/clients.js'
import {
  FIXTURES,
  FIXTURE_SECRET,
  fixture,
  fixtureBoom,
  fixtureChild,
  fixtureFriend,
  fixtureNosy,
} from '../fixtures/plugins.js'
import { ApiRegistry } from '../../src/plugin-system/apis.js'
import type { Services } from '../../src/services.js'
import { mergeSettings, STREAM_SETTINGS } from '../../src/core/settings/settings.js'
import { graphql } from '../generated/index.js'

const names = (ps: { name: string | null }[] | null) => ps!.map((p) => p.name)
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

  it('orders a plugin after its optional ones when they are on, and starts it without them when they are off', () => {
    expect(names(resolvePlugins([fixtureFriend, fixture], ['fixture-friend', 'fixture']))).toEqual([
      'fixture',
      'fixture-friend',
    ])
    expect(names(resolvePlugins([fixtureFriend, fixture], ['fixture-friend']))).toEqual(['fixture-friend'])
  })

  it('refuses two plugins with one name and a badly named plugin', () => {
    expect(refusal(() => resolvePlugins([fixture, { ...fixture }], ['fixture'])).message).toMatch(
      /two plugins are named "fixture"/,
    )
    expect(() => definePlugin({ name: 'Bad Name' })).toThrow(/Bad Name/)
  })

  it('refuses a malformed PLUGINS value before anything starts', () => {
    expect(() => loadConfig({ DATA_DIR: ':memory:', PLUGINS: 'chat;rm -rf' }, () => {})).toThrow(ConfigError)
    expect(() => loadConfig({ DATA_DIR: ':memory:', PLUGINS: 'chat;rm -rf' }, () => {})).toThrow(/PLUGINS/)
  })

  it('hands a plugin the API of a plugin it requires, typed; refuses, at start-up, one it does not require', async () => {
    // at compile time: the accessor takes only names the plugin requires
    definePlugin({
      name: 'typed',
      requires: ['fixture'],
      start(_services, plugin) {
        plugin.api('fixture').greet('x')
        // @ts-expect-error chat is not among this plugin's requires
        plugin.api('chat')
        // @ts-expect-error nor among its optional ones
        plugin.optionalApi('fixture')
      },
    })
    // at run time, for a plugin whose requires the compiler could not see
    const apis = new ApiRegistry()
    await fixture.configure({}).start({} as Services, apis)
    expect(apis.find('fixture')?.greet('you')).toBe('hello you')
    const e = await fixtureNosy
      .configure({})
      .start({} as Services, apis)
      .catch((x: unknown) => x)
    expect(e).toBeInstanceOf(PluginError)
    expect((e as Error).message).toMatch(
      /plugin "fixture-nosy" asks for the API of "fixture", which it does not require/,
    )
  })

  it("reads an enabled plugin's settings before anything is opened; a disabled plugin's are not read", async () => {
    const bad = loadConfig(
      { DATA_DIR: ':memory:', LOG_LEVEL: 'silent', PLUGINS: 'fixture', FIXTURE_TIMES: '9' },
      () => {},
    )
    const started = performance.now()
    await expect(createApp(bad, { available: FIXTURES })).rejects.toThrow(ConfigError)
    await expect(createApp(bad, { available: FIXTURES })).rejects.toThrow(
      /FIXTURE_TIMES="9" is not valid: an integer from 1 to 5/,
    )
    expect(performance.now() - started).toBeLessThan(500)
    // the shipped plugins alike: a bad BAN_VOTE_THRESHOLD stops an app with moderation, not one without it
    const mod = loadConfig(
      { DATA_DIR: ':memory:', LOG_LEVEL: 'silent', PLUGINS: 'chat,moderation', BAN_VOTE_THRESHOLD: 'many' },
      () => {},
    )
    await expect(createApp(mod, { available: ALL_PLUGINS })).rejects.toThrow(/BAN_VOTE_THRESHOLD/)
    expect(() => fixture.configure({ FIXTURE_TIMES: '0' })).toThrow(/FIXTURE_TIMES/)
    expect(() => fixtureBoom.configure({ FIXTURE_TIMES: '0' })).not.toThrow()
  })

  it("keeps what a user stored in a disabled plugin's settings section when the enabled ones change", () => {
    const sections = new Map([['stream', STREAM_SETTINGS]])
    const next = mergeSettings(
      sections,
      { fixture: { volume: 3 }, stream: { autostart: true } },
      { stream: { autostart: false } },
    )
    expect(next.stored).toMatchObject({ fixture: { volume: 3 }, stream: { autostart: false, player: '' } })
    expect(next.shown).toEqual({ stream: { autostart: false, player: '', skipmain: false, videopreview: true } })
    expect(() => mergeSettings(sections, {}, { fixture: { volume: 3 } })).toThrow(
      /settings.fixture: is not a known settings section \(stream\)/,
    )
  })

  it('createApp refuses a bad selection with the same error, before opening a database', async () => {
    const config = loadConfig({ DATA_DIR: ':memory:', LOG_LEVEL: 'silent', PLUGINS: 'fixture-child' }, () => {})
    const started = performance.now()
    await expect(createApp(config, { available: FIXTURES, log: createLogger('silent') })).rejects.toThrow(
      /"fixture-child" requires plugin "fixture"/,
    )
    await expect(
      createApp({ ...config, plugins: ['cycle-a', 'cycle-b'] }, { available: FIXTURES }),
    ).rejects.toBeInstanceOf(PluginError)
    // no database was opened: an embedded start takes far longer than a refusal
    expect(performance.now() - started).toBeLessThan(500)
  })
})

const THING_TYPE = graphql(`query TypePlugins { __type(name: "FixtureThing") { name } }`)
const QUERY_FIELDS = graphql(
  `query Schema { __schema { queryType { fields { name } } subscriptionType { fields { name } } types { name } } }`,
)

describe('enabled vs disabled plugins in a running app', () => {
  let on: TestApp
  let off: TestApp
  beforeAll(async () => {
    // one after the other: the first embedded start makes the template the next ones restore (no second initdb)
    on = await startTestApp(
      { PLUGINS: 'fixture,fixture-child,fixture-friend,fixture-boom', FIXTURE_TIMES: '2' },
      { available: FIXTURES },
    )
    // a disabled plugin's settings are neither required nor checked
    off = await startTestApp(
      { PLUGINS: 'fixture-boom,fixture-friend', FIXTURE_TIMES: 'not a number' },
      { available: FIXTURES },
    )
  })
  afterAll(async () => {
    await closeAll(on, off)
  })

  it('core first, then the plugins in dependency order', () => {
    const order = names(on.app.plugins)
    expect(order[0]).toBe('core')
    expect([...order].sort()).toEqual(['core', 'fixture', 'fixture-boom', 'fixture-child', 'fixture-friend'])
    expect(order.indexOf('fixture')).toBeLessThan(order.indexOf('fixture-child'))
    expect(order.indexOf('fixture')).toBeLessThan(order.indexOf('fixture-friend'))
    expect([...names(off.app.plugins)].sort()).toEqual(['core', 'fixture-boom', 'fixture-friend'])
  })

  it("plugin APIs: a required plugin's API (with its settings), an optional one's when it is on, nothing when it is off", async () => {
    expect((await gqlRaw(on.url, '{ fixtureChildGreeting fixtureFriend }')).data).toEqual({
      fixtureChildGreeting: 'hello childhello child',
      fixtureFriend: 'hello friendhello friend',
    })
    expect((await gqlRaw(off.url, '{ fixtureFriend }')).data).toEqual({ fixtureFriend: 'alone' })
    expect(on.app.api('fixture')?.greet('x')).toBe('hello xhello x')
    expect(off.app.api('fixture')).toBeUndefined()
  })

  it("error codes: an enabled plugin's are in the registry and mapped by the REST dialects; a disabled one's are not", async () => {
    expect(on.app.errors.codes()).toContain('FIXTURE_TEAPOT')
    expect(on.app.errors.codes()).toContain('INVALID_INPUT')
    expect(off.app.errors.codes()).not.toContain('FIXTURE_TEAPOT')
    expect(off.app.errors.status('FIXTURE_TEAPOT')).toBe(500)
    expect((await gqlRaw(on.url, '{ fixtureThing(label: "teapot") { label } }')).errors?.[0].extensions).toMatchObject({
      code: 'FIXTURE_TEAPOT',
    })
    expect(await rest(on.url, '/room/fixture-thing', { label: 'teapot' })).toMatchObject({
      status: 418,
      body: { error: 'I am a teapot' },
    })
    // the shipped plugins' codes come and go with them
    const all = on.app.errors.codes()
    expect(all.filter((c) => /SMILE|BAN_|COMPLAINT/.test(c))).toEqual([])
  })

  it("settings sections: an enabled plugin's section is in the settings object, a disabled one's is not", async () => {
    expect((await gqlRaw(on.url, '{ defaultSettings { stream { autostart } fixture { volume } } }')).data).toEqual({
      defaultSettings: { stream: { autostart: true }, fixture: { volume: 5 } },
    })
    expect(
      (await gql(off.url, graphql(`query TypePlugins2 { __type(name: "FixtureSettings") { name } }`))).data,
    ).toEqual({ __type: null })
  })

  it('enabled: the type, query field, subscription field, REST route and topic all work', async () => {
    expect((await gql(on.url, THING_TYPE)).data).toEqual({ __type: { name: 'FixtureThing' } })
    const s = (await gql(on.url, QUERY_FIELDS)).data!.__schema
    expect(names(s.queryType.fields)).toEqual(expect.arrayContaining(['fixtureThing', 'fixtureChild', 'fixtureBoom']))
    expect(names(s.subscriptionType!.fields)).toContain('fixturePings')
    expect((await gqlRaw(on.url, '{ fixtureThing(label: "hi") { label } fixtureChild }')).data).toEqual({
      fixtureThing: { label: 'hi' },
      fixtureChild: 'child',
    })
    const r = await rest(on.url, '/api/fixture/thing', { label: 'rest' })
    expect(r).toMatchObject({ status: 200, body: { label: 'rest' } })
    const j = await rest(on.url, '/room/fixture-thing', { label: 'jc' })
    expect(j).toMatchObject({ status: 200, body: { data: { label: 'jc' } } })

    const ps = on.app.services.pubsub
    const start = ps.listenerCount()
    const client = wsClient(on.url)
    try {
      const sub = subscribeRaw(client, 'subscription { fixturePings(key: 3) { n at } }')
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
    const s = (await gql(off.url, QUERY_FIELDS)).data!.__schema
    const queryFields = names(s.queryType.fields)
    expect(queryFields).not.toContain('fixtureThing')
    expect(queryFields).not.toContain('fixtureChild')
    expect(queryFields).toContain('fixtureBoom')
    expect(names(s.subscriptionType!.fields)).not.toContain('fixturePings')
    expect(names(s.types).filter((n) => /^Fixture(Thing|Ping)$/.test(n!))).toEqual([])
    expect((await gqlRaw(off.url, '{ fixtureThing(label: "x") { label } }')).errors?.[0].message).toMatch(
      /fixtureThing/,
    )

    // an unknown path of peka2's: its one error form
    const r = await rest(off.url, '/api/fixture/thing', { label: 'rest' })
    expect(r.status).toBe(500)
    expect(r.body).toEqual({ message: expect.stringContaining('/api/fixture/thing') })
    // JustChat owns the path families of its enabled routes only: a disabled plugin's /room/… is nobody's
    const j = await rest(off.url, '/room/fixture-thing', { label: 'jc' })
    expect(j.status).toBe(404)
    expect(off.app.rest.dialectOf('/room/fixture-thing')).toBeNull()
    expect(on.app.rest.dialectOf('/room/other')).toBe('justchat')
    expect(off.app.rest.dialectOf('/init/reg')).toBe('justchat')

    const ps = off.app.services.pubsub
    expect(() => ps.publish('fixture.ping', 3, { n: 1, at: 'now' })).toThrow(/fixture\.ping.*no enabled plugin/)
    expect(() => ps.subscribe('fixture.ping', 3)).toThrow(/no enabled plugin/)
    // the core topic still works
    expect(() =>
      ps.publish('core.notification', 3, { type: 't', data: null, time: new Date().toISOString() }),
    ).not.toThrow()
  })

  it('a field that throws a plain Error → generic message with a request id, INTERNAL_SERVER_ERROR, no stack, logged', async () => {
    const lines: string[] = []
    const t = await startTestApp(
      { PLUGINS: 'fixture-boom' },
      { available: FIXTURES, log: createLogger('info', (l) => lines.push(l)) },
    )
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
      expect(logged).toMatchObject({
        level: 'error',
        requestId: err.extensions.requestId,
        error: expect.stringContaining(FIXTURE_SECRET),
      })
      expect(logged.stack).toMatch(/fixtures\/plugins\.ts/)

      // the same through a peka2 REST route and over graphql-ws
      const r = await rest(t.url, '/api/fixture/boom', {})
      expect(r.status).toBe(500)
      expect(r.body).toEqual({ message: expect.stringMatching(/request id/) })
      expect(JSON.stringify(r.body)).not.toContain(FIXTURE_SECRET)
      const client = wsClient(t.url)
      try {
        const e = await subscribeRaw(client, '{ fixtureBoom }').next(10_000)
        expect(e.errors![0].extensions!.code).toBe('INTERNAL_SERVER_ERROR')
        expect(e.errors![0].message).toMatch(/request id/)
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
