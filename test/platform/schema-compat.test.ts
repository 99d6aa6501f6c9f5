import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { breakingChanges } from '../../scripts/schema-compat.js'
import { printFullSchema } from '../../src/schema/print.js'
import { ALL_PLUGINS } from '../../plugins/index.js'

const RELEASED = `
  type Query { a: Int, b(x: Int): String, e: Color }
  enum Color { RED GREEN }
`
const changelog = (breaking: string) =>
  `# Changelog\n\n## Unreleased\n\n### Breaking\n${breaking}\n\n## 0.1.0\n- \`Query.b\`\n`

describe('the breaking-change check', () => {
  it('finds a removed field, an argument made required and a removed enum value; additions are not breaking', async () => {
    const current = `
      type Query { a: Int, b(x: Int!): String, e: Color, added: Int }
      enum Color { RED }
    `
    const { unannounced } = await breakingChanges(RELEASED, current, changelog('- none'))
    expect(unannounced.map((c) => c.path).sort()).toEqual(['Color.GREEN', 'Query.b.x'])
    const removed = await breakingChanges(RELEASED, 'type Query { a: Int, e: Color } enum Color { RED GREEN }', '')
    expect(removed.unannounced.map((c) => c.path)).toEqual(['Query.b'])
  })

  it('lets a breaking change pass only when the Unreleased section names its path', async () => {
    const current = 'type Query { a: Int, e: Color } enum Color { RED GREEN }'
    const ok = await breakingChanges(RELEASED, current, changelog('- `Query.b` removed: use `a`'))
    expect(ok).toEqual({ announced: [expect.objectContaining({ path: 'Query.b' })], unannounced: [] })
    // a mention under an older release does not count
    const old = await breakingChanges(RELEASED, current, changelog('- none'))
    expect(old.unannounced.map((c) => c.path)).toEqual(['Query.b'])
  })

  it('the schema the code builds breaks nothing the changelog does not announce', async () => {
    const released = fs.readFileSync('docs/schema/released.graphql', 'utf8')
    const { unannounced } = await breakingChanges(
      released,
      printFullSchema(ALL_PLUGINS),
      fs.readFileSync('CHANGELOG.md', 'utf8'),
    )
    expect(unannounced).toEqual([])
  })
})
