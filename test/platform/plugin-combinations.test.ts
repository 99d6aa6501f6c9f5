import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  printSchema,
  type GraphQLSchema,
} from 'graphql'
import { ALL_PLUGINS } from '../../plugins/index.js'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest } from '../helpers/clients.js'

/**
 * Plugin contract, item 5: every real plugin combination works. The combinations come from ALL_PLUGINS and their
 * `requires` — the core alone, each plugin with what it requires, all of them — so a new plugin is covered without
 * editing this file. For each: no schema element, REST route, pub/sub topic, setting or error code of a disabled plugin.
 */

type PluginValue = (typeof ALL_PLUGINS)[number]
const byName = new Map<string, PluginValue>(ALL_PLUGINS.map((p) => [p.name, p]))
const ALL = ALL_PLUGINS.map((p) => p.name)

/** the plugin and everything it requires, transitively */
function closure(name: string, into = new Set<string>()): Set<string> {
  if (into.has(name)) return into
  into.add(name)
  for (const r of byName.get(name)!.requires) closure(r, into)
  return into
}
const keyOf = (names: Iterable<string>) => [...names].sort().join(',') || 'none'

/** the combinations under test: core alone, each plugin with its requirements, all */
const COMBINATIONS = new Map<string, string[]>()
for (const sel of [[], ...ALL.map((n) => [...closure(n)]), ALL]) COMBINATIONS.set(keyOf(sel), [...sel].sort())
/** each plugin's baseline: core + its requirements, without it (its contribution is the schema diff to that) */
const baselineOf = (name: string) => [...closure(name)].filter((n) => n !== name).sort()
const SELECTIONS = new Map(COMBINATIONS)
for (const n of ALL) SELECTIONS.set(keyOf(baselineOf(n)), baselineOf(n))

/** The environment variables a plugin's settings reader looks at, found by watching it read an empty environment. */
function settingsOf(p: PluginValue): string[] {
  const read = new Set<string>()
  const env = new Proxy(
    {},
    {
      get(_t, k) {
        if (typeof k === 'string') read.add(k)
        return undefined
      },
    },
  )
  p.configure(env)
  return [...read]
}
/** for each variable, a value its reader refuses (the first of a few candidates that it does) */
const BAD_CANDIDATES = ['banana', '-1', '0', '99999999999', 'ftp://x']
function badSettings(p: PluginValue): Record<string, string> {
  const out: Record<string, string> = {}
  for (const v of settingsOf(p)) {
    const bad = BAD_CANDIDATES.find((c) => {
      try {
        p.configure({ [v]: c })
        return false
      } catch (e) {
        return (e as Error).message.includes(v)
      }
    })
    if (bad !== undefined) out[v] = bad
  }
  return out
}
const BAD = new Map(ALL_PLUGINS.map((p) => [p.name, badSettings(p)]))

/** Every element of a schema as a coordinate: types, fields, arguments, input fields, enum values, union members. */
function coordinates(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>()
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__')) continue
    out.add(t.name)
    if (isObjectType(t) || isInterfaceType(t)) {
      for (const i of t.getInterfaces()) out.add(`${t.name} implements ${i.name}`)
      for (const f of Object.values(t.getFields())) {
        out.add(`${t.name}.${f.name}`)
        for (const a of f.args) out.add(`${t.name}.${f.name}(${a.name}:)`)
      }
    } else if (isInputObjectType(t)) {
      for (const f of Object.values(t.getFields())) out.add(`${t.name}.${f.name}`)
    } else if (isEnumType(t)) {
      for (const v of t.getValues()) out.add(`${t.name}.${v.name}`)
    } else if (isUnionType(t)) {
      for (const m of t.getTypes()) out.add(`${t.name} | ${m.name}`)
    }
  }
  for (const d of schema.getDirectives()) {
    out.add(`@${d.name}`)
    for (const a of d.args) out.add(`@${d.name}(${a.name}:)`)
  }
  return out
}

const PEKA2_UNKNOWN = '/api/no-such-route'
/**
 * JustChat has no common prefix: it owns only the path families (first segments) of its enabled routes, so a disabled
 * plugin's JustChat path is nobody's and answers like any path nobody owns (404, empty body) — not like an unknown path
 * in a family JustChat owns (/init/no-such-route: 404 {error}) — unless another enabled plugin's routes share its
 * family (/user/…): then it answers as an unknown path of that family. Both are 404; the body differs (plugins.test.ts).
 */
const JUSTCHAT_UNKNOWN = '/no-such-family/no-such-route'
const JUSTCHAT_OWNED_UNKNOWN = '/init/no-such-route'
/** the shape of a body: its keys (a JSON object) or its type */
const shape = (body: unknown) => (body && typeof body === 'object' ? Object.keys(body).sort() : typeof body)

