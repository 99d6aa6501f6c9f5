import { defineRoutes, type JsonBody, type Lookup } from '../../../src/rest/route.js'

/**
 * messenger-api.md "Система друзей": friends by username. The friend mutations take user ids: a lookup of the
 * named user runs first (USER_NOT_FOUND for a name nobody has).
 */
const byName = (field: string): Lookup => ({
  operation: 'query($name: String!) { user(name: $name) { databaseId } }',
  variables: (b: JsonBody) => ({ name: b[field] }),
  fields: { name: field },
  result: (d: { user: { databaseId: number } }) => ({ userId: d.user.databaseId }),
})

interface Named {
  name: string
}
interface Pending {
  user: Named | null
}
const names = (list: Pending[]) => list.flatMap((r) => (r.user ? [r.user.name] : []))

export const messengerDmRoutes = defineRoutes([
  {
    dialect: 'messenger',
    path: '/api/friends/request',
    access: 'A',
    lookup: byName('to'),
    operation: 'mutation($userId: Int!) { sendFriendRequest(userId: $userId) }',
    variables: (b) => ({ userId: b.userId }),
    result: (d: { sendFriendRequest: 'ACCEPTED' | 'REQUESTED' }) => ({
      // a request to someone who had asked the viewer makes them friends at once
      message: d.sendFriendRequest === 'ACCEPTED' ? 'Friend request accepted' : 'Friend request sent',
    }),
  },
  {
    dialect: 'messenger',
    path: '/api/friends/accept',
    access: 'A',
    lookup: byName('from'),
    operation: 'mutation($userId: Int!) { acceptFriendRequest(userId: $userId) }',
    variables: (b) => ({ userId: b.userId }),
    result: () => ({ message: 'Friend request accepted' }),
  },
  {
    dialect: 'messenger',
    path: '/api/friends/decline',
    access: 'A',
    lookup: byName('from'),
    operation: 'mutation($userId: Int!) { declineFriendRequest(userId: $userId) }',
    variables: (b) => ({ userId: b.userId }),
    result: () => ({ message: 'Friend request declined' }),
  },
  {
    dialect: 'messenger',
    path: '/api/friends/remove',
    access: 'A',
    lookup: byName('username'),
    operation: 'mutation($userId: Int!) { removeFriend(userId: $userId) }',
    variables: (b) => ({ userId: b.userId }),
    result: () => ({ message: 'Friend removed' }),
  },
  {
    dialect: 'messenger',
    method: 'GET',
    path: '/api/friends/status',
    access: 'A',
    operation: `query {
      friends { friends { name } incoming { user { name } } outgoing { user { name } } }
    }`,
    result: (d: { friends: { friends: Named[]; incoming: Pending[]; outgoing: Pending[] } }) => ({
      friends: d.friends.friends.map((u) => u.name),
      pending_in: names(d.friends.incoming),
      pending_out: names(d.friends.outgoing),
    }),
  },
])
