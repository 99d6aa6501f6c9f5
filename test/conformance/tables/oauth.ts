import { post, type Entry, type World } from '../harness.js'
import { EMPTY_LIST, nonEmpty } from '../shape.js'
import { CURRENT, OAUTH_APP } from './peka2-objects.js'

/**
 * peka2-full/oauth.md: alice's application, a code it requests, bob granting it, the token exchanged for it, and the
 * list and withdrawal of access (both "Пока не реализовано" in peka2 itself, documented all the same).
 */

const code = (w: World): string => w.vars.oauthCode

export const oauth: Entry[] = [
  {
    key: 'POST /api/oauth/app/set',
    run: post('/api/oauth/app/set', 'alice', { name: 'Conformance app', description: 'Reads the chat for a bot' }),
    response: {},
  },
  {
    key: 'POST /api/oauth/app',
    run: post('/api/oauth/app', 'alice', {}),
    response: OAUTH_APP,
    keep: (b, w) => {
      w.vars.oauthKey = b.key
    },
  },
  {
    key: 'POST /api/oauth/request',
    run: post('/api/oauth/request', null, (w) => ({ key: w.vars.oauthKey })),
    response: { code: 'string' },
    keep: (b, w) => {
      w.vars.oauthCode = b.code
    },
  },
  {
    key: 'POST /api/oauth/check',
    run: post('/api/oauth/check', null, (w) => ({ code: code(w) })),
    response: { id: 'number', app: OAUTH_APP },
    keep: (b, w) => {
      w.vars.oauthCodeId = b.id
    },
  },
  {
    key: 'POST /api/oauth/grant',
    run: post('/api/oauth/grant', 'bob', (w) => ({ code: code(w) })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/oauth/exchange',
    run: post('/api/oauth/exchange', null, (w) => ({ code: code(w) })),
    response: { token: 'string', user: CURRENT },
    knownGaps: 'refuses the code alone: wants client_secret (or a PKCE verifier) too; spec: { code }',
  },
  {
    key: 'POST /api/oauth/list',
    run: post('/api/oauth/list', 'bob', {}),
    response: nonEmpty(OAUTH_APP),
    // the application's object has no id of its own: reject names it by one the list may add
    keep: (b, w) => {
      w.vars.oauthAppId = b[0]?.id
    },
  },
  {
    key: 'POST /api/oauth/reject',
    run: post('/api/oauth/reject', 'bob', (w) => ({ id: w.vars.oauthAppId ?? w.vars.oauthCodeId })),
    response: {},
  },
]
