import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { perApp } from '../plugin-system/app-state.js'
import { writeAtomic } from './atomic-write.js'

/** The bytes of one stored object, opened for streaming (an HTTP response), with their length. */
export interface StoredObject {
  size: number
  stream(): Readable
  /** releases it when it is not streamed (HEAD, 304) */
  close(): Promise<void>
}

/**
 * Where uploaded files' bytes live, by content: the sha256 of the bytes (hex) names the object, so identical contents
 * are kept once and an object never changes. The file's name, type and who may read it are the database's. The local
 * directory below is the default; an S3-compatible bucket would implement the same four calls (README, "Uploads").
 */
export interface FileStorage {
  /** keeps the bytes under their hash; a no-op when that object exists */
  put(hash: string, bytes: Uint8Array): Promise<void>
  get(hash: string): Promise<Buffer | null>
  open(hash: string): Promise<StoredObject | null>
  has(hash: string): Promise<boolean>
  remove(hash: string): Promise<void>
}

const HASH = /^[0-9a-f]{64}$/

/** Objects as files named by their hash in one directory, each written atomically (temp file + rename). */
export function localFileStorage(dir: string): FileStorage {
  const fileOf = (hash: string) => {
    // hashes come from our own digests; the check keeps any other text from ever reaching a path
    if (!HASH.test(hash)) throw new Error(`not a sha256 hex digest: ${hash.slice(0, 80)}`)
    return path.join(dir, hash)
  }
  const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT'
  const has = async (hash: string) => {
    try {
      await fs.access(fileOf(hash))
      return true
    } catch (e) {
      if (missing(e)) return false
      throw e
    }
  }
  return {
    has,
    async put(hash, bytes) {
      if (!(await has(hash))) await writeAtomic(dir, path.basename(fileOf(hash)), bytes)
    },
    async get(hash) {
      try {
        return await fs.readFile(fileOf(hash))
      } catch (e) {
        if (missing(e)) return null
        throw e
      }
    },
    async open(hash) {
      let handle: fs.FileHandle
      try {
        handle = await fs.open(fileOf(hash), 'r')
      } catch (e) {
        if (missing(e)) return null
        throw e
      }
      const size = await handle.stat().then(
        (s) => s.size,
        async (e: unknown) => {
          await handle.close()
          throw e
        },
      )
      return { size, stream: () => handle.createReadStream(), close: () => handle.close() }
    },
    remove: (hash) => fs.rm(fileOf(hash), { force: true }),
  }
}

/** This app's storage of uploaded files: UPLOAD_DIR/files. */
export const fileStorage = perApp((services) => localFileStorage(path.join(services.config.uploadDir, 'files')))
