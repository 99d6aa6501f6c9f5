import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from 'graphql-ws'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, disposeAll, gql, rest, subscribe, wsClient } from '../helpers/clients.js'
import { registerUser, userWithRoles } from '../helpers/users.js'
import { legacyClient } from '../helpers/legacy-sockets.js'
import { graphql } from '../generated/index.js'

const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789'

const PLUGINS = graphql(`
  query OperatorPlugins { plugins { name enabled requires requiredBy changedAt changedBy } }
`)
const SET_PLUGIN = graphql(`
  mutation OperatorSetPlugin($name: String!, $enabled: Boolean!) {
    setPluginEnabled(name: $name, enabled: $enabled) { name enabled requiredBy changedBy }
  }
`)
const PLUGINS_CHANGED = graphql(`
  subscription OperatorPluginsChanged { pluginsChanged { name enabled } }
`)
const SMILES = graphql(`
  query SwitchSmiles { smiles { id } }
`)
const SMILES_CHANGED = graphql(`
  subscription SwitchSmilesChanged { smilesChanged { kind } }
`)
const NOTIFICATIONS = graphql(`
  subscription SwitchNotes { notifications { type } }
`)
const ME = graphql(`
  query SwitchMe { viewer { id } }
`)

/** `npm run plugins -- …` as an operator runs it: a separate process calling the server. */
async function cli(url: string, token: string | undefined, ...args: string[]) {
  const env = { ...process.env, SERVER_URL: url, OPERATOR_TOKEN: token ?? '' }
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', 'scripts/plugins.ts', ...args], {
      env,
    })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

const enabledOf = (list: { name: string; enabled: boolean }[] | undefined, name: string) =>
  list?.find((p) => p.name === name)?.enabled

