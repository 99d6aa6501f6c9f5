import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { userWithRoles, type TestUser } from '../helpers/users.js'
import {
  ADD_ICON,
  ADD_SMILE,
  freshCode,
  gqlUpload,
  iconPng,
  restUpload,
  smilePng,
  startSmilesApp,
  type SmilesApp,
} from './support.js'
import { graphql } from '../generated/index.js'
import type { SmileUpdateInput } from '../generated/graphql.js'

/**
 * The whole life of smiles, once through GraphQL and once through the peka2 REST routes: a masterstreamer uploads and
 * edits into a change set, submits it, is rejected, reverts, resubmits and is approved; a smiler edits the public set
 * directly, masterstreamers' approved smiles included.
 */

let t: SmilesApp
beforeAll(async () => {
  t = await startSmilesApp()
})
afterAll(() => closeAll(t))

graphql(`fragment ChangeSet on SmileChangeSet { user { databaseId name } submitted submittedAt hasChanges
  smiles { databaseId code tab position level masterStreamerLevel siteLevel change icon user { databaseId } }
  removed { databaseId code change } }`)
const MINE = graphql(`query MyChangeSet { mySmileChanges { ...ChangeSet } }`)
const PUBLIC = graphql(
  `query Smiles { smiles { databaseId code url tab position width height level masterStreamerLevel siteLevel icon approved user { databaseId name } } }`,
)

const publicCodes = async () => (await gql(t.url, PUBLIC)).data!.smiles.map((s: { code: string }) => s.code)
const mine = async (u: TestUser) => (await gql(t.url, MINE, undefined, u.token)).data!.mySmileChanges
const fileOf = (url: string) => url.split('/').pop()!

