import type { Builder } from '../../../src/schema/builder.js'
import { addPollFields } from './fields.js'
import { addPollTypes } from './types.js'

/** The polls' GraphQL: the Poll node, channel and message polls, votes, live updates. */
export function pollsSchema(builder: Builder) {
  addPollFields(builder, addPollTypes(builder))
}