describe('switching plugins on one instance', () => {
  let t: TestApp
  let admin: { token: string; name: string }
  const clients: Client[] = []
  beforeAll(async () => {
    t = await startTestApp({ OPERATOR_TOKEN })
    const u = await userWithRoles(t, { roleAdmin: 1 })
    admin = { token: u.token, name: u.name }
  }, 120_000)
  afterAll(async () => {
    await disposeAll(clients)
    await closeAll(t)
  })

  it('lists every plugin for operators (roleAdmin or OPERATOR_TOKEN) and refuses everyone else', async () => {
    const byToken = await gql(t.url, PLUGINS, {}, OPERATOR_TOKEN)
    expect(byToken.errors).toBeUndefined()
    const names = byToken.data?.plugins.map((p) => p.name)
    expect(names).toEqual([...t.app.live.enabledNames()].sort())
    const chat = byToken.data?.plugins.find((p) => p.name === 'chat')
    expect(chat?.requiredBy).toEqual(expect.arrayContaining(['moderation', 'rooms']))
    expect(byToken.data?.plugins.find((p) => p.name === 'moderation')?.requires).toEqual(['chat'])
    expect((await gql(t.url, PLUGINS, {}, admin.token)).data?.plugins).toEqual(byToken.data?.plugins)

    const plain = await registerUser(t)
    expect(codeOf(await gql(t.url, PLUGINS, {}, plain.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, SET_PLUGIN, { name: 'smiles', enabled: false }, plain.token))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
    expect(codeOf(await gql(t.url, SET_PLUGIN, { name: 'smiles', enabled: false }))).toBe('UNAUTHENTICATED')
    expect(codeOf(await gql(t.url, PLUGINS, {}, 'operator-token-for-tests-0123456788'))).toBe('UNAUTHENTICATED')
    expect(t.app.live.isOn('smiles')).toBe(true)
  })

  it('refuses switching off a plugin others need, naming the chain; an unknown name; the core', async () => {
    const r = await gql(t.url, SET_PLUGIN, { name: 'chat', enabled: false }, OPERATOR_TOKEN)
    expect(codeOf(r)).toBe('PLUGIN_REQUIRED')
    expect(r.errors?.[0].message).toMatch(/moderation requires chat/)
    expect(r.errors?.[0].message).toMatch(/Switch .*moderation.* off first/)
    expect(t.app.live.isOn('chat')).toBe(true)
    expect(codeOf(await gql(t.url, SET_PLUGIN, { name: 'nope', enabled: false }, OPERATOR_TOKEN))).toBe(
      'PLUGIN_UNKNOWN',
    )
    expect(codeOf(await gql(t.url, SET_PLUGIN, { name: 'core', enabled: false }, OPERATOR_TOKEN))).toBe(
      'PLUGIN_UNKNOWN',
    )
    expect(codeOf(await gql(t.url, SET_PLUGIN, { name: 'x'.repeat(41), enabled: false }, OPERATOR_TOKEN))).toBe(
      'INVALID_INPUT',
    )
  })

  it('switches smiles off: its fields, REST routes and live subscriptions go; on again: all served', async () => {
    expect((await gql(t.url, SMILES)).errors).toBeUndefined()
    expect((await rest(t.url, '/api/smile', {})).status).toBe(200)
    const ws = wsClient(t.url)
    clients.push(ws)
    const live = subscribe(ws, SMILES_CHANGED)
    const watcher = wsClient(t.url, OPERATOR_TOKEN)
    clients.push(watcher)
    const changes = subscribe(watcher, PLUGINS_CHANGED)
    // both subscriptions are set up once a query on the same sockets answers
    await new Promise((r) => setTimeout(r, 300))

    const off = await gql(t.url, SET_PLUGIN, { name: 'smiles', enabled: false }, admin.token)
    expect(off.errors).toBeUndefined()
    const smiles = off.data?.setPluginEnabled.find((p) => p.name === 'smiles')
    expect(smiles).toMatchObject({ enabled: false, changedBy: admin.name })

    const refused = await gql(t.url, SMILES)
    expect(refused.errors?.[0].message).toMatch(/Cannot query field "smiles"/)
    expect((await gql(t.url, ME, {}, admin.token)).errors).toBeUndefined()
    // the unknown-path answer of the dialect, as for a path that never was
    const gone = await rest(t.url, '/api/smile', {})
    const never = await rest(t.url, '/api/never-was', {})
    expect(gone.status).toBe(never.status)
    expect(gone.body).toEqual({ message: 'Unknown endpoint /api/smile' })
    const ended = await live.next(5000)
    expect(ended.errors?.[0].extensions?.code).toBe('PLUGIN_DISABLED')
    expect(ended.errors?.[0].message).toMatch(/smiles/)
    expect((await live.next(5000)).complete).toBe(true)
    const seen = await changes.next(5000)
    expect(
      enabledOf((seen.data as { pluginsChanged: { name: string; enabled: boolean }[] }).pluginsChanged, 'smiles'),
    ).toBe(false)
    const stored = await t.app.services.prisma.pluginSetting.findUnique({ where: { name: 'smiles' } })
    expect(stored).toMatchObject({ enabled: false, changedBy: admin.name })

    const on = await gql(t.url, SET_PLUGIN, { name: 'smiles', enabled: true }, OPERATOR_TOKEN)
    expect(enabledOf(on.data?.setPluginEnabled, 'smiles')).toBe(true)
    expect(on.data?.setPluginEnabled.find((p) => p.name === 'smiles')?.changedBy).toBe('operator token')
    expect((await gql(t.url, SMILES)).errors).toBeUndefined()
    expect((await rest(t.url, '/api/smile', {})).status).toBe(200)
    const again = await changes.next(5000)
    expect(
      enabledOf((again.data as { pluginsChanged: { name: string; enabled: boolean }[] }).pluginsChanged, 'smiles'),
    ).toBe(true)
  })

  it("a legacy socket's events of a plugin switched off go unanswered; on again, answered", async () => {
    const c = await legacyClient(t.url, 4, { path: '/socket.io/' })
    try {
      // the messenger's join_room belongs to rooms: a guest is refused, but answered
      expect(await c.ask('join_room', { room: 'g:1:c:1' })).toMatchObject({ code: 'UNAUTHENTICATED' })
      expect((await gql(t.url, SET_PLUGIN, { name: 'rooms', enabled: false }, OPERATOR_TOKEN)).errors).toBeUndefined()
      await expect(c.ask('join_room', { room: 'g:1:c:1' }, 500)).rejects.toThrow()
      // the core's events still answer
      expect(await c.ask('authenticate', { token: 'nope' })).toMatchObject({ code: 'UNAUTHENTICATED' })
      expect((await gql(t.url, SET_PLUGIN, { name: 'rooms', enabled: true }, OPERATOR_TOKEN)).errors).toBeUndefined()
      expect(await c.ask('join_room', { room: 'g:1:c:1' })).toMatchObject({ code: 'UNAUTHENTICATED' })
    } finally {
      c.close()
    }
  })

  it('npm run plugins -- disable / enable / list, with the operator token; refusals exit 1 with the reason', async () => {
    const off = await cli(t.url, OPERATOR_TOKEN, 'disable', 'smiles')
    expect(off.code).toBe(0)
    expect(off.stdout).toMatch(/^smiles\s+off\s+switched by operator token/m)
    expect(t.app.live.isOn('smiles')).toBe(false)
    const refused = await cli(t.url, OPERATOR_TOKEN, 'disable', 'chat')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/PLUGIN_REQUIRED: chat cannot be switched off: .*moderation requires chat/)
    expect((await cli(t.url, 'not-the-operator-token-000000', 'list')).stderr).toMatch(/UNAUTHENTICATED/)
    expect((await cli(t.url, OPERATOR_TOKEN, 'frobnicate')).code).toBe(2)
    const on = await cli(t.url, OPERATOR_TOKEN, 'enable', 'smiles')
    expect(on.code).toBe(0)
    expect(t.app.live.isOn('smiles')).toBe(true)
    const list = await cli(t.url, OPERATOR_TOKEN, 'list')
    expect(list.stdout).toMatch(/^moderation\s+on\s+requires chat/m)
  }, 60_000)

  it('refuses switching on a plugin whose requirement is off, and keeps subscriptions it can still answer', async () => {
    const me = wsClient(t.url, admin.token)
    clients.push(me)
    const notes = subscribe(me, NOTIFICATIONS)
    await new Promise((r) => setTimeout(r, 200))
    for (const name of ['dms', 'polls', 'rooms', 'moderation']) {
      const r = await gql(t.url, SET_PLUGIN, { name, enabled: false }, OPERATOR_TOKEN)
      expect(r.errors, name).toBeUndefined()
    }
    const chatOff = await gql(t.url, SET_PLUGIN, { name: 'chat', enabled: false }, OPERATOR_TOKEN)
    expect(enabledOf(chatOff.data?.setPluginEnabled, 'chat')).toBe(false)
    const r = await gql(t.url, SET_PLUGIN, { name: 'rooms', enabled: true }, OPERATOR_TOKEN)
    expect(codeOf(r)).toBe('PLUGIN_REQUIREMENT_OFF')
    expect(r.errors?.[0].message).toMatch(/rooms requires chat/)
    // the core's own subscription is untouched by the switches
    expect(await notes.nothingWithin(200)).toBe(true)
    for (const name of ['chat', 'moderation', 'rooms', 'polls', 'dms']) {
      const on = await gql(t.url, SET_PLUGIN, { name, enabled: true }, OPERATOR_TOKEN)
      expect(on.errors, name).toBeUndefined()
    }
    expect(t.app.live.enabledNames().sort()).toEqual(
      (await gql(t.url, PLUGINS, {}, OPERATOR_TOKEN)).data?.plugins.map((p) => p.name),
    )
  })
})

