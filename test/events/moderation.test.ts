import { afterAll, afterEach, beforeAll, describe } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { coverPairs } from './runner.js'
import { MODERATION_RECIPES, moderationFixture, type ModerationFixture } from './recipes/moderation.js'

/**
 * moderationAuditEvents: every ModerationAction (read from the schema) made through the API; a moderator's live feed
 * must carry each entry whole — actor and target names, ids, data — as the audit row was written.
 */

let t: TestApp
let f: ModerationFixture
beforeAll(async () => {
  t = await startTestApp()
  f = await moderationFixture(t)
})
afterEach(() => f.feed.drain())
afterAll(() => closeAll(f, t))

describe('moderationAuditEvents: every action, whole entries', () => {
  coverPairs('moderationAuditEvents', MODERATION_RECIPES, () => f, 'test/events/recipes/moderation.ts')
})
