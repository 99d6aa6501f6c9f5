import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { eventPairs } from './schema.js'
import { eventTypeOf } from './support.js'
import { coverPairs } from './runner.js'
import { CHAT_RECIPES, chatFixture, type ChatFixture } from './recipes/chat.js'
import {
  checkIgnored,
  ignoreFixture,
  IGNORE_RECIPES,
  supportFixture,
  SUPPORT_RECIPES,
  type IgnoreFixture,
  type SupportFixture,
} from './recipes/chat-filters.js'

/**
 * Every chatEvents event type (the ChatEvent union, read from the schema), made through the API as a client would and
 * compared whole on every stream that should get it — a viewer, a guest, the `all` stream; then the filtered variants:
 * what a viewer who ignores the author must not get, and every type as a support conversation shows it.
 */

/**
 * Gaps found by these tests, each an `it.fails` until fixed (then remove the entry). None open: the last one, removals
 * of an ignored user's messages reaching the viewer who ignores them, closed when the removal event got its author.
 */
const IGNORE_GAPS: Record<string, string> = {}

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('chatEvents: every event type, whole payloads on every stream', () => {
  let f: ChatFixture
  beforeAll(async () => {
    f = await chatFixture(t)
  })
  afterEach(async () => {
    await Promise.all([f.viewer, f.guest, f.all].map((s) => s.drain()))
  })
  afterAll(() => closeAll(f))
  coverPairs('chatEvents', CHAT_RECIPES, () => f, 'test/events/recipes/chat.ts')
})

describe('chatEvents of an ignored user never reach the viewer who ignores them (a watcher shows they went out)', () => {
  let f: IgnoreFixture
  beforeAll(async () => {
    f = await ignoreFixture(t)
  })
  afterEach(async () => {
    await Promise.all([f.ignoring, f.watching].map((s) => s.drain()))
  })
  afterAll(() => closeAll(f))
  for (const p of eventPairs().filter((x) => x.subscription === 'chatEvents')) {
    const recipe = IGNORE_RECIPES[p.event]
    const gap = IGNORE_GAPS[p.event]
    if (recipe && 'noAuthor' in recipe) it.skip(`${p.event}: no author (${recipe.noAuthor})`, () => {})
    else
      (gap ? it.fails : it)(`${p.event}${gap ? ` (known gap: ${gap})` : ''}`, async () => {
        if (!recipe)
          throw new Error(
            `no ignore recipe for chatEvents/${p.event}: add one (or noAuthor) to recipes/chat-filters.ts`,
          )
        expect((await checkIgnored(f, recipe)).map((x) => eventTypeOf(p.by, x, p.event))).toContain(p.event)
      })
  }
})

describe('chatEvents of a support conversation name nobody, in every event type', () => {
  let f: SupportFixture
  beforeAll(async () => {
    f = await supportFixture(t)
  })
  afterEach(async () => {
    await Promise.all(f.streams.map((s) => s.drain()))
  })
  afterAll(() => closeAll(f))
  coverPairs('chatEvents', SUPPORT_RECIPES, () => f, 'test/events/recipes/chat-filters.ts (SUPPORT_RECIPES)')
})
