// Run by test/setup/global-setup.ts under tsx (vitest's module runner cannot start the embedded database's thread):
// an embedded cluster with every migration applied, dumped to the tarball named by the first argument.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { startEmbedded } from '../../src/db/embedded.js'
import { applyMigrations } from '../../src/db/migrations.js'

const file = process.argv[2]
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamhub-template-'))
try {
  const db = await startEmbedded({ dataDir: dir })
  try {
    await applyMigrations(db.url)
  } finally {
    await db.close()
  }
  const pg = await PGlite.create({ dataDir: dir })
  const tarball = await pg.dumpDataDir('none')
  await pg.close()
  const partial = `${file}.${process.pid}`
  fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()))
  fs.renameSync(partial, file)
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
