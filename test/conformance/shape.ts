/**
 * The response-shape DSL of the conformance tables and its matcher. A shape is written as the spec's response block
 * reads: `{ id: 'number', name: 'string', user: nullable(USER), list: ['number'] }`.
 *
 * - a string names a scalar type (SCALARS below);
 * - a plain object is an object whose listed fields must all be present (`optional(...)` for the spec's `field?`);
 * - a one-element array `[x]` is a list whose elements are each `x` (empty allowed; `nonEmpty(x)` when the suite made
 *   data that must show there);
 * - `nullable`, `optional`, `oneOf`, `literal`, `tuple`, `EMPTY_LIST` for the rest.
 *
 * Decisions: fields the spec does not name are allowed (legacy clients ignore them, and JustChat documents "other fields
 * of the model") but reported as `extras`, so the coverage file shows them. Lists are checked element by element, up
 * to LIST_CAP elements; an empty list that the shape allowed is reported in `empties` (its elements were not checked).
 */

const TAG = Symbol('shape')

/** Scalar types: `unixtime` is whole seconds, `iso` an ISO-8601 date-time string, `objectId` JustChat's 24-hex id. */
export const SCALARS = {
  number: (v: unknown) => typeof v === 'number' && Number.isFinite(v),
  integer: (v: unknown) => Number.isInteger(v),
  string: (v: unknown) => typeof v === 'string',
  boolean: (v: unknown) => typeof v === 'boolean',
  unixtime: (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1e11,
  iso: (v: unknown) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(v),
  objectId: (v: unknown) => typeof v === 'string' && /^[0-9a-f]{24}$/.test(v),
  object: (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: (v: unknown) => Array.isArray(v),
  any: (v: unknown) => v !== undefined,
} as const
export type Scalar = keyof typeof SCALARS

type Special =
  | { [TAG]: 'nullable'; of: Shape }
  | { [TAG]: 'optional'; of: Shape }
  | { [TAG]: 'oneOf'; of: Shape[] }
  | { [TAG]: 'literal'; value: unknown }
  | { [TAG]: 'tuple'; of: Shape[] }
  | { [TAG]: 'list'; of: Shape; min: number; max: number }

export type Shape = Scalar | Special | readonly [Shape] | { readonly [field: string]: Shape }

export const nullable = (of: Shape): Shape => ({ [TAG]: 'nullable', of })
/** a field the spec marks `?`: it may be absent (present, it must match) */
export const optional = (of: Shape): Shape => ({ [TAG]: 'optional', of })
export const oneOf = (...of: Shape[]): Shape => ({ [TAG]: 'oneOf', of })
export const literal = (value: unknown): Shape => ({ [TAG]: 'literal', value })
/** a fixed-length list, element i of shape i (peka2's /api/bulk answers) */
export const tuple = (...of: Shape[]): Shape => ({ [TAG]: 'tuple', of })
/** a list with at least one element: the suite made data that must be listed */
export const nonEmpty = (of: Shape): Shape => ({ [TAG]: 'list', of, min: 1, max: Infinity })
/** peka2's documented `[]` answer of actions */
export const EMPTY_LIST: Shape = { [TAG]: 'list', of: 'any', min: 0, max: 0 }

/** Elements of a list checked at most. */
export const LIST_CAP = 20

export interface MatchReport {
  /** mismatches: missing fields, wrong types, null where the spec has none */
  problems: string[]
  /** fields the spec does not name (allowed) */
  extras: string[]
  /** lists that were empty, so their element shape went unchecked */
  empties: string[]
}

const isSpecial = (s: Shape): s is Special => typeof s === 'object' && TAG in s

const describeValue = (v: unknown) => {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)}`
  if (typeof v === 'object') return 'an object'
  return typeof v === 'number' || typeof v === 'boolean' ? `${typeof v} ${v}` : typeof v
}

export const describeShape = (s: Shape): string => {
  if (typeof s === 'string') return s
  if (Array.isArray(s)) return `[${describeShape(s[0] as Shape)}]`
  if (isSpecial(s)) {
    switch (s[TAG]) {
      case 'nullable':
        return `${describeShape(s.of)} | null`
      case 'optional':
        return `${describeShape(s.of)}?`
      case 'oneOf':
        return s.of.map(describeShape).join(' | ')
      case 'literal':
        return JSON.stringify(s.value)
      case 'tuple':
        return `[${s.of.map(describeShape).join(', ')}]`
      case 'list':
        return s.max === 0 ? '[]' : `[${describeShape(s.of)}, …]`
    }
  }
  return 'object'
}

/** Matches a value against a shape; `path` names the value in the report (`$` is the whole body). */
export function match(shape: Shape, value: unknown, path = '$'): MatchReport {
  const report: MatchReport = { problems: [], extras: [], empties: [] }
  walk(shape, value, path, report)
  // one line per field, not one per list element
  const general = (p: string) => p.replace(/\[\d+\]/g, '[]')
  const firstPer = (lines: string[]) => {
    const seen = new Set<string>()
    return lines.filter((l) => {
      const key = general(l.split(':')[0] ?? l)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  }
  return {
    problems: firstPer(report.problems),
    extras: [...new Set(report.extras.map(general))],
    empties: [...new Set(report.empties.map(general))],
  }
}

function walk(shape: Shape, value: unknown, path: string, r: MatchReport): void {
  if (typeof shape === 'string') {
    if (!SCALARS[shape](value)) r.problems.push(`${path}: expected ${shape}, got ${describeValue(value)}`)
    return
  }
  if (Array.isArray(shape)) {
    list(shape[0] as Shape, 0, Infinity, value, path, r)
    return
  }
  if (isSpecial(shape)) {
    special(shape, value, path, r)
    return
  }
  if (!SCALARS.object(value)) {
    r.problems.push(`${path}: expected an object, got ${describeValue(value)}`)
    return
  }
  const obj = value as Record<string, unknown>
  const fields = shape as Record<string, Shape>
  for (const [name, fieldShape] of Object.entries(fields)) {
    const at = `${path}.${name}`
    if (!(name in obj) || obj[name] === undefined) {
      if (!(isSpecial(fieldShape) && fieldShape[TAG] === 'optional')) r.problems.push(`${at}: missing`)
      continue
    }
    walk(fieldShape, obj[name], at, r)
  }
  for (const name of Object.keys(obj)) if (!(name in fields)) r.extras.push(`${path}.${name}`)
}

function special(s: Special, value: unknown, path: string, r: MatchReport): void {
  switch (s[TAG]) {
    case 'nullable':
      if (value !== null) walk(s.of, value, path, r)
      return
    case 'optional':
      if (value !== undefined) walk(s.of, value, path, r)
      return
    case 'literal':
      if (value !== s.value)
        r.problems.push(`${path}: expected ${JSON.stringify(s.value)}, got ${describeValue(value)}`)
      return
    case 'oneOf': {
      // the first alternative that matches wins; none matching reports against the whole union
      for (const alt of s.of) {
        const sub = match(alt, value, path)
        if (sub.problems.length === 0) {
          r.extras.push(...sub.extras)
          r.empties.push(...sub.empties)
          return
        }
      }
      r.problems.push(`${path}: expected ${describeShape(s)}, got ${describeValue(value)}`)
      return
    }
    case 'tuple': {
      if (!Array.isArray(value) || value.length !== s.of.length) {
        r.problems.push(`${path}: expected ${describeShape(s)}, got ${describeValue(value)}`)
        return
      }
      s.of.forEach((el, i) => walk(el, value[i], `${path}[${i}]`, r))
      return
    }
    case 'list':
      list(s.of, s.min, s.max, value, path, r)
  }
}

function list(of: Shape, min: number, max: number, value: unknown, path: string, r: MatchReport): void {
  if (!Array.isArray(value)) {
    r.problems.push(`${path}: expected a list, got ${describeValue(value)}`)
    return
  }
  if (value.length < min) r.problems.push(`${path}: expected at least ${min} element(s), got none`)
  else if (value.length > max) r.problems.push(`${path}: expected at most ${max} element(s), got ${value.length}`)
  else if (value.length === 0 && max > 0) r.empties.push(path)
  value.slice(0, LIST_CAP).forEach((el, i) => walk(of, el, `${path}[${i}]`, r))
}