describe('through GraphQL', () => {
  it('masterstreamer: upload, edit, submit, rejected, revert, resubmit, approved', async () => {
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const smiler = await userWithRoles(t, { smiler: 1 })
    const first = freshCode('first')
    const icon = freshCode('icon')

    // uploads go into the change set, not into the public list
    const up = await gqlUpload(t.url, ADD_SMILE, { name: `${first}.png`, bytes: smilePng() }, ms.token)
    expect(up.data!.addSmile).toMatchObject({ code: first, approved: false, width: 30, height: 30, icon: false })
    const ic = await gqlUpload(t.url, ADD_ICON, { name: `${icon}.png`, bytes: iconPng() }, ms.token)
    expect(ic.data!.addIcon).toMatchObject({ code: icon, approved: false, width: 14, height: 14, icon: true })
    expect(await publicCodes()).not.toContain(first)
    expect(t.files()).toContain(fileOf(up.data!.addSmile.url))

    // edit the unapproved smile
    const id = up.data!.addSmile.databaseId
    const upd = await gql(
      t.url,
      graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
      { s: [{ id, tab: 2, position: 5, level: 3 }] },
      ms.token,
    )
    expect(upd.data!.updateSmiles).toBe(true)
    let set = await mine(ms)
    expect(set).toMatchObject({
      user: { databaseId: ms.id },
      submitted: false,
      submittedAt: null,
      hasChanges: true,
      removed: [],
    })
    expect(set.smiles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: first,
          tab: 2,
          position: 5,
          level: 3,
          masterStreamerLevel: 3,
          siteLevel: 0,
          change: 'ADDED',
          user: { databaseId: ms.id },
        }),
        expect.objectContaining({ code: icon, tab: 0, position: 0, change: 'ADDED', icon: true }),
      ]),
    )

    // submit: frozen until a smiler decides
    expect(
      (await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)).data!
        .submitSmileChanges,
    ).toBe(true)
    set = await mine(ms)
    expect(set.submitted).toBe(true)
    expect(Date.parse(set.submittedAt!)).not.toBeNaN()
    const frozen = [
      await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes: smilePng() }, ms.token),
      await gql(
        t.url,
        graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
        { s: [{ id, tab: 1, position: 1, level: 1 }] },
        ms.token,
      ),
      await gql(
        t.url,
        graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
        { ids: [id] },
        ms.token,
      ),
      await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token),
      await gql(t.url, graphql(`mutation RevertSmileChanges { revertSmileChanges }`), undefined, ms.token),
    ]
    expect(frozen.map(codeOf)).toEqual(Array(5).fill('SMILE_CHANGES_PENDING'))

    // the smiler's queue shows the set with its owner
    const queue = await gql(
      t.url,
      graphql(`query ApprovalQueue { smileApprovalQueue { ...ChangeSet } }`),
      undefined,
      smiler.token,
    )
    const entry = queue.data!.smileApprovalQueue.find(
      (s: { user: { databaseId: number } }) => s.user.databaseId === ms.id,
    )
    expect(entry).toMatchObject({ submitted: true, user: { databaseId: ms.id, name: ms.name } })
    expect(entry!.smiles.map((s: { code: string }) => s.code).sort()).toEqual([first, icon].sort())

    // rejected: editable again, nothing lost
    expect(
      (
        await gql(
          t.url,
          graphql(`mutation RejectSmileChanges($u: Int!) { rejectSmileChanges(userId: $u) }`),
          { u: ms.id },
          smiler.token,
        )
      ).data!.rejectSmileChanges,
    ).toBe(true)
    set = await mine(ms)
    expect(set).toMatchObject({ submitted: false, hasChanges: true })
    expect(set.smiles).toHaveLength(2)
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }`),
          { u: ms.id },
          smiler.token,
        ),
      ),
    ).toBe('SMILE_NOT_SUBMITTED')

    // revert: back to the last approved state (nothing), and the files go with the rows
    expect(
      (await gql(t.url, graphql(`mutation RevertSmileChanges { revertSmileChanges }`), undefined, ms.token)).data!
        .revertSmileChanges,
    ).toBe(true)
    set = await mine(ms)
    expect(set).toMatchObject({ submitted: false, hasChanges: false, smiles: [], removed: [] })
    expect(t.files()).not.toContain(fileOf(up.data!.addSmile.url))
    expect(t.files()).not.toContain(fileOf(ic.data!.addIcon.url))
    expect(
      codeOf(await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)),
    ).toBe('SMILE_NO_CHANGES')

    // resubmit a new change set, approved: public at once with its owner
    const second = freshCode('second')
    const up2 = await gqlUpload(t.url, ADD_SMILE, { name: `${second}.png`, bytes: smilePng() }, ms.token)
    const id2 = up2.data!.addSmile.databaseId
    await gql(
      t.url,
      graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
      { s: [{ id: id2, tab: 4, position: 1, level: 2 }] },
      ms.token,
    )
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    expect(
      (
        await gql(
          t.url,
          graphql(`mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }`),
          { u: ms.id },
          smiler.token,
        )
      ).data!.approveSmileChanges,
    ).toBe(true)
    const pub = (await gql(t.url, PUBLIC)).data!.smiles.find((s: { code: string }) => s.code === second)
    expect(pub).toMatchObject({
      databaseId: id2,
      tab: 4,
      position: 1,
      level: 2,
      masterStreamerLevel: 2,
      siteLevel: 0,
      approved: true,
      icon: false,
      user: { databaseId: ms.id, name: ms.name },
    })
    expect(pub!.url).toBe(`https://cdn.example.test/uploads/smiles/${fileOf(up2.data!.addSmile.url)}`)
    set = await mine(ms)
    expect(set).toMatchObject({ submitted: false, hasChanges: false })
    expect(set.smiles).toEqual([expect.objectContaining({ code: second, change: 'UNCHANGED' })])

    // a second round on approved smiles: a proposed edit and a proposed removal leave the public set alone until approval
    const third = freshCode('third')
    const up3 = await gqlUpload(t.url, ADD_SMILE, { name: `${third}.png`, bytes: smilePng() }, ms.token)
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    await gql(
      t.url,
      graphql(`mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }`),
      { u: ms.id },
      smiler.token,
    )
    await gql(
      t.url,
      graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
      { s: [{ id: id2, tab: 9, position: 9, level: 9 }] },
      ms.token,
    )
    await gql(
      t.url,
      graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
      { ids: [up3.data!.addSmile.databaseId] },
      ms.token,
    )
    set = await mine(ms)
    expect(set.smiles).toEqual([
      expect.objectContaining({ code: second, tab: 9, position: 9, level: 9, change: 'UPDATED' }),
    ])
    expect(set.removed).toEqual([expect.objectContaining({ code: third, change: 'REMOVED' })])
    expect((await gql(t.url, PUBLIC)).data!.smiles.find((s: { code: string }) => s.code === second)).toMatchObject({
      tab: 4,
      position: 1,
      level: 2,
    })
    expect(await publicCodes()).toContain(third)
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    await gql(
      t.url,
      graphql(`mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }`),
      { u: ms.id },
      smiler.token,
    )
    expect((await gql(t.url, PUBLIC)).data!.smiles.find((s: { code: string }) => s.code === second)).toMatchObject({
      tab: 9,
      position: 9,
      level: 9,
    })
    expect(await publicCodes()).not.toContain(third)
    expect(t.files()).not.toContain(fileOf(up3.data!.addSmile.url))
  })

  it('a masterstreamer edits only their own smiles', async () => {
    const a = await userWithRoles(t, { masterstreamer: 1 })
    const b = await userWithRoles(t, { masterstreamer: 1 })
    const smiler = await userWithRoles(t, { smiler: 1 })
    const mineUp = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes: smilePng() }, b.token)
    const bId = mineUp.data!.addSmile.databaseId
    const pub = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes: smilePng() }, smiler.token)
    const pubId = pub.data!.addSmile.databaseId
    const upd = (id: number) =>
      gql(
        t.url,
        graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
        { s: [{ id, tab: 1, position: 1, level: 1 }] },
        a.token,
      )
    // b's unapproved upload is invisible to a; public smiles are someone else's
    expect(codeOf(await upd(bId))).toBe('SMILE_NOT_FOUND')
    expect(codeOf(await upd(pubId))).toBe('SMILE_NOT_OWNED')
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
          { ids: [pubId] },
          a.token,
        ),
      ),
    ).toBe('SMILE_NOT_OWNED')
    expect(codeOf(await upd(999_999))).toBe('SMILE_NOT_FOUND')
  })

  it('smiler: adds at tab 0 / position 0, edits and removes public smiles at once, masterstreamer ones included', async () => {
    const smiler = await userWithRoles(t, { smiler: 1 })
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const code = freshCode('pub')
    const up = await gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: smilePng() }, smiler.token)
    expect(up.data!.addSmile).toMatchObject({ code, approved: true })
    const id = up.data!.addSmile.databaseId
    const pub = () =>
      gql(t.url, PUBLIC).then((r) => r.data!.smiles.find((s: { databaseId: number }) => s.databaseId === id))
    expect(await pub()).toMatchObject({
      tab: 0,
      position: 0,
      level: 0,
      siteLevel: 0,
      masterStreamerLevel: 0,
      user: null,
    })
    await gql(
      t.url,
      graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
      { s: [{ id, tab: 3, position: 7, level: 5 }] },
      smiler.token,
    )
    expect(await pub()).toMatchObject({ tab: 3, position: 7, level: 0, siteLevel: 5, masterStreamerLevel: 0 })

    // a masterstreamer's approved smile
    const msUp = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('ms')}.png`, bytes: smilePng() }, ms.token)
    const msId = msUp.data!.addSmile.databaseId
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    await gql(
      t.url,
      graphql(`mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }`),
      { u: ms.id },
      smiler.token,
    )
    await gql(
      t.url,
      graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
      { s: [{ id: msId, tab: 6, position: 2, level: 4 }] },
      smiler.token,
    )
    const msPub = (await gql(t.url, PUBLIC)).data!.smiles.find((s: { databaseId: number }) => s.databaseId === msId)
    expect(msPub).toMatchObject({
      tab: 6,
      position: 2,
      level: 4,
      masterStreamerLevel: 4,
      siteLevel: 0,
      user: { databaseId: ms.id },
    })
    expect(
      (
        await gql(
          t.url,
          graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
          { ids: [id, msId] },
          smiler.token,
        )
      ).data!.removeSmiles,
    ).toBe(true)
    const ids = (await gql(t.url, PUBLIC)).data!.smiles.map((s: { databaseId: number }) => s.databaseId)
    expect(ids).not.toContain(id)
    expect(ids).not.toContain(msId)
    expect(t.files()).not.toContain(fileOf(up.data!.addSmile.url))
    // a smiler acts on the public set only: an unapproved upload is not there
    const pending = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes: smilePng() }, ms.token)
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
          { ids: [pending.data!.addSmile.databaseId] },
          smiler.token,
        ),
      ),
    ).toBe('SMILE_NOT_FOUND')
  })

  it('the public list is ordered by tab, then position; icons are listed too and on their own', async () => {
    const smiler = await userWithRoles(t, { smiler: 1 })
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const ids: number[] = []
    for (const [tab, position] of [
      [8, 2],
      [7, 5],
      [8, 1],
      [7, 0],
    ]) {
      const r = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('ord')}.png`, bytes: smilePng() }, smiler.token)
      ids.push(r.data!.addSmile.databaseId)
      await gql(
        t.url,
        graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
        { s: [{ id: r.data!.addSmile.databaseId, tab, position, level: 0 }] },
        smiler.token,
      )
    }
    const list = (await gql(t.url, PUBLIC)).data!.smiles
    const keys = list.map((s: { tab: number; position: number }) => s.tab * 1e6 + s.position)
    expect(keys).toEqual([...keys].sort((a: number, b: number) => a - b))
    expect(
      list
        .filter((s: { databaseId: number }) => ids.includes(s.databaseId))
        .map((s: { databaseId: number }) => s.databaseId),
    ).toEqual([ids[3], ids[1], ids[2], ids[0]])

    const icon = await gqlUpload(t.url, ADD_ICON, { name: `${freshCode('ico')}.png`, bytes: iconPng() }, ms.token)
    await gql(t.url, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`), undefined, ms.token)
    await gql(
      t.url,
      graphql(`mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }`),
      { u: ms.id },
      smiler.token,
    )
    const icons = (
      await gql(t.url, graphql(`query SmilesWorkflow { smiles(icon: true) { databaseId icon tab position level } }`))
    ).data!.smiles
    expect(icons).toContainEqual({
      databaseId: icon.data!.addIcon.databaseId,
      icon: true,
      tab: 0,
      position: 0,
      level: 0,
    })
    expect(icons.every((s: { icon: boolean }) => s.icon)).toBe(true)
    expect(
      (await gql(t.url, graphql(`query SmilesWorkflow2 { smiles(icon: false) { icon } }`))).data!.smiles.every(
        (s: { icon: boolean }) => !s.icon,
      ),
    ).toBe(true)
    // icons have no tab/position/level to edit
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
          { s: [{ id: icon.data!.addIcon.databaseId, tab: 1, position: 1, level: 1 }] },
          smiler.token,
        ),
      ),
    ).toBe('INVALID_INPUT')
  })

  it('update and remove lists are bounded and without repeats', async () => {
    const smiler = await userWithRoles(t, { smiler: 1 })
    const up = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes: smilePng() }, smiler.token)
    const id = up.data!.addSmile.databaseId
    const upd = (s: SmileUpdateInput[]) =>
      gql(
        t.url,
        graphql(`mutation UpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`),
        { s },
        smiler.token,
      )
    const twice = await upd([
      { id, tab: 1, position: 1, level: 1 },
      { id, tab: 2, position: 2, level: 2 },
    ])
    expect(twice.errors?.[0]).toMatchObject({
      message: `smiles[1]: smile ${id} is listed twice`,
      extensions: { code: 'INVALID_INPUT', field: 'smiles[1]' },
    })
    expect(
      codeOf(await upd(Array.from({ length: 501 }, (_, i) => ({ id: i + 1, tab: 0, position: 0, level: 0 })))),
    ).toBe('INVALID_INPUT')
    expect((await upd([{ id, tab: 0, position: 100_000, level: 0 }])).errors?.[0].message).toBe(
      'smiles[0].position: must be an integer from 0 to 99999',
    )
    const rm = await gql(
      t.url,
      graphql(`mutation RemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`),
      { ids: [id, id] },
      smiler.token,
    )
    expect(codeOf(rm)).toBe('INVALID_INPUT')
    expect(
      (await gql(t.url, graphql(`query SmilesWorkflow3 { smiles { databaseId } }`))).data!.smiles.map(
        (s: { databaseId: number }) => s.databaseId,
      ),
    ).toContain(id)
  })

  it('a smile is a Relay node (public ones only)', async () => {
    const smiler = await userWithRoles(t, { smiler: 1 })
    const code = freshCode('node')
    await gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: smilePng() }, smiler.token)
    const s = (await gql(t.url, graphql(`query SmilesWorkflow4 { smiles { id databaseId code } }`))).data!.smiles.find(
      (x: { code: string }) => x.code === code,
    )
    const n = await gql(
      t.url,
      graphql(`query NodeWorkflow($id: ID!) { node(id: $id) { ... on Smile { databaseId code } } }`),
      { id: s!.id },
    )
    expect(n.data!.node).toEqual({ databaseId: s!.databaseId, code })
  })
})

describe('through peka2 REST', () => {
  const smileShape = {
    id: expect.any(Number),
    code: expect.any(String),
    url: expect.stringMatching(/^https:\/\/cdn\.example\.test\/uploads\/smiles\/[0-9a-f]{64}\.png$/),
    tab: expect.any(Number),
    position: expect.any(Number),
    width: 30,
    height: 30,
    level: expect.any(Number),
    masterStreamerLevel: expect.any(Number),
    siteLevel: expect.any(Number),
    user: null,
    icon: false,
  }

  it('masterstreamer: upload, edit, submit, rejected, revert, resubmit, approved', async () => {
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const smiler = await userWithRoles(t, { smiler: 1 })
    const as = { token: ms.token }
    const sm = { token: smiler.token }
    const code = freshCode('rest')
    expect(await restUpload(t.url, '/api/smile/add', [{ name: `${code}.png`, bytes: smilePng() }], ms.token)).toEqual({
      status: 200,
      body: {},
    })
    const iconCode = freshCode('restico')
    expect(await restUpload(t.url, '/api/icon/add', [{ name: `${iconCode}.png`, bytes: iconPng() }], ms.token)).toEqual(
      { status: 200, body: {} },
    )
    expect((await rest(t.url, '/api/smile', {})).body.map((s: { code: string }) => s.code)).not.toContain(code)
    const row = (await t.smileRows()).find((r) => r.code === code)!
    expect(await rest(t.url, '/api/smile/update', [{ id: row.id, tab: 2, position: 3, level: 1 }], as)).toMatchObject({
      status: 200,
      body: {},
    })
    expect(await rest(t.url, '/api/smile/ms/pending', {}, as)).toMatchObject({ status: 200, body: { pending: false } })
    expect(await rest(t.url, '/api/smile/ms/prepare', {}, as)).toMatchObject({ status: 200, body: {} })
    expect(await rest(t.url, '/api/smile/ms/pending', {}, as)).toMatchObject({ status: 200, body: { pending: true } })
    // frozen while submitted, with the same refusal everywhere
    const frozen = [
      await restUpload(t.url, '/api/smile/add', [{ name: `${freshCode()}.png`, bytes: smilePng() }], ms.token),
      await restUpload(t.url, '/api/icon/add', [{ name: `${freshCode()}.png`, bytes: iconPng() }], ms.token),
      await rest(t.url, '/api/smile/update', [{ id: row.id, tab: 1, position: 1, level: 1 }], as),
      await rest(t.url, '/api/smile/remove', [row.id], as),
      await rest(t.url, '/api/icon/remove', [row.id], as),
      await rest(t.url, '/api/smile/ms/prepare', {}, as),
      await rest(t.url, '/api/smile/ms/revert', {}, as),
    ]
    for (const r of frozen)
      expect(r).toMatchObject({ status: 500, body: { message: expect.stringMatching(/awaiting approval/) } })

    // /api/smile/pending: documented smile objects, each with its masterstreamer in `user`
    const pending = await rest(t.url, '/api/smile/pending', {}, sm)
    expect(pending.status).toBe(200)
    const mineInQueue = pending.body.filter((s: { user: { id: number } | null }) => s.user?.id === ms.id)
    expect(mineInQueue).toHaveLength(2)
    expect(mineInQueue.find((s: { code: string }) => s.code === code)).toEqual({
      ...smileShape,
      id: row.id,
      code,
      tab: 2,
      position: 3,
      level: 1,
      masterStreamerLevel: 1,
      siteLevel: 0,
      user: { id: ms.id, name: ms.name, slug: ms.name.toLowerCase() },
    })
    expect(mineInQueue.find((s: { code: string }) => s.code === iconCode)).toMatchObject({
      icon: true,
      width: 14,
      height: 14,
      tab: 0,
      position: 0,
      level: 0,
    })

    expect(await rest(t.url, '/api/smile/reject', { userId: ms.id }, sm)).toMatchObject({ status: 200, body: {} })
    expect(await rest(t.url, '/api/smile/ms/pending', {}, as)).toMatchObject({ body: { pending: false } })
    expect(await rest(t.url, '/api/smile/reject', { userId: ms.id }, sm)).toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/no smile changes awaiting approval/) },
    })
    expect(await rest(t.url, '/api/smile/ms/revert', {}, as)).toMatchObject({ status: 200, body: {} })
    expect((await t.smileRows()).filter((r) => r.code === code || r.code === iconCode)).toEqual([])

    const again = freshCode('again')
    await restUpload(t.url, '/api/smile/add', [{ name: `${again}.png`, bytes: smilePng() }], ms.token)
    expect(await rest(t.url, '/api/smile/ms/prepare', {}, as)).toMatchObject({ status: 200, body: {} })
    expect(await rest(t.url, '/api/smile/approve', { userId: ms.id }, sm)).toMatchObject({ status: 200, body: {} })
    expect(await rest(t.url, '/api/smile/approve', { userId: ms.id }, sm)).toMatchObject({ status: 500 })
    const list = await rest(t.url, '/api/smile', {})
    const approved = list.body.find((s: { code: string }) => s.code === again)
    expect(approved).toEqual({
      ...smileShape,
      id: approved.id,
      code: again,
      tab: 0,
      position: 0,
      level: 0,
      masterStreamerLevel: 0,
      siteLevel: 0,
      user: { id: ms.id, name: ms.name, slug: ms.name.toLowerCase() },
    })
    expect(await rest(t.url, '/api/smile/ms/pending', {}, as)).toMatchObject({ body: { pending: false } })

    // icons: proposed removal through /api/icon/remove, applied on approval
    const ico = freshCode('ico')
    await restUpload(t.url, '/api/icon/add', [{ name: `${ico}.png`, bytes: iconPng() }], ms.token)
    await rest(t.url, '/api/smile/ms/prepare', {}, as)
    await rest(t.url, '/api/smile/approve', { userId: ms.id }, sm)
    const icons = await rest(t.url, '/api/icon/list', {})
    const icon = icons.body.find((s: { code: string }) => s.code === ico)
    expect(icon).toEqual({
      ...smileShape,
      id: icon.id,
      code: ico,
      width: 14,
      height: 14,
      tab: 0,
      position: 0,
      level: 0,
      masterStreamerLevel: 0,
      siteLevel: 0,
      icon: true,
      user: { id: ms.id, name: ms.name, slug: ms.name.toLowerCase() },
    })
    expect(icons.body.every((s: { icon: boolean }) => s.icon)).toBe(true)
    // /api/icon/remove takes icons only
    expect(await rest(t.url, '/api/icon/remove', [approved.id], as)).toMatchObject({
      status: 500,
      body: { message: `No smile ${approved.id}` },
    })
    expect(await rest(t.url, '/api/icon/remove', [icon.id], as)).toMatchObject({ status: 200, body: {} })
    expect((await rest(t.url, '/api/icon/list', {})).body.map((s: { id: number }) => s.id)).toContain(icon.id)
    await rest(t.url, '/api/smile/ms/prepare', {}, as)
    await rest(t.url, '/api/smile/approve', { userId: ms.id }, sm)
    expect((await rest(t.url, '/api/icon/list', {})).body.map((s: { id: number }) => s.id)).not.toContain(icon.id)
  })

  it('smiler: add, update, remove apply to the public list at once', async () => {
    const smiler = await userWithRoles(t, { smiler: 1 })
    const sm = { token: smiler.token }
    const code = freshCode('smr')
    expect(
      await restUpload(t.url, '/api/smile/add', [{ name: `${code}.png`, bytes: smilePng() }], smiler.token),
    ).toEqual({ status: 200, body: {} })
    const find = async () => (await rest(t.url, '/api/smile', {})).body.find((s: { code: string }) => s.code === code)
    const s = await find()
    expect(s).toEqual({
      ...smileShape,
      id: s.id,
      code,
      tab: 0,
      position: 0,
      level: 0,
      masterStreamerLevel: 0,
      siteLevel: 0,
    })
    expect(await rest(t.url, '/api/smile/update', [{ id: s.id, tab: 1, position: 4, level: 2 }], sm)).toMatchObject({
      status: 200,
      body: {},
    })
    expect(await find()).toMatchObject({ tab: 1, position: 4, level: 0, siteLevel: 2, masterStreamerLevel: 0 })
    // every field of every item is required
    for (const item of [
      { id: s.id, tab: 1, position: 4 },
      { id: s.id, tab: 1, level: 2 },
      { id: s.id, position: 1, level: 2 },
      { tab: 1, position: 1, level: 1 },
    ]) {
      const r = await rest(t.url, '/api/smile/update', [item], sm)
      expect(r.status).toBe(500)
      // the place in the bare list the client sent and the rule (not graphql-js' "Field … was not provided")
      expect(r.body.message).toMatch(/^\[0\]\.(id|tab|position|level): is required$/)
    }
    // whole smile objects posted back are fine: only the documented fields are read
    expect(await rest(t.url, '/api/smile/update', [{ ...s, tab: 5 }], sm)).toMatchObject({ status: 200 })
    expect(await find()).toMatchObject({ tab: 5, position: 0, siteLevel: 0 })
    expect(await rest(t.url, '/api/smile/update', [{ id: s.id, tab: -1, position: 0, level: 0 }], sm)).toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/tab/) },
    })
    expect(await rest(t.url, '/api/smile/update', { id: s.id }, sm)).toMatchObject({
      status: 500,
      body: { message: 'Request body must be a JSON array' },
    })
    expect(await rest(t.url, '/api/smile/remove', [s.id], sm)).toMatchObject({ status: 200, body: {} })
    expect(await find()).toBeUndefined()
    expect(await rest(t.url, '/api/smile/remove', [s.id], sm)).toMatchObject({
      status: 500,
      body: { message: `No smile ${s.id}` },
    })
  })
})
