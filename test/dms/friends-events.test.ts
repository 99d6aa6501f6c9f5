import { afterAll, beforeAll, describe } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { coverPairs } from '../events/runner.js'
import { FRIEND_EVENTS_RECIPES } from '../events/recipes/dms-friends.js'

/** friendEvents: every change (read from the schema's FriendChange) made through the API, whole, to both users. */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('friendEvents: every change, whole', () => {
  coverPairs('friendEvents', FRIEND_EVENTS_RECIPES, () => t, 'test/events/recipes/dms-friends.ts')
})
