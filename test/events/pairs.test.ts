import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw } from '../helpers/clients.js'
import { eventPairs, schema } from './schema.js'
import { CHAT_RECIPES } from './recipes/chat.js'
import { IGNORE_RECIPES, SUPPORT_RECIPES } from './recipes/chat-filters.js'
import { MODERATION_RECIPES } from './recipes/moderation.js'
import { NOTIFICATION_RECIPES } from './recipes/notifications.js'
import { SMILE_QUEUE_RECIPES, SMILES_CHANGED_RECIPES } from './recipes/smiles.js'
import { GIFT_RECIPES, PURCHASE_RECIPES, SUBSCRIPTION_RECIPES, WALLET_RECIPES } from './recipes/store.js'
// rooms: members
import { MY_ROOM_INVITES_RECIPES, VIEWER_ROOM_RECIPES } from './recipes/rooms-members.js'
// rooms: rooms
import { ROOM_CHANGED_RECIPES } from './recipes/rooms.js'
// dms: friends
import { FRIEND_EVENTS_RECIPES } from './recipes/dms-friends.js'
// dms: direct messages
import { DIRECT_MESSAGE_EVENTS_RECIPES } from './recipes/dms.js'
// polls: pollUpdated
import { POLL_UPDATED_RECIPES } from './recipes/polls.js'
// polls: end
import { OPS_STATS_RECIPES, PLUGINS_CHANGED_RECIPES } from './recipes/operators.js'

/**
 * The list the event tests run over is the schema's: every subscription field of the running app (every shipped
 * plugin on) and every event type it can emit. Each needs a recipe; a recipe for a type that no longer exists is stale.
 */

const RECIPES: Partial<Record<string, Partial<Record<string, unknown>>>> = {
  chatEvents: CHAT_RECIPES,
  moderationAuditEvents: MODERATION_RECIPES,
  notifications: NOTIFICATION_RECIPES,
  smileQueueChanged: SMILE_QUEUE_RECIPES,
  smilesChanged: SMILES_CHANGED_RECIPES,
  walletChanged: WALLET_RECIPES,
  bonusPurchased: PURCHASE_RECIPES,
  subscriptionChanged: SUBSCRIPTION_RECIPES,
  giftReceived: GIFT_RECIPES,
  // rooms: members
  myRoomInvites: MY_ROOM_INVITES_RECIPES,
  viewerRoom: VIEWER_ROOM_RECIPES,
  // rooms: rooms (each part of the plugin adds its changes' recipes there)
  roomChanged: ROOM_CHANGED_RECIPES,
  // dms: friends
  friendEvents: FRIEND_EVENTS_RECIPES,
  // dms: direct messages
  directMessageEvents: DIRECT_MESSAGE_EVENTS_RECIPES,
  // polls: pollUpdated (by channel and by pollId)
  pollUpdated: POLL_UPDATED_RECIPES,
  // polls: end
  pluginsChanged: PLUGINS_CHANGED_RECIPES,
  opsStats: OPS_STATS_RECIPES,
}
/** The filtered variants of chatEvents must decide on every event type too. */
const CHAT_VARIANTS: Record<string, Partial<Record<string, unknown>>> = {
  ignore: IGNORE_RECIPES,
  support: SUPPORT_RECIPES,
}

const name = (p: { subscription: string; event: string }) => `${p.subscription}/${p.event}`

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

describe('the (subscription, event type) pairs', () => {
  it('of schema.graphql are those of the running app (introspection), so the list is current', async () => {
    const r = await gqlRaw(t.url, getIntrospectionQuery())
    expect(r.errors).toBeUndefined()
    const live = buildClientSchema(r.data as IntrospectionQuery)
    expect(eventPairs(live).map(name).sort()).toEqual(eventPairs(schema).map(name).sort())
  })

  it('each have a recipe, and every recipe has a pair', () => {
    const pairs = eventPairs()
    const missing = pairs.filter((p) => !RECIPES[p.subscription]?.[p.event]).map(name)
    expect(missing, `no recipe for: ${missing.join(', ')}`).toEqual([])
    const known = new Set(pairs.map(name))
    const stale = Object.entries(RECIPES).flatMap(([s, r]) =>
      Object.keys(r ?? {})
        .map((e) => `${s}/${e}`)
        .filter((k) => !known.has(k)),
    )
    expect(stale, `recipes for pairs the schema no longer has: ${stale.join(', ')}`).toEqual([])
  })

  it('of chatEvents each have an ignore and a support variant', () => {
    const events = eventPairs()
      .filter((p) => p.subscription === 'chatEvents')
      .map((p) => p.event)
    for (const [variant, recipes] of Object.entries(CHAT_VARIANTS)) {
      const missing = events.filter((e) => !recipes[e])
      expect(missing, `no ${variant} recipe for chatEvents/${missing.join(', ')}`).toEqual([])
      const stale = Object.keys(recipes).filter((e) => !events.includes(e))
      expect(stale, `${variant} recipes for types the union no longer has: ${stale.join(', ')}`).toEqual([])
    }
  })
})
