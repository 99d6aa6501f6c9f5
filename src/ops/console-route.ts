import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import type http from 'node:http'

/**
 * The operator console at /ops: a static page (src/ops/console/) and the few browser modules it imports from
 * node_modules, served as written — no bundler, no CDN. The page holds no data: everything it shows comes from the
 * GraphQL API with an operator's token, so the files themselves are public.
 */

/** The URL prefix; /ops and /ops/ are the page. */
export const CONSOLE_PREFIX = '/ops'

const CONSOLE_DIR = path.join(import.meta.dirname, 'console')

/**
 * The only files served from node_modules: a package, its entry file for browsers, and the URL under /ops/vendor/.
 * `follow`: also the entry's relative imports (graphql-ws' client imports a chunk whose name carries a content hash).
 */
const VENDOR: readonly { pkg: string; file: string; url: string; follow?: boolean }[] = [
  { pkg: 'preact', file: 'dist/preact.mjs', url: 'preact.mjs' },
  { pkg: 'htm', file: 'dist/htm.module.js', url: 'htm.mjs' },
  { pkg: 'graphql-ws', file: 'dist/client.js', url: 'graphql-ws/client.js', follow: true },
]

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/**
 * Scripts and styles from this origin only (no inline script or style), API calls and graphql-ws to this origin only,
 * and no framing: a page that holds an operator's token gets nothing else.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

interface Asset {
  body: Buffer
  type: string
  etag: string
}

const asset = (file: string): Asset => {
  const body = fs.readFileSync(file)
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }
}

/** The directory of an installed package (its package.json), found from the file Node resolves it to. */
function packageDir(pkg: string): string {
  const require = createRequire(import.meta.url)
  let dir = path.dirname(require.resolve(pkg))
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg)
      return dir
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`operator console: package ${pkg} not found`)
    dir = up
  }
}

/** `import … from './x.js'` / `export … from './x.js'` in a module's text: sibling files only. */
const RELATIVE_IMPORT = /\b(?:from|import)\s*['"]\.\/([\w.-]+\.m?js)['"]/g

/** Every servable file by URL path, read once at start-up (a few dozen kB). */
function loadAssets(): Map<string, Asset> {
  const out = new Map<string, Asset>()
  for (const e of fs.readdirSync(CONSOLE_DIR, { withFileTypes: true }))
    if (e.isFile() && path.extname(e.name) in TYPES)
      out.set(`${CONSOLE_PREFIX}/${e.name}`, asset(path.join(CONSOLE_DIR, e.name)))
  const index = out.get(`${CONSOLE_PREFIX}/index.html`)
  if (!index) throw new Error('operator console: index.html missing')
  out.set(CONSOLE_PREFIX, index)
  out.set(`${CONSOLE_PREFIX}/`, index)
  for (const v of VENDOR) {
    const file = path.join(packageDir(v.pkg), v.file)
    const base = `${CONSOLE_PREFIX}/vendor/${v.url}`
    out.set(base, asset(file))
    if (!v.follow) continue
    const pending = [file]
    for (let f = pending.pop(); f; f = pending.pop())
      for (const m of fs.readFileSync(f, 'utf8').matchAll(RELATIVE_IMPORT)) {
        const url = `${path.posix.dirname(base)}/${m[1]}`
        if (out.has(url)) continue
        const dep = path.join(path.dirname(f), m[1])
        out.set(url, asset(dep))
        pending.push(dep)
      }
  }
  return out
}

/** The handler for every path under /ops; anything else is the caller's. */
export function createConsoleRoute(): (req: http.IncomingMessage, res: http.ServerResponse, path: string) => void {
  const assets = loadAssets()
  return (req, res, urlPath) => {
    const headers: Record<string, string> = {
      'content-security-policy': CONSOLE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
      res.end('Method not allowed\n')
      return
    }
    const a = assets.get(urlPath)
    if (!a) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      res.end(req.method === 'HEAD' ? undefined : 'Not found\n')
      return
    }
    // revalidated on every load (no-cache + ETag): file names carry no version, and a deploy must show at once
    Object.assign(headers, { etag: a.etag, 'cache-control': 'no-cache' })
    if (req.headers['if-none-match'] === a.etag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    res.writeHead(200, { ...headers, 'content-type': a.type, 'content-length': String(a.body.length) })
    res.end(req.method === 'HEAD' ? undefined : a.body)
  }
}
