import fs from 'node:fs/promises'
import path from 'node:path'
import type { ServerResponse } from 'node:http'
import type { Config } from '../config.js'
import type { PluginHttpRoute } from '../plugin-system/contract.js'
import { writeAtomic } from './atomic-write.js'

const NAME = /^([0-9a-f]{64})\.png$/

export interface PngFiles {
  /** the URL path prefix, e.g. /uploads/<kind>/ */
  prefix: string
  /** the path part of a stored file's URL: <prefix><hash>.png */
  pathOf(hash: string): string
  /** the hash of a stored file's URL path, or null when the path is not one of these files */
  hashOf(urlPath: string): string | null
  /** writes a file atomically (temp file + rename): a reader never sees half an image */
  write(config: Config, hash: string, bytes: Uint8Array): Promise<void>
  remove(config: Config, hash: string): Promise<void>
  /** GET/HEAD <prefix><sha256>.png: immutable, cached for a year */
  route: PluginHttpRoute
}

/**
 * Content-addressed PNG files of one kind: UPLOAD_DIR/<dir>/<sha256>.png, served under `prefix`. The name is the
 * content's hash, so no client-chosen text reaches a path, identical uploads share a file, and a URL never changes
 * meaning.
 */
export function pngFiles(dir: string, prefix: string): PngFiles {
  const dirOf = (config: Config) => path.join(config.uploadDir, dir)
  const fileOf = (config: Config, hash: string) => path.join(dirOf(config), `${hash}.png`)
  return {
    prefix,
    pathOf: (hash) => `${prefix}${hash}.png`,
    hashOf: (urlPath) => (urlPath.startsWith(prefix) ? (NAME.exec(urlPath.slice(prefix.length))?.[1] ?? null) : null),
    write: (config, hash, bytes) => writeAtomic(dirOf(config), `${hash}.png`, bytes),
    remove: (config, hash) => fs.rm(fileOf(config, hash), { force: true }),
    route: {
      prefix,
      async handle(req, res, services) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' })
          return
        }
        const hash = NAME.exec((req.url ?? '').split('?')[0].slice(prefix.length))?.[1]
        if (!hash) {
          plain(res, 404, 'Not found')
          return
        }
        const etag = `"${hash}"`
        const headers = {
          'cache-control': 'public, max-age=31536000, immutable',
          etag,
          'x-content-type-options': 'nosniff',
        }
        let bytes: Buffer
        try {
          bytes = await fs.readFile(fileOf(services.config, hash))
        } catch {
          plain(res, 404, 'Not found')
          return
        }
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, headers).end()
          return
        }
        res.writeHead(200, { ...headers, 'content-type': 'image/png', 'content-length': bytes.length })
        res.end(req.method === 'HEAD' ? undefined : bytes)
      },
    },
  }
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text)
}
