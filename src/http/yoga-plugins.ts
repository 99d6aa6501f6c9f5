import { NoSchemaIntrospectionCustomRule, getOperationAST, type DocumentNode } from 'graphql'
import type { Plugin as YogaPlugin } from 'graphql-yoga'
import { EnvelopArmor } from '@escape.tech/graphql-armor'
import type { Config } from '../config.js'
import type { Logger } from '../log.js'

/** GraphQL Armor's depth, alias, token, directive and cost limits; field suggestions hidden in production. */
export function armorPlugins(config: Config) {
  const armor = new EnvelopArmor({
    maxDepth: { n: config.armor.maxDepth },
    maxAliases: { n: config.armor.maxAliases },
    maxTokens: { n: config.armor.maxTokens },
    costLimit: { maxCost: config.armor.costLimit },
    blockFieldSuggestion: { enabled: config.production },
  })
  return armor.protect().plugins
}

/** Introspection is refused in production (graphql-js' own rule). */
export function noIntrospection(): YogaPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule)
    },
  }
}

/** One structured log line per GraphQL request: operation name, status, duration. */
export function requestLog(log: Logger): YogaPlugin {
  const started = new WeakMap<Request, { t: number; op?: string }>()
  // Clients that send no operationName (curl, GraphiQL) still name the operation in the document.
  const nameFromDocument = ({ contextValue, document, operationName }: { contextValue: unknown; document: DocumentNode; operationName?: string | null }) => {
    const s = started.get((contextValue as { request?: Request })?.request as Request)
    if (s && !s.op) s.op = getOperationAST(document, operationName)?.name?.value
  }
  return {
    onRequest({ request }) {
      started.set(request, { t: performance.now() })
    },
    onParams({ params, request }) {
      const s = started.get(request)
      if (s) s.op = params.operationName ?? undefined
    },
    onExecute: ({ args }) => nameFromDocument(args),
    onSubscribe: ({ args }) => nameFromDocument(args),
    onResponse({ request, response, serverContext }) {
      const s = started.get(request)
      if (!s) return
      log.info('graphql request', {
        requestId: (serverContext as { requestId?: string })?.requestId,
        operation: s.op ?? null,
        status: response.status,
        ms: Math.round((performance.now() - s.t) * 10) / 10,
      })
    },
  }
}
