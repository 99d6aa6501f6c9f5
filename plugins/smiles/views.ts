import type { Smile, SmileSubmission } from '../../src/generated/prisma/client.js'

/**
 * JSON-safe shapes of smiles: what GraphQL renders and what live events carry (they cross Redis), so a subscriber
 * never needs the database to show an event. The owner travels as an id and is loaded per request when asked for.
 */
export interface SmileView {
  id: number
  code: string
  hash: string
  width: number
  height: number
  icon: boolean
  tab: number
  position: number
  /** masterStreamerLevel for a masterstreamer's smile, siteLevel for a public one */
  level: number
  approved: boolean
  userId: number | null
  createdAt: string
}

export type SmileChange = 'ADDED' | 'UPDATED' | 'REMOVED' | 'UNCHANGED'

/** A masterstreamer's smile as their change set proposes it. */
export interface PendingSmileView extends SmileView {
  change: SmileChange
}

export interface ChangeSetView {
  userId: number
  /** ISO 8601; null while the set is still being edited */
  submittedAt: string | null
  /** the masterstreamer's smiles and icons as they will be once approved */
  smiles: PendingSmileView[]
  /** approved smiles the set removes */
  removed: PendingSmileView[]
}

/** The public (approved) state of a row. */
export const publicView = (r: Smile): SmileView => ({
  id: r.id,
  code: r.code,
  hash: r.hash,
  width: r.width,
  height: r.height,
  icon: r.icon,
  tab: r.tab,
  position: r.position,
  level: r.level,
  approved: r.approved,
  userId: r.userId,
  createdAt: r.createdAt.toISOString(),
})

/** The tab, position and level a change set proposes for an approved row; null when it proposes none. */
export const draftOf = (r: Smile) =>
  r.draftTab !== null && r.draftPosition !== null && r.draftLevel !== null
    ? { tab: r.draftTab, position: r.draftPosition, level: r.draftLevel }
    : null

/** Does this row take part in its owner's change set? */
export const isChanged = (r: Smile) => !r.approved || r.draftRemove || draftOf(r) !== null

/** The state a change set proposes for a row. */
export function proposedView(r: Smile): PendingSmileView {
  const base = publicView(r)
  if (!r.approved) return { ...base, change: 'ADDED' }
  if (r.draftRemove) return { ...base, change: 'REMOVED' }
  const draft = draftOf(r)
  return draft ? { ...base, ...draft, change: 'UPDATED' } : { ...base, change: 'UNCHANGED' }
}

/** One masterstreamer's change set from their rows (ordered as the public list is). */
export function changeSetView(userId: number, submission: SmileSubmission | null, rows: Smile[]): ChangeSetView {
  const all = rows.map(proposedView)
  return {
    userId,
    submittedAt: submission?.submittedAt.toISOString() ?? null,
    smiles: all.filter((s) => s.change !== 'REMOVED'),
    removed: all.filter((s) => s.change === 'REMOVED'),
  }
}
