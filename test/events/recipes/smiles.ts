// smilesChanged (everyone) and smileQueueChanged (smilers): each kind made through the API, compared whole — the smiles
// in their new public state, the removed ids, the change set with every proposed smile.
import type { TestUser } from '../../helpers/users.js'
import { userWithRoles } from '../../helpers/users.js'
import { ADD_ICON, ADD_SMILE, freshCode, gqlUpload, iconPng, smilePng, type SmilesApp } from '../../smiles/support.js'
import { globalId, ok, open, userRef, type Received, type Stream } from '../support.js'

export const SMILES_PUBLIC_URL = 'https://cdn.example.test'

export interface SmilesFixture {
  t: SmilesApp
  smiler: TestUser
  /** a guest following the public set */
  publicSet: Stream
  /** a smiler following the approval queue */
  queue: Stream
  /** each stream gets exactly these payloads (none: nothing), then nothing more */
  expect(payloads: { publicSet?: unknown[]; queue?: unknown[] }): Promise<Received>
  close(): Promise<void>
}

export async function smilesFixture(t: SmilesApp): Promise<SmilesFixture> {
  const smiler = await userWithRoles(t, { smiler: 1 })
  const publicSet = await open(t, undefined, 'smilesChanged')
  const queue = await open(t, await userWithRoles(t, { smiler: 1 }), 'smileQueueChanged')
  return {
    t,
    smiler,
    publicSet,
    queue,
    async expect(p) {
      const got = [
        ...(await publicSet.expectNext(...(p.publicSet ?? []))),
        ...(await queue.expectNext(...(p.queue ?? []))),
      ]
      await publicSet.expectQuiet(100)
      await queue.expectQuiet(100)
      return got
    },
    async close() {
      await publicSet.close()
      await queue.close()
    },
  }
}

interface Shape {
  id: number
  code: string
  owner: TestUser | null
  tab?: number
  position?: number
  /** the one stored level: siteLevel of a public smile, masterStreamerLevel (and the deprecated level) of an owned one */
  level?: number
  icon?: boolean
}

/** The parts of a smile only the stored row knows: its file's hash and its creation time. */
async function stored(t: SmilesApp, id: number) {
  const row = await t.app.services.prisma.smile.findUniqueOrThrow({ where: { id } })
  return { url: `${SMILES_PUBLIC_URL}/uploads/smiles/${row.hash}.png`, createdAt: row.createdAt.toISOString() }
}

const levels = (s: Shape) => ({
  level: s.owner ? (s.level ?? 0) : 0,
  masterStreamerLevel: s.owner ? (s.level ?? 0) : 0,
  siteLevel: s.owner ? 0 : (s.level ?? 0),
})

/** A public Smile, whole. */
async function smile(t: SmilesApp, s: Shape) {
  const { url, createdAt } = await stored(t, s.id)
  const size = s.icon ? 14 : 30
  return {
    approved: true,
    code: s.code,
    createdAt,
    databaseId: s.id,
    height: size,
    icon: s.icon ?? false,
    id: globalId('Smile', s.id),
    ...levels(s),
    position: s.position ?? 0,
    tab: s.tab ?? 0,
    url,
    user: userRef(s.owner),
    width: size,
  }
}

/** A PendingSmile of a change set, whole. */
async function pending(t: SmilesApp, s: Shape & { change: string }) {
  const { url } = await stored(t, s.id)
  const size = s.icon ? 14 : 30
  return {
    change: s.change,
    code: s.code,
    databaseId: s.id,
    height: size,
    icon: s.icon ?? false,
    ...levels(s),
    position: s.position ?? 0,
    tab: s.tab ?? 0,
    url,
    user: userRef(s.owner),
    width: size,
  }
}

async function upload(t: SmilesApp, u: TestUser, icon = false) {
  const code = freshCode(icon ? 'ei' : 'es')
  const file = { name: `${code}.png`, bytes: icon ? iconPng() : smilePng() }
  const r = icon ? await gqlUpload(t.url, ADD_ICON, file, u.token) : await gqlUpload(t.url, ADD_SMILE, file, u.token)
  const added = r.data && ('addIcon' in r.data ? r.data.addIcon : r.data.addSmile)
  if (!added) throw new Error(`upload failed: ${JSON.stringify(r.errors)}`)
  return { id: added.databaseId, code }
}

const UPDATE = 'mutation($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }'
const REMOVE = 'mutation($ids: [Int!]!) { removeSmiles(ids: $ids) }'

/**
 * A masterstreamer whose first set (a smile and an icon) was approved, then a second set submitted that edits the
 * smile, removes the icon and adds a new smile — every kind of change at once. Takes the events on the way.
 */
