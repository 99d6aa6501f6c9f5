import { resolveOffsetConnection } from '@pothos/plugin-relay'
import { invalid } from '../../../src/errors.js'

interface ConnArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

/** Offsets a list is paged to at most: the lists are by live rating, a moving order nobody pages far into. */
const OFFSET_MAX = 10_000

/**
 * A Relay connection by offset, forwards only, pages of 1–`max`. Checked here: Pothos throws plain errors (a 500) on
 * bad counts and cursors.
 */
export function offsetConnection<T>(
  args: ConnArgs,
  max: number,
  load: (page: { limit: number; offset: number }) => Promise<T[]>,
) {
  if (args.last != null || args.before != null) throw invalid('last', 'this list pages forwards only (first, after)')
  if (args.first != null && (args.first < 1 || args.first > max)) throw invalid('first', `must be between 1 and ${max}`)
  if (args.after != null) {
    const text = Buffer.from(args.after, 'base64').toString('utf8')
    const m = /^OffsetConnection:(\d{1,5})$/.exec(text)
    if (!m || Number(m[1]) > OFFSET_MAX) throw invalid('after', 'is not a cursor of this list')
  }
  return resolveOffsetConnection({ args, defaultSize: max, maxSize: max }, load)
}
