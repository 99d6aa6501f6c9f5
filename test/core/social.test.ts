import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, gqlRaw, rest } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const MISSING = 987_654
const call = (path: string, body: unknown, u?: TestUser) => rest(t.url, path, body, { token: u?.token })
const ok = async (path: string, body: unknown, u: TestUser) => {
  const r = await call(path, body, u)
  expect(r.status, `${path} ${JSON.stringify(r.body)}`).toBe(200)
  return r.body
}
/** peka2: every error is HTTP 500 with a non-empty {message}. */
async function fails(path: string, body: unknown, u?: TestUser, message?: RegExp) {
  const r = await call(path, body, u)
  expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(500)
  expect(r.body).toEqual({ message: expect.any(String) })
  expect(r.body.message.length).toBeGreaterThan(0)
  if (message) expect(r.body.message).toMatch(message)
}
const userObj = (u: TestUser) => ({ id: u.id, name: u.name, slug: u.name.toLowerCase() })

/** /api/stream's object for a user's stream never set up (no players, offline: the documented defaults). */
const streamObj = (owner: TestUser, subscribers: number) => ({
  id: owner.id,
  owner: userObj(owner),
  category: null,
  name: expect.any(String),
  description: expect.any(String),
  thumbnail: null,
  online: false,
  start_at: 0,
  rating: expect.any(Number),
  restream: false,
  tv: false,
  selected: expect.any(Number),
  active: true,
  streamStartedAt: 0,
  subscribers,
  players: [],
})

describe('peka2 /api/subscribe/*', () => {
  it('add → check → amount → list → subscribers → remove, with the documented shapes', async () => {
    const streamer = await registerUser(t)
    const other = await registerUser(t)
    const fan = await registerUser(t)
    const lurker = await registerUser(t)

    expect(await ok('/api/subscribe/check', { content: 'stream', id: streamer.id }, fan)).toEqual({ result: false })
    expect(await ok('/api/subscribe/add', { content: 'stream', id: streamer.id }, fan)).toEqual([])
    // adding twice is harmless
    expect(await ok('/api/subscribe/add', { content: 'stream', id: streamer.id }, fan)).toEqual([])
    expect(await ok('/api/subscribe/add', { content: 'stream', id: other.id }, fan)).toEqual([])
    expect(await ok('/api/subscribe/add', { content: 'stream', id: streamer.id }, lurker)).toEqual([])

    expect(await ok('/api/subscribe/check', { content: 'stream', id: streamer.id }, fan)).toEqual({ result: true })
    expect(await ok('/api/subscribe/check', { content: 'stream', id: streamer.id }, other)).toEqual({ result: false })
    // the online ones only: none of these streams is live (test/conformance/peka2-fixes.test.ts counts live ones)
    expect(await ok('/api/subscribe/amount', { content: 'stream' }, fan)).toEqual({ amount: 0 })
    expect(await ok('/api/subscribe/amount', { content: 'stream' }, other)).toEqual({ amount: 0 })

    const list = await ok('/api/subscribe/list', { content: 'stream' }, fan)
    expect(list).toHaveLength(2)
    expect(list).toEqual(expect.arrayContaining([streamObj(streamer, 2), streamObj(other, 1)]))
    for (const s of list) expect(Object.keys(s).sort()).toEqual(Object.keys(streamObj(streamer, 0)).sort())
    expect(await ok('/api/subscribe/list', { content: 'stream' }, other)).toEqual([])

    // the streamer's own subscribers, as /api/user objects
    const subs = await ok('/api/subscribe/subscribers', { content: 'stream' }, streamer)
    expect(subs).toHaveLength(2)
    expect(subs).toEqual(expect.arrayContaining([userObj(fan), userObj(lurker)]))
    expect(await ok('/api/subscribe/subscribers', { content: 'stream' }, other)).toEqual([userObj(fan)])
    expect(await ok('/api/subscribe/subscribers', { content: 'stream' }, fan)).toEqual([])

    expect(await ok('/api/subscribe/remove', { content: 'stream', id: streamer.id }, fan)).toEqual([])
    expect(await ok('/api/subscribe/check', { content: 'stream', id: streamer.id }, fan)).toEqual({ result: false })
    expect(await ok('/api/subscribe/amount', { content: 'stream' }, fan)).toEqual({ amount: 0 })
    expect(await ok('/api/subscribe/list', { content: 'stream' }, fan)).toEqual([streamObj(other, 1)])
    expect(await ok('/api/subscribe/subscribers', { content: 'stream' }, streamer)).toEqual([userObj(lurker)])
    // removing what is not followed is harmless
    expect(await ok('/api/subscribe/remove', { content: 'stream', id: streamer.id }, fan)).toEqual([])
  })

  it('the documented errors: wrong content type, missing item, not logged in or bad token → 500 {message}', async () => {
    const streamer = await registerUser(t)
    const fan = await registerUser(t)
    for (const path of ['/api/subscribe/add', '/api/subscribe/check', '/api/subscribe/remove']) {
      await fails(path, { content: 'video', id: streamer.id }, fan)
      await fails(path, { id: streamer.id }, fan)
      await fails(path, { content: 'stream', id: MISSING }, fan)
      await fails(path, { content: 'stream' }, fan)
      await fails(path, { content: 'stream', id: 'abc' }, fan)
      await fails(path, { content: 'stream', id: streamer.id }, undefined, /auth/i)
      await fails(path, { content: 'stream', id: streamer.id }, { ...fan, token: 'bogus-token' }, /auth/i)
    }
    for (const path of ['/api/subscribe/amount', '/api/subscribe/subscribers', '/api/subscribe/list']) {
      await fails(path, { content: 'video' }, fan)
      await fails(path, { content: 'stream' }, undefined, /auth/i)
    }
    // nothing was written by the failures
    expect(await t.app.services.prisma.follow.count({ where: { followerId: fan.id } })).toBe(0)
    expect(await t.app.services.prisma.follow.count({ where: { itemId: MISSING } })).toBe(0)
  })
})

