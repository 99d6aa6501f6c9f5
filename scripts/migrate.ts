// Migration CLI on the WASM schema engine: deploy | create <name> | status | check.
// Without DATABASE_URL, deploy/status use the embedded database in DATA_DIR (default ./data).
import path from 'node:path'
import { str } from '../src/config.js'
import { startEmbedded } from '../src/db/embedded.js'
import { applyMigrations, checkDrift, createMigration, migrationStatus } from '../src/db/migrations.js'

const usage = 'usage: tsx scripts/migrate.ts deploy | create <name> | status | check'

async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL)
  const db = await startEmbedded({ dataDir: str(process.env, 'DATA_DIR', './data'), maxConnections: 4 })
  try {
    return await fn(db.url)
  } finally {
    await db.close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv
  switch (cmd) {
    case 'deploy': {
      const { applied } = await withDatabase(applyMigrations)
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.')
      return 0
    }
    case 'status': {
      const { applied, pending } = await withDatabase(migrationStatus)
      console.log(`Applied (${applied.length}):${applied.map((n) => `\n  ${n}`).join('')}`)
      console.log(`Pending (${pending.length}):${pending.map((n) => `\n  ${n}`).join('')}`)
      return 0
    }
    case 'create': {
      const name = rest.join(' ').trim()
      if (!name) throw new Error(`missing migration name\n${usage}`)
      const dir = await createMigration(name)
      console.log(dir ? `Created ${path.relative(process.cwd(), dir)}` : 'No schema changes: no migration created.')
      return 0
    }
    case 'check': {
      const { drift, script } = await checkDrift()
      if (!drift) {
        console.log('Schema and migrations are in sync.')
        return 0
      }
      console.error('Drift: the schema differs from the migrations. Run `npm run db:migrate:create -- <name>`.\n')
      console.error(script)
      return 1
    }
    default:
      console.error(usage)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  },
)
