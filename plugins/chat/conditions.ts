import { invalid } from '../../src/errors.js'
import type { Prisma } from '../../src/generated/prisma/client.js'

/** peka2 /chat/history `query`: conditions and nested groups glued left to right with and/or. */
export interface ConditionQuery {
  conditions?: Condition[] | null
  groups?: ConditionQuery[] | null
  glue?: string | null
}
export interface Condition {
  field: string
  operation: string
  value: (string | number)[]
  glue?: string | null
}

const FIELDS = { id: 'id', from: 'fromId', to: 'toId', type: 'type' } as const
const isField = (f: string): f is keyof typeof FIELDS => Object.hasOwn(FIELDS, f)
const OPERATIONS = ['in', 'not in', '=', '<>', '<', '>'] as const
export const MAX_DEPTH = 4
export const MAX_CONDITIONS = 50
export const MAX_VALUES = 100

type Where = Prisma.ChatMessageWhereInput

/**
 * Translates the query into a parameterised Prisma filter — never SQL text — refusing anything outside the documented
 * fields, operations and glues, and bounding nesting and size so a client cannot build a pathological query.
 */
export function conditionsToWhere(query: ConditionQuery | null | undefined): Where {
  if (!query) return {}
  const budget = { conditions: 0 }
  return group(query, 0, 'query', budget) ?? {}
}

function group(q: ConditionQuery, depth: number, path: string, budget: { conditions: number }): Where | null {
  if (depth > MAX_DEPTH) throw invalid(path, `groups nest at most ${MAX_DEPTH} levels`)
  const items: { glue: string; where: Where }[] = []
  ;(q.conditions ?? []).forEach((c, i) => {
    if (++budget.conditions > MAX_CONDITIONS) throw invalid(path, `at most ${MAX_CONDITIONS} conditions in all`)
    items.push({
      glue: glueOf(c.glue, `${path}.conditions[${i}].glue`),
      where: condition(c, `${path}.conditions[${i}]`),
    })
  })
  ;(q.groups ?? []).forEach((g, i) => {
    const where = group(g, depth + 1, `${path}.groups[${i}]`, budget)
    if (where) items.push({ glue: glueOf(g.glue, `${path}.groups[${i}].glue`), where })
  })
  if (!items.length) return null
  // The first item's glue is ignored (chat.md); the rest apply left to right.
  return items
    .slice(1)
    .reduce<Where>((acc, it) => (it.glue === 'or' ? { OR: [acc, it.where] } : { AND: [acc, it.where] }), items[0].where)
}

function glueOf(glue: string | null | undefined, path: string) {
  const g = glue ?? 'and'
  if (g !== 'and' && g !== 'or') throw invalid(path, 'must be "and" or "or" (lower case)')
  return g
}

function condition(c: Condition, path: string): Where {
  if (!isField(c.field)) throw invalid(`${path}.field`, `must be one of ${Object.keys(FIELDS).join(', ')}`)
  const column = FIELDS[c.field]
  if (!(OPERATIONS as readonly string[]).includes(c.operation))
    throw invalid(`${path}.operation`, `must be one of ${OPERATIONS.join(', ')}`)
  if (!Array.isArray(c.value) || c.value.length === 0 || c.value.length > MAX_VALUES)
    throw invalid(`${path}.value`, `must be an array of 1–${MAX_VALUES} values`)
  const numeric = column !== 'type'
  const values = c.value.map((v, i) => {
    const s = String(v)
    if (numeric) {
      // ids are Int columns: a bigger number is refused here rather than failing in the database
      if (!/^\d{1,10}$/.test(s) || Number(s) > 2_147_483_647)
        throw invalid(`${path}.value[${i}]`, 'must be an integer id')
      return Number(s)
    }
    if (s.length > 32) throw invalid(`${path}.value[${i}]`, 'is too long')
    return s
  })
  const single = (op: string) => {
    if (values.length !== 1) throw invalid(`${path}.value`, `operation ${op} takes exactly one value`)
    return values[0]
  }
  switch (c.operation) {
    case 'in':
      return { [column]: { in: values } }
    // SQL's NOT IN drops NULL recipients too; keep messages without a `to` when filtering on it.
    case 'not in':
      return column === 'toId'
        ? { OR: [{ toId: null }, { toId: { notIn: values as number[] } }] }
        : { [column]: { notIn: values } }
    case '=':
      return { [column]: single('=') }
    case '<>':
      return column === 'toId'
        ? { OR: [{ toId: null }, { toId: { not: single('<>') as number } }] }
        : { [column]: { not: single('<>') } }
    case '<':
      return { [column]: { lt: single('<') } }
    default:
      return { [column]: { gt: single('>') } }
  }
}
