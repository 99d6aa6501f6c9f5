import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GraphQLSchema } from 'graphql'
import type { AppYoga, EnvelopedGraphQL } from '../../app/graphql.js'
import type { ErrorRegistry } from '../../errors.js'
import { sendJson } from '../../http/respond.js'
import { matchPath } from '../path-pattern.js'
import type { RestRoute } from '../route.js'
import { openApiDocuments } from './document.js'

/**
 * The REST dialects' OpenAPI documents and a page that renders them:
 * - GET /api/openapi.json?dialect=<name> (default: the first dialect of the route table) and
 *   GET /api/openapi/<name>.json: one dialect's document;
 * - GET /api/docs: Swagger UI (swagger-ui-dist, served from node_modules) with a selector of the dialects.
 * Public, like the endpoints they describe. A route of the table at one of these paths wins: the docs never hide it.
 */
export const OPENAPI_PATH = '/api/openapi.json'
export const DOCS_PATH = '/api/docs'
const DIALECT_PATH = /^\/api\/openapi\/([A-Za-z0-9_-]+)\.json$/

interface Built {
  schema: GraphQLSchema
  names: string[]
  /** dialect → its document as sent, and its entity tag */
  documents: Map<string, { text: string; etag: string }>
}

/** Documents per route table (and schema): built on first request, again only when the table is another one. */
const built = new WeakMap<readonly RestRoute[], Built>()

function documentsOf(routes: readonly RestRoute[], schema: GraphQLSchema, errors?: ErrorRegistry): Built {
  const seen = built.get(routes)
  if (seen?.schema === schema) return seen
  const documents = new Map<string, { text: string; etag: string }>()
  for (const [name, doc] of openApiDocuments(routes, { schema, errors })) {
    const text = JSON.stringify(doc)
    documents.set(name, { text, etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"` })
  }
  const out = { schema, names: [...documents.keys()], documents }
  built.set(routes, out)
  return out
}

/** Swagger UI's files this page uses; nothing else of the package is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}
const require = createRequire(import.meta.url)
let assetDir: string | undefined
const assets = new Map<string, Promise<Buffer>>()
/** An asset's bytes, read once (Swagger UI's bundle is ~1.5 MB: served from memory after the first request). */
function asset(name: string): Promise<Buffer> {
  assetDir ??= path.dirname(require.resolve('swagger-ui-dist/package.json'))
  let bytes = assets.get(name)
  if (!bytes) {
    bytes = readFile(path.join(assetDir, name))
    // a failed read is tried again next time
    bytes.catch(() => assets.delete(name))
    assets.set(name, bytes)
  }
  return bytes
}

/** The page's own script: no inline script, so the page's CSP can forbid them. */
const INIT_JS = `'use strict'
const root = document.getElementById('docs')
const urls = JSON.parse(root.dataset.urls)
window.ui = SwaggerUIBundle({
  urls,
  'urls.primaryName': new URLSearchParams(location.search).get('dialect') || root.dataset.primary,
  domNode: root,
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
})
`

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

function page(names: string[]): string {
  const urls = names.map((name) => ({ url: `/api/openapi/${name}.json`, name }))
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>REST API</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
<link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png">
</head>
<body>
<div id="docs" data-urls="${escapeHtml(JSON.stringify(urls))}" data-primary="${escapeHtml(names[0] ?? '')}"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
<script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`
}

// Swagger UI styles elements inline; everything else comes from this origin.
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

function send(
  req: IncomingMessage,
  res: ServerResponse,
  body: string | Buffer,
  type: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(200, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    ...headers,
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

function sendDocument(req: IncomingMessage, res: ServerResponse, doc: { text: string; etag: string }) {
  if (req.headers['if-none-match'] === doc.etag) {
    res.writeHead(304, { etag: doc.etag })
    res.end()
    return
  }
  send(req, res, doc.text, 'application/json; charset=utf-8', { etag: doc.etag, 'cache-control': 'no-cache' })
}

/** The schema the app runs operations against (the one REST routes run on). */
function schemaOf(yoga: AppYoga): GraphQLSchema {
  const graphql: EnvelopedGraphQL = yoga.getEnveloped({})
  return graphql.schema
}

/**
 * Answers the OpenAPI documents and the docs page; false for any other request (or one a route of the table owns).
 * `routes` and Yoga's schema are read per request: the table in force, whose documents are built once and kept.
 */
export async function handleOpenApi(
  req: IncomingMessage,
  res: ServerResponse,
  routes: () => readonly RestRoute[],
  yoga: AppYoga,
  errors?: ErrorRegistry,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  // split by hand: this runs before every request's own parsing, and a URL that does not parse is not ours
  const raw = req.url ?? '/'
  const q = raw.indexOf('?')
  const p = q < 0 ? raw : raw.slice(0, q)
  const query = q < 0 ? '' : raw.slice(q + 1)
  const dialectInPath = DIALECT_PATH.exec(p)?.[1]
  const ours = p === OPENAPI_PATH || dialectInPath !== undefined || p === DOCS_PATH || p.startsWith(`${DOCS_PATH}/`)
  if (!ours) return false
  const table = routes()
  if (table.some((r) => matchPath(r.path, p) !== null)) return false
  req.resume()

  if (p === DOCS_PATH || p === `${DOCS_PATH}/` || p === `${DOCS_PATH}/init.js`) {
    if (p.endsWith('init.js')) send(req, res, INIT_JS, 'text/javascript; charset=utf-8')
    else {
      const { names } = documentsOf(table, schemaOf(yoga), errors)
      send(req, res, page(names), 'text/html; charset=utf-8', {
        'content-security-policy': PAGE_CSP,
        'cache-control': 'no-cache',
      })
    }
    return true
  }
  if (p.startsWith(`${DOCS_PATH}/`)) {
    const name = p.slice(DOCS_PATH.length + 1)
    const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
    if (!type) {
      sendJson(res, 404, { message: `Unknown file ${p}` })
      return true
    }
    send(req, res, await asset(name), type, { 'cache-control': 'public, max-age=86400' })
    return true
  }
  const { names, documents } = documentsOf(table, schemaOf(yoga), errors)
  const name = dialectInPath ?? new URLSearchParams(query).get('dialect') ?? names.at(0)
  const doc = name === undefined ? undefined : documents.get(name)
  if (!doc) {
    sendJson(res, 404, {
      message: name === undefined ? 'No REST dialect is enabled' : `Unknown dialect ${name}`,
      dialects: names,
    })
    return true
  }
  sendDocument(req, res, doc)
  return true
}
