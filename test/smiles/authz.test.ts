import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import smilesPlugin from '../../plugins/smiles/index.js'
import { ERRORS } from '../../src/errors.js'
import type { RestRoute } from '../../src/rest/route.js'
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import type { DocumentNode } from 'graphql'
import { closeAll } from '../helpers/app.js'
import { codeOf, gqlRaw, rest, type GqlResult, type VariablesArg } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
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

/**
 * The authorization matrix: every smile and icon route × guest, plain user, masterstreamer, smiler. An allowed call is
 * set up so that it succeeds (200 with the documented body); a refused one gets peka2's error and stores nothing.
 */

type Who = 'guest' | 'user' | 'masterstreamer' | 'smiler'
const WHO: Who[] = ['guest', 'user', 'masterstreamer', 'smiler']

/** Who each route admits, from the access letters of peka2-smiles.md (`Ms` of the icon routes is MS). */
const ADMITS: Record<string, { letters: string; who: Who[] }> = {
  '/api/smile': { letters: 'P', who: WHO },
  '/api/smile/add': { letters: 'MS/Sm', who: ['masterstreamer', 'smiler'] },
  '/api/smile/approve': { letters: 'Sm', who: ['smiler'] },
  '/api/smile/pending': { letters: 'Sm', who: ['smiler'] },
  '/api/smile/reject': { letters: 'Sm', who: ['smiler'] },
  '/api/smile/remove': { letters: 'MS/Sm', who: ['masterstreamer', 'smiler'] },
  '/api/smile/update': { letters: 'MS/Sm', who: ['masterstreamer', 'smiler'] },
  '/api/smile/ms/pending': { letters: 'MS', who: ['masterstreamer'] },
  '/api/smile/ms/prepare': { letters: 'MS', who: ['masterstreamer'] },
  '/api/smile/ms/revert': { letters: 'MS', who: ['masterstreamer'] },
  '/api/icon/add': { letters: 'MS', who: ['masterstreamer'] },
  '/api/icon/list': { letters: 'P', who: WHO },
  '/api/icon/remove': { letters: 'MS', who: ['masterstreamer'] },
}

const routes = smilesPlugin.rest
const letters = (r: RestRoute) => [r.access, ...(r.orAccess ?? [])].join('/')

let t: SmilesApp
let helperSmiler: TestUser
/** shared callers; a masterstreamer's state changes with every call, so each cell gets a fresh one */
let plainUser: TestUser
/** a change set that refused approvals and rejections must leave waiting */
let waiting: TestUser
beforeAll(async () => {
  t = await startSmilesApp()
  helperSmiler = await userWithRoles(t, { smiler: 1 })
  plainUser = await registerUser(t)
  waiting = await submittedMasterstreamer()
})
afterAll(() => closeAll(t))

async function caller(who: Who): Promise<TestUser | null> {
  if (who === 'guest') return null
  if (who === 'user') return plainUser
  if (who === 'smiler') return helperSmiler
  return userWithRoles(t, { [who]: 1 })
}

function gqlAs<R, V extends Record<string, unknown>>(
  u: TestUser | null | undefined,
  doc: TypedDocumentNode<R, V>,
  ...v: VariablesArg<V>
): Promise<GqlResult<R>>
function gqlAs(u: TestUser | null | undefined, doc: DocumentNode, v?: Record<string, unknown>) {
  return gqlRaw(t.url, doc, v, u?.token)
}

/** An own unapproved smile (masterstreamer) or a public one (smiler): something the caller may update or remove. */
async function ownSmile(u: TestUser | null, who: Who, icon = false): Promise<number> {
  const as = who === 'smiler' || who === 'masterstreamer' ? u : await userWithRoles(t, { masterstreamer: 1 })
  const file = { name: `${freshCode('m')}.png`, bytes: icon ? iconPng() : smilePng() }
  const added = icon
    ? (await gqlUpload(t.url, ADD_ICON, file, as!.token)).data?.addIcon
    : (await gqlUpload(t.url, ADD_SMILE, file, as!.token)).data?.addSmile
  return added!.databaseId
}

/** A masterstreamer whose change set waits for approval. */
async function submittedMasterstreamer() {
  const m = await userWithRoles(t, { masterstreamer: 1 })
  await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('q')}.png`, bytes: smilePng() }, m.token)
  expect((await gqlAs(m, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`))).data!.submitSmileChanges).toBe(
    true,
  )
  return m
}

