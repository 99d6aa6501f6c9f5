import type { ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { PluginHttpRoute } from '../plugin-system/contract.js'
import { extensionsOf, typeOfMime } from './file-types.js'
import { FILE_ID, FILES_PATH } from './files.js'
import { fileStorage } from './storage.js'

const PREFIX = `/${FILES_PATH}`
/** <id> or <id>.<ext>: checked before the id reaches the database, and no path is ever made from it */
const PATH = new RegExp(`^(${FILE_ID.source.slice(1, -1)})(?:\\.([a-z0-9]{1,5}))?$`)

/**
 * The headers that make a stored file harmless to open from our origin, whatever its bytes: the sniffed type and no
 * sniffing by the browser, a sandbox with nothing allowed (a PDF or text cannot run script or load anything), images
 * shown inline and everything else downloaded under its cleaned name. The id is the capability and the file never
 * changes, so it is cached for a year.
 */
function fileHeaders(row: { id: string; name: string; mime: string }): Record<string, string> {
  const type = typeOfMime(row.mime)
  const disposition = type?.inline ? 'inline' : 'attachment'
  return {
    'content-type': !type
      ? 'application/octet-stream'
      : row.mime.startsWith('text/')
        ? `${row.mime}; charset=utf-8`
        : row.mime,
    'content-disposition': `${disposition}; filename="${asciiName(row.name)}"; filename*=UTF-8''${rfc5987(row.name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'public, max-age=31536000, immutable',
    etag: `"${row.id}"`,
  }
}

/** GET/HEAD /uploads/files/<id>[.<ext>]: an uploaded file, to anyone who has its id. */
export const filesRoute: PluginHttpRoute = {
  prefix: PREFIX,
  async handle(req, res, services) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' })
      return
    }
    const match = PATH.exec((req.url ?? '').split('?')[0].slice(PREFIX.length))
    const row = match && (await services.prisma.uploadedFile.findUnique({ where: { id: match[1] } }))
    const type = row && typeOfMime(row.mime)
    // the extension, when given, must be one of the file's own type: one file, no URL that names another type
    if (!row || (match[2] && !(type && extensionsOf(type).includes(match[2])))) {
      plain(res, 404, 'Not found')
      return
    }
    const headers = fileHeaders(row)
    if (req.headers['if-none-match'] === headers.etag) {
      res.writeHead(304, headers).end()
      return
    }
    const stored = await fileStorage(services).open(row.hash)
    if (!stored) {
      services.log.warn('uploaded file without its bytes', { id: row.id })
      plain(res, 404, 'Not found')
      return
    }
    res.writeHead(200, { ...headers, 'content-length': String(stored.size) })
    if (req.method === 'HEAD') {
      await stored.close()
      res.end()
      return
    }
    // a client that goes away mid-file ends the stream; nothing to answer then
    await pipeline(stored.stream(), res).catch((e: unknown) => {
      if (!res.destroyed) services.log.warn('uploaded file not sent', { id: row.id, error: String(e) })
      res.destroy()
    })
  },
}

/** RFC 5987 / 8187 value: UTF-8, percent-encoded */
const rfc5987 = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** the plain `filename` for clients without filename*: printable ASCII, no quote or backslash */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_')

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res
    .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers })
    .end(text)
}
