// Operators' CLI for a running server: `npm run plugins -- list | enable <name> | disable <name>`.
// It calls the server's GraphQL API (the same switch as the operator console), so every instance follows within a
// second and the choice is stored. Needs OPERATOR_TOKEN (as the server has it); SERVER_URL defaults to this machine's
// PORT (4000).

const usage = 'usage: npm run plugins -- list | enable <name> | disable <name>'

interface PluginRow {
  name: string
  enabled: boolean
  requires: string[]
  requiredBy: string[]
  changedAt: string | null
  changedBy: string | null
}

const FIELDS = 'name enabled requires requiredBy changedAt changedBy'

async function call(query: string, variables: Record<string, unknown>): Promise<PluginRow[]> {
  const token = process.env.OPERATOR_TOKEN
  if (!token) throw new Error('OPERATOR_TOKEN is not set: use the token the server was started with')
  const base = process.env.SERVER_URL ?? `http://127.0.0.1:${process.env.PORT ?? '4000'}`
  const res = await fetch(`${base.replace(/\/$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as {
    data?: Record<string, PluginRow[] | null> | null
    errors?: { message: string; extensions?: { code?: string } }[]
  }
  if (body.errors?.length) {
    const e = body.errors[0]
    throw new Error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`)
  }
  const rows = Object.values(body.data ?? {})[0]
  if (!rows) throw new Error(`unexpected answer (HTTP ${res.status})`)
  return rows
}

function print(rows: PluginRow[]) {
  const width = Math.max(...rows.map((r) => r.name.length), 6)
  for (const r of rows) {
    const notes = [
      r.requires.length ? `requires ${r.requires.join(', ')}` : '',
      r.requiredBy.length ? `required by ${r.requiredBy.join(', ')}` : '',
      r.changedAt ? `switched by ${r.changedBy ?? '?'} at ${r.changedAt}` : 'default (PLUGINS)',
    ].filter(Boolean)
    console.log(`${r.name.padEnd(width)}  ${r.enabled ? 'on ' : 'off'}  ${notes.join('; ')}`)
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, name, ...rest] = argv
  if (cmd === 'list' && !name) {
    print(await call(`query { plugins { ${FIELDS} } }`, {}))
    return 0
  }
  if ((cmd === 'enable' || cmd === 'disable') && name && !rest.length) {
    const rows = await call(
      `mutation ($name: String!, $enabled: Boolean!) { setPluginEnabled(name: $name, enabled: $enabled) { ${FIELDS} } }`,
      { name, enabled: cmd === 'enable' },
    )
    print(rows)
    return 0
  }
  console.error(usage)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err))
    process.exit(1)
  },
)
