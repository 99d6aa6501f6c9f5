// pluginsChanged and opsStats (operators): a switch made through the API reaches an operator's stream as the whole
// plugin list; the figures arrive about every second.
import { expect } from 'vitest'
import type { TestApp } from '../../helpers/app.js'
import type { TestUser } from '../../helpers/users.js'
import { ok, open, type Received } from '../support.js'

export interface OperatorsFixture {
  t: TestApp
  operator: TestUser
}

const SWITCH = 'mutation($n: String!, $e: Boolean!) { setPluginEnabled(name: $n, enabled: $e) { name } }'

export const PLUGINS_CHANGED_RECIPES = {
  async PluginState({ t, operator }: OperatorsFixture): Promise<Received> {
    const s = await open(t, operator, 'pluginsChanged')
    try {
      await ok(t, operator, SWITCH, { n: 'polls', e: false })
      const off = (await s.next()) as { name: string; enabled: boolean; requires: string[] }[]
      expect(off.find((p) => p.name === 'polls')).toMatchObject({ enabled: false, requires: ['chat'] })
      expect(off.filter((p) => !p.enabled).map((p) => p.name)).toEqual(['polls'])
      await ok(t, operator, SWITCH, { n: 'polls', e: true })
      const on = (await s.next()) as { name: string; enabled: boolean }[]
      expect(on.every((p) => p.enabled)).toBe(true)
      await s.expectQuiet(100)
      return [off, on]
    } finally {
      await s.close()
    }
  },
}

export const OPS_STATS_RECIPES = {
  async OpsOverview({ t, operator }: OperatorsFixture): Promise<Received> {
    // figures come from a timer, not from pub/sub: no listener to wait for
    const s = await open(t, operator, 'opsStats', {}, 0)
    try {
      const first = (await s.next()) as { instance: string; databaseUp: boolean; instances: { id: string }[] }
      const second = (await s.next()) as { instance: string; at: string }
      expect(first.databaseUp).toBe(true)
      expect(first.instances.map((i) => i.id)).toContain(first.instance)
      expect(second.instance).toBe(first.instance)
      return [first, second]
    } finally {
      await s.close()
    }
  },
}
