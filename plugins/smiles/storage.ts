import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../../src/config.js'
import type { PluginHttpRoute } from '../../src/plugin-system/contract.js'

/**
 * Smile images on disk: UPLOAD_DIR/smiles/<sha256>.png. The name is the content's hash, so no client-chosen text ever
 * reaches a path, identical uploads share a file, and a URL can be cached forever.
 */
export const URL_PREFIX = '/uploads/smiles/'
const NAME = /^([0-9a-f]{64})\.png$/

export const smilesDir = (config: Config) => path.join(config.uploadDir, 'smiles')
const fileOf = (config: Config, hash: string) => path.join(smilesDir(config), `${hash}.png`)
export const fileUrl = (config: Config, hash: string) => `${config.publicUrl}${URL_PREFIX}${hash}.png`

/** Writes a file atomically (temp file + rename): a reader never sees half an image, a crash leaves no partial file. */
export async function writeFile(config: Config, hash: string, bytes: Uint8Array) {
  const dir = smilesDir(config)
  await fs.mkdir(dir, { recursive: true })
  const tmp = path.join(dir, `.${hash}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' })
    await fs.rename(tmp, fileOf(config, hash))
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw e
  }
}

export const removeFile = (config: Config, hash: string) => fs.rm(fileOf(config, hash), { force: true })

/** GET/HEAD /uploads/smiles/<sha256>.png: immutable, so clients and proxies keep it for a year. */
export const smileFiles: PluginHttpRoute = {
  prefix: URL_PREFIX,
  async handle(req: IncomingMessage, res: ServerResponse, services) {
    const name = (req.url ?? '').split('?')[0].slice(URL_PREFIX.length)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' })
      return
    }
    const hash = NAME.exec(name)?.[1]
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
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text)
}