describe('peka2 /api/ignore/*', () => {
  it('add → check → list → remove, per content type', async () => {
    const me = await registerUser(t)
    const troll = await registerUser(t)
    const streamer = await registerUser(t)

    expect(await ok('/api/ignore/check', { content: 'chat', item: troll.id }, me)).toEqual({ ignored: false })
    expect(await ok('/api/ignore/add', { content: 'chat', item: troll.id }, me)).toEqual([])
    expect(await ok('/api/ignore/add', { content: 'chat', item: troll.id }, me)).toEqual([])
    expect(await ok('/api/ignore/add', { content: 'stream', item: streamer.id }, me)).toEqual([])

    expect(await ok('/api/ignore/check', { content: 'chat', item: troll.id }, me)).toEqual({ ignored: true })
    expect(await ok('/api/ignore/check', { content: 'stream', item: troll.id }, me)).toEqual({ ignored: false })
    expect(await ok('/api/ignore/check', { content: 'chat', item: me.id }, troll)).toEqual({ ignored: false })
    expect(await ok('/api/ignore/list', { content: 'chat' }, me)).toEqual([{ content: 'chat', item: troll.id }])
    expect(await ok('/api/ignore/list', { content: 'stream' }, me)).toEqual([{ content: 'stream', item: streamer.id }])
    expect(await ok('/api/ignore/list', { content: 'chat' }, troll)).toEqual([])

    expect(await ok('/api/ignore/remove', { content: 'chat', item: troll.id }, me)).toEqual([])
    expect(await ok('/api/ignore/check', { content: 'chat', item: troll.id }, me)).toEqual({ ignored: false })
    expect(await ok('/api/ignore/list', { content: 'chat' }, me)).toEqual([])
    expect(await ok('/api/ignore/list', { content: 'stream' }, me)).toEqual([{ content: 'stream', item: streamer.id }])
  })

  it('the documented errors: wrong content type, missing item, not logged in → 500 {message}', async () => {
    const me = await registerUser(t)
    const troll = await registerUser(t)
    for (const path of ['/api/ignore/add', '/api/ignore/check', '/api/ignore/remove']) {
      await fails(path, { content: 'room', item: troll.id }, me)
      await fails(path, { item: troll.id }, me)
      await fails(path, { content: 'chat', item: MISSING }, me)
      await fails(path, { content: 'chat' }, me)
      await fails(path, { content: 'chat', item: troll.id }, undefined, /auth/i)
    }
    await fails('/api/ignore/list', { content: 'room' }, me)
    await fails('/api/ignore/list', {}, me)
    await fails('/api/ignore/list', { content: 'chat' }, undefined, /auth/i)
    // one cannot ignore oneself in chat
    await fails('/api/ignore/add', { content: 'chat', item: me.id }, me)
    expect(await ok('/api/ignore/list', { content: 'chat' }, me)).toEqual([])
  })
})

