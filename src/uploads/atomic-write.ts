import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes `dir/name` atomically: into a temporary file of the same directory first, then renamed over the name, so a
 * reader never sees half a file and a crash leaves no partial one under the real name.
 */
export async function writeAtomic(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(dir, { recursive: true })
  const tmp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' })
    await fs.rename(tmp, path.join(dir, name))
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw e
  }
}
