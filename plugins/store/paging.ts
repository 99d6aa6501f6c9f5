import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay'
import { AppError, invalid } from '../../src/errors.js'

export type Page = ResolveCursorConnectionArgs

export const MAX_PAGE = 100

const cursorId = (c: string, field: string) => {
  if (!/^[1-9]\d{0,9}$/.test(c) || Number(c) > 2_147_483_647) throw invalid(field, 'is not a cursor of this list')
  return Number(c)
}

/** Newest first by id: `after` a cursor means older rows, `last` reads from the oldest end (inverted). */
export function idPage(p: Page) {
  const id: { lt?: number; gt?: number } = {}
  if (p.after) id.lt = cursorId(p.after, 'after')
  if (p.before) id.gt = cursorId(p.before, 'before')
  return {
    where: p.after || p.before ? { id } : {},
    orderBy: { id: p.inverted ? 'asc' : 'desc' } as const,
    take: p.limit,
  }
}

export interface ConnArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

/** A Relay connection over id-ordered rows, pages of at most 100 (20 by default). */
export function idConnection<T extends { id: number }>(args: ConnArgs, load: (page: Page) => Promise<T[]>) {
  for (const field of ['first', 'last'] as const) {
    const n = args[field]
    if (n != null && (n < 0 || n > MAX_PAGE))
      throw new AppError('INVALID_INPUT', `${field}: must be from 0 to ${MAX_PAGE}`, { field })
  }
  return resolveCursorConnection(
    { args: { ...args, first: args.first ?? (args.last ? undefined : 20) }, toCursor: (v: T) => String(v.id) },
    load,
  )
}
