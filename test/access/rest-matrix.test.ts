import { afterAll, describe, expect, it } from 'vitest'
import type { RestRoute } from '../../src/rest/route.js'
import { shapeOf } from '../fuzz/rest-shapes.js'
import { makeCallers, schemaOf, startAccessApp } from './app.js'
import { minimalValue } from './calls.js'
import { makeFixtures } from './fixtures.js'
import { inBatches, restCall } from './requests.js'
import { ACCESS_CODES, callersOf, judge, type Actual, type Caller, type Vars } from './rules.js'
import { NAMED_ROLES, REST, restKey, type RestRule } from './scope-table.js'

/**
 * Every REST route the running app serves (peka2 and JustChat), called by every caller: the route must declare the
 * access letters the scope table gives, and each caller must get the table's outcome. The outcome is the error code
 * behind the dialect's answer (the app logs it with the request id), so a refusal is told from any other error.
 */

const t = await startAccessApp()
afterAll(() => t.close())
const schema = schemaOf(t)
const callers = await makeCallers(t, NAMED_ROLES)
const f = await makeFixtures(t, callers)
const routes = [...t.app.rest.routes].sort((a, b) => restKey(a).localeCompare(restKey(b)))

const lettersOf = (r: RestRoute) => [r.access, ...(r.orAccess ?? [])].join('/')

/** A body in the route's own shape (its variables mapper, read back), each value the smallest its type takes. */
function generatedBody(route: RestRoute): unknown {
  if (route.body === 'multipart') return {}
  const shape = shapeOf(route, schema)
  if (shape.whole) return minimalValue(shape.whole)
  const body: Vars = {}
  for (const key of shape.keys) {
    let at = body
    for (const p of key.path.slice(0, -1)) at = (at[p] ??= {}) as Vars
    at[key.path[key.path.length - 1]] = key.type ? minimalValue(key.type) : 'access-matrix'
  }
  return body
}

/**
 * The dialects' documented forms of the two access refusals (peka2: 500 {message}; JustChat: 440 / 403 {error};
 * messenger: 401 / 403 {error, code, details}).
 */
const ACCESS_STATUS: Record<string, Record<string, number>> = {
  peka2: { UNAUTHENTICATED: 500, INSUFFICIENT_PERMISSIONS: 500 },
  justchat: { UNAUTHENTICATED: 440, INSUFFICIENT_PERMISSIONS: 403 },
  messenger: { UNAUTHENTICATED: 401, INSUFFICIENT_PERMISSIONS: 403 },
}

async function callRoute(route: RestRoute, rule: RestRule, caller: Caller): Promise<Actual> {
  let body: unknown
  let token: string | undefined
  try {
    token = await callers.token(caller, rule.freshSession)
    body = rule.body ? await rule.body(f) : generatedBody(route)
  } catch (e) {
    return { outcome: 'fixture failed', detail: String(e) }
  }
  const r = await restCall(t, route, body, token)
  const detail = `${r.status} ${JSON.stringify(r.body).slice(0, 100)}`
  if (r.code) {
    const status = ACCESS_STATUS[route.dialect][r.code] as number | undefined
    if (ACCESS_CODES.includes(r.code) && status !== r.status)
      return { outcome: `${r.code} answered as ${r.status}`, detail }
    return { outcome: r.code, detail }
  }
  if (r.status >= 200 && r.status < 300) return { outcome: 'value', detail }
  return { outcome: r.status >= 500 ? 'INTERNAL_SERVER_ERROR' : `status ${r.status}`, detail }
}

let cellCount = 0

describe('the scope table', () => {
  it('has a rule for every REST route the app serves, and none for a route that is gone', () => {
    const paths = routes.map(restKey)
    expect(paths.length).toBeGreaterThan(20)
    expect(
      paths.filter((p) => !Object.hasOwn(REST, p)),
      'routes with no rule in test/access/scope-table.ts',
    ).toEqual([])
    expect(
      Object.keys(REST).filter((p) => !paths.includes(p)),
      'rules for routes the app does not serve',
    ).toEqual([])
  })
})

describe('REST routes', () => {
  it.each(routes.map((r) => [`${r.dialect} ${restKey(r)}`, r] as const))('%s', async (_name, route) => {
    const key = restKey(route)
    const rule = REST[key] as RestRule | undefined
    expect(rule, `${key} has no rule in test/access/scope-table.ts`).toBeDefined()
    expect(lettersOf(route), `${key}: the access letters it declares`).toBe(rule!.letters)
    const cells = callersOf(rule!, callers.all).map((caller) => async () => {
      const actual = await callRoute(route, rule!, caller)
      if (process.env.ACCESS_VERBOSE) console.info(`${key} as ${caller}: ${actual.outcome} (${actual.detail})`)
      return judge(rule!, caller, actual, key)
    })
    cellCount += cells.length
    const wrong = (await inBatches(cells, 16)).filter((x): x is string => x !== null)
    expect(wrong).toEqual([])
    expect(t.crashes, 'unexpected errors the app logged').toEqual([])
  })
})

afterAll(() => {
  console.info(`REST access matrix: ${routes.length} routes, ${cellCount} calls`)
})
