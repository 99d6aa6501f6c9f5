import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import smilesPlugin from '../../plugins/smiles/index.js'
import { ERRORS } from '../../src/errors.js'
import type { RestRoute } from '../../src/rest/route.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
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

const routes = smilesPlugin.rest ?? []
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
afterAll(() => t?.close())

async function caller(who: Who): Promise<TestUser | null> {
  if (who === 'guest') return null
  if (who === 'user') return plainUser
  if (who === 'smiler') return helperSmiler
  return userWithRoles(t, { [who]: 1 })
}

const gqlAs = (u: TestUser | null | undefined, q: string, v?: Record<string, unknown>) => gql(t.url, q, v, u?.token)

/** An own unapproved smile (masterstreamer) or a public one (smiler): something the caller may update or remove. */
async function ownSmile(u: TestUser | null, who: Who, icon = false): Promise<number> {
  const as = who === 'smiler' || who === 'masterstreamer' ? u : await userWithRoles(t, { masterstreamer: 1 })
  const r = await gqlUpload(
    t.url,
    icon ? ADD_ICON : ADD_SMILE,
    { name: `${freshCode('m')}.png`, bytes: icon ? iconPng() : smilePng() },
    as!.token,
  )
  return (r.data.addSmile ?? r.data.addIcon).databaseId
}

/** A masterstreamer whose change set waits for approval. */
async function submittedMasterstreamer() {
  const m = await userWithRoles(t, { masterstreamer: 1 })
  await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('q')}.png`, bytes: smilePng() }, m.token)
  expect((await gqlAs(m, 'mutation { submitSmileChanges }')).data.submitSmileChanges).toBe(true)
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
      await gqlAs(m, 'mutation { submitSmileChanges }')
      await gqlAs(helperSmiler, 'mutation($u: Int!) { approveSmileChanges(userId: $u) }', { u: m.id })
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
    expect((await gqlAs(waiting, 'query { mySmileChanges { submitted } }')).data.mySmileChanges.submitted).toBe(true)
  })
})

describe('GraphQL applies the same scopes', () => {
  const OPS: { op: string; vars?: Record<string, unknown>; who: Who[] }[] = [
    { op: 'query { smiles { databaseId } }', who: WHO },
    { op: 'query { smileApprovalQueue { submitted } }', who: ['smiler'] },
    { op: 'query { mySmileChanges { submitted } }', who: ['masterstreamer'] },
    {
      op: 'mutation($s: [SmileUpdateInput!]!) { updateSmiles(smiles: $s) }',
      vars: { s: [] },
      who: ['masterstreamer', 'smiler'],
    },
    { op: 'mutation($ids: [Int!]!) { removeSmiles(ids: $ids) }', vars: { ids: [] }, who: ['masterstreamer', 'smiler'] },
    { op: 'mutation($ids: [Int!]!) { removeIcons(ids: $ids) }', vars: { ids: [] }, who: ['masterstreamer'] },
    { op: 'mutation { revertSmileChanges }', who: ['masterstreamer'] },
  ]
  it.each(WHO)('%s', async (who) => {
    const u = await caller(who)
    for (const { op, vars, who: admits } of OPS) {
      const r = await gqlAs(u, op, vars)
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
      for (const op of ['approveSmileChanges', 'rejectSmileChanges']) {
        expect(codeOf(await gqlAs(u, `mutation($u: Int!) { ${op}(userId: $u) }`, { u: waiting.id }))).toBe(
          who === 'guest' ? 'UNAUTHENTICATED' : 'INSUFFICIENT_PERMISSIONS',
        )
      }
      // still waiting: nothing was decided
      expect((await gqlAs(waiting, 'query { mySmileChanges { submitted } }')).data.mySmileChanges.submitted).toBe(true)
    }
  })

  it('a user who is both smiler and masterstreamer adds smiles straight to the public set', async () => {
    const both = await userWithRoles(t, { smiler: 1, masterstreamer: 1 })
    const r = await gqlUpload(t.url, ADD_SMILE, { name: `${freshCode('both')}.png`, bytes: smilePng() }, both.token)
    expect(r.data.addSmile.approved).toBe(true)
    // icons are always a masterstreamer's, through the change set
    const i = await gqlUpload(t.url, ADD_ICON, { name: `${freshCode('both')}.png`, bytes: iconPng() }, both.token)
    expect(i.data.addIcon.approved).toBe(false)
  })
})