interface Observed {
  selection: string[]
  /** started with the disabled plugins' bad settings */
  env: Record<string, string>
  sdl: string
  coords: Set<string>
  codes: string[]
  /** each disabled plugin's routes: what they answered, next to a clearly unknown path of the same dialect */
  routes: {
    plugin: string
    dialect: string
    path: string
    /** a replacement of the core's route: with its plugin off, the core's route answers */
    replaces: boolean
    status: number
    body: unknown
    unknown: { status: number; body: unknown }
    ownedUnknownStatus: number
  }[]
  /** each topic: the refusal of a publish and of a subscribe, or null when accepted */
  topics: { plugin: string; topic: string; enabled: boolean; publish: string | null; subscribe: string | null }[]
}

const observed = new Map<string, Observed>()
const refusal = (fn: () => unknown): string | null => {
  try {
    const it = fn() as AsyncIterableIterator<unknown> | undefined
    void it?.return?.()
    return null
  } catch (e) {
    return (e as Error).message
  }
}

async function observe(selection: string[]): Promise<Observed> {
  const disabled = ALL_PLUGINS.filter((p) => !selection.includes(p.name))
  const env: Record<string, string> = Object.assign({}, ...disabled.map((p) => BAD.get(p.name)))
  let t: TestApp | undefined
  try {
    t = await startTestApp({ ...env, PLUGINS: selection.length ? selection.join(',') : 'none' })
    const schema = t.app.yoga.getEnveloped({} as never).schema as GraphQLSchema
    const unknown = {
      peka2: await rest(t.url, PEKA2_UNKNOWN, {}),
      justchat: await rest(t.url, JUSTCHAT_UNKNOWN, {}),
      justchatOwned: await rest(t.url, JUSTCHAT_OWNED_UNKNOWN, {}),
    }
    const routes: Observed['routes'] = []
    for (const p of disabled) {
      for (const r of p.rest) {
        const res = await rest(t.url, r.path, {})
        // a JustChat family another enabled plugin also uses (/user/…) is owned: compare with an unknown path in it
        const sibling = `/${r.path.split('/')[1]}/no-such-route`
        // the messenger owns only the paths of its enabled routes: the others are peka2's, as any /api path
        const dialect = r.dialect === 'messenger' ? 'peka2' : r.dialect
        const u = dialect === 'justchat' ? await rest(t.url, sibling, {}) : unknown[dialect as keyof typeof unknown]
        routes.push({
          plugin: p.name,
          dialect,
          path: r.path,
          replaces: r.replaces === true,
          status: res.status,
          body: res.body,
          // an answer naming the path it was asked for names this route's instead
          unknown: { status: u.status, body: JSON.parse(JSON.stringify(u.body).replaceAll(sibling, r.path)) },
          ownedUnknownStatus: unknown.justchatOwned.status,
        })
      }
    }
    const ps = t.app.services.pubsub
    const topics: Observed['topics'] = []
    for (const p of ALL_PLUGINS) {
      const enabled = selection.includes(p.name)
      for (const topic of p.topics) {
        topics.push({
          plugin: p.name,
          topic,
          enabled,
          // an enabled topic is only subscribed to (and let go at once): publishing a made-up payload proves nothing
          publish: enabled ? null : refusal(() => ps.publish(topic, 1, {} as never)),
          subscribe: refusal(() => ps.subscribe(topic, 1)),
        })
      }
    }
    return {
      selection,
      env,
      sdl: printSchema(schema),
      coords: coordinates(schema),
      codes: t.app.errors.codes(),
      routes,
      topics,
    }
  } finally {
    await closeAll(t)
  }
}

