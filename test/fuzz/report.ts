import { jsonOf } from './values.js'

/** A case input as one readable line: long strings, deep nesting and byte buffers shortened. */
export function describeInput(input: unknown, max = 1500): string {
  const seen = new WeakSet<object>()
  const shorten = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.length > 600 ? `${v.slice(0, 60)}…(${v.length} chars)` : v
    if (v === undefined) return '<undefined>'
    if (!v || typeof v !== 'object') return v
    if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `<${v.length} bytes>`
    if (seen.has(v)) return '<cycle>'
    seen.add(v)
    if (depth > 6) return Array.isArray(v) ? `[…nested ${depthOf(v)} deep]` : `{…nested ${depthOf(v)} deep}`
    if (Array.isArray(v)) {
      const head = v.slice(0, 8).map((x) => shorten(x, depth + 1))
      return v.length > 8 ? [...head, `…(${v.length} items)`] : head
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shorten(x, depth + 1)]))
  }
  let text: string
  try {
    text = jsonOf(shorten(input, 0)) ?? 'undefined'
  } catch {
    text = String(input)
  }
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function depthOf(v: unknown): number {
  let d = 0
  let at: unknown = v
  while (at && typeof at === 'object' && d < 100_000) {
    const values: unknown[] = Object.values(at)
    at = values[0]
    d++
  }
  return d
}
