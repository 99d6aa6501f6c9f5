import type { DocumentedItem, SpecFile } from './spec-index.js'
import { specPath } from './spec-index.js'

/** What one table entry showed. */
export interface Result {
  file: SpecFile
  key: string
  variant?: string
  implemented: boolean
  conforming: boolean
  problems: string[]
  extras: string[]
  empties: string[]
  note?: string
  knownGaps?: string
  pending?: string
}

export interface FileCoverage {
  file: SpecFile
  documented: number
  implemented: number
  conforming: number
}

/** A key is implemented when every entry of it is, conforming when every entry of it conforms. */
export function coverageOf(file: SpecFile, items: DocumentedItem[], results: Result[]): FileCoverage {
  const mine = results.filter((r) => r.file === file)
  const every = (key: string, pick: (r: Result) => boolean) => {
    const of = mine.filter((r) => r.key === key)
    return of.length > 0 && of.every(pick)
  }
  return {
    file,
    documented: items.length,
    implemented: items.filter((i) => every(i.key, (r) => r.implemented)).length,
    conforming: items.filter((i) => every(i.key, (r) => r.conforming)).length,
  }
}

const name = (r: Result) => `\`${r.key}\`${r.variant ? ` (${r.variant})` : ''}`
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** The coverage table (for the README) and, below it, what does not conform and why. */
export function renderCoverage(files: FileCoverage[], results: Result[]): string {
  const total = files.reduce(
    (a, f) => ({
      documented: a.documented + f.documented,
      implemented: a.implemented + f.implemented,
      conforming: a.conforming + f.conforming,
    }),
    { documented: 0, implemented: 0, conforming: 0 },
  )
  const lines = [
    '<!-- written by test/conformance/suite.test.ts: do not edit by hand -->',
    '| spec file | documented | implemented | conforming |',
    '|---|---:|---:|---:|',
    ...files.map((f) => `| ${specPath(f.file)} | ${f.documented} | ${f.implemented} | ${f.conforming} |`),
    `| **total** | **${total.documented}** | **${total.implemented}** | **${total.conforming}** |`,
    '',
    '"Documented": endpoints and socket events the spec file documents (test/conformance/spec-index.ts). ' +
      '"Implemented": the server serves the documented request (not an unknown endpoint, an acknowledged event, ' +
      'an event that arrives). "Conforming": the documented status and response shape (field names, types, ' +
      'nullability; extra fields allowed) for every request form the table sends.',
  ]
  const off = results.filter((r) => !r.conforming)
  if (off.length) {
    lines.push('', '### Not conforming', '', '| spec file | endpoint | why | seen |', '|---|---|---|---|')
    for (const r of off) {
      const why = r.knownGaps
        ? `known gap: ${r.knownGaps}`
        : r.pending
          ? `pending: ${r.pending}`
          : 'UNEXPECTED (the suite fails)'
      const seen = r.implemented ? r.problems.slice(0, 3).join('; ') : `not implemented (${r.note ?? 'unknown'})`
      lines.push(`| ${r.file} | ${name(r)} | ${cell(why)} | ${cell(seen)} |`)
    }
  }
  const extras = results.filter((r) => r.conforming && r.extras.length)
  if (extras.length) {
    lines.push('', '### Conforming, with fields the spec does not name', '')
    for (const r of extras) lines.push(`- ${r.file} ${name(r)}: ${r.extras.slice(0, 8).join(', ')}`)
  }
  const empties = results.filter((r) => r.conforming && r.empties.length)
  if (empties.length) {
    lines.push('', '### Conforming, with lists that came back empty (elements unchecked)', '')
    for (const r of empties) lines.push(`- ${r.file} ${name(r)}: ${r.empties.join(', ')}`)
  }
  return `${lines.join('\n')}\n`
}
