import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * One embedded cluster with every migration applied, dumped to a tarball that each test file's in-memory databases
 * start from (EMBEDDED_TEMPLATE, passed on by test/helpers/app.ts): each file would otherwise run initdb and the
 * migrations for its first database, ~4 s apiece. Named by the migrations' and PGlite's contents, so a change builds a
 * new one.
 */
export default function setup() {
  const migrations = path.resolve('prisma/migrations')
  const hash = createHash('sha256')
  for (const dir of fs.readdirSync(migrations).sort()) {
    const file = path.join(migrations, dir, 'migration.sql')
    if (fs.existsSync(file)) hash.update(dir).update(fs.readFileSync(file))
  }
  hash.update(fs.readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json')))
  const file = path.join(os.tmpdir(), `streamhub-template-${hash.digest('hex').slice(0, 16)}.tar`)
  if (!fs.existsSync(file))
    execFileSync(process.execPath, ['--import', 'tsx', 'test/setup/build-template.ts', file], { stdio: 'inherit' })
  process.env.EMBEDDED_TEMPLATE = file
}
