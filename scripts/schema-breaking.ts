// The breaking-change check (CI): the schema the code builds against the last released one (docs/schema/released.graphql).
// A breaking change passes only when CHANGELOG.md's "Unreleased" section names its path in backticks.
// `--release` makes the current schema the released one (at a release, with the changelog's section renamed).
import fs from 'node:fs'
import path from 'node:path'
import { printFullSchema } from '../src/schema/print.js'
import { ALL_PLUGINS } from '../plugins/index.js'
import { breakingChanges } from './schema-compat.js'

const root = path.resolve(import.meta.dirname, '..')
const releasedFile = path.join(root, 'docs/schema/released.graphql')
const current = printFullSchema(ALL_PLUGINS)

if (process.argv.includes('--release')) {
  fs.writeFileSync(releasedFile, current)
  console.log(`wrote ${path.relative(process.cwd(), releasedFile)}`)
  process.exit(0)
}

const released = fs.readFileSync(releasedFile, 'utf8')
const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')
const { announced, unannounced } = await breakingChanges(released, current, changelog)
for (const c of announced) console.log(`breaking, announced in CHANGELOG.md: ${c.path} — ${c.message}`)
if (unannounced.length) {
  console.error('Breaking schema changes that CHANGELOG.md does not announce (see README, "Schema compatibility"):')
  for (const c of unannounced) console.error(`  ${c.path} — ${c.message}`)
  console.error('Keep the old field (deprecate it with a reason naming its replacement), or add the path in backticks')
  console.error('under "## Unreleased" → "### Breaking" in CHANGELOG.md.')
  process.exit(1)
}
console.log(`no unannounced breaking change against docs/schema/released.graphql (${announced.length} announced)`)
