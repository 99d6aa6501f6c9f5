import type { Plugin } from '../plugin-system/contract.js'
import type { RestRoute } from '../rest/route.js'

const keyOf = (r: RestRoute) => `${r.method ?? 'POST'} ${r.path}`

/**
 * The REST routes of the core and the enabled plugins, but those needing a plugin that is off. A plugin's route that
 * `replaces` takes the place of the core's route of the same method, path and dialect; a replacing route of the core,
 * one that matches no core route, and two for one core route are refused (at start-up, before anything is opened).
 */
export function restRoutesOf(plugins: readonly Plugin[]): RestRoute[] {
  const on = new Set(plugins.map((p) => p.name))
  const routes = plugins.flatMap((p) =>
    p.rest.filter((r) => (r.withPlugins ?? []).every((n) => on.has(n))).map((route) => ({ plugin: p.name, route })),
  )
  const core = new Map(routes.filter((r) => r.plugin === 'core').map((r) => [keyOf(r.route), r.route]))
  const replacedBy = new Map<string, string>()
  for (const { plugin, route } of routes) {
    if (!route.replaces) continue
    const key = keyOf(route)
    const replaced = plugin === 'core' ? undefined : core.get(key)
    if (replaced?.dialect !== route.dialect)
      throw new Error(`plugin ${plugin}: REST route ${key} replaces no ${route.dialect} route of the core`)
    const other = replacedBy.get(key)
    if (other) throw new Error(`REST route ${key} of the core is replaced by both ${other} and ${plugin}`)
    replacedBy.set(key, plugin)
  }
  return routes.filter((r) => r.plugin !== 'core' || !replacedBy.has(keyOf(r.route))).map((r) => r.route)
}
