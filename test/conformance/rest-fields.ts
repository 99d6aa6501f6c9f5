import type { RestRoute } from '../../src/rest/route.js'
import { AppError } from '../../src/errors.js'

/**
 * The body paths a route's `variables` mapper reads (`['room', 'id']`), found by running it on a body that records
 * every key read. A mapper that refuses what it read (an id that is not one …) names the field: that field is given
 * a plain value (1) and the mapper run again, so the keys it reads after it are found too.
 */
export function bodyKeys(route: RestRoute): string[][] {
  if (!route.variables) return []
  const reads = new Set<string>()
  const pinned = new Map<string, unknown>()
  for (let round = 0; round < 10; round++) {
    try {
      route.variables(recorder([], reads, pinned) as Record<string, unknown>)
      break
    } catch (e) {
      const field = e instanceof AppError ? e.field : undefined
      if (!field || pinned.has(field)) break
      pinned.set(field, 1)
    }
  }
  const all = [...reads]
  return all.filter((k) => !all.some((o) => o.startsWith(`${k}.`))).map((k) => k.split('.'))
}

function recorder(path: string[], reads: Set<string>, pinned: Map<string, unknown>): object {
  return new Proxy(
    {},
    {
      get(_t, k) {
        if (k === Symbol.toPrimitive || k === 'toString' || k === 'valueOf') return () => `<${path.join('.')}>`
        if (typeof k === 'symbol' || k === 'then' || k === 'toJSON') return undefined
        const child = [...path, k]
        const key = child.join('.')
        reads.add(key)
        return pinned.has(key) ? pinned.get(key) : recorder(child, reads, pinned)
      },
      has(_t, k) {
        if (typeof k === 'string') reads.add([...path, k].join('.'))
        return true
      },
      ownKeys: () => [],
    },
  )
}

/** The top-level body fields a route documents: those its mapper reads and those its `fields` name. */
export function documentedNames(route: RestRoute): Set<string> {
  const heads = Object.values(route.fields ?? {}).map((f) => /^[^.[]*/.exec(f)![0])
  return new Set([...bodyKeys(route).map((p) => p[0]), ...heads])
}

/** A body with `value` at `path`. */
export function nest(path: string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as Record<string, unknown>)
}

/** The field an error answer names (`{message: "ids[0]: …"}`, `{error: "room.id: …"}`), or null. */
export function fieldOf(body: unknown): string | null {
  const o = (body ?? {}) as { message?: unknown; error?: unknown }
  const text = typeof o.message === 'string' ? o.message : typeof o.error === 'string' ? o.error : null
  return text === null ? null : (/^([^\s:]+): /.exec(text)?.[1] ?? null)
}
