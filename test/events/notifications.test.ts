import { afterAll, beforeAll, describe } from 'vitest'
import { startSmilesApp, type SmilesApp } from '../smiles/support.js'
import { closeAll } from '../helpers/app.js'
import { coverPairs } from './runner.js'
import { NOTIFICATION_RECIPES } from './recipes/notifications.js'

/**
 * notifications: every type the code sends (literal types of notify() and moderation's notices, read from src/ and
 * plugins/), made through the API; the recipient gets each whole, and nothing else.
 */

// every plugin on, with an upload directory of its own (the smiles notifications need an upload)
let t: SmilesApp
beforeAll(async () => {
  t = await startSmilesApp()
})
afterAll(() => closeAll(t))

describe('notifications: every type, whole', () => {
  coverPairs('notifications', NOTIFICATION_RECIPES, () => t, 'test/events/recipes/notifications.ts')
})
