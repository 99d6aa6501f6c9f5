import type { Builder } from '../../../src/schema/builder.js'
import { addStreamFields } from './fields.js'
import { addStreamTypes } from './types.js'

/** The streams' GraphQL: streams and their players, content categories, the site player's live status. */
export function streamsSchema(builder: Builder) {
  addStreamFields(builder, addStreamTypes(builder))
}
