import type { Builder } from '../../../src/schema/builder.js'
import type { ReasonView } from '../reasons.js'
import type { BanMessageView, BanView } from '../ban-views.js'
import { SANCTION_KINDS, type SanctionRow } from '../sanctions.js'
import { COMPLAINT_STATUSES, complaintMessage, type ComplaintMessage, type ComplaintRow } from '../complaints.js'
import type { CategoryView, TicketView } from '../support/service.js'
import type { AuditEntryView } from '../topics.js'
import { AUDIT_ACTIONS, type AuditAction } from '../audit.js'
import { bansByIds } from '../bans.js'
import { complaintsByIds } from '../complaints.js'
import { ticketsByIds } from '../support/service.js'
import { auditByIds } from '../audit-query.js'
import { userField } from './user-field.js'
import { storedOneOf } from '../common.js'

/** What each audited action records (ModerationAction's values, in AUDIT_ACTIONS' order). */
const AUDIT_ACTION_VALUES = {
  ACCUSE: { description: "A user's vote to ban another (accuseUser)" },
  BAN: { description: 'A ban the votes reached' },
  BAN_UNDO: { description: 'A moderator undid a ban (undoBan)' },
  BAN_UNFAIR: { description: 'A voter of an undone ban banned for an unfair accusation' },
  BLOCK: { description: 'An account blocked (blockUser)' },
  UNBLOCK: { description: 'An account unblocked (blockUser)' },
  CHANNEL_KICK: { description: 'A kick from a channel (kickFromChannel)' },
  CHANNEL_SILENCE: { description: 'A silence in a channel (silenceInChannel)' },
  CHANNEL_BAN: { description: 'A ban from a channel (banFromChannel)' },
  CHANNEL_LIFT: { description: 'A channel sanction lifted early (liftChannelSanction)' },
  CHANNEL_MODERATOR_ADD: { description: "A channel's owner appointed a moderator (addChannelModerator)" },
  CHANNEL_MODERATOR_REMOVE: { description: "A channel's owner removed a moderator (removeChannelModerator)" },
  COMPLAINT_FILE: { description: 'A chat message reported (fileComplaint)' },
  COMPLAINT_RESOLVE: { description: 'A report resolved or rejected (resolveComplaint)' },
  SUPPORT_BAN: { description: "A question's asker lost the right to ask support (banFromSupport)" },
} as const satisfies Record<AuditAction, { description: string }>