const REDIS = process.env.TEST_REDIS_URL

describe.skipIf(!REDIS)('switching plugins across two instances on one Redis', () => {
  let a: TestApp
  let b: TestApp
  beforeAll(async () => {
    a = await startTestApp({ OPERATOR_TOKEN })
    b = await startTestApp({ OPERATOR_TOKEN }, { share: a })
  }, 120_000)
  afterAll(() => closeAll(b, a))

  /** ms until `check` holds on B, polled every 10 ms (up to 5 s) */
  async function until(check: () => Promise<boolean>): Promise<number> {
    const t0 = performance.now()
    while (performance.now() - t0 < 5000) {
      if (await check()) return performance.now() - t0
      await new Promise((r) => setTimeout(r, 10))
    }
    throw new Error('not within 5 s')
  }

  it('disable on A: within a second B refuses the plugin; enable again: both serve', async () => {
    expect((await gql(b.url, SMILES)).errors).toBeUndefined()
    const off = await gql(a.url, SET_PLUGIN, { name: 'smiles', enabled: false }, OPERATOR_TOKEN)
    expect(off.errors).toBeUndefined()
    const offMs = await until(async () => (await gql(b.url, SMILES)).errors !== undefined)
    expect((await rest(b.url, '/api/smile', {})).body).toEqual({ message: 'Unknown endpoint /api/smile' })
    expect((await gql(a.url, SMILES)).errors?.[0].message).toMatch(/Cannot query field "smiles"/)
    expect(b.app.live.isOn('smiles')).toBe(false)

    const on = await gql(a.url, SET_PLUGIN, { name: 'smiles', enabled: true }, OPERATOR_TOKEN)
    expect(on.errors).toBeUndefined()
    const onMs = await until(async () => (await gql(b.url, SMILES)).errors === undefined)
    expect((await rest(b.url, '/api/smile', {})).status).toBe(200)
    expect((await rest(a.url, '/api/smile', {})).status).toBe(200)
    console.log(`plugin switch propagation A → B: off ${offMs.toFixed(0)} ms, on ${onMs.toFixed(0)} ms`)
    expect(offMs).toBeLessThan(1000)
    expect(onMs).toBeLessThan(1000)
  })

  it('an instance started later follows the stored choice, whatever PLUGINS says', async () => {
    const off = await gql(b.url, SET_PLUGIN, { name: 'smiles', enabled: false }, OPERATOR_TOKEN)
    expect(off.errors).toBeUndefined()
    const c = await startTestApp({ OPERATOR_TOKEN }, { share: a })
    try {
      expect(c.app.live.isOn('smiles')).toBe(false)
      expect((await gql(c.url, SMILES)).errors?.[0].message).toMatch(/Cannot query field "smiles"/)
    } finally {
      await gql(a.url, SET_PLUGIN, { name: 'smiles', enabled: true }, OPERATOR_TOKEN)
      await c.close()
    }
  })
})
