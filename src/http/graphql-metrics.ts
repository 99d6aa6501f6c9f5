import type { IncomingMessage } from 'node:http'
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql'
import { isAsyncIterable, type Plugin as YogaPlugin } from 'graphql-yoga'
import { createCounter, createHistogram, usePrometheus, type FillLabelsFnParams } from '@graphql-yoga/plugin-prometheus'
import { Counter, type Registry } from 'prom-client'

/**
 * How many distinct operation names get a series of their own; later names share `(other)`. Operation names come
 * from clients, so without a cap anyone could grow the registry (and every scrape) without end.
 */
export const MAX_OPERATION_NAMES = 100

/** Seconds. The plugin times with Date.now(), so nothing finer than a millisecond is worth a bucket. */
const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

type OpLabelName = 'operationName' | 'operationType'
type OpLabels = Record<OpLabelName, string>
export type OperationLabels = (params: FillLabelsFnParams, context: unknown) => OpLabels
type Phase = 'parse' | 'validate' | 'execute' | 'subscribe'

/**
 * The labels of one operation: its name and type as the document says (the plugin's own pick is the first definition,
 * which is wrong for a document of several), the name capped at MAX_OPERATION_NAMES. One per app: every Yoga the app
 * makes shares the cap.
 */
export function operationLabels(): OperationLabels {
  const named = new Set<string>()
  const byDocument = new WeakMap<DocumentNode, Map<string, OpLabels>>()
  const cap = (name: string) => {
    if (named.has(name)) return name
    if (named.size >= MAX_OPERATION_NAMES) return '(other)'
    named.add(name)
    return name
  }
  return (params, context) => {
    const { document } = params
    if (!document) return { operationName: 'Anonymous', operationType: 'unknown' }
    const requested = (context as { params?: { operationName?: unknown } } | null | undefined)?.params?.operationName
    const key = typeof requested === 'string' ? requested : ''
    let labels = byDocument.get(document)?.get(key)
    if (!labels) {
      const op = getOperationAST(document, key || undefined)
      labels = { operationName: cap(op?.name?.value ?? 'Anonymous'), operationType: op?.operation ?? 'unknown' }
      const known = byDocument.get(document) ?? new Map<string, OpLabels>()
      byDocument.set(document, known)
      // a document with many names asked for is a client's game: keep a few
      if (known.size < 8) known.set(key, labels)
    }
    return labels
  }
}

/**
 * Yoga's Prometheus plugin (envelop's, underneath) into the app's registry: per operation name and type, histograms
 * of the parse, validate, execute and subscribe phases (a subscription's "subscribe" lasts as long as it runs), the
 * operations completed, and the errors each phase reported. Left out: the HTTP duration (the fast path answers most
 * requests without the hooks it needs, and its `url` label is unbounded), per-resolver timing, the summary twin of
 * the duration histogram, and the deprecated-field count (a walk of every document with type info per request).
 */
export function prometheusPlugin(registry: Registry, labels: OperationLabels): YogaPlugin {
  const names = ['operationName', 'operationType'] as const
  const histogram = <P extends Phase>(phase: P) =>
    createHistogram<P, OpLabelName>({
      registry,
      phases: [phase],
      histogram: {
        name: `graphql_envelop_phase_${phase}`,
        help: `Time spent in the GraphQL "${phase}" phase, by operation (seconds)`,
        labelNames: [...names],
        buckets: BUCKETS,
      },
      fillLabelsFn: labels,
    })
  return usePrometheus({
    registry,
    endpoint: false,
    metrics: {
      graphql_envelop_phase_parse: histogram('parse'),
      graphql_envelop_phase_validate: histogram('validate'),
      graphql_envelop_phase_execute: histogram('execute'),
      graphql_envelop_phase_subscribe: histogram('subscribe'),
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_request',
          help: 'GraphQL operations completed, by operation (a subscription counts when it ends)',
          labelNames: [...names],
        },
        fillLabelsFn: labels,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'Errors reported by GraphQL operations, by operation and phase',
          labelNames: [...names, 'phase'],
        },
        fillLabelsFn: (params: FillLabelsFnParams & { errorPhase?: string }, context: unknown) => ({
          ...labels(params, context),
          phase: params.errorPhase ?? 'execute',
        }),
      }),
      graphql_envelop_schema_change: true,
      graphql_envelop_request_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_execute_resolver: false,
      graphql_yoga_http_duration: false,
    },
  })
}

/** The counter behind errorResults(): created once per registry. */
export function errorResultsCounter(registry: Registry): Counter<'phase'> {
  const counter = new Counter({
    name: 'graphql_error_results_total',
    help:
      'GraphQL results carrying errors: documents that failed to parse or validate, results and subscription events ' +
      'with errors, subscriptions that failed to start',
    labelNames: ['phase'],
    registers: [registry],
  })
  for (const phase of ['parse', 'validate', 'execute', 'subscribe'] satisfies Phase[]) counter.labels(phase).inc(0)
  return counter
}

/**
 * Counts results with errors, once each. The HTTP fast path validates a request and, when that fails, hands it to
 * Yoga, which validates it again: a second failed validation of the same HTTP request is not counted. (A graphql-ws
 * socket's operations share their upgrade request: theirs are all counted.)
 */
export function errorResults(counter: Counter<'phase'>): YogaPlugin {
  const failedValidation = new WeakSet<IncomingMessage>()
  const count = (phase: Phase) => counter.labels(phase).inc()
  const counted = (phase: 'execute' | 'subscribe') => (r: ExecutionResult) => {
    if (r.errors?.length) count(phase)
  }
  const results = (phase: 'execute' | 'subscribe', result: unknown) => {
    if (isAsyncIterable(result)) return { onNext: ({ result: r }: { result: ExecutionResult }) => counted(phase)(r) }
    counted(phase)(result as ExecutionResult)
    return undefined
  }
  return {
    onParse:
      () =>
      ({ result }) => {
        if (result instanceof Error) count('parse')
      },
    onValidate:
      ({ context }) =>
      ({ valid }) => {
        if (valid) return
        const { req, socket } = context as { req?: IncomingMessage; socket?: true }
        if (req && !socket) {
          if (failedValidation.has(req)) return
          failedValidation.add(req)
        }
        count('validate')
      },
    onExecute: () => ({ onExecuteDone: ({ result }) => results('execute', result) }),
    onSubscribe: () => ({
      onSubscribeResult: ({ result }) => results('subscribe', result),
      onSubscribeError: () => count('subscribe'),
    }),
  }
}
