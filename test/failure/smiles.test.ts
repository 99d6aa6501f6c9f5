import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll } from '../helpers/app.js'
import { gqlRaw } from '../helpers/clients.js'
import { userWithRoles, type TestUser } from '../helpers/users.js'
import { ADD_SMILE, freshCode, gqlUpload, smilePng, startSmilesApp, type SmilesApp } from '../smiles/support.js'
import { dropAll, failOn, underFailure, uploadFiles } from './support.js'

/**
 * Smiles' multi-step writes under an injected failure: approval of a change set (delete, approve, edit — one
 * transaction), an upload (row, then the file, inside the transaction), revert, a masterstreamer's multi-item update and
 * a smiler's removal. A failure halfway leaves every row, every file and the event streams as they were; the retry
 * then does all of it.
 */

let t: SmilesApp
let smiler: TestUser
beforeAll(async () => {
  t = await startSmilesApp()
  smiler = await userWithRoles(t, { smiler: 1 })
})
afterEach(() => dropAll(t))
afterAll(() => closeAll(t))

const TABLES = ['Smile', 'SmileSubmission']
const files = () => uploadFiles(t.uploadDir)

async function upload(u: TestUser, code = freshCode('f')) {
  const r = await gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: smilePng() }, u.token)
  if (!r.data) throw new Error(JSON.stringify(r.errors))
  return r.data.addSmile
}
const ok = async (token: string, query: string, variables?: Record<string, unknown>) => {
  const r = await gqlRaw(t.url, query, variables, token)
  if (r.errors) throw new Error(JSON.stringify(r.errors))
  return r.data
}
const submit = (ms: TestUser) => ok(ms.token, 'mutation { submitSmileChanges }')
const approve = (ms: TestUser) =>
  gqlRaw(t.url, 'mutation($u: Int!) { approveSmileChanges(userId: $u) }', { u: ms.id }, smiler.token)
const row = (id: number) => t.app.services.prisma.smile.findUniqueOrThrow({ where: { id } })

/** A masterstreamer with two approved smiles, and a submitted set that edits one, removes the other and adds a third. */
async function submittedSet() {
  const ms = await userWithRoles(t, { masterstreamer: 1 })
  const edited = await upload(ms)
  const removed = await upload(ms)
  await submit(ms)
  expect((await approve(ms)).data.approveSmileChanges).toBe(true)
  await ok(ms.token, 'mutation($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }', {
    s: [{ id: edited.databaseId, tab: 3, position: 4, level: 5 }],
  })
  await ok(ms.token, 'mutation($ids: [Int!]!) { removeSmiles(ids: $ids) }', { ids: [removed.databaseId] })
  const added = await upload(ms)
  await submit(ms)
  return { ms, edited, removed, added }
}

describe('approving a change set', () => {
  it.each([
    ['the last statement (the edit) fails', false],
    ['the commit fails (deferred trigger)', true],
  ])('%s: nothing applied, no file dropped, no event; the retry applies all of it', async (_name, deferred) => {
    const { ms, edited, removed, added } = await submittedSet()
    const removedHash = (await row(removed.databaseId)).hash
    const { retry, events } = await underFailure(t, {
      tables: TABLES,
      files,
      // the approval's own edit: drafts cleared on the edited row (no other step writes that)
      inject: () =>
        failOn(t, 'Smile', 'UPDATE', `NEW.id = ${edited.databaseId} AND NEW."draftTab" IS NULL AND NEW.tab = 3`, {
          deferred,
        }),
      run: () => approve(ms),
    })
    expect(retry.data).toEqual({ approveSmileChanges: true })
    expect(files()).not.toContain(`smiles/${removedHash}.png`)
    const now = await t.app.services.prisma.smile.findMany({ where: { userId: ms.id }, orderBy: { id: 'asc' } })
    expect(now.map((r) => [r.id, r.approved, r.tab, r.position, r.level, r.draftTab])).toEqual([
      [edited.databaseId, true, 3, 4, 5, null],
      [added.databaseId, true, 0, 0, 0, null],
    ])
    expect(await t.app.services.prisma.smileSubmission.count({ where: { userId: ms.id } })).toBe(0)
    expect(events.map((e) => [e.topic, e.key, e.payload.kind ?? e.payload.type])).toEqual([
      ['smiles.public', 0, 'APPROVED'],
      ['smiles.queue', 0, 'APPROVED'],
      ['core.notification', ms.id, 'smilesApproved'],
    ])
    expect(events[0].payload).toMatchObject({
      userId: ms.id,
      removedIds: [removed.databaseId],
      smiles: [{ id: added.databaseId }, { id: edited.databaseId }],
    })
  })
})

