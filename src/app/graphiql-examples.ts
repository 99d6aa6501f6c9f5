import type { Plugin } from '../plugin-system/contract.js'

/**
 * GraphiQL's default query: the example operations of the core and of each enabled plugin (their `examples`), so
 * that the page opens with operations the schema of the moment has.
 */
export function graphiqlDefaultQuery(plugins: readonly Plugin[]): string {
  return plugins.flatMap((p) => (p.examples ? [dedent(p.examples)] : [])).join('\n\n') + '\n'
}

/** Prettier indents the documents inside their template literals: the page shows them from the left margin. */
function dedent(text: string): string {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length))
  return lines.map((l) => l.slice(indent)).join('\n')
}
