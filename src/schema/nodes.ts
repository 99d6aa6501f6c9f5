import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay'
import { isObjectType, type GraphQLSchema } from 'graphql'
import type { Builder } from './builder.js'
import type { Context } from '../context.js'

/** Every Node of this schema is keyed by a positive PostgreSQL integer (an autoincrement id). */
const KEY = /^[1-9]\d{0,9}$/
const INT4_MAX = 2_147_483_647

type ParseId = (id: string, ctx: Context) => unknown

/**
 * A global id → what the Relay plugin loads, or null when it cannot name a node of this schema: not base64 of
 * `Type:key`, a type that is not a Node here (unknown, disabled plugin, or no Node at all), or a key that is not a
 * positive 32-bit integer. Such ids resolve to null like a missing row, so one bad id never fails a whole `nodes` list.
 */
function decodeNodeId(raw: string, schema: GraphQLSchema, ctx: Context): { typename: string; id: unknown } | null {
  let decoded: { typename: string; id: string }
  try {
    decoded = decodeGlobalID(raw)
  } catch {
    return null
  }
  const type = schema.getType(decoded.typename)
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) return null
  if (!KEY.test(decoded.id) || Number(decoded.id) > INT4_MAX) return null
  const parse = type.extensions.pothosParseGlobalID as ParseId | undefined
  return { typename: type.name, id: parse ? parse(decoded.id, ctx) : decoded.id }
}

/** Relay's `node` and `nodes` root fields. */
export function addNodeQueries(builder: Builder) {
  const Node = builder.nodeInterfaceRef()
  builder.queryFields((t) => ({
    node: t.field({
      type: Node,
      nullable: true,
      description: 'The object with this global id; null when there is none (or it is not visible to you)',
      args: { id: t.arg.id({ required: true, description: 'A global id from any Node' }) },
      resolve: async (_root, args, ctx, info) =>
        (await resolveNodes(builder, ctx, info, [decodeNodeId(args.id, info.schema, ctx)]))[0],
    }),
    nodes: t.field({
      type: [Node],
      nullable: { list: false, items: true },
      description: 'The objects with these global ids, in order; null for each id that names no visible object',
      args: { ids: t.arg.idList({ required: true, description: 'Global ids, at most 100' }) },
      resolve: (_root, args, ctx, info) =>
        resolveNodes(
          builder,
          ctx,
          info,
          args.ids.map((id) => decodeNodeId(id, info.schema, ctx)),
        ),
    }),
  }))
}
