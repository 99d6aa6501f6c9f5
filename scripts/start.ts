// Entry of `npm start`, the composition root: the core (src/) gets the shipped plugins from here, never imports them.
// The config is read and the embedded database's thread started first, so the database starts while the rest loads.
import { startEarly } from '../src/early-start.js'
import { tracingEnabled } from '../src/tracing/index.js'

const early = startEarly()
// Tracing (OTEL_EXPORTER_OTLP_ENDPOINT set) starts before the app's modules load, so that its instrumentations are in
// place when they do; unset, no OpenTelemetry module is loaded at all.
if (tracingEnabled(process.env))
  (await import('../src/tracing/sdk.js')).startTracing('log' in early ? early.log : undefined)
const [{ main }, { ALL_PLUGINS }] = await Promise.all([import('../src/main.js'), import('../plugins/index.js')])
await main(ALL_PLUGINS, early)
