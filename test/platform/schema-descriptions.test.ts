import { buildSchema as buildSdl } from 'graphql'
import { describe, expect, it } from 'vitest'
import { undocumented } from '../../scripts/schema-descriptions.js'
import { buildSchema } from '../../src/schema/build.js'
import { createCorePlugin } from '../../src/core/index.js'
import { resolvePlugins } from '../../src/plugin-system/registry.js'
import { STREAM_SETTINGS } from '../../src/core/settings/settings.js'
import { ERRORS } from '../../src/errors.js'
import { ALL_PLUGINS } from '../../plugins/index.js'

const enabled = resolvePlugins([...ALL_PLUGINS], 'all')
const schema = buildSchema([createCorePlugin(enabled), ...enabled])

describe('the documented schema', () => {
  it('the walk finds every kind of undescribed element and a deprecation that names no replacement', () => {
    const sdl = buildSdl(`
      "q" type Query { "ok" a(x: Int): Int, b: E @deprecated(reason: "gone"), "c" c: Int @deprecated(reason: "use \`a\`") }
      enum E { ONE "two" TWO }
      "in" input I { f: Int }
      "m" type Mutation { "m" m("i" i: I): Int }
    `)
    expect(undocumented(sdl).sort()).toEqual(
      ['E', 'E.ONE', 'I.f', 'Query.a(x)', 'Query.b', 'Query.b (deprecation names no replacement)'].sort(),
    )
  })

  it('every type, field, argument, input field and enum value the code builds has a description', () => {
    expect(undocumented(schema)).toEqual([])
  })

  it('every user setting says what it changes and every error code says what it means', () => {
    const sections = [STREAM_SETTINGS, ...enabled.flatMap((p) => Object.values(p.userSettings))]
    const bare = sections.flatMap((s) => Object.entries(s).filter(([, setting]) => !setting.description?.trim()))
    expect(bare.map(([name]) => name)).toEqual([])
    const codes = { ...ERRORS, ...Object.assign({}, ...enabled.map((p) => p.errors)) }
    expect(Object.keys(codes).length).toBeGreaterThan(50)
    expect(Object.entries(codes).filter(([, e]) => !(e as { message: string }).message.trim())).toEqual([])
  })
})
