import fs from 'node:fs'
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations'
import type { Plugin } from 'graphql-yoga'
import { ConfigError, type Config } from '../config.js'
import { AppError, type ErrorCode } from '../errors.js'

/** GraphQL parameters as a client sends them (HTTP body or query string, a graphql-ws subscribe payload). */
export interface ClientParams {
  query?: unknown
  extensions?: unknown
  /** the GraphQL-over-HTTP persisted documents appendix's parameter ("sha256:<hex>") */
  documentId?: unknown
}

/**
 * The allow-list of client documents (PERSISTED_OPERATIONS=optional|required), read once from
 * PERSISTED_OPERATIONS_MANIFEST: graphql-codegen's persisted-documents.json, an object of id → document. A client sends
 * the id as `extensions.persistedQuery.sha256Hash` (Apollo's format, the hex digest) or as `documentId`
 * ("sha256:<hex>", as the manifest writes it). `required` refuses a document sent as text. Only what clients send is
 * subject to it: the REST dialects and legacy sockets run the server's own documents, not through these entries.
 */
export interface PersistedOperations {
  mode: 'optional' | 'required'
  /** Yoga's plugin: every request Yoga parses (HTTP GET and POST, SSE) */
  plugin: Plugin
  /** For the entries that read parameters themselves (graphql-ws, the fast path): the document to run, or the refusal. */
  resolve(params: ClientParams): string | AppError
}

const loaded = new WeakMap<Config, PersistedOperations | null>()

/** This app's allow-list (one per config: the manifest is read once), or null when PERSISTED_OPERATIONS is off. */
export function persistedOperationsOf(config: Config): PersistedOperations | null {
  let found = loaded.get(config)
  if (found === undefined) {
    const { mode, manifest } = config.persistedOperations
    found = mode === 'off' || !manifest ? null : create(mode, readManifest(manifest))
    loaded.set(config, found)
  }
  return found
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** "sha256:<hex>" and "<hex>" name the same document. */
const bare = (id: string) => (id.startsWith('sha256:') ? id.slice('sha256:'.length) : id)

function readManifest(file: string): Map<string, string> {
  const refuse = () =>
    new ConfigError(
      'PERSISTED_OPERATIONS_MANIFEST',
      'a readable JSON file of operation ids to documents (graphql-codegen persisted-documents.json)',
      file,
    )
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    throw refuse()
  }
  if (!isObject(parsed)) throw refuse()
  const documents = new Map<string, string>()
  for (const [id, document] of Object.entries(parsed)) {
    if (typeof document !== 'string') throw refuse()
    documents.set(bare(id), document)
  }
  return documents
}

/** The id a request names its document by, or null. */
function idOf(params: ClientParams): string | null {
  if (typeof params.documentId === 'string') return params.documentId
  const pq = isObject(params.extensions) ? params.extensions.persistedQuery : undefined
  return isObject(pq) && pq.version === 1 && typeof pq.sha256Hash === 'string' ? pq.sha256Hash : null
}

const MESSAGES = {
  PERSISTED_QUERY_ONLY:
    'Only persisted operations are accepted: send the id of a known operation (extensions.persistedQuery.sha256Hash or documentId), not its text',
  PERSISTED_QUERY_NOT_FOUND: 'Unknown persisted operation: this server does not know the operation id sent',
  BAD_REQUEST: 'Send a query or the id of a persisted operation',
} satisfies Partial<Record<ErrorCode, string>>

function create(mode: 'optional' | 'required', documents: Map<string, string>): PersistedOperations {
  // Yoga answers a refusal before execution with the status in extensions.http (not shown to the client)
  const httpError = (code: keyof typeof MESSAGES) => () => new AppError(code, MESSAGES[code], { http: { status: 400 } })
  const plugin = usePersistedOperations({
    allowArbitraryOperations: mode === 'optional',
    extractPersistedOperationId: (params) => idOf(params as ClientParams),
    getPersistedOperation: (id) => documents.get(bare(id)) ?? null,
    customErrors: {
      persistedQueryOnly: httpError('PERSISTED_QUERY_ONLY'),
      keyNotFound: httpError(mode === 'required' ? 'PERSISTED_QUERY_ONLY' : 'BAD_REQUEST'),
      notFound: httpError('PERSISTED_QUERY_NOT_FOUND'),
    },
  }) as Plugin
  return {
    mode,
    plugin,
    // the same decisions as the plugin's, in the same order (a non-empty query first)
    resolve(params) {
      if (typeof params.query === 'string' && params.query !== '')
        return mode === 'optional' ? params.query : new AppError('PERSISTED_QUERY_ONLY', MESSAGES.PERSISTED_QUERY_ONLY)
      const id = idOf(params)
      if (id === null)
        return mode === 'optional'
          ? new AppError('BAD_REQUEST', MESSAGES.BAD_REQUEST)
          : new AppError('PERSISTED_QUERY_ONLY', MESSAGES.PERSISTED_QUERY_ONLY)
      return documents.get(bare(id)) ?? new AppError('PERSISTED_QUERY_NOT_FOUND', MESSAGES.PERSISTED_QUERY_NOT_FOUND)
    },
  }
}
