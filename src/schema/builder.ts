import SchemaBuilder from '@pothos/core'
import ScopeAuthPlugin from '@pothos/plugin-scope-auth'
import ErrorsPlugin from '@pothos/plugin-errors'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin from '@pothos/plugin-relay'
import type PrismaTypes from '../generated/pothos-prisma-types.js'
import { getDatamodel } from '../generated/pothos-prisma-types.js'
import type { Context } from '../context.js'
import { ROLE_NAMES, type RoleName } from '../auth/roles.js'
import { AppError } from '../errors.js'
import { inputBoundsPluginName } from './input-bounds.js'

/** One scope per site role (src/auth/roles.ts): held when the viewer's role value is above 0. */
type RoleScopes = Record<RoleName, boolean>

export interface AuthScopes extends RoleScopes {
  public: boolean
  authenticated: boolean
  internal: boolean
  /** plugin switches and the operator console: roleAdmin or the OPERATOR_TOKEN (Context.operator) */
  operator: boolean
}

export interface BuilderTypes {
  Context: Context
  PrismaTypes: PrismaTypes
  AuthScopes: AuthScopes
  Scalars: {
    DateTime: { Input: Date; Output: Date | string }
    JSON: { Input: unknown; Output: unknown }
    /** an uploaded file (GraphQL multipart request spec); registered by the plugins that take uploads */
    File: { Input: File; Output: never }
  }
  DefaultFieldNullability: false
}

/** A fresh builder per schema build: the enabled plugin set decides what goes into it. */
export function createBuilder() {
  const builder = new SchemaBuilder<BuilderTypes>({
    plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, inputBoundsPluginName],
    defaultFieldNullability: false,
    scopeAuth: {
      authorizeOnSubscribe: true,
      unauthorizedError: (_parent, context) =>
        context.viewer ? new AppError('INSUFFICIENT_PERMISSIONS') : new AppError('UNAUTHENTICATED'),
      authScopes: (ctx): AuthScopes => {
        const roles = ctx.viewer?.roles
        const scopes = Object.fromEntries(ROLE_NAMES.map((r) => [r, !!roles && roles[r] > 0])) as RoleScopes
        return { ...scopes, public: true, authenticated: !!ctx.viewer, internal: false, operator: ctx.operator }
      },
    },
    errors: { defaultTypes: [] },
    prisma: {
      client: (ctx) => ctx.prisma,
      dmmf: getDatamodel(),
      filterConnectionTotalCount: true,
      onUnusedQuery: null,
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      // node and nodes are defined in ./nodes.ts: a bad or foreign id is null there, not an error for the whole list
      nodeQueryOptions: false,
      nodesQueryOptions: false,
      nodeTypeOptions: { description: 'An object with a global id: fetch it again with `node(id:)`' },
      idFieldOptions: { description: 'Global id (Relay): opaque, stable; pass it to `node(id:)`' },
      // Relay's generated types and arguments, described once for every list that pages
      pageInfoTypeOptions: { description: 'Where a page sits in its list: whether more items lie either side' },
      hasNextPageFieldOptions: { description: 'More items follow: ask again with `after: endCursor`' },
      hasPreviousPageFieldOptions: { description: 'More items precede: ask again with `before: startCursor`' },
      startCursorFieldOptions: { description: "The first edge's cursor; null on an empty page" },
      endCursorFieldOptions: { description: "The last edge's cursor; null on an empty page" },
      defaultConnectionTypeOptions: { description: 'One page of a list: its edges and where it sits (pageInfo)' },
      defaultEdgeTypeOptions: { description: 'One item of a page with its cursor' },
      pageInfoFieldOptions: { description: 'Whether more items lie before or after this page, and its end cursors' },
      edgesFieldOptions: { description: "The page's items in the list's order" },
      nodeFieldOptions: { description: 'The item' },
      cursorFieldOptions: { description: 'Opaque position of this item: pass it as `after` or `before`' },
      firstArgOptions: {
        description:
          "Page forward: at most this many items after `after`; 0 or more, default 20, cut to the list's cap (100 unless the field says)",
      },
      lastArgOptions: {
        description: "Page backward: at most this many items before `before`; 0 or more, cut to the list's cap",
      },
      afterArgOptions: { description: 'A cursor from an earlier page: return the items after it' },
      beforeArgOptions: { description: 'A cursor from an earlier page: return the items before it' },
    },
  })
  builder.queryType({ description: 'Reads: the core and every enabled plugin add their fields here' })
  builder.mutationType({ description: 'Writes: each says who may call it and what it changes' })
  builder.subscriptionType({
    description: 'Live events over graphql-ws (or SSE); each ends with PLUGIN_DISABLED if its plugin is switched off',
  })
  return builder
}

export type Builder = ReturnType<typeof createBuilder>