describe('GraphQL equivalents', () => {
  const FOLLOW = graphql(`mutation Follow($id: Int!) { follow(content: STREAM, id: $id) }`)
  const UNFOLLOW = graphql(`mutation Unfollow($id: Int!) { unfollow(content: STREAM, id: $id) }`)
  const IS_FOLLOWING = graphql(`query IsFollowing($id: Int!) { isFollowing(content: STREAM, id: $id) }`)
  const FOLLOWED = graphql(
    `query FollowedStreams { followedStreams(content: STREAM) { databaseId title subscribers owner { databaseId name } } followedCount(content: STREAM) }`,
  )
  const FOLLOWERS = graphql(`query Followers { followers(content: STREAM) { databaseId name } }`)
  const IGNORE = graphql(`mutation IgnoreSocial($item: Int!) { ignore(content: CHAT, item: $item) }`)
  const UNIGNORE = graphql(`mutation UnignoreSocial($item: Int!) { unignore(content: CHAT, item: $item) }`)
  const IGNORES = graphql(
    `query IgnoreLists { chat: ignoreList(content: CHAT) { content item } stream: ignoreList(content: STREAM) { content item } }`,
  )
  const IS_IGNORED = graphql(`query IsIgnored($item: Int!) { isIgnored(content: CHAT, item: $item) }`)

  it('follow / isFollowing / followedStreams / followers / unfollow', async () => {
    const streamer = await registerUser(t)
    const fan = await registerUser(t)
    expect((await gql(t.url, FOLLOW, { id: streamer.id }, fan.token)).data).toEqual({ follow: true })
    expect((await gql(t.url, IS_FOLLOWING, { id: streamer.id }, fan.token)).data).toEqual({ isFollowing: true })
    expect((await gql(t.url, IS_FOLLOWING, { id: fan.id }, streamer.token)).data).toEqual({ isFollowing: false })
    expect((await gql(t.url, FOLLOWED, {}, fan.token)).data).toEqual({
      followedStreams: [
        {
          databaseId: streamer.id,
          title: streamer.name,
          subscribers: 1,
          owner: { databaseId: streamer.id, name: streamer.name },
        },
      ],
      followedCount: 1,
    })
    expect((await gql(t.url, FOLLOWERS, {}, streamer.token)).data).toEqual({
      followers: [{ databaseId: fan.id, name: fan.name }],
    })
    expect((await gql(t.url, FOLLOWERS, {}, fan.token)).data).toEqual({ followers: [] })
    expect((await gql(t.url, UNFOLLOW, { id: streamer.id }, fan.token)).data).toEqual({ unfollow: true })
    expect((await gql(t.url, IS_FOLLOWING, { id: streamer.id }, fan.token)).data).toEqual({ isFollowing: false })
    expect((await gql(t.url, FOLLOWED, {}, fan.token)).data).toEqual({ followedStreams: [], followedCount: 0 })
    expect((await gql(t.url, FOLLOWERS, {}, streamer.token)).data).toEqual({ followers: [] })
  })

  it('ignore / isIgnored / ignoreList / unignore', async () => {
    const me = await registerUser(t)
    const troll = await registerUser(t)
    expect((await gql(t.url, IGNORE, { item: troll.id }, me.token)).data).toEqual({ ignore: true })
    expect((await gql(t.url, IS_IGNORED, { item: troll.id }, me.token)).data).toEqual({ isIgnored: true })
    expect((await gql(t.url, IGNORES, {}, me.token)).data).toEqual({
      chat: [{ content: 'CHAT', item: troll.id }],
      stream: [],
    })
    expect((await gql(t.url, UNIGNORE, { item: troll.id }, me.token)).data).toEqual({ unignore: true })
    expect((await gql(t.url, IS_IGNORED, { item: troll.id }, me.token)).data).toEqual({ isIgnored: false })
    expect((await gql(t.url, IGNORES, {}, me.token)).data).toEqual({ chat: [], stream: [] })
  })

  it('errors: guests → UNAUTHENTICATED, missing items → NOT_FOUND, self-ignore → INVALID_INPUT, bad enum refused', async () => {
    const me = await registerUser(t)
    const asGuest = {
      follow: () => gql(t.url, FOLLOW, { id: me.id }),
      isFollowing: () => gql(t.url, IS_FOLLOWING, { id: me.id }),
      followedStreams: () => gql(t.url, FOLLOWED),
      followers: () => gql(t.url, FOLLOWERS),
      ignore: () => gql(t.url, IGNORE, { item: me.id }),
      ignoreList: () => gql(t.url, IGNORES),
    }
    for (const [name, send] of Object.entries(asGuest)) expect(codeOf(await send()), name).toBe('UNAUTHENTICATED')
    expect(codeOf(await gql(t.url, FOLLOW, { id: MISSING }, me.token))).toBe('NOT_FOUND')
    expect(codeOf(await gql(t.url, IGNORE, { item: MISSING }, me.token))).toBe('NOT_FOUND')
    const self = await gql(t.url, IGNORE, { item: me.id }, me.token)
    expect(codeOf(self)).toBe('INVALID_INPUT')
    expect(self.errors?.[0].extensions?.field).toBe('item')
    const badEnum = await gqlRaw(
      t.url,
      'mutation($id: Int!) { follow(content: VIDEO, id: $id) }',
      { id: me.id },
      me.token,
    )
    expect(badEnum.errors?.[0].message).toMatch(/VIDEO/)
    expect(await t.app.services.prisma.follow.count({ where: { followerId: me.id } })).toBe(0)
  })
})
