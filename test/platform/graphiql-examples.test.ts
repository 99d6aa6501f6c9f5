/**
 * GraphiQL opens with the example operations of the core and of each enabled plugin (their `examples`), and every
 * shipped example is a valid operation of the schema it is shown with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql'
import { ALL_PLUGINS } from '../../plugins/index.js'
import { composePlugins } from '../../src/app/select-plugins.js'
import { graphiqlDefaultQuery } from '../../src/app/graphiql-examples.js'
import { resolvePlugins } from '../../src/plugin-system/registry.js'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'

const page = async (t: TestApp) => {
  const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type') ?? '').toMatch(/html/)
  return res.text()
}

/** a plugin's name and those of every plugin it requires, directly or not */
const withRequirements = (name: string): string[] => {
  const requires = ALL_PLUGINS.find((p) => p.name === name)?.requires ?? []
  return [name, ...requires.flatMap(withRequirements)]
}

const operations = (doc: DocumentNode) =>
  doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)

describe('GraphiQL example operations', () => {
  let all: TestApp
  let chatOnly: TestApp
  beforeAll(async () => {
    ;[all, chatOnly] = await Promise.all([startTestApp({ PLUGINS: 'all' }), startTestApp({ PLUGINS: 'chat' })])
  })
  afterAll(() => closeAll(all, chatOnly))

  it('every shipped plugin has examples: named operations led by a comment line', () => {
    for (const p of ALL_PLUGINS) {
      expect(p.examples, p.name).toBeTruthy()
      expect(p.examples!.trim(), p.name).toMatch(/^# \S/)
      const ops = operations(parse(p.examples!))
      expect(ops.length, p.name).toBeGreaterThan(0)
      for (const op of ops) expect(op.name?.value, `${p.name}: an unnamed operation`).toBeTruthy()
    }
  })

  it("every plugin's examples validate against the schema of it and its requirements alone", () => {
    for (const p of ALL_PLUGINS) {
      const { schema, plugins } = composePlugins(resolvePlugins(ALL_PLUGINS, withRequirements(p.name)))
      const doc = parse(graphiqlDefaultQuery(plugins))
      expect(
        validate(schema, doc).map((e) => e.message),
        p.name,
      ).toEqual([])
    }
  })

  it("the page opens with every enabled plugin's examples, valid against the app's schema", async () => {
    const current = all.app.live.current()
    const query = graphiqlDefaultQuery(current.plugins)
    const doc = parse(query)
    // one document: operation names unique across the core and every plugin
    expect(validate(current.schema, doc).map((e) => e.message)).toEqual([])
    const names = operations(doc).map((o) => o.name?.value)
    for (const n of ['Login', 'Viewer', 'ChatHistory', 'ChatSend', 'ChatSubscribe', 'SmilesList', 'StreamsLive'])
      expect(names).toContain(n)
    expect(query).toMatch(/^# .*\nmutation Login\(/) // from the left margin, whatever the source's indentation
    const html = await page(all)
    expect(html).toContain(JSON.stringify(query))
  })

  it('with PLUGINS=chat the page has the core and chat examples, not those of plugins that are off', async () => {
    const html = await page(chatOnly)
    expect(html).toContain('mutation Login(')
    expect(html).toContain('query ChatHistory(')
    expect(html).not.toContain('SmilesList')
    expect(html).not.toContain('StoreBonuses')
    const current = chatOnly.app.live.current()
    expect(validate(current.schema, parse(graphiqlDefaultQuery(current.plugins))).map((e) => e.message)).toEqual([])
  })

  it('follows a plugin switched off while the app runs', async () => {
    expect(await page(all)).toContain('SmilesList')
    await all.app.live.set('smiles', false, 'test')
    try {
      const html = await page(all)
      expect(html).not.toContain('SmilesList')
      expect(html).toContain('ChatHistory')
    } finally {
      await all.app.live.set('smiles', true, 'test')
    }
    expect(await page(all)).toContain('SmilesList')
  })
})
