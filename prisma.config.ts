import path from 'node:path'
import { defineConfig } from 'prisma/config'

// The CLI looks for a native schema engine before anything else; generate/validate/format only need it to exist.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, 'scripts/no-schema-engine.sh')

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
})
