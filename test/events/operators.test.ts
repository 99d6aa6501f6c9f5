import { afterAll, beforeAll, describe } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { userWithRoles } from '../helpers/users.js'
import { coverPairs } from './runner.js'
import { OPS_STATS_RECIPES, PLUGINS_CHANGED_RECIPES, type OperatorsFixture } from './recipes/operators.js'

/** pluginsChanged and opsStats: each made through the API and received whole by an operator (a role admin). */

let t: TestApp
let f: OperatorsFixture
beforeAll(async () => {
  t = await startTestApp()
  f = { t, operator: await userWithRoles(t, { roleAdmin: 1 }) }
})
afterAll(() => closeAll(t))

describe('pluginsChanged: a switch, whole plugin lists', () => {
  coverPairs('pluginsChanged', PLUGINS_CHANGED_RECIPES, () => f, 'test/events/recipes/operators.ts')
})

describe('opsStats: the figures, every second', () => {
  coverPairs('opsStats', OPS_STATS_RECIPES, () => f, 'test/events/recipes/operators.ts')
})
