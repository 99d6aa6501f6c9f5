import { afterAll, beforeAll, describe } from 'vitest'
import { startSmilesApp, type SmilesApp } from '../smiles/support.js'
import { closeAll } from '../helpers/app.js'
import { coverPairs } from './runner.js'
import { NOTIFICATION_RECIPES, useProvider } from './recipes/notifications.js'
import { providerEnv, startProvider, type Stub } from '../helpers/thirdparty-provider.js'

/**
 * notifications: every type the code sends (literal types of notify() and moderation's notices, read from src/ and
 * plugins/), made through the API; the recipient gets each whole, and nothing else.
 */

// every plugin on, with an upload directory of its own (the smiles notifications need an upload)
// and a third-party provider (thirdpartyLogin)
let t: SmilesApp
let provider: Stub
beforeAll(async () => {
  provider = await startProvider()
  useProvider(provider)
  t = await startSmilesApp(providerEnv(provider))
})
afterAll(() => closeAll(t, provider))

describe('notifications: every type, whole', () => {
  coverPairs('notifications', NOTIFICATION_RECIPES, () => t, 'test/events/recipes/notifications.ts')
})
