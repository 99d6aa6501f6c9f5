import type { Config } from '../../src/config.js'
import { pngFiles } from '../../src/uploads/png-files.js'

/**
 * Smile images on disk: UPLOAD_DIR/smiles/<sha256>.png, served under /uploads/smiles/ (the core's content-addressed
 * PNG files: no client-chosen text reaches a path, identical uploads share a file, a URL can be cached forever).
 */
const files = pngFiles('smiles', '/uploads/smiles/')

export const URL_PREFIX = files.prefix
export const fileUrl = (config: Config, hash: string) => `${config.publicUrl}${files.pathOf(hash)}`
/** Writes a file atomically (temp file + rename): a reader never sees half an image, a crash leaves no partial file. */
export const writeFile = (config: Config, hash: string, bytes: Uint8Array) => files.write(config, hash, bytes)
export const removeFile = (config: Config, hash: string) => files.remove(config, hash)
/** GET/HEAD /uploads/smiles/<sha256>.png: immutable, so clients and proxies keep it for a year. */
export const smileFiles = files.route
