import type { Builder } from '../../../src/schema/builder.js'
import { friendsSchema } from '../friends/schema.js'
import { addDmTypes } from './types.js'
import { addDmFields } from './fields.js'

/** The direct messages' GraphQL: conversations and dialogs, read receipts, live events, friends. */
export function dmsSchema(builder: Builder) {
  addDmFields(builder, addDmTypes(builder))
  friendsSchema(builder)
}
