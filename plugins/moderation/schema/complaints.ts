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
      description:
        "Reports, newest first: moderators see all; a channel's moderators see that channel's (name it, else INSUFFICIENT_PERMISSIONS)",
      args: {
        status: t.arg({ type: ComplaintStatus, description: 'Only reports in this state; all when omitted' }),
        channel: t.arg.string({
          description: "Only this channel's reports; required unless you are a site moderator (a channel you moderate)",
        }),
        accusedId: t.arg.int({ description: "Only reports of this user's messages (databaseId)" }),
      },
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
        'Reports a chat message with a comment; reporting it again returns the first report. Signed-in users; errors MESSAGE_NOT_FOUND (also for a message you cannot read), INSUFFICIENT_PERMISSIONS (your own message, a support conversation)',
      args: {
        messageId: t.arg.int({ required: true, description: "The chat message's databaseId" }),
        text: t.arg.string({ description: 'Your comment, at most 1,000 characters; empty when omitted' }),
      },
      resolve: (_p, a, ctx) => fileComplaint(ctx, a.messageId, a.text),
    }),
    resolveComplaint: t.field({
      type: Complaint,
      authScopes: auth,
      description:
        'Closes a report as RESOLVED or REJECTED (site moderators, or moderators of its channel); COMPLAINT_NOT_FOUND for others, CONFLICT when already closed',
      args: {
        id: t.arg.int({ required: true, description: 'databaseId' }),
        status: t.arg({
          type: ComplaintStatus,
          required: true,
          description: 'RESOLVED or REJECTED (OPEN: INVALID_INPUT)',
        }),
        note: t.arg.string({ description: 'Why, at most 1,000 characters' }),
      },
      resolve: (_p, a, ctx) => resolveComplaint(ctx, a.id, a.status, a.note),
    }),
  }))
}
