/**
 * The README's error code table (scripts/error-table.ts) is current: every code of the registry with every shipped
 * plugin on has its row, and the table between the markers is what the script writes now.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ALL_PLUGINS } from '../../plugins/index.js'
import { README, readmeWithTable, renderErrorTable } from '../../scripts/error-table.js'
import { composePlugins } from '../../src/app/select-plugins.js'
import { resolvePlugins } from '../../src/plugin-system/registry.js'

describe('README error code table', () => {
  it('has a row for every code of the full registry, once', () => {
    const { errors } = composePlugins(resolvePlugins(ALL_PLUGINS, 'all'))
    const rows = renderErrorTable()
      .split('\n')
      .flatMap((l) => /^\| `([A-Z0-9_]+)` \|/.exec(l)?.slice(1) ?? [])
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows).size).toBe(rows.length)
    expect([...rows].sort()).toEqual([...errors.codes()].sort())
  })

  it('shows each dialect its own way', () => {
    const table = renderErrorTable()
    // peka2 answers every error 500 but throttling; JustChat a missing session 440; the messenger renames some codes
    expect(table).toContain(
      '| `RATE_LIMIT_EXCEEDED` | Rate limit exceeded | 429 | yes, after `retryAfter` | core | 429 |',
    )
    expect(table).toMatch(/\| `UNAUTHENTICATED` \|[^\n]*\| 500 \| 440 \| 401 `UNAUTHENTICATED` \|/)
    expect(table).toMatch(/\| `ROOM_NOT_FOUND` \|[^\n]*\| 404 \*\*`GUILD_NOT_FOUND`\*\* \|/)
  })

  it('is current in README.md (npm run errors:table)', () => {
    const readme = fs.readFileSync(README, 'utf8')
    expect(readme.indexOf('<!-- error-codes:start -->')).toBeLessThan(readme.indexOf('## Commands'))
    expect(readme, 'the README error code table is stale: run npm run errors:table').toBe(readmeWithTable(readme))
  })
})
