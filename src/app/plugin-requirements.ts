import type { Plugin } from '../plugin-system/contract.js'
import { AppError } from '../errors.js'

/** The way from `from` to `to` along `requires` (both ends included), or null when `from` does not need `to`. */
function requirementPath(byName: ReadonlyMap<string, Plugin>, from: string, to: string): string[] | null {
  const queue: string[][] = [[from]]
  const seen = new Set([from])
  // breadth first; paths pushed while iterating are visited too
  for (const path of queue) {
    const last = byName.get(path[path.length - 1])
    for (const r of last?.requires ?? []) {
      if (r === to) return [...path, r]
      if (seen.has(r)) continue
      seen.add(r)
      queue.push([...path, r])
    }
  }
  return null
}

/** The enabled plugins that need `name`, directly or through others, each with its chain ("b → a"). */
export function dependentsOf(byName: ReadonlyMap<string, Plugin>, name: string, enabled: ReadonlySet<string>) {
  const out: { name: string; chain: string[] }[] = []
  for (const other of [...enabled].sort()) {
    if (other === name) continue
    const chain = requirementPath(byName, other, name)
    if (chain) out.push({ name: other, chain })
  }
  return out
}

/**
 * Refuses a switch that would leave an enabled plugin without one it requires, naming the chain: switching off one
 * that others need (PLUGIN_REQUIRED), or on one whose requirements are off (PLUGIN_REQUIREMENT_OFF).
 */
export function checkSwitch(
  byName: ReadonlyMap<string, Plugin>,
  name: string,
  enabled: boolean,
  after: ReadonlySet<string>,
): void {
  if (!enabled) {
    const dependents = dependentsOf(byName, name, after)
    if (!dependents.length) return
    throw new AppError(
      'PLUGIN_REQUIRED',
      `${name} cannot be switched off: ${dependents.map((d) => d.chain.join(' requires ')).join('; ')}. ` +
        `Switch ${dependents.map((d) => d.name).join(', ')} off first`,
      { field: 'name', requiredBy: dependents.map((d) => d.name) },
    )
  }
  const missing = new Map<string, string[]>()
  for (const other of byName.keys()) {
    if (after.has(other)) continue
    const chain = requirementPath(byName, name, other)
    if (chain) missing.set(other, chain)
  }
  if (!missing.size) return
  throw new AppError(
    'PLUGIN_REQUIREMENT_OFF',
    `${name} cannot be switched on: ${[...missing.values()].map((c) => c.join(' requires ')).join('; ')}, ` +
      `which is off. Switch ${[...missing.keys()].join(', ')} on first`,
    { field: 'name', missing: [...missing.keys()] },
  )
}
