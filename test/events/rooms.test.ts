import { afterAll, beforeAll, describe } from 'vitest'
import { startTestApp, closeAll, type TestApp } from '../helpers/app.js'
import { coverPairs } from './runner.js'
import { ROOM_CHANGED_RECIPES } from './recipes/rooms.js'

/** roomChanged: every change (read from the schema's RoomChange) made through the API; the room admin gets it whole. */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('roomChanged: every change, whole', () => {
  coverPairs('roomChanged', ROOM_CHANGED_RECIPES, () => t, 'test/events/recipes/rooms.ts')
})
