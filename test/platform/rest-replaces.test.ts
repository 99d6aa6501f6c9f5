/** A plugin's REST route may replace the core's route of its method and path (`replaces`), and nothing else. */
import { describe, expect, it } from 'vitest'
import { restRoutesOf } from '../../src/app/rest-routes.js'
import { definePlugin } from '../../src/plugin-system/contract.js'
import type { RestRoute } from '../../src/rest/route.js'

const route = (path: string, more: Partial<RestRoute> = {}): RestRoute => ({
  dialect: 'peka2',
  path,
  access: 'P',
  operation: 'query { __typename }',
  result: () => [],
  ...more,
})
const core = definePlugin({ name: 'core', rest: [route('/api/a'), route('/api/b')] })
const fixture = (name: string, ...rest: RestRoute[]) => definePlugin({ name, rest })
const paths = (routes: RestRoute[]) => routes.map((r) => `${r.method ?? 'POST'} ${r.path}${r.replaces ? '*' : ''}`)

describe('replacing a core route', () => {
  it("the plugin's route takes the core's place; with the plugin off, the core's stays", () => {
    const fuller = fixture('fuller', route('/api/a', { replaces: true }), route('/api/c'))
    expect(paths(restRoutesOf([core, fuller]))).toEqual(['POST /api/b', 'POST /api/a*', 'POST /api/c'])
    expect(paths(restRoutesOf([core]))).toEqual(['POST /api/a', 'POST /api/b'])
  })

  it('refused: no core route of that method, path and dialect; a replacing core route; two replacements', () => {
    for (const bad of [
      route('/api/nothing', { replaces: true }),
      route('/api/a', { replaces: true, method: 'GET' }),
      route('/api/a', { replaces: true, dialect: 'messenger' }),
    ])
      expect(() => restRoutesOf([core, fixture('bad', bad)])).toThrow(/replaces no (peka2|messenger) route of the core/)
    const selfish = definePlugin({ name: 'core', rest: [route('/api/a', { replaces: true })] })
    expect(() => restRoutesOf([selfish])).toThrow(/replaces no peka2 route of the core/)
    const one = fixture('one', route('/api/a', { replaces: true }))
    const two = fixture('two', route('/api/a', { replaces: true }))
    expect(() => restRoutesOf([core, one, two])).toThrow('POST /api/a of the core is replaced by both one and two')
  })
})
