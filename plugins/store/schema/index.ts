import type { Builder } from '../../../src/schema/builder.js'
import { addStoreTypes } from './types.js'
import { addStoreQueries } from './queries.js'
import { addStoreUserFields } from './user-fields.js'
import { addStoreMutations } from './mutations.js'
import { addStoreSubscriptions } from './subscriptions.js'

/** The store's GraphQL: catalogue, wallets and their ledger, purchases, subscriptions, gifts, staff tools, events. */
export function storeSchema(builder: Builder) {
  const T = addStoreTypes(builder)
  addStoreQueries(builder, T)
  addStoreUserFields(builder)
  addStoreMutations(builder, T)
  addStoreSubscriptions(builder, T)
}
