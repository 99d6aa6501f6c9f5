import { cannot, post, type Entry } from '../harness.js'
import { CURRENT } from './peka2-objects.js'

/**
 * peka2-full/thirdparty.md (and the index's GoodGame entry): sign-up and sign-in through Twitch, GoodGame, VK, Google.
 * Every one of them needs the outside service's authorization, which this suite cannot produce: the registration is
 * sent with a token no service issued (so only whether the server knows the endpoint shows), the notifications are not
 * triggered at all.
 */

const OUTSIDE = 'untestable here: needs an outside OAuth service (Twitch, GoodGame, VK, Google) to authorize a user'

export const thirdparty: Entry[] = [
  {
    key: 'POST /api/oauth/thirdparty/register',
    run: post('/api/oauth/thirdparty/register', null, {
      name: 'conformance_newcomer',
      token: 'not-issued-by-a-service',
    }),
    response: { token: 'string', current: CURRENT },
    knownGaps: `${OUTSIDE} (the registration token comes from its thirdpartyRegister notification)`,
  },
  {
    // the index lists it; thirdparty.md documents neither its request nor its answer
    key: 'POST /api/oauth/thirdparty/goodgame',
    run: post('/api/oauth/thirdparty/goodgame', 'alice', {}),
    response: 'any',
    knownGaps: `${OUTSIDE}; and the index documents no request or answer`,
  },
  {
    key: 'notification thirdpartyLogin',
    run: cannot('needs a sign-in through an outside OAuth service'),
    response: CURRENT,
    knownGaps: OUTSIDE,
  },
  {
    key: 'notification thirdpartyRegister',
    run: cannot('needs a sign-in through an outside OAuth service'),
    response: { name: 'string', token: 'string' },
    knownGaps: OUTSIDE,
  },
]
