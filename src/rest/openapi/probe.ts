import type { RestBody } from '../route.js'

/**
 * A route states its body fields in one place only: the functions that map a body to variables (`variables`,
 * `lookup.variables`). To describe them, those functions are run on stand-in bodies that record which fields are read
 * and give each one a value of its own (a mark), so that the variables they return show where every field went. The
 * mapping functions only shape values (validation lives in the services), so running them is harmless; one that
 * throws on a stand-in still tells the fields it read before it threw.
 */

/** What a stand-in value stands for. */
export type Mark =
  | { kind: 'field'; name: string }
  | { kind: 'item-field'; name: string }
  | { kind: 'body' }
  | { kind: 'item' }
  | { kind: 'files' }
  | { kind: 'file' }

export type BodyKind = 'json' | 'json-array' | 'multipart'
type Variables = Record<string, unknown>
export type BodyMapper = (body: RestBody) => Variables | null

export interface Probe {
  /** body fields read, in the order first read */
  fields: string[]
  /** fields read of a list body's items */
  itemFields: string[]
  /** the variables of a run with marked values (null: every such run threw) */
  marked: Variables | null
  /** the variables of the same run with this field absent too (null: the mapping refuses the body without it) */
  without(name: string): Variables | null
  /** stand-in value → what it stands for */
  marks: Map<unknown, Mark>
}

// Marks are integer-looking strings, so that the routes' path and query helpers (`int('12')` → 12) keep them
// recognisable: a field's mark and that number both point back to the field.
const MARK_BASE = 730_000_001

/** A body that records the fields read and answers each with `value(name)`. */
function recorder(read: string[], value: (name: string) => unknown): object {
  const note = (name: string) => {
    if (!read.includes(name)) read.push(name)
  }
  return new Proxy(
    {},
    {
      get(target, key) {
        if (typeof key !== 'string') return Reflect.get(target, key) as unknown
        note(key)
        return value(key)
      },
      has(_target, key) {
        if (typeof key === 'string') note(key)
        return false
      },
      getOwnPropertyDescriptor(_target, key) {
        if (typeof key === 'string') note(key)
        return undefined
      },
    },
  )
}

/** What a lookup's mapping gives when the body asks for no lookup (its null): the fields it reads are optional. */
export const NO_VARIABLES: Variables = Object.freeze({})

/** the variables (NO_VARIABLES for a lookup's null), null when the mapping threw */
const attempt = (map: BodyMapper, body: unknown): Variables | null => {
  try {
    return map(body as RestBody) ?? NO_VARIABLES
  } catch {
    return null
  }
}

/**
 * Runs `map` on stand-in bodies of `kind`: with every field marked (or, when that throws, all but one: a mapping may
 * refuse a mark where it parses a value), then once per field with that field absent too.
 */
export function probeMapper(map: BodyMapper, kind: BodyKind): Probe {
  const fields: string[] = []
  const itemFields: string[] = []
  const marks = new Map<unknown, Mark>()
  const markOf = (name: string, item: boolean): string => {
    const list = item ? itemFields : fields
    const mark = String(MARK_BASE + (item ? 1_000 : 0) + list.indexOf(name))
    const stands: Mark = item ? { kind: 'item-field', name } : { kind: 'field', name }
    marks.set(mark, stands)
    marks.set(Number(mark), stands)
    return mark
  }
  const file = new File([], 'file')
  const files = [file]
  marks.set(file, { kind: 'file' })
  marks.set(files, { kind: 'files' })

  const run = (absent: ReadonlySet<string>): Variables | null => {
    let body: unknown
    if (kind === 'json-array') {
      const item = recorder(itemFields, (name) => markOf(name, true))
      marks.set(item, { kind: 'item' })
      body = [item]
    } else {
      body = recorder(fields, (name) => {
        if (kind === 'multipart' && name === 'files') return absent.has(name) ? [] : files
        return absent.has(name) ? undefined : markOf(name, false)
      })
    }
    marks.set(body, { kind: 'body' })
    return attempt(map, body)
  }

  let base = new Set<string>()
  let marked = run(base)
  for (const name of marked ? [] : [...fields]) {
    marked = run(new Set([name]))
    if (marked) {
      base = new Set([name])
      break
    }
  }
  const without = new Map<string, Variables | null>()
  return {
    fields: fields.filter((f) => kind !== 'multipart' || f !== 'files'),
    itemFields,
    marked,
    without(name) {
      if (!without.has(name)) without.set(name, run(new Set([...base, name])))
      return without.get(name) ?? null
    },
    marks,
  }
}
