// dms: friends — friendEvents: each change made through the API, received whole and alone by both users, each
// naming the other one.
import type { TestApp } from '../../helpers/app.js'
import { registerUser, type TestUser } from '../../helpers/users.js'
import { isoSince, ok, open, userRef, type Received, type Stream } from '../support.js'

type Recipe = (t: TestApp) => Promise<Received>
interface Pair {
  a: TestUser
  b: TestUser
}

const REQUEST = 'mutation($u: Int!) { sendFriendRequest(userId: $u) }'
const ACCEPT = 'mutation($u: Int!) { acceptFriendRequest(userId: $u) }'

async function only(s: Stream, expected: unknown) {
  const got = await s.expectNext(expected)
  await s.expectQuiet(100)
  await s.close()
  return got
}

/** a asks b (`before`), then both follow friendEvents while `act` runs; each must get `change` naming the other. */
async function change(
  t: TestApp,
  name: string,
  before: (p: Pair) => Promise<unknown>,
  act: (p: Pair) => Promise<unknown>,
): Promise<Received> {
  const p = { a: await registerUser(t), b: await registerUser(t) }
  await before(p)
  const [sa, sb] = [await open(t, p.a, 'friendEvents'), await open(t, p.b, 'friendEvents')]
  const since = Date.now()
  await act(p)
  const event = (other: TestUser) => ({ change: name, userId: other.id, user: userRef(other), time: isoSince(since) })
  return [...(await only(sa, event(p.b))), ...(await only(sb, event(p.a)))]
}

const nothing = async () => {}
const ask = (t: TestApp) => (p: Pair) => ok(t, p.a, REQUEST, { u: p.b.id })
const befriend = (t: TestApp) => async (p: Pair) => {
  await ok(t, p.a, REQUEST, { u: p.b.id })
  await ok(t, p.b, ACCEPT, { u: p.a.id })
}

export const FRIEND_EVENTS_RECIPES: Partial<Record<string, Recipe>> = {
  REQUESTED: (t) => change(t, 'REQUESTED', nothing, ask(t)),
  ACCEPTED: (t) => change(t, 'ACCEPTED', ask(t), (p) => ok(t, p.b, ACCEPT, { u: p.a.id })),
  DECLINED: (t) =>
    change(t, 'DECLINED', ask(t), (p) =>
      ok(t, p.b, 'mutation($u: Int!) { declineFriendRequest(userId: $u) }', { u: p.a.id }),
    ),
  CANCELLED: (t) =>
    change(t, 'CANCELLED', ask(t), (p) =>
      ok(t, p.a, 'mutation($u: Int!) { cancelFriendRequest(userId: $u) }', { u: p.b.id }),
    ),
  REMOVED: (t) =>
    change(t, 'REMOVED', befriend(t), (p) =>
      ok(t, p.b, 'mutation($u: Int!) { removeFriend(userId: $u) }', { u: p.a.id }),
    ),
}
