import { randomBytes } from 'node:crypto'
import { notice, post, type Entry, type World } from '../harness.js'
import { CURRENT } from './peka2-objects.js'

/**
 * peka2-full/thirdparty.md (and the index's GoodGame entry): sign-up and sign-in through an outside OAuth service — here
 * the stub provider on localhost the world starts (test/helpers/thirdparty-provider.ts). A sign-in is started for the
 * guest's peka2 socket (its `sid`), which hears the outcome: thirdpartyRegister for a new provider account, then
 * /api/oauth/thirdparty/register with its token, then thirdpartyLogin when the same account signs in again.
 */

const REDIRECT = 'https://site.example/thirdparty/done'

/** the person at the provider: one per world */
const person = (w: World) =>
  (w.vars.thirdpartyPerson ??= {
    id: `ext-${randomBytes(4).toString('hex')}`,
    login: `tp_${randomBytes(3).toString('hex')}`,
  }) as {
    id: string
    login: string
  }

/** A sign-in at the stub as the world's person, started for the guest's socket: what signInWithThirdParty answers. */
async function signIn(w: World) {
  const sid = (await w.peka2Socket(null)).id
  const start = await w.gql(
    'query($r: String!, $s: String) { thirdPartyAuthorizeUrl(provider: "stub", redirectUri: $r, sid: $s) }',
    { r: REDIRECT, s: sid },
  )
  const state = new URL(start.thirdPartyAuthorizeUrl).searchParams.get('state')
  const code = `code-${randomBytes(6).toString('hex')}`
  w.provider.codes.set(code, person(w))
  const done = await w.gql(
    `mutation($c: String!, $s: String!, $r: String!) {
      signInWithThirdParty(provider: "stub", code: $c, state: $s, redirectUri: $r) { registration { name token } }
    }`,
    { c: code, s: state, r: REDIRECT },
  )
  return done.signInWithThirdParty as { registration: { name: string; token: string } | null }
}

/** A registration of the person (thirdpartyRegister's, or a fresh sign-in's when that entry did not keep one). */
async function registration(w: World) {
  w.vars.thirdpartyRegistration ??= (await signIn(w)).registration
  return w.vars.thirdpartyRegistration as { name: string; token: string }
}

export const thirdparty: Entry[] = [
  {
    key: 'notification thirdpartyRegister',
    run: notice('thirdpartyRegister', null, signIn),
    response: { name: 'string', token: 'string' },
    keep: (body: { name: string; token: string }, w) => {
      w.vars.thirdpartyRegistration = body
    },
  },
  {
    key: 'POST /api/oauth/thirdparty/register',
    run: post('/api/oauth/thirdparty/register', null, registration),
    response: { token: 'string', current: CURRENT },
    keep: (_body, w) => {
      w.vars.thirdpartyRegistered = true
    },
  },
  {
    key: 'notification thirdpartyLogin',
    run: notice('thirdpartyLogin', null, async (w) => {
      if (!w.vars.thirdpartyRegistered) await post('/api/oauth/thirdparty/register', null, registration)(w)
      return signIn(w)
    }),
    response: CURRENT,
  },
  {
    // The index lists it (`A`, "saving GoodGame authorization data") and documents neither request nor answer. Served
    // as linking the signed-in user's account at the provider named goodgame: `{redirectUri, sid?}` answers
    // `{url}`, its authorization URL with the state signInWithThirdParty finishes in the same session (README,
    // "Conformance").
    key: 'POST /api/oauth/thirdparty/goodgame',
    run: post('/api/oauth/thirdparty/goodgame', 'alice', { redirectUri: REDIRECT }),
    response: { url: 'string' },
  },
]
