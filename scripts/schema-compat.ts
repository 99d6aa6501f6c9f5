import { buildSchema } from 'graphql'
import { CriticalityLevel, diff } from '@graphql-inspector/core'

export interface SchemaChange {
  /** where it is (`Type.field`, `Type.field.arg`, `Enum.VALUE`), or the message when the tool names no path */
  path: string
  message: string
}

/**
 * The changes from the released schema to the current one that break clients (GraphQL Inspector's BREAKING), split
 * into those the changelog announces — its "Unreleased" section names their path in backticks — and those it does not.
 */
export async function breakingChanges(released: string, current: string, changelog: string) {
  const changes = await diff(buildSchema(released), buildSchema(current))
  const breaking: SchemaChange[] = changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((c) => ({ path: c.path ?? c.message, message: c.message }))
  const announced = unreleasedSection(changelog)
  const isAnnounced = (c: SchemaChange) => announced.includes(`\`${c.path}\``)
  return { announced: breaking.filter(isAnnounced), unannounced: breaking.filter((c) => !isAnnounced(c)) }
}

/** The text of the changelog's "## Unreleased" section (empty when there is none). */
function unreleasedSection(changelog: string): string {
  const start = changelog.search(/^## Unreleased\b/m)
  if (start < 0) return ''
  const rest = changelog.slice(start + 1)
  const end = rest.search(/^## /m)
  return end < 0 ? rest : rest.slice(0, end)
}
