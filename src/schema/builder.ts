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
    },
  })
  builder.queryType({})
  builder.mutationType({})
  builder.subscriptionType({})
  return builder
}

export type Builder = ReturnType<typeof createBuilder>
