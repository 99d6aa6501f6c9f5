import type { Builder } from '../../../src/schema/builder.js'
import type { ReasonView } from '../reasons.js'
import type { BanMessageView, BanView } from '../ban-views.js'
import { SANCTION_KINDS, type SanctionRow } from '../sanctions.js'
import { COMPLAINT_STATUSES, complaintMessage, type ComplaintMessage, type ComplaintRow } from '../complaints.js'
import type { CategoryView, TicketView } from '../support/service.js'
import type { AuditEntryView } from '../topics.js'
import { AUDIT_ACTIONS } from '../audit.js'
import { bansByIds } from '../bans.js'
import { complaintsByIds } from '../complaints.js'
import { ticketsByIds } from '../support/service.js'
import { auditByIds } from '../audit-query.js'
import { userField } from './user-field.js'
import { storedOneOf } from '../common.js'

/** Output types of the moderation schema. Plain views, not Prisma objects: live events carry them as they are. */
export function addModerationTypes(builder: Builder) {
  const BanReason = builder.objectRef<ReasonView>('BanReason').implement({
    description: 'Why a user may be banned (peka2 /api/moderation/reasons)',
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      code: t.exposeString('code', { description: 'stable key; "unfair" is the unfair-accusation reason' }),
      name: t.exposeString('name'),
      content: t.exposeString('content', { description: 'chat | moderation' }),
      durationSeconds: t.exposeInt('durationSeconds', { description: 'how long a ban for this reason lasts' }),
      minRole: t.exposeString('minRole', {
        description: 'who may accuse with it: citizen | moderator | system (nobody)',
      }),
    }),
  })
  const ReasonRef = builder.objectRef<{ id: number; name: string; content: string }>('BanReasonRef').implement({
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      name: t.exposeString('name'),
      content: t.exposeString('content'),
    }),
  })
  const BanMessage = builder.objectRef<BanMessageView>('BanMessage').implement({
    description: 'A chat message frozen into a ban: the accused ones and the context before them',
    fields: (t) => ({
      messageId: t.exposeInt('messageId', { nullable: true }),
      channel: t.exposeString('channel', { nullable: true }),
      text: t.exposeString('text'),
      time: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.time }),
      attempt: t.exposeBoolean('attempt', { description: 'someone voted against this message' }),
      accused: t.exposeBoolean('accused', { description: 'written by the banned user' }),
      reason: t.field({
        type: ReasonRef,
        nullable: true,
        description: 'unfair-accusation bans: the reason of the ban that was undone',
        resolve: (m) => m.reason,
      }),
    }),
  })
  const Ban = builder.node(builder.objectRef<BanView>('Ban'), {
    description: 'A chat ban',
    id: { resolve: (b) => b.id },
    loadMany: (ids, ctx) => bansByIds(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      user: userField(t, (b) => b.userId, 'the banned user'),
      reason: t.field({ type: BanReason, resolve: (b) => b.reason }),
      startAt: t.field({ type: 'DateTime', resolve: (b) => b.startAt }),
      endAt: t.field({ type: 'DateTime', resolve: (b) => b.endAt }),
      active: t.exposeBoolean('active', { description: 'false once a moderator undid it' }),
      undoneAt: t.field({ type: 'DateTime', nullable: true, resolve: (b) => b.undoneAt }),
      sourceBanId: t.exposeInt('sourceBanId', {
        nullable: true,
        description: 'unfair-accusation bans: the ban that was undone',
      }),
      messages: t.field({ type: [BanMessage], resolve: (b) => b.messages }),
    }),
  })
  const BanStatus = builder.objectRef<{ ban: BanView | null }>('BanStatus').implement({
    description: 'Whether a user is banned now; the ban that ends last (peka2 /api/moderation/check)',
    fields: (t) => ({
      banned: t.boolean({ resolve: (s) => !!s.ban }),
      banId: t.int({ nullable: true, resolve: (s) => s.ban?.id ?? null }),
      endAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.ban?.endAt ?? null }),
      reason: t.field({ type: BanReason, nullable: true, resolve: (s) => s.ban?.reason ?? null }),
    }),
  })

  const SanctionKind = builder.enumType('ChannelSanctionKind', {
    values: { KICK: { value: 'kick' }, SILENCE: { value: 'silence' }, BAN: { value: 'ban' } } as const,
  })
  const ChannelSanction = builder.objectRef<SanctionRow>('ChannelSanction').implement({
    description: 'A kick, silence or ban of one user in one channel',
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      channel: t.exposeString('channel'),
      kind: t.field({
        type: SanctionKind,
        resolve: (s) => storedOneOf(SANCTION_KINDS, s.kind, 'ChannelSanction.kind'),
      }),
      user: userField(t, (s) => s.userId),
      actor: userField(t, (s) => s.actorId),
      until: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'silence: when it ends; ban: null until lifted',
        resolve: (s) => s.until,
      }),
      refMessageId: t.exposeInt('refMessageId', { nullable: true, description: 'the message it is about' }),
      text: t.exposeString('text', { nullable: true }),
      createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
      liftedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.liftedAt }),
    }),
  })

  const ComplaintStatus = builder.enumType('ComplaintStatus', {
    values: { OPEN: { value: 'open' }, RESOLVED: { value: 'resolved' }, REJECTED: { value: 'rejected' } } as const,
  })
  const ReportedMessage = builder.objectRef<ComplaintMessage>('ReportedMessage').implement({
    description: 'The reported message as it was when reported',
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      channel: t.exposeString('channel'),
      fromId: t.exposeInt('fromId', { nullable: true }),
      toId: t.exposeInt('toId', { nullable: true }),
      text: t.exposeString('text'),
      type: t.exposeString('type'),
      time: t.field({ type: 'DateTime', resolve: (m) => m.time }),
    }),
  })
  const Complaint = builder.node(builder.objectRef<ComplaintRow>('Complaint'), {
    description: 'A report of a chat message (JustChat /complaints/new)',
    id: { resolve: (c) => c.id },
    loadMany: (ids, ctx) => complaintsByIds(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      author: userField(t, (c) => c.authorId),
      accused: userField(t, (c) => c.accusedId, "the reported message's author"),
      channel: t.exposeString('channel'),
      text: t.exposeString('text', { description: "the reporter's comment" }),
      message: t.field({ type: ReportedMessage, resolve: (c) => complaintMessage(c) }),
      status: t.field({
        type: ComplaintStatus,
        resolve: (c) => storedOneOf(COMPLAINT_STATUSES, c.status, 'Complaint.status'),
      }),
      resolvedBy: userField(t, (c) => c.resolvedById),
      resolvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.resolvedAt }),
      note: t.exposeString('note', { nullable: true }),
      createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
    }),
  })

  const SupportCategory = builder.objectRef<CategoryView>('SupportCategory').implement({
    fields: (t) => ({ databaseId: t.exposeInt('id'), slug: t.exposeString('slug'), name: t.exposeString('name') }),
  })
  const SupportTicket = builder.node(builder.objectRef<TicketView>('SupportTicket'), {
    description: 'A question to support; the conversation is the chat channel `channel`. It names nobody, by design.',
    id: { resolve: (q) => q.id },
    loadMany: (ids, ctx) => ticketsByIds(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      channel: t.exposeString('channel', { description: 'support/<id>' }),
      category: t.field({ type: SupportCategory, resolve: (q) => q.category }),
      question: t.exposeString('question'),
      createdAt: t.field({ type: 'DateTime', resolve: (q) => q.createdAt }),
      active: t.exposeBoolean('active', { description: "the last word is the asker's: support's turn" }),
      answered: t.exposeBoolean('answered', { description: 'support wrote at least once' }),
    }),
  })

  const ModerationAction = builder.enumType('ModerationAction', { values: AUDIT_ACTIONS })
  const AuditEntry = builder.node(builder.objectRef<AuditEntryView>('ModerationAuditEntry'), {
    description: 'One moderation action',
    id: { resolve: (e) => e.id },
    loadMany: (ids, ctx) => auditByIds(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id'),
      action: t.field({
        type: ModerationAction,
        resolve: (e) => storedOneOf(AUDIT_ACTIONS, e.action, 'ModerationAudit.action'),
      }),
      actorId: t.exposeInt('actorId', { nullable: true, description: 'null: the server (a ban reached by votes)' }),
      actorName: t.exposeString('actorName', { nullable: true }),
      actor: userField(t, (e) => e.actorId),
      targetUserId: t.exposeInt('targetUserId', { nullable: true }),
      targetName: t.exposeString('targetName', { nullable: true }),
      target: userField(t, (e) => e.targetUserId),
      reasonId: t.exposeInt('reasonId', { nullable: true }),
      channel: t.exposeString('channel', { nullable: true }),
      banId: t.exposeInt('banId', { nullable: true }),
      complaintId: t.exposeInt('complaintId', { nullable: true }),
      ticketId: t.exposeInt('ticketId', { nullable: true }),
      messageId: t.exposeInt('messageId', { nullable: true }),
      data: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.data }),
      time: t.field({ type: 'DateTime', resolve: (e) => e.time }),
    }),
  })

  return {
    BanReason,
    Ban,
    BanStatus,
    SanctionKind,
    ChannelSanction,
    ComplaintStatus,
    Complaint,
    SupportCategory,
    SupportTicket,
    ModerationAction,
    AuditEntry,
  }
}
