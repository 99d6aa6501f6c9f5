/** Writes schema.graphql with every plugin on; `--check` exits 1 when the committed file is stale. */
import fs from 'node:fs'
import path from 'node:path'
import { printFullSchema } from '../src/schema/print.js'
import { ALL_PLUGINS } from '../plugins/index.js'

const file = path.resolve(import.meta.dirname, '../schema.graphql')
const text = printFullSchema(ALL_PLUGINS)
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  if (current !== text) {
    console.error('schema.graphql is stale: run npm run schema:print')
    process.exit(1)
  }
  console.log('schema.graphql is up to date')
} else {
  fs.writeFileSync(file, text)
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}
