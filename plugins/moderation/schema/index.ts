import type { Builder } from '../../../src/schema/builder.js'
import { addModerationTypes } from './types.js'
import { addBanSchema } from './bans.js'
import { addChannelSchema } from './channels.js'
import { addComplaintSchema } from './complaints.js'
import { addSupportSchema } from './support.js'
import { addAuditSchema } from './audit.js'

export function moderationSchema(builder: Builder) {
  const types = addModerationTypes(builder)
  addBanSchema(builder, types)
  addChannelSchema(builder, types)
  addComplaintSchema(builder, types)
  addSupportSchema(builder, types)
  addAuditSchema(builder, types)
}