/** Calls a route as `who`: with a body that succeeds when the route admits them, else a plausible one. */
async function call(path: string, who: Who, u: TestUser | null, admitted: boolean) {
  const token = u?.token
  if (!admitted) {
    if (path === '/api/smile/approve' || path === '/api/smile/reject')
      return rest(t.url, path, { userId: waiting.id }, { token })
    if (path === '/api/smile/remove' || path === '/api/icon/remove') return rest(t.url, path, [1], { token })
    if (path === '/api/smile/update') return rest(t.url, path, [{ id: 1, tab: 1, position: 2, level: 3 }], { token })
  }
  switch (path) {
    case '/api/smile/add':
      return restUpload(t.url, path, [{ name: `${freshCode('a')}.png`, bytes: smilePng() }], token)
    case '/api/icon/add':
      return restUpload(t.url, path, [{ name: `${freshCode('i')}.png`, bytes: iconPng() }], token)
    case '/api/smile/approve':
    case '/api/smile/reject':
      return rest(t.url, path, { userId: (await submittedMasterstreamer()).id }, { token })
    case '/api/smile/remove':
      return rest(t.url, path, [await ownSmile(u, who)], { token })
    case '/api/icon/remove': {
      // an approved icon of the caller's (or of someone) — removal is proposed, not applied
      const m = who === 'masterstreamer' ? u! : await userWithRoles(t, { masterstreamer: 1 })
      const id = await ownSmile(m, 'masterstreamer', true)
      await gqlAs(m, graphql(`mutation SubmitSmileChanges { submitSmileChanges }`))
      await gqlAs(helperSmiler, graphql(`mutation ApproveSmileChanges($u: Int!) { approveSmileChanges(userId: $u) }`), {
        u: m.id,
      })
      return rest(t.url, path, [id], { token })
    }
    case '/api/smile/update':
      return rest(t.url, path, [{ id: await ownSmile(u, who), tab: 1, position: 2, level: 3 }], { token })
    case '/api/smile/ms/prepare':
      if (who === 'masterstreamer') await ownSmile(u, who)
      return rest(t.url, path, {}, { token })
    default:
      return rest(t.url, path, {}, { token })
  }
}

const EXPECTED_BODY: Record<string, (body: unknown) => void> = {
  '/api/smile': (b) => expect(Array.isArray(b)).toBe(true),
  '/api/smile/pending': (b) => expect(Array.isArray(b)).toBe(true),
  '/api/icon/list': (b) => expect(Array.isArray(b)).toBe(true),
  '/api/smile/ms/pending': (b) => expect(b).toEqual({ pending: false }),
}

describe('the table', () => {
  it('covers every smiles route, with the documented access letters', () => {
    expect(routes.map((r) => r.path).sort()).toEqual(Object.keys(ADMITS).sort())
    for (const r of routes) expect(letters(r), r.path).toBe(ADMITS[r.path].letters)
    const served = new Set(t.app.rest.routes.map((r) => r.path))
    expect(routes.filter((r) => !served.has(r.path))).toEqual([])
  })
})

describe.each(routes.map((r) => [`${r.path} (${letters(r)})`, r.path] as const))('%s', (_name, path) => {
  it.each(WHO)('%s', async (who) => {
    const u = await caller(who)
    const rowsBefore = (await t.smileRows()).length
    const filesBefore = t.files().length
    const admitted = ADMITS[path].who.includes(who)
    const r = await call(path, who, u, admitted)
    if (admitted) {
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      ;(EXPECTED_BODY[path] ?? ((b) => expect(b).toEqual({})))(r.body)
    } else {
      const message = who === 'guest' ? ERRORS.UNAUTHENTICATED.message : ERRORS.INSUFFICIENT_PERMISSIONS.message
      expect(r).toMatchObject({ status: 500, body: { message } })
      // refused uploads store nothing (rows made by the setup of other calls are counted before)
      if (path.endsWith('/add')) {
        expect((await t.smileRows()).length).toBe(rowsBefore)
        expect(t.files().length).toBe(filesBefore)
      }
    }
  })
})

describe('after the matrix', () => {
  it('refused approvals and rejections decided nothing', async () => {
    expect(
      (await gqlAs(waiting, graphql(`query MySmileChanges { mySmileChanges { submitted } }`))).data!.mySmileChanges
        .submitted,
    ).toBe(true)
  })
})

