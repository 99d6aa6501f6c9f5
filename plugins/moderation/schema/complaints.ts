import type { Builder } from '../../../src/schema/builder.js'
import type { addModerationTypes } from './types.js'
import { fileComplaint, listComplaints, resolveComplaint } from '../complaints.js'
import { idConnection } from '../paging.js'

type Types = ReturnType<typeof addModerationTypes>

export function addComplaintSchema(builder: Builder, { Complaint, ComplaintStatus }: Types) {
  const auth = { authenticated: true } as const
  builder.queryField('complaints', (t) =>
    t.connection({
      type: Complaint,
      authScopes: auth,
      description: "Reports, newest first: moderators see all; a channel's moderators see that channel's (name it)",
      args: { status: t.arg({ type: ComplaintStatus }), channel: t.arg.string(), accusedId: t.arg.int() },
      resolve: (_p, a, ctx) =>
        idConnection(a, (page) =>
          listComplaints(ctx, { status: a.status, channel: a.channel, accusedId: a.accusedId }, page),
        ),
    }),
  )
  builder.mutationFields((t) => ({
    fileComplaint: t.field({
      type: Complaint,
      authScopes: auth,
      description:
        'Reports a chat message with a comment (at most 1,000 characters); reporting it again returns the first report',
      args: { messageId: t.arg.int({ required: true }), text: t.arg.string() },
      resolve: (_p, a, ctx) => fileComplaint(ctx, a.messageId, a.text),
    }),
    resolveComplaint: t.field({
      type: Complaint,
      authScopes: auth,
      description: 'Closes a report as RESOLVED or REJECTED (site moderators, or moderators of its channel)',
      args: {
        id: t.arg.int({ required: true, description: 'databaseId' }),
        status: t.arg({ type: ComplaintStatus, required: true }),
        note: t.arg.string(),
      },
      resolve: (_p, a, ctx) => resolveComplaint(ctx, a.id, a.status, a.note),
    }),
  }))
}
