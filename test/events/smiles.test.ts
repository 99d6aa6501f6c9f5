import { afterAll, afterEach, beforeAll, describe } from 'vitest'
import { startSmilesApp, type SmilesApp } from '../smiles/support.js'
import { closeAll } from '../helpers/app.js'
import { coverPairs } from './runner.js'
import { SMILE_QUEUE_RECIPES, SMILES_CHANGED_RECIPES, smilesFixture, type SmilesFixture } from './recipes/smiles.js'

/**
 * smilesChanged and smileQueueChanged: every kind (read from the schema) made through the API; a guest following the
 * public set and a smiler following the queue get each payload whole — removed ids, every smile, the change set.
 */

let t: SmilesApp
let f: SmilesFixture
beforeAll(async () => {
  t = await startSmilesApp()
  f = await smilesFixture(t)
})
afterEach(async () => {
  await Promise.all([f.publicSet.drain(), f.queue.drain()])
})
afterAll(() => closeAll(f, t))

describe('smilesChanged: every kind, whole payloads', () => {
  coverPairs('smilesChanged', SMILES_CHANGED_RECIPES, () => f, 'test/events/recipes/smiles.ts')
})

describe('smileQueueChanged: every kind, whole payloads', () => {
  coverPairs('smileQueueChanged', SMILE_QUEUE_RECIPES, () => f, 'test/events/recipes/smiles.ts')
})
