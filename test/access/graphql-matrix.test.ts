import { afterAll, describe, expect, it } from 'vitest'
import { isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql'
import { makeCallers, schemaOf, startAccessApp } from './app.js'
import { argumentsFor, callText, readOutcome, selectionOf } from './calls.js'
import { makeFixtures } from './fixtures.js'
import { ask, firstEvent, inBatches } from './requests.js'
import { callersOf, casesOf, expected, judge, type Actual, type Caller, type Case } from './rules.js'
import { GRAPHQL, NAMED_ROLES, OBJECT_FIELDS, type FieldRule } from './scope-table.js'

/**
 * Every query, mutation and subscription field of the running app, and every guarded object field, called by every
 * caller (guest, plain user, the owner where a rule names one, a holder of each role): the outcome must be what the
 * scope table declares. The field list is read from the schema, so a field without a rule fails here.
 */

const t = await startAccessApp()
afterAll(() => t.close())
const schema = schemaOf(t)
const callers = await makeCallers(t, NAMED_ROLES)
const f = await makeFixtures(t, callers)

type Root = 'Query' | 'Mutation' | 'Subscription'
const ROOTS: Root[] = ['Query', 'Mutation', 'Subscription']
const ROOT_TYPE: Record<Root, GraphQLObjectType | null | undefined> = {
  Query: schema.getQueryType(),
  Mutation: schema.getMutationType(),
  Subscription: schema.getSubscriptionType(),
}
const rootType = (r: Root) => ROOT_TYPE[r]
const rootFields = ROOTS.flatMap((r) => Object.keys(rootType(r)?.getFields() ?? {}).map((n) => `${r}.${n}`)).sort()

/** Fields of non-root objects whose definition carries scopes (Pothos keeps a field's options in its extensions). */
const scoped = Object.values(schema.getTypeMap())
  .filter((ty): ty is GraphQLObjectType => isObjectType(ty) && !ty.name.startsWith('__'))
  .filter((ty) => !ROOTS.includes(ty.name as Root))
  .flatMap((ty) => {
    const typeScoped = !!(ty.extensions.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes
    return Object.values(ty.getFields())
      .filter((fd) => typeScoped || !!(fd.extensions.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes)
      .map((fd) => `${ty.name}.${fd.name}`)
  })
  .sort()

const fieldOf = (name: string): GraphQLField<unknown, unknown> | undefined => {
  const [type, field] = name.split('.')
  const ty = schema.getType(type)
  return isObjectType(ty) ? ty.getFields()[field] : undefined
}

/** One root field called by one caller, as one case of its rule says. */
async function callRoot(name: string, c: Case, caller: Caller): Promise<Actual> {
  const [root] = name.split('.') as [Root]
  const field = fieldOf(name)!
  let query: string
  let variables: Record<string, unknown>
  let token: string | undefined
  try {
    token = await callers.token(caller, c.freshSession)
    const text = callText(field, argumentsFor(field.args, c.args ? await c.args(f, caller) : {}))
    const defs = text.defs.length ? `(${text.defs.join(', ')})` : ''
    query = `${root.toLowerCase()}${defs} { f: ${text.call}${selectionOf(field.type)} }`
    variables = text.variables
  } catch (e) {
    return { outcome: 'fixture failed', detail: String(e) }
  }
  if (root !== 'Subscription') return readOutcome(await ask(t, query, variables, token), ['f'])
  const ev = await firstEvent(t, query, variables, token, { expectRefusal: expected(c, caller) !== 'allowed' })
  if (ev.kind === 'next') return readOutcome(ev.result, ['f'])
  // errors raised while subscribing carry the field's path; those without one (validation) mean it never ran
  if (ev.kind === 'error')
    return ev.result.errors?.some((e) => e.path?.[0] === 'f')
      ? readOutcome(ev.result, ['f'])
      : { outcome: 'not executed', detail: JSON.stringify(ev.result.errors) }
  return { outcome: ev.kind === 'silent' ? 'subscribed' : 'completed', detail: ev.kind }
}

/** Every case × caller of a rule, in parallel; the lines where the outcome is not the declared one. */
async function mismatches(
  name: string,
  rule: Parameters<typeof casesOf>[0],
  call: (c: Case, caller: Caller) => Promise<Actual>,
): Promise<{ wrong: string[]; cells: number }> {
  const cells = casesOf(rule).flatMap(([label, c]) =>
    callersOf(c, callers.all).map((caller) => async () => {
      const actual = await call(c, caller)
      const cell = label ? `${name} [${label}]` : name
      if (process.env.ACCESS_VERBOSE)
        console.info(`${cell} as ${caller}: ${actual.outcome} (${actual.detail.slice(0, 80)})`)
      return judge(c, caller, actual, cell)
    }),
  )
  const wrong = (await inBatches(cells, 16)).filter((x): x is string => x !== null)
  return { wrong, cells: cells.length }
}

let cellCount = 0

describe('the scope table', () => {
  it('has a rule for every query, mutation and subscription field, and none for a field that is gone', () => {
    expect(rootFields.length).toBeGreaterThan(50)
    expect(
      rootFields.filter((n) => !Object.hasOwn(GRAPHQL, n)),
      'fields with no rule in test/access/scope-table.ts',
    ).toEqual([])
    expect(
      Object.keys(GRAPHQL).filter((n) => !rootFields.includes(n)),
      'rules for fields the schema does not have',
    ).toEqual([])
  })

  it('has a rule for every object field the schema guards with scopes, and none for a field that is gone', () => {
    expect(scoped.length).toBeGreaterThan(0)
    expect(
      scoped.filter((n) => !Object.hasOwn(OBJECT_FIELDS, n)),
      'guarded fields with no rule in OBJECT_FIELDS',
    ).toEqual([])
    expect(
      Object.keys(OBJECT_FIELDS).filter((n) => !fieldOf(n)),
      'OBJECT_FIELDS rules for fields the schema does not have',
    ).toEqual([])
  })
})

describe.each(ROOTS)('%s fields', (root) => {
  const names = rootFields.filter((n) => n.startsWith(`${root}.`))
  // a subscription's cell waits for silence: those run side by side
  const each = root === 'Subscription' ? it.concurrent.for(names) : it.for(names)
  each('%s', async (name, { expect }) => {
    const rule = GRAPHQL[name] as (typeof GRAPHQL)[string] | undefined
    expect(rule, `${name} has no rule in test/access/scope-table.ts`).toBeDefined()
    const { wrong, cells } = await mismatches(name, rule!, (c, caller) => callRoot(name, c, caller))
    cellCount += cells
    expect(wrong).toEqual([])
  })
})

/** A guarded field read on the owner's object through node(id:), by every caller. */
async function callField(name: string, c: FieldRule, caller: Caller): Promise<Actual> {
  const [type] = name.split('.')
  const field = fieldOf(name)!
  try {
    const token = await callers.token(caller)
    const text = callText(field, argumentsFor(field.args, c.args ? await c.args(f, caller) : {}), 'a_')
    const defs = ['$id: ID!', ...text.defs].join(', ')
    const query = `query(${defs}) { n: node(id: $id) { ... on ${type} { v: ${text.call}${selectionOf(field.type)} } } }`
    const r = await ask(t, query, { id: await c.of(f), ...text.variables }, token)
    return readOutcome(r, ['n', 'v'])
  } catch (e) {
    return { outcome: 'fixture failed', detail: String(e) }
  }
}

describe('guarded object fields', () => {
  const names = [...new Set([...scoped, ...Object.keys(OBJECT_FIELDS)])].sort()
  it.each(names)('%s', async (name) => {
    const rule = OBJECT_FIELDS[name] as FieldRule | undefined
    expect(rule, `${name} has no rule in OBJECT_FIELDS`).toBeDefined()
    expect(fieldOf(name), `${name} is not in the schema`).toBeDefined()
    const { wrong, cells } = await mismatches(name, rule!, (c, caller) => callField(name, c as FieldRule, caller))
    cellCount += cells
    expect(wrong).toEqual([])
  })
})

afterAll(() => {
  // the size of the matrix, for the record (fields × callers, every case)
  console.info(
    `graphql access matrix: ${rootFields.length} root fields, ${scoped.length} scoped object fields, ${cellCount} calls`,
  )
})
