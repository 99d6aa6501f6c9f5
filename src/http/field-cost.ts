import {
  Kind,
  OperationTypeNode,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type ASTVisitor,
  type FieldNode,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql'
import type { Plugin as YogaPlugin } from 'graphql-yoga'
import { AppError } from '../errors.js'

/**
 * What one use of a schema field costs, as the field declares it (Pothos: `extensions: { cost: 500 }`); 0 when it
 * declares nothing. GraphQL Armor's cost limit only counts the shape of a query (every object 2, every scalar 1), so a
 * field that is expensive to resolve (a full-text search) says so here.
 */
export function declaredCost(
  field: { extensions?: Readonly<Record<string, unknown>> | null } | null | undefined,
): number {
  const c = field?.extensions?.cost
  return typeof c === 'number' && Number.isFinite(c) && c > 0 ? c : 0
}

/**
 * A literal `first`/`last` multiplies what is selected below the field (as GraphQL Armor counts it); variables do
 * not.
 */
function listSize(node: FieldNode): number {
  for (const arg of node.arguments ?? []) {
    if ((arg.name.value === 'first' || arg.name.value === 'last') && arg.value.kind === Kind.INT)
      return Math.max(1, Number.parseInt(arg.value.value, 10) || 1)
  }
  return 1
}

interface Tally {
  total: number
  /** "Query.someExpensiveSearch" → uses, for the error message */
  uses: Map<string, number>
}

/**
 * The summed declared cost of every field an operation selects: each alias and each fragment spread counts again, and a
 * field under a list of literal size n counts n times. Fragments are costed once and scaled (the cost is linear in the
 * multiplier), so documents that spread fragments into fragments cannot make this walk exponential; a fragment cycle
 * counts 0 here (graphql-js' own NoFragmentCycles rule refuses the document).
 */
function operationCost(
  ctx: ValidationContext,
  selectionSet: SelectionSetNode,
  root: GraphQLNamedType | undefined,
): Tally {
  const fragments = new Map<string, Tally | 'pending'>()
  const add = (into: Tally, from: Tally, times: number) => {
    into.total += from.total * times
    for (const [k, n] of from.uses) into.uses.set(k, (into.uses.get(k) ?? 0) + n * times)
  }
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): Tally => {
    const out: Tally = { total: 0, uses: new Map() }
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const owner = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent : undefined
        const def = owner?.getFields()[sel.name.value]
        const own = declaredCost(def)
        if (owner && own > 0) {
          out.total += own
          const key = `${owner.name}.${sel.name.value}`
          out.uses.set(key, (out.uses.get(key) ?? 0) + 1)
        }
        if (sel.selectionSet && def) add(out, walk(sel.selectionSet, getNamedType(def.type)), listSize(sel))
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? ctx.getSchema().getType(sel.typeCondition.name.value) : parent
        add(out, walk(sel.selectionSet, type ?? undefined), 1)
      } else {
        const name = sel.name.value
        const known = fragments.get(name)
        if (known === 'pending') continue
        let tally = known
        if (!tally) {
          const fragment = ctx.getFragment(name)
          if (!fragment) continue
          fragments.set(name, 'pending')
          tally = walk(fragment.selectionSet, ctx.getSchema().getType(fragment.typeCondition.name.value) ?? undefined)
          fragments.set(name, tally)
        }
        add(out, tally, 1)
      }
    }
    return out
  }
  return walk(selectionSet, root)
}

/**
 * Refuses an operation whose declared field costs add up to more than `maxCost` (GRAPHQL_COST_LIMIT, the budget
 * GraphQL Armor's structural cost limit uses too): a field declaring 500 fits 10 times in the default 5,000, and
 * aliasing it 15 times is refused before anything runs.
 */
export function declaredCostRule(maxCost: number) {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const schema = ctx.getSchema()
      const root =
        node.operation === OperationTypeNode.QUERY
          ? schema.getQueryType()
          : node.operation === OperationTypeNode.MUTATION
            ? schema.getMutationType()
            : schema.getSubscriptionType()
      const { total, uses } = operationCost(ctx, node.selectionSet, root ?? undefined)
      if (total <= maxCost) return
      const what = [...uses].map(([field, n]) => `${field} ×${n}`).join(', ')
      ctx.reportError(
        new AppError('COST_LIMIT_EXCEEDED', `Query cost limit of ${maxCost} exceeded, found ${total} (${what})`, {
          maxCost,
          cost: total,
        }),
      )
    },
  })
}

/**
 * The rule as a Yoga/envelop plugin: applies to HTTP, SSE, graphql-ws and the REST shim alike (they share
 * validate).
 */
export function declaredCostLimit(maxCost: number): YogaPlugin {
  const rule = declaredCostRule(maxCost)
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule)
    },
  }
}