/** Output types of the moderation schema. Plain views, not Prisma objects: live events carry them as they are. */
export function addModerationTypes(builder: Builder) {
  const BanReason = builder.objectRef<ReasonView>('BanReason').implement({
    description: 'Why a user may be banned (peka2 /api/moderation/reasons)',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id accuseUser and the bans filter take' }),
      code: t.exposeString('code', { description: 'stable key; "unfair" is the unfair-accusation reason' }),
      name: t.exposeString('name', { description: 'Display name, shown to the banned user' }),
      content: t.exposeString('content', { description: 'chat | moderation' }),
      durationSeconds: t.exposeInt('durationSeconds', { description: 'how long a ban for this reason lasts' }),
      minRole: t.exposeString('minRole', {
        description: 'who may accuse with it: citizen | moderator | system (nobody)',
      }),
    }),
  })
  const ReasonRef = builder.objectRef<{ id: number; name: string; content: string }>('BanReasonRef').implement({
    description: "A ban reason as a ban's frozen data recorded it (peka2's reason object)",
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "The reason's BanReason.databaseId" }),
      name: t.exposeString('name', { description: 'Display name at the time' }),
      content: t.exposeString('content', { description: 'chat | moderation' }),
    }),
  })
  const BanMessage = builder.objectRef<BanMessageView>('BanMessage').implement({
    description: 'A chat message frozen into a ban: the accused ones and the context before them',
    fields: (t) => ({
      messageId: t.exposeInt('messageId', {
        nullable: true,
        description: "The chat message's databaseId; null in an unfair-accusation ban without an accused message",
      }),
      channel: t.exposeString('channel', { nullable: true, description: 'Where it was written; null as messageId' }),
      text: t.exposeString('text', { description: 'The text as it was when the ban was made (empty when none)' }),
      time: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When it was written; null as messageId',
        resolve: (m) => m.time,
      }),
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
    id: { resolve: (b) => b.id, description: 'Global id (node lookups find it for the banned user and moderators)' },
    loadMany: (ids, ctx) => bansByIds(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id undoBan and the REST dialect take' }),
      user: userField(t, (b) => b.userId, 'the banned user'),
      reason: t.field({ type: BanReason, description: 'Why; its duration set endAt', resolve: (b) => b.reason }),
      startAt: t.field({ type: 'DateTime', description: 'When the ban began', resolve: (b) => b.startAt }),
      endAt: t.field({
        type: 'DateTime',
        description: "When it ends (startAt plus the reason's duration), undone or not",
        resolve: (b) => b.endAt,
      }),
      active: t.exposeBoolean('active', { description: 'false once a moderator undid it' }),
      undoneAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When a moderator undid it; null while it stands',
        resolve: (b) => b.undoneAt,
      }),
      sourceBanId: t.exposeInt('sourceBanId', {
        nullable: true,
        description: 'unfair-accusation bans: the ban that was undone',
      }),
      messages: t.field({
        type: [BanMessage],
        description:
          'The accused messages and up to 5 earlier ones of the same channel for context (none from private conversations), oldest first; an unfair-accusation ban: the message its voter accused',
        resolve: (b) => b.messages,
      }),
    }),
  })
  const BanStatus = builder.objectRef<{ ban: BanView | null }>('BanStatus').implement({
    description: 'Whether a user is banned now; the ban that ends last (peka2 /api/moderation/check)',
    fields: (t) => ({
      banned: t.boolean({ description: 'A ban is in force now', resolve: (s) => !!s.ban }),
      banId: t.int({
        nullable: true,
        description: "That ban's databaseId; null when not banned",
        resolve: (s) => s.ban?.id ?? null,
      }),
      endAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When that ban ends; null when not banned',
        resolve: (s) => s.ban?.endAt ?? null,
      }),
      reason: t.field({
        type: BanReason,
        nullable: true,
        description: "That ban's reason; null when not banned",
        resolve: (s) => s.ban?.reason ?? null,
      }),
    }),
  })

  const SanctionKind = builder.enumType('ChannelSanctionKind', {
    description: 'What a channel sanction withholds: the right to write in that channel, for how long',
    values: {
      KICK: { value: 'kick', description: 'Until the user re-enters the channel (rejoinChannel)' },
      SILENCE: { value: 'silence', description: 'Until a set time' },
      BAN: { value: 'ban', description: 'Until lifted, or until a set time' },
    } as const,
  })
  const ChannelSanction = builder.objectRef<SanctionRow>('ChannelSanction').implement({
    description: 'A kick, silence or ban of one user in one channel',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id of the sanction' }),
      channel: t.exposeString('channel', { description: 'The channel it holds in' }),
      kind: t.field({
        type: SanctionKind,
        description: 'Kick, silence or ban',
        resolve: (s) => storedOneOf(SANCTION_KINDS, s.kind, 'ChannelSanction.kind'),
      }),
      user: userField(t, (s) => s.userId, 'The sanctioned user'),
      actor: userField(t, (s) => s.actorId, 'The moderator who imposed it'),
      until: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'silence: when it ends; ban: null until lifted',
        resolve: (s) => s.until,
      }),
      refMessageId: t.exposeInt('refMessageId', { nullable: true, description: 'the message it is about' }),
      text: t.exposeString('text', { nullable: true, description: "The moderator's explanation; null when none" }),
      createdAt: t.field({ type: 'DateTime', description: 'When it was imposed', resolve: (s) => s.createdAt }),
      liftedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When it was lifted, replaced or (kick) cleared by re-entry; null while not',
        resolve: (s) => s.liftedAt,
      }),
    }),
  })

  const ComplaintStatus = builder.enumType('ComplaintStatus', {
    description: 'Where a report stands',
    values: {
      OPEN: { value: 'open', description: 'Waiting for a moderator' },
      RESOLVED: { value: 'resolved', description: 'A moderator acted on it' },
      REJECTED: { value: 'rejected', description: 'A moderator found nothing to act on' },
    } as const,
  })
  const ReportedMessage = builder.objectRef<ComplaintMessage>('ReportedMessage').implement({
    description: 'The reported message as it was when reported',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "The chat message's databaseId" }),
      channel: t.exposeString('channel', { description: 'Where it was written' }),
      fromId: t.exposeInt('fromId', {
        nullable: true,
        description: "Its author's databaseId; null for a system message",
      }),
      toId: t.exposeInt('toId', { nullable: true, description: "The addressee's databaseId; null when none" }),
      text: t.exposeString('text', { description: 'The text when it was reported' }),
      type: t.exposeString('type', { description: "The chat message's type, as chat stores it" }),
      time: t.field({ type: 'DateTime', description: 'When it was written', resolve: (m) => m.time }),
    }),
  })
  const Complaint = builder.node(builder.objectRef<ComplaintRow>('Complaint'), {
    description: 'A report of a chat message (JustChat /complaints/new)',
    id: {
      resolve: (c) => c.id,
      description: 'Global id (node lookups find it for its author and for those who may resolve it)',
    },
    loadMany: (ids, ctx) => complaintsByIds(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id resolveComplaint takes' }),
      author: userField(t, (c) => c.authorId, 'The user who reported the message'),
      accused: userField(t, (c) => c.accusedId, "the reported message's author"),
      channel: t.exposeString('channel', { description: 'The channel of the reported message' }),
      text: t.exposeString('text', { description: "the reporter's comment" }),
      message: t.field({
        type: ReportedMessage,
        description: 'The message as it was when reported (later edits and removal do not change it)',
        resolve: (c) => complaintMessage(c),
      }),
      status: t.field({
        type: ComplaintStatus,
        description: 'OPEN until a moderator resolves or rejects it',
        resolve: (c) => storedOneOf(COMPLAINT_STATUSES, c.status, 'Complaint.status'),
      }),
      resolvedBy: userField(t, (c) => c.resolvedById, 'The moderator who closed it; null while OPEN'),
      resolvedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When it was closed; null while OPEN',
        resolve: (c) => c.resolvedAt,
      }),
      note: t.exposeString('note', { nullable: true, description: "The closing moderator's note; null when none" }),
      createdAt: t.field({ type: 'DateTime', description: 'When it was filed', resolve: (c) => c.createdAt }),
    }),
  })

  const SupportCategory = builder.objectRef<CategoryView>('SupportCategory').implement({
    description: 'A topic a support question is asked under',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id askSupport and supportTickets take' }),
      slug: t.exposeString('slug', { description: 'Stable key' }),
      name: t.exposeString('name', { description: 'Display name' }),
    }),
  })
  const SupportTicket = builder.node(builder.objectRef<TicketView>('SupportTicket'), {
    description: 'A question to support; the conversation is the chat channel `channel`. It names nobody, by design.',
    id: { resolve: (q) => q.id, description: 'Global id (node lookups find it for its asker and support staff)' },
    loadMany: (ids, ctx) => ticketsByIds(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id banFromSupport takes' }),
      channel: t.exposeString('channel', { description: 'support/<id>' }),
      category: t.field({
        type: SupportCategory,
        description: 'The topic it was asked under',
        resolve: (q) => q.category,
      }),
      question: t.exposeString('question', { description: 'The question as asked (at most 2,000 characters)' }),
      createdAt: t.field({ type: 'DateTime', description: 'When it was asked', resolve: (q) => q.createdAt }),
      active: t.exposeBoolean('active', { description: "the last word is the asker's: support's turn" }),
      answered: t.exposeBoolean('answered', { description: 'support wrote at least once' }),
    }),
  })

  const ModerationAction = builder.enumType('ModerationAction', {
    description: 'What a moderation audit entry records',
    values: AUDIT_ACTION_VALUES,
  })
  const AuditEntry = builder.node(builder.objectRef<AuditEntryView>('ModerationAuditEntry'), {
    description: 'One moderation action',
    id: { resolve: (e) => e.id, description: 'Global id (node lookups find it for moderators only)' },
    loadMany: (ids, ctx) => auditByIds(ctx, ids.map(Number)),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id of the entry; ids grow with time' }),
      action: t.field({
        type: ModerationAction,
        description: 'What was done',
        resolve: (e) => storedOneOf(AUDIT_ACTIONS, e.action, 'ModerationAudit.action'),
      }),
      actorId: t.exposeInt('actorId', { nullable: true, description: 'null: the server (a ban reached by votes)' }),
      actorName: t.exposeString('actorName', {
        nullable: true,
        description: "The actor's current name; null as actorId, or when the account is gone",
      }),
      actor: userField(t, (e) => e.actorId, 'Who acted; null as actorId'),
      targetUserId: t.exposeInt('targetUserId', {
        nullable: true,
        description: 'The user acted on; null when the action has none (SUPPORT_BAN) or for a support conversation',
      }),
      targetName: t.exposeString('targetName', {
        nullable: true,
        description: "The target's current name; null as targetUserId, or when the account is gone",
      }),
      target: userField(t, (e) => e.targetUserId, 'The user acted on; null as targetUserId'),
      reasonId: t.exposeInt('reasonId', { nullable: true, description: 'Ban actions: the BanReason.databaseId' }),
      channel: t.exposeString('channel', {
        nullable: true,
        description: 'The channel concerned; null when none, and always for support conversations',
      }),
      banId: t.exposeInt('banId', { nullable: true, description: 'Ban actions: the Ban.databaseId' }),
      complaintId: t.exposeInt('complaintId', {
        nullable: true,
        description: 'Complaint actions: the Complaint.databaseId',
      }),
      ticketId: t.exposeInt('ticketId', { nullable: true, description: 'SUPPORT_BAN: the SupportTicket.databaseId' }),
      messageId: t.exposeInt('messageId', {
        nullable: true,
        description: 'The chat message concerned; null when none, and always for support conversations',
      }),
      data: t.field({
        type: 'JSON',
        nullable: true,
        description:
          'Details by action: ACCUSE weight; BAN, BAN_UNFAIR endAt and sourceBanId; CHANNEL_KICK, CHANNEL_SILENCE, CHANNEL_BAN until and text; CHANNEL_LIFT kind; COMPLAINT_FILE text; COMPLAINT_RESOLVE status and note; else an empty object',
        resolve: (e) => e.data,
      }),
      time: t.field({ type: 'DateTime', description: 'When it happened', resolve: (e) => e.time }),
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
