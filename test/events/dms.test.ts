import { afterAll, beforeAll, describe } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { coverPairs } from './runner.js'
import { DIRECT_MESSAGE_EVENTS_RECIPES } from './recipes/dms.js'
import { FRIEND_EVENTS_RECIPES } from './recipes/dms-friends.js'

/**
 * The dms plugin's subscriptions: each event type of the viewer's conversations (directMessageEvents) and every
 * friendship change (friendEvents, to both users), made through the API, received whole.
 */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('directMessageEvents: every event type, whole', () => {
  coverPairs('directMessageEvents', DIRECT_MESSAGE_EVENTS_RECIPES, () => t, 'test/events/recipes/dms.ts')
})

describe('friendEvents: every change, whole', () => {
  coverPairs('friendEvents', FRIEND_EVENTS_RECIPES, () => t, 'test/events/recipes/dms-friends.ts')
})
