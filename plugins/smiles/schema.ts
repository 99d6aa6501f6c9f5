import type { Builder } from '../../src/schema/builder.js'
import { addFileScalar } from '../../src/uploads/file.js'
import type { SmilesChangedEvent, SmileQueueEvent } from './topics.js'
import { ALL } from './topics.js'
import type { ChangeSetView, PendingSmileView, SmileView } from './views.js'
import { fileUrl } from './storage.js'
import * as smiles from './service.js'
import * as changes from './changeset.js'
import { userById } from '../../src/core/users/batched.js'

const ANY_EDITOR = { smiler: true, masterstreamer: true } as const
const MS = { masterstreamer: true } as const
const SMILER = { smiler: true } as const

export function smilesSchema(builder: Builder) {
  addFileScalar(builder)

  // What every smile shows, public or proposed; peka2's smile object.
  const SmileData = builder.interfaceRef<SmileView>('SmileData').implement({
    description: 'A smile or a masterstreamer icon as peka2 lists it',
    resolveType: (s) => ('change' in s ? 'PendingSmile' : 'Smile'),
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer id the REST dialect uses' }),
      code: t.exposeString('code', {
        description: 'Chat writes it as :code:; the uploaded file name without extension',
      }),
      url: t.string({ description: 'Full URL of the PNG', resolve: (s, _a, ctx) => fileUrl(ctx.config, s.hash) }),
      tab: t.exposeInt('tab', { description: 'Group; arbitrary for masterstreamer smiles, 0 for icons' }),
      position: t.exposeInt('position', {
        description: 'Sort key within the tab (per masterstreamer for their smiles); may repeat',
      }),
      width: t.exposeInt('width', { description: 'Pixels: 30 for a smile, 14 for an icon' }),
      height: t.exposeInt('height', { description: 'Pixels: 30 for a smile, 14 for an icon' }),
      level: t.int({
        description: 'The same as masterStreamerLevel',
        deprecationReason: 'peka2 0.0.11: use masterStreamerLevel and siteLevel',
        resolve: (s) => (s.userId === null ? 0 : s.level),
      }),
      masterStreamerLevel: t.int({
        description: "A masterstreamer smile's level; 0 for a public smile",
        resolve: (s) => (s.userId === null ? 0 : s.level),
      }),
      siteLevel: t.int({
        description: "A public smile's level; 0 for a masterstreamer smile",
        resolve: (s) => (s.userId === null ? s.level : 0),
      }),
      user: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'The masterstreamer it belongs to; null for a public smile',
        resolve: (query, s, _a, ctx) => (s.userId === null ? null : userById(ctx, query, s.userId)),
      }),
      icon: t.exposeBoolean('icon', { description: 'A masterstreamer icon (14×14) rather than a smile (30×30)' }),
    }),
  })

  const Smile = builder.node(builder.objectRef<SmileView>('Smile'), {
    description: 'A smile or icon; node lookups find public (approved) ones only',
    interfaces: [SmileData],
    id: { resolve: (s) => s.id, parse: (id) => Number(id), description: 'Global id (node lookups)' },
    loadMany: (ids, ctx) => smiles.publicSmilesById(ctx, ids),
    fields: (t) => ({
      approved: t.exposeBoolean('approved', { description: "false while it waits in a masterstreamer's change set" }),
      createdAt: t.field({ type: 'DateTime', description: 'When it was uploaded', resolve: (s) => s.createdAt }),
    }),
  })

  const SmileChange = builder.enumType('SmileChange', {
    description: "What a masterstreamer's change set does to one of their smiles",
    values: {
      ADDED: { description: 'Uploaded, not approved yet' },
      UPDATED: { description: 'Approved; a new tab, position or level is proposed' },
      REMOVED: { description: 'Approved; its removal is proposed' },
      UNCHANGED: { description: 'Approved; no change proposed' },
    } as const,
  })
  const PendingSmile = builder.objectRef<PendingSmileView>('PendingSmile').implement({
    description: "A masterstreamer's smile as their change set proposes it",
    interfaces: [SmileData],
    isTypeOf: (v) => typeof (v as PendingSmileView).change === 'string',
    fields: (t) => ({
      change: t.field({ type: SmileChange, description: 'What the set does to it', resolve: (s) => s.change }),
    }),
  })

  const ChangeSet = builder.objectRef<ChangeSetView>('SmileChangeSet').implement({
    description: "A masterstreamer's proposed changes to their smiles and icons",
    fields: (t) => ({
      user: t.prismaField({
        type: 'User',
        description: 'The masterstreamer whose set it is',
        resolve: (query, c, _a, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: c.userId } }),
      }),
      submitted: t.boolean({
        description: 'Waiting for a smiler; no further change is accepted meanwhile',
        resolve: (c) => c.submittedAt !== null,
      }),
      submittedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When it was submitted; null while it is being edited',
        resolve: (c) => c.submittedAt,
      }),
      hasChanges: t.boolean({
        description: 'It proposes anything: an upload, an edit or a removal',
        resolve: (c) => c.removed.length > 0 || c.smiles.some((s) => s.change !== 'UNCHANGED'),
      }),
      smiles: t.field({
        type: [PendingSmile],
        description: 'Everything that will be public once approved',
        resolve: (c) => c.smiles,
      }),
      removed: t.field({
        type: [PendingSmile],
        description: 'Approved smiles the set removes',
        resolve: (c) => c.removed,
      }),
    }),
  })

  builder.queryFields((t) => ({
    smiles: t.field({
      type: [Smile],
      description: 'The public smiles and icons, by tab and position (peka2 /api/smile); open to everyone',
      args: { icon: t.arg.boolean({ description: 'true: icons only; false: smiles only; omitted: both' }) },
      resolve: (_p, a, ctx) => smiles.publicSmiles(ctx, a.icon),
    }),
    smileApprovalQueue: t.field({
      type: [ChangeSet],
      authScopes: SMILER,
      description: 'Change sets masterstreamers submitted, oldest first',
      resolve: (_p, _a, ctx) => smiles.submittedSets(ctx),
    }),
    mySmileChanges: t.field({
      type: ChangeSet,
      authScopes: MS,
      description: "The signed-in masterstreamer's change set",
      resolve: (_p, _a, ctx) => smiles.changeSetOf(ctx, smiles.viewerId(ctx)),
    }),
  }))

  const SmileUpdateInput = builder.inputType('SmileUpdateInput', {
    description: "A smile's new place and level (icons have none)",
    fields: (f) => ({
      id: f.int({ required: true, description: 'databaseId' }),
      tab: f.int({ required: true, description: `0–${smiles.LIMITS.tab}` }),
      position: f.int({ required: true, description: `0–${smiles.LIMITS.position}` }),
      level: f.int({ required: true, description: `0–${smiles.LIMITS.level}` }),
    }),
  })

  builder.mutationFields((t) => ({
    addSmile: t.field({
      type: Smile,
      authScopes: ANY_EDITOR,
      description:
        'A 30×30 PNG named <code>.png. A smiler adds it to the public set (tab 0, position 0); a masterstreamer to their change set (SMILE_CHANGES_PENDING while it is submitted). Errors SMILE_CODE_TAKEN, INVALID_SMILE_CODE, INVALID_IMAGE, INVALID_IMAGE_SIZE, FILE_TOO_LARGE, FILE_EMPTY',
      args: {
        file: t.arg({
          type: 'File',
          required: true,
          description:
            'A 30×30 PNG of at most SMILES_MAX_BYTES (default 256 KiB); its name without extension is the code: 1–32 letters, digits, _ or -, unique ignoring case',
        }),
      },
      resolve: (_p, a, ctx) => smiles.addSmile(ctx, a.file, 'smile'),
    }),
    addIcon: t.field({
      type: Smile,
      authScopes: MS,
      description:
        "A 14×14 PNG icon, into the masterstreamer's change set (SMILE_CHANGES_PENDING while it is submitted); errors as addSmile",
      args: {
        file: t.arg({
          type: 'File',
          required: true,
          description:
            'A 14×14 PNG of at most SMILES_MAX_BYTES (default 256 KiB); its name without extension is the code, as for addSmile',
        }),
      },
      resolve: (_p, a, ctx) => smiles.addSmile(ctx, a.file, 'icon'),
    }),
    updateSmiles: t.boolean({
      authScopes: ANY_EDITOR,
      description: "A smiler's update applies at once; a masterstreamer's goes into their change set (own smiles only)",
      args: {
        smiles: t.arg({
          type: [SmileUpdateInput],
          required: true,
          description: 'At most 100, each id once; smiles, not icons (SMILE_NOT_FOUND, SMILE_NOT_OWNED, INVALID_INPUT)',
        }),
      },
      resolve: (_p, a, ctx) => smiles.updateSmiles(ctx, a.smiles),
    }),
    removeSmiles: t.boolean({
      authScopes: ANY_EDITOR,
      description:
        "A smiler removes public smiles at once (masterstreamers' too); a masterstreamer's removal waits for approval",
      args: {
        ids: t.arg.intList({
          required: true,
          description: 'databaseIds, at most 100, each once (SMILE_NOT_FOUND, SMILE_NOT_OWNED)',
        }),
      },
      resolve: (_p, a, ctx) => smiles.removeSmiles(ctx, a.ids),
    }),
    removeIcons: t.boolean({
      authScopes: MS,
      description: "Proposes removing the masterstreamer's own icons",
      args: {
        ids: t.arg.intList({
          required: true,
          description: 'databaseIds of your own icons, at most 100, each once (SMILE_NOT_FOUND, SMILE_NOT_OWNED)',
        }),
      },
      resolve: (_p, a, ctx) => smiles.removeSmiles(ctx, a.ids, true),
    }),
    submitSmileChanges: t.boolean({
      authScopes: MS,
      description: 'Sends the change set to the smilers (peka2 ms/prepare)',
      resolve: (_p, _a, ctx) => changes.submitChanges(ctx),
    }),
    revertSmileChanges: t.boolean({
      authScopes: MS,
      description: 'Drops the change set: back to the last approved state',
      resolve: (_p, _a, ctx) => changes.revertChanges(ctx),
    }),
    approveSmileChanges: t.boolean({
      authScopes: SMILER,
      description:
        "Applies a masterstreamer's submitted change set to the public set, all of it at once (smilers only); SMILE_NOT_SUBMITTED when none waits",
      args: { userId: t.arg.int({ required: true, description: "the masterstreamer's databaseId" }) },
      resolve: (_p, a, ctx) => changes.approveChanges(ctx, a.userId),
    }),
    rejectSmileChanges: t.boolean({
      authScopes: SMILER,
      description:
        'Sends a submitted change set back to its masterstreamer, who may edit and resubmit it (smilers only); SMILE_NOT_SUBMITTED when none waits',
      args: { userId: t.arg.int({ required: true, description: "the masterstreamer's databaseId" }) },
      resolve: (_p, a, ctx) => changes.rejectChanges(ctx, a.userId),
    }),
  }))

  const PublicKind = builder.enumType('SmilesChangeKind', {
    description: 'How the public smile set changed',
    values: {
      ADDED: { description: 'A smiler added a smile' },
      UPDATED: { description: 'A smiler changed tabs, positions or levels' },
      REMOVED: { description: 'A smiler removed smiles or icons' },
      APPROVED: { description: "A masterstreamer's change set was approved" },
    } as const,
  })
  const SmilesChanged = builder.objectRef<SmilesChangedEvent>('SmilesChanged').implement({
    description: 'A change of the public set: apply `smiles` (new or changed) and drop `removedIds`',
    fields: (t) => ({
      kind: t.field({ type: PublicKind, description: 'What happened', resolve: (e) => e.kind }),
      user: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'Whose change set was approved (APPROVED)',
        resolve: (query, e, _a, ctx) => (e.userId === null ? null : userById(ctx, query, e.userId)),
      }),
      smiles: t.field({
        type: [Smile],
        description: 'Smiles added or changed, in their new public state',
        resolve: (e) => e.smiles,
      }),
      removedIds: t.exposeIntList('removedIds', { description: 'databaseIds of the smiles and icons removed' }),
    }),
  })
  const QueueKind = builder.enumType('SmileQueueChangeKind', {
    description: 'How the approval queue changed',
    values: {
      SUBMITTED: { description: 'A masterstreamer submitted their change set' },
      APPROVED: { description: 'A smiler approved it: it is public now' },
      REJECTED: { description: 'A smiler sent it back to its masterstreamer' },
    } as const,
  })
  const QueueChanged = builder.objectRef<SmileQueueEvent>('SmileQueueChanged').implement({
    description: 'A change set entered (SUBMITTED) or left (APPROVED, REJECTED) the approval queue',
    fields: (t) => ({
      kind: t.field({ type: QueueKind, description: 'What happened', resolve: (e) => e.kind }),
      user: t.prismaField({
        type: 'User',
        description: 'The masterstreamer whose change set it is',
        resolve: (query, e, _a, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: e.userId } }),
      }),
      set: t.field({
        type: ChangeSet,
        nullable: true,
        description: 'The submitted set (SUBMITTED); null once it left the queue',
        resolve: (e) => e.set,
      }),
    }),
  })

  builder.subscriptionFields((t) => ({
    smilesChanged: t.field({
      type: SmilesChanged,
      description: 'Changes of the public smile set, for everyone',
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('smiles.public', ALL),
      resolve: (e) => e,
    }),
    smileQueueChanged: t.field({
      type: QueueChanged,
      authScopes: SMILER,
      description: 'Changes of the approval queue, for smilers',
      subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('smiles.queue', ALL),
      resolve: (e) => e,
    }),
  }))
}
