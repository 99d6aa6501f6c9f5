import { afterAll, beforeAll, describe } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { coverPairs } from './runner.js'
import { MY_ROOM_INVITES_RECIPES, VIEWER_ROOM_RECIPES } from './recipes/rooms-members.js'

/** myRoomInvites: each decision on the viewer's access request, made through the API, received whole and alone. */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('myRoomInvites: every change, whole', () => {
  coverPairs('myRoomInvites', MY_ROOM_INVITES_RECIPES, () => t, 'test/events/recipes/rooms-members.ts')
})

describe('viewerRoom: where the viewer is, whole', () => {
  coverPairs('viewerRoom', VIEWER_ROOM_RECIPES, () => t, 'test/events/recipes/rooms-members.ts')
})
