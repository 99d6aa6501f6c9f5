import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { match } from './shape.js'
import { documented, SPEC_FILES, type SpecFile } from './spec-index.js'
import { coverageOf, renderCoverage, type Result } from './coverage.js'
import type { Entry, World } from './harness.js'
import { TABLES } from './tables/index.js'
import { createWorld } from './world.js'

/**
 * The legacy-API conformance suite: every documented endpoint and socket event of every dialect (spec-index.ts reads
 * them from the spec files), sent as its table (tables/<spec file>.ts) writes the documented request, against one
 * app; the answer must have the documented status and response shape. An entry that does not conform fails the suite
 * unless its table names the reason (`knownGaps`), or the endpoint is deliberately not served yet (`pending`) and the
 * server does not know it. At the end the coverage table is printed and written to test/conformance/coverage.md.
 */

const DOCS = documented()
const serverEvents = (file: SpecFile) =>
  DOCS[file].filter((i) => i.kind === 'server').map((i) => i.key.replace(/^server /, ''))

let world: World | undefined
/** the world beforeAll made (a failed start fails every entry with its own error) */
const w = (): World => {
  if (!world) throw new Error('the app did not start')
  return world
}
const results: Result[] = []
const total = SPEC_FILES.reduce((n, f) => n + TABLES[f].length, 0)

beforeAll(async () => {
  world = await createWorld({
    peka2: ['/chat/message', '/chat/message/remove', '/notifier/message'],
    justchat: serverEvents('justchat-api'),
    messenger: serverEvents('messenger-api'),
  })
})

afterAll(async () => {
  await world?.close()
  const files = SPEC_FILES.map((f) => coverageOf(f, DOCS[f], results))
  const text = renderCoverage(files, results)
  console.log(`\n${text}`)
  // only a complete run describes the server (a run filtered with -t does not)
  if (results.length === total) fs.writeFileSync(path.join(import.meta.dirname, 'coverage.md'), text)
})

const label = (e: Entry) => `${e.key}${e.variant ? ` (${e.variant})` : ''}`

async function check(file: SpecFile, e: Entry): Promise<Result> {
  const base = { file, key: e.key, variant: e.variant, knownGaps: e.knownGaps, pending: e.pending }
  let outcome
  try {
    outcome = await e.run(w())
  } catch (err) {
    return { ...base, implemented: false, conforming: false, problems: [], extras: [], empties: [], note: String(err) }
  }
  if (!outcome.implemented)
    return { ...base, implemented: false, conforming: false, problems: [], extras: [], empties: [], note: outcome.note }
  const problems: string[] = []
  const expected = [e.status ?? 200].flat()
  if (outcome.status !== undefined && !expected.includes(outcome.status))
    problems.push(`status ${outcome.status}, expected ${expected.join(' or ')}: ${JSON.stringify(outcome.body)}`)
  // CONFORMANCE_VERBOSE=1 prints what a non-conforming entry got
  const show = () => {
    if (process.env.CONFORMANCE_VERBOSE)
      console.log(label(e), outcome.status, JSON.stringify(outcome.body ?? null).slice(0, 1500))
  }
  const answered = problems.length === 0
  const report = answered ? match(e.response, outcome.body) : { problems: [], extras: [], empties: [] }
  problems.push(...report.problems)
  if (outcome.note) problems.push(outcome.note)
  // what later entries need is read from any successful answer, conforming or not
  if (answered && e.keep) {
    try {
      await e.keep(outcome.body, w())
    } catch (err) {
      problems.push(`could not read what later entries need: ${String(err)}`)
    }
  }
  if (problems.length) show()
  return { ...base, implemented: true, conforming: problems.length === 0, ...report, problems }
}

for (const file of SPEC_FILES) {
  describe(file, () => {
    it('has a table entry for every documented endpoint and event, and documents every entry', () => {
      const keys = new Set(TABLES[file].map((e) => e.key))
      const documentedKeys = new Set(DOCS[file].map((i) => i.key))
      expect(DOCS[file].filter((i) => !keys.has(i.key)).map((i) => i.key)).toEqual([])
      expect([...keys].filter((k) => !documentedKeys.has(k))).toEqual([])
    })

    for (const e of TABLES[file]) {
      it(label(e), async () => {
        const r = await check(file, e)
        results.push(r)
        if (r.conforming || e.knownGaps) return
        if (!r.implemented && e.pending) return
        const why = r.implemented ? r.problems : [`not implemented: ${r.note ?? 'unknown'}`]
        expect.fail(`${label(e)} does not conform:\n  ${why.join('\n  ')}`)
      })
    }
  })
}

describe('known gaps', () => {
  it('are still gaps (an entry that conforms loses its knownGaps)', () => {
    const stale = results
      .filter((r) => r.knownGaps && r.conforming)
      .map((r) => `${r.file}: ${r.key} ${r.variant ?? ''}`)
    expect(stale).toEqual([])
  })
})
