/**
 * Writes the README's error code table (between the error-codes markers): every code of the app's one registry with
 * every shipped plugin on, and what each REST dialect answers for it. `--check` exits 1 when the README is stale;
 * test/platform/error-table.test.ts checks it too.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ALL_PLUGINS } from '../plugins/index.js'
import { createCorePlugin } from '../src/core/index.js'
import { createErrorRegistry, ERRORS, type ErrorSpec } from '../src/errors.js'
import type { Plugin } from '../src/plugin-system/contract.js'
import { DIALECTS } from '../src/rest/dialects.js'
import type { Dialect } from '../src/rest/route.js'

export const README = path.resolve(import.meta.dirname, '../README.md')
const START = '<!-- error-codes:start -->'
const END = '<!-- error-codes:end -->'

/** Statuses a client may simply try again after (a later moment, or the Retry-After header). */
const RETRY_STATUSES: Record<number, string> = { 429: 'yes, after `retryAfter`', 502: 'yes, later', 503: 'yes, later' }

const DIALECT_HEADERS: [Dialect, string][] = [
  ['peka2', 'peka2'],
  ['justchat', 'JustChat'],
  ['messenger', 'messenger'],
]

/** code → spec, in the registry's order: the core's, then the core plugin's and each shipped plugin's. */
function registryTables(plugins: readonly Plugin[]): Map<string, ErrorSpec & { owner: string }> {
  const all = new Map<string, ErrorSpec & { owner: string }>()
  for (const [code, spec] of Object.entries(ERRORS)) all.set(code, { ...spec, owner: 'core' })
  for (const p of plugins)
    for (const [code, spec] of Object.entries(p.errors)) if (!all.has(code)) all.set(code, { ...spec, owner: p.name })
  return all
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** One dialect's answer for a code: its status and, where the body names a code, that name. */
function dialectCell(dialect: Dialect, code: string, message: string, statusOf: (c: string) => number): string {
  const { status, body } = DIALECTS[dialect].error(code, message, statusOf)
  const named = typeof body === 'object' && body !== null && 'code' in body ? String(body.code) : null
  if (named === null) return String(status)
  return named === code ? `${status} \`${named}\`` : `${status} **\`${named}\`**`
}

/** The table (and its legend) that goes between the markers. */
export function renderErrorTable(): string {
  // as composePlugins builds an app's registry, with every shipped plugin enabled
  const plugins = [createCorePlugin(ALL_PLUGINS), ...ALL_PLUGINS]
  const registry = createErrorRegistry(plugins.map((p) => p.errors))
  const specs = registryTables(plugins)
  const lines = [
    '<!-- written by npm run errors:table (scripts/error-table.ts): do not edit by hand -->',
    `| code | meaning | HTTP | retry | from | ${DIALECT_HEADERS.map(([, h]) => h).join(' | ')} |`,
    `|---|---|---:|---|---|${DIALECT_HEADERS.map(() => '---').join('|')}|`,
  ]
  for (const [code, spec] of specs) {
    const dialects = DIALECT_HEADERS.map(([d]) => dialectCell(d, code, spec.message, registry.status))
    const retry = RETRY_STATUSES[spec.status] ?? 'no'
    lines.push(
      `| \`${code}\` | ${cell(spec.message)} | ${spec.status} | ${retry} | ${spec.owner} | ${dialects.join(' | ')} |`,
    )
  }
  lines.push(
    '',
    'GraphQL: `extensions.code` is the code, the message is `message` (a more precise one where the service has it), ' +
      '`extensions.field` names the input at fault and `extensions.retryAfter` the seconds to wait on a 429. ' +
      'Bodies of the REST dialects: peka2 `{message}` (every error 500 except throttling, 429 with `Retry-After`), ' +
      'JustChat `{error}` (a missing or expired session is 440), messenger `{error, code, details}` — its code shown, ' +
      'in bold where messenger-api.md names it otherwise. Each dialect also answers an unknown path (peka2 500, ' +
      'JustChat and messenger 404 `NOT_FOUND`) and the messenger a wrong method (405 `METHOD_NOT_ALLOWED`).',
  )
  return lines.join('\n')
}

/** The README with the table between the markers replaced. */
export function readmeWithTable(readme: string): string {
  const a = readme.indexOf(START)
  const b = readme.indexOf(END)
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${START} … ${END} markers`)
  return `${readme.slice(0, a + START.length)}\n${renderErrorTable()}\n${readme.slice(b)}`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const current = fs.readFileSync(README, 'utf8')
  const next = readmeWithTable(current)
  if (process.argv.includes('--check')) {
    if (current !== next) {
      console.error('the README error code table is stale: run npm run errors:table')
      process.exit(1)
    }
    console.log('the README error code table is up to date')
  } else {
    fs.writeFileSync(README, next)
    console.log('wrote the error code table into README.md')
  }
}
