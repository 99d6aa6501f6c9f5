import type { Plugin } from './contract.js'
import { PluginError } from './errors.js'

export { PluginError }

/**
 * Picks the enabled plugins from the available ones and orders them so that every plugin comes after the plugins it
 * requires and after those of its optional ones that are enabled. The core is not in this list: it is always on and
 * always first.
 */
export function resolvePlugins(available: Plugin[], selection: 'all' | string[]): Plugin[] {
  const byName = new Map<string, Plugin>()
  for (const p of available) {
    if (byName.has(p.name)) throw new PluginError(`two plugins are named "${p.name}"`)
    byName.set(p.name, p)
  }
  const names = selection === 'all' ? [...byName.keys()] : selection
  const named = (n: string): Plugin => {
    const p = byName.get(n)
    if (!p)
      throw new PluginError(`PLUGINS names an unknown plugin "${n}"; known: ${[...byName.keys()].join(', ') || 'none'}`)
    return p
  }
  for (const n of names) named(n)
  const enabled = new Set(names)
  for (const n of enabled) {
    for (const r of named(n).requires) {
      if (!enabled.has(r))
        throw new PluginError(`plugin "${n}" requires plugin "${r}", which is not enabled (add it to PLUGINS)`)
    }
  }
  // Depth-first topological order; a grey node met again is a cycle.
  const state = new Map<string, 'grey' | 'black'>()
  const order: Plugin[] = []
  const visit = (n: string, path: string[]) => {
    const s = state.get(n)
    if (s === 'black') return
    if (s === 'grey')
      throw new PluginError(`plugins require each other in a cycle: ${[...path.slice(path.indexOf(n)), n].join(' → ')}`)
    state.set(n, 'grey')
    const p = named(n)
    for (const r of [...p.requires, ...p.optional.filter((o) => enabled.has(o))]) visit(r, [...path, n])
    state.set(n, 'black')
    order.push(p)
  }
  for (const n of [...enabled].sort()) visit(n, [])
  return order
}