describe('uploading a smile', () => {
  it.each([
    ['the row insert fails', false],
    ['the commit fails after the file was written (deferred trigger)', true],
  ])('%s: no row, no file, no event; the retry stores both', async (_name, deferred) => {
    const code = freshCode('up')
    const bytes = smilePng()
    const send = () => gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes }, smiler.token)
    const { retry, events } = await underFailure(t, {
      tables: TABLES,
      files,
      inject: () => failOn(t, 'Smile', 'INSERT', `NEW."codeLower" = '${code.toLowerCase()}'`, { deferred }),
      run: send,
    })
    expect(retry.data?.addSmile).toMatchObject({ code, approved: true })
    const stored = await row(retry.data!.addSmile.databaseId)
    expect(files()).toContain(`smiles/${stored.hash}.png`)
    expect(events.map((e) => [e.topic, e.payload.kind])).toEqual([['smiles.public', 'ADDED']])
  })
})

describe("a masterstreamer's change set", () => {
  it('revert: the uploads stay when clearing the drafts fails; the retry drops them and their files', async () => {
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const kept = await upload(ms)
    await submit(ms)
    await approve(ms)
    await ok(ms.token, 'mutation($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }', {
      s: [{ id: kept.databaseId, tab: 7, position: 7, level: 7 }],
    })
    const fresh = await upload(ms)
    const hash = (await row(fresh.databaseId)).hash
    const { retry, events } = await underFailure(t, {
      tables: TABLES,
      files,
      // the second statement: drafts cleared after the uploads were deleted
      inject: () => failOn(t, 'Smile', 'UPDATE', `NEW."userId" = ${ms.id} AND NEW."draftTab" IS NULL`),
      run: () => gqlRaw(t.url, 'mutation { revertSmileChanges }', undefined, ms.token),
    })
    expect(retry.data).toEqual({ revertSmileChanges: true })
    expect(await t.app.services.prisma.smile.count({ where: { id: fresh.databaseId } })).toBe(0)
    expect((await row(kept.databaseId)).draftTab).toBeNull()
    expect(files()).not.toContain(`smiles/${hash}.png`)
    expect(events).toEqual([])
  })

  it('an update of several smiles: the second failing undoes the first; the retry records both', async () => {
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const a = await upload(ms)
    const b = await upload(ms)
    const { retry } = await underFailure(t, {
      tables: TABLES,
      inject: () => failOn(t, 'Smile', 'UPDATE', `NEW.id = ${b.databaseId}`),
      run: () =>
        gqlRaw(
          t.url,
          'mutation($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }',
          {
            s: [
              { id: a.databaseId, tab: 1, position: 1, level: 1 },
              { id: b.databaseId, tab: 2, position: 2, level: 2 },
            ],
          },
          ms.token,
        ),
    })
    expect(retry.data).toEqual({ updateSmiles: true })
    expect([(await row(a.databaseId)).tab, (await row(b.databaseId)).tab]).toEqual([1, 2])
  })
})

describe('a smiler', () => {
  it('updating several public smiles: the second failing undoes the first, no event; the retry announces both', async () => {
    const a = await upload(smiler)
    const b = await upload(smiler)
    const { retry, events } = await underFailure(t, {
      tables: TABLES,
      inject: () => failOn(t, 'Smile', 'UPDATE', `NEW.id = ${b.databaseId}`),
      run: () =>
        gqlRaw(
          t.url,
          'mutation($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }',
          {
            s: [
              { id: a.databaseId, tab: 8, position: 1, level: 1 },
              { id: b.databaseId, tab: 8, position: 2, level: 2 },
            ],
          },
          smiler.token,
        ),
    })
    expect(retry.data).toEqual({ updateSmiles: true })
    expect(events.map((e) => [e.payload.kind, e.payload.smiles.map((s: { id: number }) => s.id)])).toEqual([
      ['UPDATED', [a.databaseId, b.databaseId]],
    ])
  })

  it('removing smiles: when the delete fails the rows and files stay, no event; the retry removes them', async () => {
    const a = await upload(smiler)
    const hash = (await row(a.databaseId)).hash
    const { retry, events } = await underFailure(t, {
      tables: TABLES,
      files,
      inject: () => failOn(t, 'Smile', 'DELETE', `OLD.id = ${a.databaseId}`),
      run: () =>
        gqlRaw(t.url, 'mutation($ids: [Int!]!) { removeSmiles(ids: $ids) }', { ids: [a.databaseId] }, smiler.token),
    })
    expect(retry.data).toEqual({ removeSmiles: true })
    expect(files()).not.toContain(`smiles/${hash}.png`)
    expect(events.map((e) => e.payload)).toEqual([
      { kind: 'REMOVED', userId: null, smiles: [], removedIds: [a.databaseId] },
    ])
  })
})
