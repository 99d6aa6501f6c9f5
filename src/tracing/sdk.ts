import { createRequire } from 'node:module'
import { DiagLogLevel, SpanKind, diag } from '@opentelemetry/api'
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { registerInstrumentations } from '@opentelemetry/instrumentation'
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http'
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis'
import { PrismaInstrumentation } from '@prisma/instrumentation'
import { useOpenTelemetry } from '@envelop/opentelemetry'
import type { Plugin } from 'graphql-yoga'
import { installTracing } from './index.js'
import type { Logger } from '../log.js'

/** service.name when neither OTEL_SERVICE_NAME nor OTEL_RESOURCE_ATTRIBUTES names one */
export const SERVICE_NAME = 'streamhub'

/**
 * OpenTelemetry tracing, exported over OTLP/HTTP (JSON) to OTEL_EXPORTER_OTLP_ENDPOINT: spans for incoming and outgoing
 * HTTP, GraphQL execution (one span per operation, named `<type>.<operationName>`), Prisma and Redis commands. Loaded
 * by `npm start` (scripts/start.ts) with a dynamic import, only when the endpoint is set, and before the app's modules.
 * The exporter, the batch processor and the sampler also read their standard OTEL_* variables.
 */
export function startTracing(log?: Logger): void {
  // the SDK's own warnings and errors (a collector that cannot be reached, a bad OTEL_* value) into the app's log
  if (log)
    diag.setLogger(
      {
        error: (msg) => log.error('tracing', { error: msg }),
        warn: (msg) => log.warn('tracing', { warning: msg }),
        info: () => undefined,
        debug: () => undefined,
        verbose: () => undefined,
      },
      DiagLogLevel.WARN,
    )
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': SERVICE_NAME }))
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the defaults
    .merge(detectResources({ detectors: [envDetector] }))
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  })
  // the global provider, AsyncLocalStorage context and W3C trace-context propagation
  provider.register()
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new HttpInstrumentation(), new IORedisInstrumentation(), new PrismaInstrumentation()],
  })
  // These instrumentations patch a module when it is require()d; the app imports node:http and ioredis as ES modules,
  // which require() hooks never see. Requiring them here once patches the objects every import shares
  // (http.Server.prototype, the http module, Redis.prototype).
  const require = createRequire(import.meta.url)
  require('node:http')
  require('ioredis')
  // execution spans inside the HTTP server span (SpanKind.SERVER is the HTTP span's); no per-resolver spans, no
  // variables; the document only when it has no inline arguments (which could carry values)
  const graphql = useOpenTelemetry({ resolvers: false, variables: false, result: false }, provider, SpanKind.INTERNAL)
  installTracing({ plugins: [graphql as Plugin], shutdown: () => provider.shutdown() })
}