async function secondSet(f: SmilesFixture) {
  const { t } = f
  const ms = await userWithRoles(t, { masterstreamer: 1 })
  const kept = await upload(t, ms)
  const gone = await upload(t, ms, true)
  await ok(t, ms, 'mutation { submitSmileChanges }')
  const submission = async () =>
    (
      await t.app.services.prisma.smileSubmission.findUniqueOrThrow({ where: { userId: ms.id } })
    ).submittedAt.toISOString()
  const first = {
    kind: 'SUBMITTED',
    user: userRef(ms),
    set: {
      hasChanges: true,
      removed: [],
      smiles: [
        await pending(t, { ...kept, owner: ms, change: 'ADDED' }),
        await pending(t, { ...gone, owner: ms, icon: true, change: 'ADDED' }),
      ],
      submitted: true,
      submittedAt: await submission(),
      user: userRef(ms),
    },
  }
  await f.expect({ queue: [first] })
  await ok(t, f.smiler, 'mutation($u: Int!) { approveSmileChanges(userId: $u) }', { u: ms.id })
  await f.expect({
    publicSet: [
      {
        kind: 'APPROVED',
        user: userRef(ms),
        removedIds: [],
        smiles: [await smile(t, { ...kept, owner: ms }), await smile(t, { ...gone, owner: ms, icon: true })],
      },
    ],
    queue: [{ kind: 'APPROVED', user: userRef(ms), set: null }],
  })
  await ok(t, ms, UPDATE, { s: [{ id: kept.id, tab: 3, position: 4, level: 5 }] })
  await ok(t, ms, 'mutation($ids: [Int!]!) { removeIcons(ids: $ids) }', { ids: [gone.id] })
  const added = await upload(t, ms)
  await ok(t, ms, 'mutation { submitSmileChanges }')
  const submitted = {
    kind: 'SUBMITTED',
    user: userRef(ms),
    set: {
      hasChanges: true,
      removed: [await pending(t, { ...gone, owner: ms, icon: true, change: 'REMOVED' })],
      // in the order of the stored (approved) tab and position, then id
      smiles: [
        await pending(t, { ...kept, owner: ms, tab: 3, position: 4, level: 5, change: 'UPDATED' }),
        await pending(t, { ...added, owner: ms, change: 'ADDED' }),
      ],
      submitted: true,
      submittedAt: await submission(),
      user: userRef(ms),
    },
  }
  const got = await f.expect({ queue: [submitted] })
  return { ms, kept, gone, added, got }
}

type Recipe = (f: SmilesFixture) => Promise<Received>

export const SMILES_CHANGED_RECIPES: Partial<Record<string, Recipe>> = {
  async ADDED(f) {
    const s = await upload(f.t, f.smiler)
    return f.expect({
      publicSet: [{ kind: 'ADDED', user: null, removedIds: [], smiles: [await smile(f.t, { ...s, owner: null })] }],
    })
  },
  async UPDATED(f) {
    const a = await upload(f.t, f.smiler)
    const b = await upload(f.t, f.smiler)
    await f.publicSet.expectNext(
      { kind: 'ADDED', user: null, removedIds: [], smiles: [await smile(f.t, { ...a, owner: null })] },
      { kind: 'ADDED', user: null, removedIds: [], smiles: [await smile(f.t, { ...b, owner: null })] },
    )
    await ok(f.t, f.smiler, UPDATE, {
      s: [
        { id: a.id, tab: 2, position: 9, level: 4 },
        { id: b.id, tab: 2, position: 8, level: 0 },
      ],
    })
    return f.expect({
      publicSet: [
        {
          kind: 'UPDATED',
          user: null,
          removedIds: [],
          smiles: [
            await smile(f.t, { ...a, owner: null, tab: 2, position: 9, level: 4 }),
            await smile(f.t, { ...b, owner: null, tab: 2, position: 8 }),
          ],
        },
      ],
    })
  },
  async REMOVED(f) {
    const a = await upload(f.t, f.smiler)
    const b = await upload(f.t, f.smiler)
    await f.publicSet.expectNext(
      { kind: 'ADDED', user: null, removedIds: [], smiles: [await smile(f.t, { ...a, owner: null })] },
      { kind: 'ADDED', user: null, removedIds: [], smiles: [await smile(f.t, { ...b, owner: null })] },
    )
    await ok(f.t, f.smiler, REMOVE, { ids: [b.id, a.id] })
    return f.expect({ publicSet: [{ kind: 'REMOVED', user: null, smiles: [], removedIds: [b.id, a.id] }] })
  },
  APPROVED: (f) => approveSecondSet(f),
}

/** The second set approved: both streams hear it, the public set with the edit, the addition and the removed id. */
async function approveSecondSet(f: SmilesFixture): Promise<Received> {
  const { ms, kept, gone, added } = await secondSet(f)
  await ok(f.t, f.smiler, 'mutation($u: Int!) { approveSmileChanges(userId: $u) }', { u: ms.id })
  return f.expect({
    publicSet: [
      {
        kind: 'APPROVED',
        user: userRef(ms),
        removedIds: [gone.id],
        // public order: tab, position, id
        smiles: [
          await smile(f.t, { ...added, owner: ms }),
          await smile(f.t, { ...kept, owner: ms, tab: 3, position: 4, level: 5 }),
        ],
      },
    ],
    queue: [{ kind: 'APPROVED', user: userRef(ms), set: null }],
  })
}

export const SMILE_QUEUE_RECIPES: Partial<Record<string, Recipe>> = {
  async SUBMITTED(f) {
    return (await secondSet(f)).got
  },
  APPROVED: (f) => approveSecondSet(f),
  async REJECTED(f) {
    const { ms } = await secondSet(f)
    await ok(f.t, f.smiler, 'mutation($u: Int!) { rejectSmileChanges(userId: $u) }', { u: ms.id })
    return f.expect({ queue: [{ kind: 'REJECTED', user: userRef(ms), set: null }] })
  },
}
