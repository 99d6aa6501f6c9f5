import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import moderation from '../../plugins/moderation/index.js'
import type { RestRoute } from '../../src/rest/route.js'
import { ERRORS } from '../../src/errors.js'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { check, REASON, say } from './support.js'

/**
 * Every moderation REST route × guest / user / moderator / support / blocker. A route added without a row in ALLOWED
 * and BODIES fails this file. Threshold 2: any citizen's vote bans, so a fresh ban costs one request.
 */
let t: TestApp
const as: Record<string, TestUser | undefined> = {}
beforeAll(async () => {
  t = await startTestApp({ BAN_VOTE_THRESHOLD: '2' })
  as.user = await registerUser(t)
  as.moderator = await userWithRoles(t, { moderator: 1 })
  as.support = await userWithRoles(t, { support: 1 })
  as.blocker = await userWithRoles(t, { blocker: 1 })
})
afterAll(() => closeAll(t))

type Role = 'guest' | 'user' | 'moderator' | 'support' | 'blocker'
const ROLES: Role[] = ['guest', 'user', 'moderator', 'support', 'blocker']
const SIGNED_IN: Role[] = ['user', 'moderator', 'support', 'blocker']

/** Who gets a 200, as the documents say (P: everyone, A: signed in, M/S/B: that role; support/ban: "A" plus the support role). */
const ALLOWED: Record<string, Role[]> = {
  '/api/moderation/accuse': SIGNED_IN,
  '/api/moderation/block': ['blocker'],
  '/api/moderation/check': ROLES,
  '/api/moderation/list': SIGNED_IN,
  '/api/moderation/reasons': ROLES,
  '/api/moderation/undo': ['moderator'],
  '/api/support/ask': SIGNED_IN,
  '/api/support/ban': ['support'],
  '/api/support/channels': SIGNED_IN,
  '/api/support/list': ['support'],
  '/complaints/new': SIGNED_IN,
}

/** A fresh, valid request body per route, so that an allowed caller gets a 200. */
const BODIES: Record<string, () => Promise<Record<string, unknown>>> = {
  '/api/moderation/accuse': async () => ({ userId: (await registerUser(t)).id, reasonId: REASON.flood }),
  '/api/moderation/block': async () => ({ userId: (await registerUser(t)).id, state: true }),
  '/api/moderation/check': () => Promise.resolve({ userId: as.user!.id }),
  '/api/moderation/list': () => Promise.resolve({}),
  '/api/moderation/reasons': () => Promise.resolve({ content: 'chat' }),
  '/api/moderation/undo': async () => {
    const [voter, target] = [await registerUser(t), await registerUser(t)]
    expect(
      (
        await rest(
          t.url,
          '/api/moderation/accuse',
          { userId: target.id, reasonId: REASON.spam },
          { token: voter.token },
        )
      ).status,
    ).toBe(200)
    return { ban: (await check(t, target.id)).id }
  },
  '/api/support/ask': () => Promise.resolve({ category: 4, question: 'a question' }),
  '/api/support/ban': async () => ({
    questionId: (
      await rest(t.url, '/api/support/ask', { category: 1, question: 'q' }, { token: (await registerUser(t)).token })
    ).body.id,
  }),
  '/api/support/channels': () => Promise.resolve({}),
  '/api/support/list': () => Promise.resolve({}),
  '/complaints/new': async () => ({
    message: String(await say(t, (await registerUser(t)).token, 'main', 'reported')),
    text: 'why',
  }),
}

async function call(route: RestRoute, role: Role) {
  const body = await BODIES[route.path]()
  const token = as[role]?.token
  if (route.dialect === 'justchat') return rest(t.url, route.path, token ? { ...body, session_key: token } : body)
  return rest(t.url, route.path, body, { token })
}

const routes = moderation.rest

describe('authorization matrix', () => {
  it('covers every route of the plugin', () => {
    expect(routes.map((r) => r.path).sort()).toEqual(Object.keys(ALLOWED).sort())
    expect(Object.keys(BODIES).sort()).toEqual(Object.keys(ALLOWED).sort())
  })

  for (const route of routes) {
    it(`${route.path} (${route.access})`, async () => {
      for (const role of ROLES) {
        const r = await call(route, role)
        const label = `${route.path} as ${role}: ${JSON.stringify(r.body)}`
        if (ALLOWED[route.path].includes(role)) expect(r.status, label).toBe(200)
        else if (role === 'guest') {
          if (route.dialect === 'justchat')
            expect(r, label).toMatchObject({ status: 440, body: { error: ERRORS.UNAUTHENTICATED.message } })
          else expect(r, label).toMatchObject({ status: 500, body: { message: ERRORS.UNAUTHENTICATED.message } })
        } else
          expect(r, label).toMatchObject({ status: 500, body: { message: ERRORS.INSUFFICIENT_PERMISSIONS.message } })
      }
    })
  }
})
