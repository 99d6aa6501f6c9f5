import type { Plugin } from 'graphql-yoga'
import type { Env } from '../config.js'

/**
 * Tracing's hooks into the app, without OpenTelemetry: src/tracing/sdk.ts (loaded only when tracing is on) fills them,
 * so that with tracing off neither the OpenTelemetry SDK nor an instrumentation is loaded, and no plugin is registered.
 */
let plugins: readonly Plugin[] = []
let shutdown: (() => Promise<void>) | undefined

/** Tracing is on when an OTLP endpoint is set (OTEL_EXPORTER_OTLP_ENDPOINT, or the traces-only variable). */
export const tracingEnabled = (env: Env): boolean =>
  Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT) || Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)

/** The Yoga plugins tracing adds (GraphQL execution spans); none when tracing is off. */
export const tracingPlugins = (): readonly Plugin[] => plugins

/** How long shutdown waits for the last spans to be sent (a collector out of reach must not hold the exit). */
const SHUTDOWN_WAIT_MS = 3_000

/** Sends the spans still buffered; at shutdown, after the app closed. */
export async function shutdownTracing(): Promise<void> {
  if (!shutdown) return
  let timer: NodeJS.Timeout | undefined
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS).unref()))
  await Promise.race([shutdown(), waited]).finally(() => clearTimeout(timer))
}

/** For src/tracing/sdk.ts once it started. */
export function installTracing(hooks: { plugins: readonly Plugin[]; shutdown: () => Promise<void> }): void {
  plugins = hooks.plugins
  shutdown = hooks.shutdown
}
