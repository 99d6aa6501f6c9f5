import { afterAll, describe, expect, it } from 'vitest'
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql'
import type { RoleName } from '../../src/auth/roles.js'
import { makeCallers, schemaOf, startAccessApp } from './app.js'
import { makeFixtures } from './fixtures.js'
import { globalId, RECIPES, type Instance, type Row } from './node-recipes.js'
import { ask } from './requests.js'
import { callerSet, type Caller } from './rules.js'

/**
 * Relay lookups: for every type implementing Node (read from the schema), instances made as clients make them, then
 * node(id:) and nodes(ids:) as guest, a stranger, the owner, and staff. Each answer must be what the query that owns
 * the type shows that caller (null where it shows nothing), and visible to exactly the callers its recipe declares
 * (node-recipes.ts). A Node type with no recipe fails.
 */

const t = await startAccessApp()
afterAll(() => t.close())
const schema = schemaOf(t)
const STAFF: RoleName[] = [
  'moderator',
  'support',
  'smiler',
  'masterstreamer',
  'roleAdmin',
  'blocker',
  'storeAdmin',
  'storeSupport',
  'streamAdmin',
]
const callers = await makeCallers(t, STAFF)
const f = await makeFixtures(t, callers)
const CALLERS: Caller[] = [...callerSet(STAFF), 'owner']

const nodeTypes = Object.values(schema.getTypeMap())
  .filter((ty): ty is GraphQLObjectType => isObjectType(ty) && ty.getInterfaces().some((i) => i.name === 'Node'))
  .map((ty) => ty.name)
  .sort()

/** The fields both lookups select: every leaf field without required arguments or scopes of its own. */
function selectionOf(type: string): string {
  const ty = schema.getType(type) as GraphQLObjectType
  return Object.values(ty.getFields())
    .filter((fd) => isLeafType(getNamedType(fd.type)) && !fd.args.some((a) => a.type.toString().endsWith('!')))
    .filter((fd) => !(fd.extensions.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes)
    .map((fd) => fd.name)
    .join(' ')
}

const made = new Map<string, Promise<Instance[]>>()
const instancesOf = (type: string) => {
  if (!made.has(type)) made.set(type, RECIPES[type].make(f, selectionOf(type)))
  return made.get(type)!
}
const tokenOf = (inst: Instance, caller: Caller) =>
  caller === 'owner' ? Promise.resolve(inst.owner.token) : callers.token(caller)
const sees = (inst: Instance, caller: Caller) =>
  inst.visibleTo === 'everyone' || (inst.visibleTo as string[]).includes(caller)

let cases = 0

describe('node lookups', () => {
  it('has a recipe for every Node type of the schema, and none for a type that is gone', () => {
    expect(nodeTypes.length).toBeGreaterThan(3)
    expect(
      nodeTypes.filter((n) => !Object.hasOwn(RECIPES, n)),
      'Node types with no recipe in test/access/node-recipes.ts',
    ).toEqual([])
    expect(
      Object.keys(RECIPES).filter((n) => !nodeTypes.includes(n)),
      'recipes for types that are no Node',
    ).toEqual([])
  })

  it.each(nodeTypes)('%s', async (type) => {
    expect(RECIPES[type], `${type} implements Node but has no recipe in test/access/node-recipes.ts`).toBeDefined()
    const select = selectionOf(type)
    const instances = await instancesOf(type)
    const ids = instances.map((i) => globalId(type, i.id))
    const wrong: string[] = []
    await Promise.all(
      instances.flatMap((inst, k) =>
        CALLERS.map(async (caller) => {
          const label = `${type} ${inst.label} as ${caller}`
          const token = await tokenOf(inst, caller)
          const one = await ask(
            t,
            `query($id: ID!) { node(id: $id) { ... on ${type} { ${select} } } }`,
            { id: ids[k] },
            token,
          )
          // every id of the type at once, and one that names nothing
          const many = await ask(
            t,
            `query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${type} { ${select} } } }`,
            { ids: [...ids, globalId(type, 2_000_000_000)] },
            token,
          )
          const owning = await RECIPES[type].owning(f, inst, caller, token, select)
          cases++
          if (one.errors?.length || many.errors?.length)
            return wrong.push(`${label}: errors ${JSON.stringify([one.errors, many.errors])}`)
          const node = (one.data?.node ?? null) as Row | null
          if (!!node !== sees(inst, caller))
            wrong.push(
              `${label}: node(id:) ${node ? 'shows it' : 'hides it'}, declared ${sees(inst, caller) ? 'visible' : 'hidden'}`,
            )
          if (JSON.stringify(node) !== JSON.stringify(owning))
            wrong.push(`${label}: node(id:) ${JSON.stringify(node)} ≠ its own query ${JSON.stringify(owning)}`)
          const entries = (many.data?.nodes ?? []) as (Row | null)[]
          if (JSON.stringify(entries[k] ?? null) !== JSON.stringify(node))
            wrong.push(`${label}: nodes(ids:) ${JSON.stringify(entries[k])} ≠ node(id:) ${JSON.stringify(node)}`)
          if (entries.length !== ids.length + 1 || entries[ids.length] !== null)
            wrong.push(`${label}: nodes(ids:) answered ${entries.length} entries, the unknown id not null`)
        }),
      ),
    )
    expect(wrong).toEqual([])
  })
})

afterAll(() => {
  console.info(`node lookups: ${nodeTypes.length} Node types, ${cases} instance × caller cases`)
})
