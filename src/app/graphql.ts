import { randomUUID } from 'node:crypto'
import { GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql'
import { createYoga, type YogaServerInstance } from 'graphql-yoga'
import type { Config } from '../config.js'
import type { Context, ContextInput } from '../context.js'
import { stackOf, type Logger } from '../log.js'
import { armorPlugins, bodyLimit, noIntrospection, requestLog } from '../http/yoga-plugins.js'
import { inputBounds } from '../schema/input-bounds.js'
import { oauthScopes } from '../core/oauth/guard.js'
import { largeUploadsOnly, uploadBodyLimit } from '../uploads/body-limit.js'
import type { SseSessions } from '../http/sse-sessions.js'
import type { Metrics } from '../http/metrics.js'
import { validationCache } from './validation-cache.js'
import { sharedSubscriptions, type SharedResults } from './shared-subscriptions.js'
import type { SchemaSwitch } from './schema-switch.js'
import { tracingPlugins } from '../tracing/index.js'
import { persistedOperationsOf } from '../http/persisted-operations.js'

/** The app's Yoga: the server context every entry (HTTP, graphql-ws, REST) hands in, and the resolvers' Context. */
export type AppYoga = YogaServerInstance<ContextInput, Context>

type Subscribed = AsyncGenerator<ExecutionResult, void, void> | ExecutionResult

/**
 * One request's envelop (`yoga.getEnveloped(…)`) as graphql-js types it: envelop declares these functions and the
 * schema as `any`. They are the app's schema and graphql-js functions with every envelop plugin applied.
 */
export interface EnvelopedGraphQL {
  schema: GraphQLSchema
  parse: (source: string) => DocumentNode
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[]
  execute: (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>
  subscribe: (args: ExecutionArgs) => Subscribed | Promise<Subscribed>
  contextFactory: () => Context | Promise<Context>
}

export interface GraphQLOptions {
  schema: GraphQLSchema
  config: Config
  log: Logger
  buildContext: (input: ContextInput) => Promise<Context>
  /** ends SSE subscriptions whose session ends */
  sse: SseSessions
  /** subscription results shared between subscribers (src/app/shared-subscriptions.ts) */
  shared: SharedResults
  /** the schema of new requests, swapped when plugins are switched (src/app/schema-switch.ts) */
  schemas: SchemaSwitch
  /** the app's metrics: operations measured into its registry */
  metrics?: Pick<Metrics, 'graphqlPlugins'>
  /** GraphiQL's default query, asked per page load: it follows the plugins enabled now (src/app/graphiql-examples.ts) */
  examples?: () => string
}

/**
 * Yoga with error masking and the envelop plugins (metrics, body limit, input bounds, OAuth scopes, armor,
 * introspection, request log, validation cache, shared subscription execution).
 */
export function createGraphQL({
  schema,
  config,
  log,
  buildContext,
  sse,
  shared,
  schemas,
  metrics,
  examples,
}: GraphQLOptions): AppYoga {
  const persisted = persistedOperationsOf(config)
  return createYoga<ContextInput, Context>({
    schema,
    context: (initial) => buildContext(initial),
    graphiql: config.production ? false : () => ({ defaultQuery: examples?.() }),
    landingPage: false,
    batching: false,
    cors: config.corsOrigins === '*' ? undefined : { origin: config.corsOrigins, credentials: true },
    logging: false,
    maskedErrors: { maskError: (error, message) => maskError(log, error, message) },
    // Yoga's parse cache; validation is cached by validationCache()
    parserAndValidationCache: { validationCache: false },
    // bodyLimit enforces BODY_LIMIT_BYTES for every body (JSON, GraphQL strings, multipart), as for REST; multipart
    // bodies of fields that take large files (src/uploads/body-limit.ts) up to the upload limit
    maxRequestBodySize: false,
    plugins: [
      // first: their timers take in what the other plugins do in each phase
      ...(metrics?.graphqlPlugins() ?? []),
      // OpenTelemetry's execution spans when tracing is on (src/tracing/)
      ...tracingPlugins(),
      // PERSISTED_OPERATIONS: a persisted operation's id becomes its document before anything reads the query
      ...(persisted ? [persisted.plugin] : []),
      bodyLimit(config.bodyLimitBytes, uploadBodyLimit(config)),
      largeUploadsOnly(config.bodyLimitBytes),
      inputBounds(),
      oauthScopes(),
      ...armorPlugins(config),
      ...(config.production ? [noIntrospection()] : []),
      requestLog(log),
      sse.plugin,
      validationCache(),
      sharedSubscriptions(shared),
      schemas.plugin(),
    ],
  })
}

/**
 * Our own errors (AppError and graphql-js validation) keep their message and code; anything else is logged with its
 * stack and shown as Yoga's masked message plus a request id that finds the log line.
 */
function maskError(log: Logger, error: unknown, message: string): Error {
  const original = (error as GraphQLError).originalError
  // Duck-typed: CJS packages (graphql-armor) bring their own copy of graphql, so instanceof is unreliable.
  if (isGraphQLError(error) && (!original || isGraphQLError(original))) return error
  const requestId = randomUUID()
  log.error('unexpected error', {
    requestId,
    error: String(original ?? error),
    stack: stackOf(original) ?? stackOf(error),
  })
  return new GraphQLError(`${message} (request id ${requestId})`, {
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  })
}

const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError'
