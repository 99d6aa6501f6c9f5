import { expect } from 'vitest'
import type { TestApp } from '../helpers/app.js'
import { codeOf, gql, type GqlResult } from '../helpers/clients.js'
import type { TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

/** The friends API as the tests call it: over HTTP, each call as one user. */

const SEND = graphql(`mutation FriendsSend($u: Int!) { sendFriendRequest(userId: $u) }`)
const ACCEPT = graphql(`mutation FriendsAccept($u: Int!) { acceptFriendRequest(userId: $u) }`)
const DECLINE = graphql(`mutation FriendsDecline($u: Int!) { declineFriendRequest(userId: $u) }`)
const CANCEL = graphql(`mutation FriendsCancel($u: Int!) { cancelFriendRequest(userId: $u) }`)
const REMOVE = graphql(`mutation FriendsRemove($u: Int!) { removeFriend(userId: $u) }`)
const STATUS = graphql(`
  query FriendsStatus {
    friends {
      friends { databaseId name }
      incoming { userId createdAt user { databaseId name } }
      outgoing { userId createdAt user { databaseId name } }
    }
  }
`)

export const friendsApi = (t: TestApp) => ({
  send: (from: TestUser, to: number) => gql(t.url, SEND, { u: to }, from.token),
  accept: (u: TestUser, from: number) => gql(t.url, ACCEPT, { u: from }, u.token),
  decline: (u: TestUser, from: number) => gql(t.url, DECLINE, { u: from }, u.token),
  cancel: (u: TestUser, to: number) => gql(t.url, CANCEL, { u: to }, u.token),
  remove: (u: TestUser, friend: number) => gql(t.url, REMOVE, { u: friend }, u.token),
  /** the viewer's friends and pending requests, as ids (newest first) */
  async status(u: TestUser) {
    const r = await gql(t.url, STATUS, {}, u.token)
    expect(r.errors).toBeUndefined()
    const s = r.data!.friends
    return {
      friends: s.friends.map((f) => f.databaseId),
      incoming: s.incoming.map((x) => x.userId),
      outgoing: s.outgoing.map((x) => x.userId),
      raw: s,
    }
  },
})

/** The call succeeded: its data. */
export function okData<T>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data!
}

/** The call was refused with `code`: the error's extensions. */
export function refusedWith(r: GqlResult, code: string) {
  expect(codeOf(r), JSON.stringify(r.errors)).toBe(code)
  return r.errors![0]
}
