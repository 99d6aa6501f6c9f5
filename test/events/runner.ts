// One test per (subscription, event type) pair of the schema: the pair's recipe runs and must have received an event
// of that type; a pair without a recipe fails, naming itself and where its recipe belongs.
import { expect, it } from 'vitest'
import { eventPairs } from './schema.js'
import { eventTypeOf, type Received } from './support.js'

/** Recipes by event type; a type may have none (its test then fails, naming it). */
export type Recipes<F> = Partial<Record<string, (f: F) => Promise<Received>>>

export function coverPairs<F>(
  subscription: string,
  recipes: Recipes<F>,
  fixture: () => F,
  where: string,
  opts: { knownGaps?: Record<string, string>; prefix?: string } = {},
) {
  for (const p of eventPairs().filter((x) => x.subscription === subscription)) {
    const gap = opts.knownGaps?.[p.event]
    ;(gap ? it.fails : it)(`${opts.prefix ?? ''}${p.event}${gap ? ` (known gap: ${gap})` : ''}`, async () => {
      const recipe = recipes[p.event]
      if (!recipe) throw new Error(`no recipe for ${subscription}/${p.event}: add one to ${where}`)
      const received = await recipe(fixture())
      expect(received.map((x) => eventTypeOf(p.by, x, p.event))).toContain(p.event)
    })
  }
}
