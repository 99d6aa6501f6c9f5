import { afterAll, beforeAll, describe } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { coverPairs } from './runner.js'
import {
  GIFT_RECIPES,
  PURCHASE_RECIPES,
  STORE_EVENTS_ENV,
  SUBSCRIPTION_RECIPES,
  WALLET_RECIPES,
} from './recipes/store.js'

/**
 * The store's subscriptions: every kind (read from the schema) made through the API; the user it concerns (and, for
 * subscriptions, the streamer) gets each payload whole and nothing else. Top-ups on, expiries swept every second.
 */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp(STORE_EVENTS_ENV)
})
afterAll(() => closeAll(t))

const WHERE = 'test/events/recipes/store.ts'

describe('walletChanged: every entry kind, whole', () => {
  coverPairs('walletChanged', WALLET_RECIPES, () => t, WHERE)
})

describe('bonusPurchased: every change, whole', () => {
  coverPairs('bonusPurchased', PURCHASE_RECIPES, () => t, WHERE)
})

describe('subscriptionChanged: every change, whole', () => {
  coverPairs('subscriptionChanged', SUBSCRIPTION_RECIPES, () => t, WHERE)
})

describe('giftReceived, whole', () => {
  coverPairs('giftReceived', GIFT_RECIPES, () => t, WHERE)
})