describe('every real plugin combination', () => {
  beforeAll(async () => {
    // one app at a time (2-core machines): each is started, probed and closed
    for (const [key, sel] of SELECTIONS) observed.set(key, await observe(sel))
  }, 300_000)

  it('covers the core alone, each plugin with its requirements, and all, derived from ALL_PLUGINS', () => {
    const keys = [...COMBINATIONS.keys()]
    expect(keys).toContain('none')
    expect(keys).toContain(keyOf(ALL))
    for (const p of ALL_PLUGINS) {
      expect(keys).toContain(keyOf(closure(p.name)))
      for (const r of p.requires) expect(byName.has(r), `${p.name} requires ${r}, which is not shipped`).toBe(true)
    }
    // each app started, with the bad settings of the plugins it leaves off
    for (const key of SELECTIONS.keys()) expect(observed.get(key)?.sdl.length).toBeGreaterThan(0)
    expect(observed.get('none')!.env).toEqual(Object.assign({}, ...BAD.values()))
  })

  /** what each plugin adds to the schema of its baseline (core + its requirements) */
  const contribution = (name: string): Set<string> => {
    const base = observed.get(keyOf(baselineOf(name)))!.coords
    const withIt = observed.get(keyOf(closure(name)))!.coords
    return new Set([...withIt].filter((c) => !base.has(c)))
  }

  it('every plugin adds something to the schema', () => {
    for (const p of ALL_PLUGINS) if (p.schema) expect(contribution(p.name).size, p.name).toBeGreaterThan(0)
  })

  it("the schema holds no type, field, argument or enum value of a disabled plugin, and nothing that is no enabled one's", () => {
    const core = observed.get('none')!.coords
    for (const [key, sel] of COMBINATIONS) {
      const got = observed.get(key)!.coords
      const enabledAdds = new Set(sel.flatMap((n) => [...contribution(n)]))
      for (const d of ALL.filter((n) => !sel.includes(n))) {
        // what only the disabled plugin brings (an element two plugins both add may stay with the enabled one)
        const leaked = [...contribution(d)].filter((c) => got.has(c) && !enabledAdds.has(c) && !core.has(c))
        expect(leaked, `PLUGINS=${key}: left behind by disabled ${d}`).toEqual([])
      }
      const stray = [...got].filter((c) => !core.has(c) && !enabledAdds.has(c))
      expect(stray, `PLUGINS=${key}: neither the core's nor an enabled plugin's`).toEqual([])
      // and each enabled plugin's contribution is there whole
      for (const n of sel) {
        const missing = [...contribution(n)].filter((c) => !got.has(c))
        expect(missing, `PLUGINS=${key}: ${n}'s elements missing`).toEqual([])
      }
    }
  })

  it("a disabled plugin's REST routes answer like an unknown path of their dialect, its replacements as the core's route", () => {
    let checked = 0
    for (const [key] of COMBINATIONS) {
      for (const r of observed.get(key)!.routes) {
        checked++
        const where = `PLUGINS=${key}: ${r.dialect} ${r.path} of disabled ${r.plugin}`
        if (r.replaces) {
          // the core's route of that path is back: it answers (here: refuses the guest), not as an unknown path
          expect(r.body, where).not.toEqual({ message: `Unknown endpoint ${r.path}` })
          expect(r.status, where).not.toBe(404)
          continue
        }
        expect(r.status, where).toBe(r.unknown.status)
        expect(shape(r.body), where).toEqual(shape(r.unknown.body))
        // peka2's every error, an unknown path too, is 500 {message}
        expect(r.status, where).toBe(r.dialect === 'peka2' ? 500 : 404)
        if (r.dialect === 'peka2') expect(r.body, where).toEqual({ message: `Unknown endpoint ${r.path}` })
        else {
          expect(r.body, where).toEqual(r.unknown.body)
          expect(r.status, where).toBe(r.ownedUnknownStatus)
        }
      }
    }
    // every shipped route was probed with its plugin off at least once
    expect(checked).toBeGreaterThanOrEqual(ALL_PLUGINS.reduce((n, p) => n + p.rest.length, 0))
  })

  it("a disabled plugin's topics are refused for publish and subscribe; an enabled one's are not", () => {
    for (const [key] of COMBINATIONS) {
      for (const t of observed.get(key)!.topics) {
        const where = `PLUGINS=${key}: ${t.topic} of ${t.enabled ? 'enabled' : 'disabled'} ${t.plugin}`
        if (t.enabled) {
          expect(t.subscribe, where).toBeNull()
        } else {
          expect(t.publish, where).toMatch(
            new RegExp(`"${t.topic.replace(/\./g, '\\.')}" belongs to no enabled plugin`),
          )
          expect(t.subscribe, where).toMatch(/belongs to no enabled plugin/)
        }
      }
    }
  })

  it("a disabled plugin's error codes are not in the app's registry; an enabled one's are", () => {
    for (const [key, sel] of COMBINATIONS) {
      const codes = observed.get(key)!.codes
      for (const p of ALL_PLUGINS) {
        const own = Object.keys(p.errors)
        if (sel.includes(p.name)) expect(codes, `PLUGINS=${key}: ${p.name}`).toEqual(expect.arrayContaining(own))
        else
          expect(
            codes.filter((c) => own.includes(c)),
            `PLUGINS=${key}: codes of disabled ${p.name}`,
          ).toEqual([])
      }
    }
  })

  it("a disabled plugin's bad settings are ignored (the apps above started with them); an enabled one's stop start-up, naming the variable", async () => {
    const withSettings = ALL_PLUGINS.filter((p) => settingsOf(p).length > 0)
    for (const p of withSettings)
      expect(Object.keys(BAD.get(p.name)!), `${p.name} reads ${settingsOf(p).join(', ')}`).toEqual(settingsOf(p))
    for (const p of withSettings) {
      for (const [variable, value] of Object.entries(BAD.get(p.name)!)) {
        const sel = [...closure(p.name)].join(',')
        const e = await startTestApp({ PLUGINS: sel, [variable]: value }).then(
          async (t) => {
            await t.close()
            return null
          },
          (x: unknown) => x as Error,
        )
        expect(e?.message, `PLUGINS=${sel} ${variable}=${value}`).toContain(
          `${variable}=${JSON.stringify(value)} is not valid`,
        )
      }
    }
  })
})

afterAll(() => {
  observed.clear()
})
