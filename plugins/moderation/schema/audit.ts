import type { Builder } from '../../../src/schema/builder.js'
import type { addModerationTypes } from './types.js'
import { auditPage } from '../audit-query.js'
import { idConnection } from '../paging.js'
import { AUDIT_KEY } from '../topics.js'

type Types = ReturnType<typeof addModerationTypes>

export function addAuditSchema(builder: Builder, { AuditEntry, ModerationAction }: Types) {
  builder.queryField('moderationAudit', (t) =>
    t.connection({
      type: AuditEntry,
      authScopes: { moderator: true },
      description:
        'Every moderation action, newest first (moderators only); entries of support conversations never match the actor, target or channel filters',
      args: {
        action: t.arg({ type: ModerationAction, description: 'Only this action' }),
        actorId: t.arg.int({ description: 'Only entries by this user (databaseId)' }),
        targetUserId: t.arg.int({ description: 'Only entries about this user (databaseId)' }),
        channel: t.arg.string({ description: 'Only entries about this channel' }),
        from: t.arg({ type: 'DateTime', description: 'Only entries at or after this time' }),
        to: t.arg({ type: 'DateTime', description: 'Only entries at or before this time' }),
      },
      resolve: (_p, a, ctx) =>
        idConnection(a, (page) =>
          auditPage(
            ctx,
            {
              action: a.action,
              actorId: a.actorId,
              targetUserId: a.targetUserId,
              channel: a.channel,
              from: a.from,
              to: a.to,
            },
            page,
          ),
        ),
    }),
  )
  builder.subscriptionField('moderationAuditEvents', (t) =>
    t.field({
      type: AuditEntry,
      authScopes: { moderator: true },
      description: 'Moderation actions as they happen, to moderators only (moderator dashboards)',
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('moderation.audit', AUDIT_KEY),
      resolve: (e) => e,
    }),
  )
}