describe('GraphQL applies the same scopes', () => {
  const OPS: { op: string; send: (u: TestUser | null) => Promise<GqlResult>; who: Who[] }[] = [
    { op: 'smiles', send: (u) => gqlAs(u, graphql(`query ScopeSmiles { smiles { databaseId } }`)), who: WHO },
    {
      op: 'smileApprovalQueue',
      send: (u) => gqlAs(u, graphql(`query ScopeApprovalQueue { smileApprovalQueue { submitted } }`)),
      who: ['smiler'],
    },
    {
      op: 'mySmileChanges',
      send: (u) => gqlAs(u, graphql(`query ScopeMySmileChanges { mySmileChanges { submitted } }`)),
      who: ['masterstreamer'],
    },
    {
      op: 'updateSmiles',
      send: (u) =>
        gqlAs(u, graphql(`mutation ScopeUpdateSmiles($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }`), {
          s: [],
        }),
      who: ['masterstreamer', 'smiler'],
    },
    {
      op: 'removeSmiles',
      send: (u) =>
        gqlAs(u, graphql(`mutation ScopeRemoveSmiles($ids: [Int!]!) { removeSmiles(ids: $ids) }`), { ids: [] }),
      who: ['masterstreamer', 'smiler'],
    },
    {
      op: 'removeIcons',
      send: (u) =>
        gqlAs(u, graphql(`mutation ScopeRemoveIcons($ids: [Int!]!) { removeIcons(ids: $ids) }`), { ids: [] }),
      who: ['masterstreamer'],
    },
    {
      op: 'revertSmileChanges',
      send: (u) => gqlAs(u, graphql(`mutation ScopeRevertSmileChanges { revertSmileChanges }`)),
      who: ['masterstreamer'],
    },
  ]
  const DECIDE = {
    approveSmileChanges: (u: TestUser | null) =>
      gqlAs(u, graphql(`mutation ScopeApprove($u: Int!) { approveSmileChanges(userId: $u) }`), { u: waiting.id }),
    rejectSmileChanges: (u: TestUser | null) =>
      gqlAs(u, graphql(`mutation ScopeReject($u: Int!) { rejectSmileChanges(userId: $u) }`), { u: waiting.id }),
  }
  it.each(WHO)('%s', async (who) => {
    const u = await caller(who)
    for (const { op, send, who: admits } of OPS) {
      const r = await send(u)
      if (admits.includes(who)) expect(r.errors, op).toBeUndefined()
      else expect(codeOf(r), op).toBe(who === 'guest' ? 'UNAUTHENTICATED' : 'INSUFFICIENT_PERMISSIONS')
    }
    // uploads and the approval mutations, refused before anything happens
    const up = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode()}.png`, bytes: smilePng() }, u?.token)
    if (['masterstreamer', 'smiler'].includes(who)) expect(up.errors).toBeUndefined()
    else expect(codeOf(up)).toBe(who === 'guest' ? 'UNAUTHENTICATED' : 'INSUFFICIENT_PERMISSIONS')
    const icon = await gqlUpload(t.url, ADD_ICON, { name: `${freshCode()}.png`, bytes: iconPng() }, u?.token)
    if (who === 'masterstreamer') expect(icon.errors).toBeUndefined()
    else expect(codeOf(icon)).toBe(who === 'guest' ? 'UNAUTHENTICATED' : 'INSUFFICIENT_PERMISSIONS')
    if (who !== 'smiler') {
      for (const [op, decide] of Object.entries(DECIDE)) {
        expect(codeOf(await decide(u)), op).toBe(who === 'guest' ? 'UNAUTHENTICATED' : 'INSUFFICIENT_PERMISSIONS')
      }
      // still waiting: nothing was decided
      expect(
        (await gqlAs(waiting, graphql(`query MySmileChanges { mySmileChanges { submitted } }`))).data!.mySmileChanges
          .submitted,
      ).toBe(true)
    }
  })

  it('a user who is both smiler and masterstreamer adds smiles straight to the public set', async () => {
    const both = await userWithRoles(t, { smiler: 1, masterstreamer: 1 })
    const r = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('both')}.png`, bytes: smilePng() }, both.token)
    expect(r.data!.addSmile.approved).toBe(true)
    // icons are always a masterstreamer's, through the change set
    const i = await gqlUpload(t.url, ADD_ICON, { name: `${freshCode('both')}.png`, bytes: iconPng() }, both.token)
    expect(i.data!.addIcon.approved).toBe(false)
  })
})
