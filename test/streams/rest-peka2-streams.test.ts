/**
 * peka2's stream endpoints as a legacy client calls them (common.md: /api/category, /api/stream, /api/content,
 * /api/content/top; player.md: /api/player/live), on data set up through the GraphQL faces behind them.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { PLAYER_STATUS, SAVE_CATEGORY, SAVE_STREAM } from './documents.js'
import type { LiveStreamInput } from '../generated/graphql.js'

const ROOT = graphql(`
  query StreamsRoot { contentCategory(content: STREAM, slug: "top") { databaseId } }
`)
const LIST = graphql(`
  query StreamsList($slug: String!, $first: Int, $after: String) {
    liveStreams(category: { slug: $slug }, first: $first, after: $after) {
      edges { cursor node { databaseId rating } }
      pageInfo { hasNextPage endCursor }
    }
  }
`)

const NODES = graphql(`
  query StreamsNodes($ids: [ID!]!) { nodes(ids: $ids) { ... on LiveStream { databaseId active } } }
`)
const globalId = (id: number) => Buffer.from(`LiveStream:${id}`).toString('base64')

const hex = () => randomBytes(3).toString('hex')
let t: TestApp
let admin: TestUser
let streamer: TestUser
let second: TestUser
let hidden: TestUser
let fan: TestUser
let games: { id: number; slug: string }
let strategy: { id: number; slug: string }
let talk: { id: number; slug: string }
const channel = `ch_${hex()}`

const call = (path: string, body: unknown, token?: string) => rest(t.url, path, body, { token })
const userObject = (u: TestUser) => ({ id: u.id, name: u.name, slug: expect.any(String) })

beforeAll(async () => {
  t = await startTestApp()
  admin = await userWithRoles(t, { streamAdmin: 1 })
  ;[streamer, second, hidden, fan] = await Promise.all([1, 2, 3, 4].map(() => registerUser(t)))
  const root = (await gql(t.url, ROOT)).data!.contentCategory.databaseId
  const cat = async (slug: string, parentId: number) => {
    const r = await gql(t.url, SAVE_CATEGORY, { input: { slug, name: slug.toUpperCase(), parentId } }, admin.token)
    const c = r.data!.saveContentCategory
    return { id: c.databaseId, slug: c.slug }
  }
  games = await cat(`games-${hex()}`, root)
  strategy = await cat(`strategy-${hex()}`, games.id)
  talk = await cat(`talk-${hex()}`, root)
  const save = (u: TestUser, input: LiveStreamInput) => gql(t.url, SAVE_STREAM, { input }, u.token)
  const s1 = await save(streamer, {
    title: 'Ladder games',
    description: 'Every evening',
    categoryId: strategy.id,
    players: [
      { provider: 'PEKA2', channel },
      { provider: 'TWITCH', channel: `tw_${hex()}`, active: false },
    ],
  })
  expect(s1.errors).toBeUndefined()
  await save(second, {
    title: 'Talk show',
    categoryId: talk.id,
    players: [{ provider: 'YOUTUBE', channel: `yt${hex()}` }],
  })
  await save(hidden, { title: 'Hidden', restream: true, players: [{ provider: 'GOODGAME', channel: `gg_${hex()}` }] })
  const second_channel = s1.data!.saveLiveStream.players[1].channel
  for (const [provider, ch, viewers] of [
    ['PEKA2', channel, 120],
    ['TWITCH', second_channel, 999],
  ] as const)
    await gql(t.url, PLAYER_STATUS, { provider, channel: ch, online: true, viewers }, admin.token)
  const players = await t.app.services.prisma.streamPlayer.findMany({
    where: { streamId: { in: [second.id, hidden.id] } },
  })
  for (const p of players)
    await gql(
      t.url,
      PLAYER_STATUS,
      {
        provider: p.provider === 'youtube.com' ? 'YOUTUBE' : 'GOODGAME',
        channel: p.channel,
        online: true,
        viewers: 40,
      },
      admin.token,
    )
})
afterAll(() => closeAll(t))

describe('/api/category (P)', () => {
  it('the root by slug top with both options; a category by id without options has nulls', async () => {
    const r = await call('/api/category', {
      content: 'stream',
      slug: 'top',
      options: { subCategories: true, contentAmount: true },
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ id: expect.any(Number), slug: 'top', name: expect.any(String) })
    expect(Object.keys(r.body).sort()).toEqual(['contentAmount', 'id', 'name', 'slug', 'subCategories'])
    expect(r.body.contentAmount).toBeGreaterThanOrEqual(2)
    const mine = r.body.subCategories.filter((c: { id: number }) => c.id === games.id || c.id === talk.id)
    // the heavier first: games (120, its subcategory's stream) before talk (40)
    expect(mine).toEqual([
      { id: games.id, slug: games.slug, name: games.slug.toUpperCase(), contentAmount: 1 },
      { id: talk.id, slug: talk.slug, name: talk.slug.toUpperCase(), contentAmount: 1 },
    ])
    const plain = await call('/api/category', { content: 'stream', id: games.id })
    expect(plain.body).toEqual({
      id: games.id,
      slug: games.slug,
      name: games.slug.toUpperCase(),
      subCategories: null,
      contentAmount: null,
    })
    const subs = await call('/api/category', { content: 'stream', slug: games.slug, options: { subCategories: true } })
    expect(subs.body.subCategories).toEqual([
      { id: strategy.id, slug: strategy.slug, name: strategy.slug.toUpperCase() },
    ])
    expect(subs.body.contentAmount).toBeNull()
  })

  it('support categories come from moderation: the root top lists those /api/support/ask takes', async () => {
    const r = await call('/api/category', { content: 'support', slug: 'top', options: { subCategories: true } })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ id: 0, slug: 'top', contentAmount: null })
    expect(r.body.subCategories).toContainEqual({ id: 1, slug: 'tech', name: 'Технические вопросы' })
    const one = await call('/api/category', { content: 'support', id: 1 })
    expect(one.body).toEqual({
      id: 1,
      slug: 'tech',
      name: 'Технические вопросы',
      subCategories: null,
      contentAmount: null,
    })
    const user = await registerUser(t)
    const asked = await call('/api/support/ask', { category: one.body.id, question: 'How do I stream?' }, user.token)
    expect(asked.status).toBe(200)
  })

  it('errors are 500 {message} naming the field: unknown id or slug, neither, a bad content or option', async () => {
    for (const [body, field] of [
      [{ content: 'stream', id: 2_000_000_000 }, /^id:/],
      [{ content: 'stream', slug: 'nope-nope' }, /^slug:/],
      [{ content: 'support', slug: 'nope' }, /^slug:/],
      [{ content: 'stream' }, /id/],
      [{ content: 'video', slug: 'top' }, /^content:/],
      [{ slug: 'top' }, /content/],
      [{ content: 'stream', slug: 'top', options: { subCategories: 'yes' } }, /options\.subCategories/],
      [{ content: 'stream', id: 'one' }, /^id:/],
    ] as const) {
      const r = await call('/api/category', body)
      expect(r.status, JSON.stringify(body)).toBe(500)
      expect(r.body.message, JSON.stringify(body)).toMatch(field)
    }
  })
})

describe('/api/stream (P)', () => {
  it('the documented stream object with its players; category is documented as always null', async () => {
    const slug = (await call('/api/user', { id: streamer.id })).body.slug
    const r = await call('/api/stream', { slug })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      id: streamer.id,
      owner: userObject(streamer),
      category: null,
      name: 'Ladder games',
      description: 'Every evening',
      thumbnail: null,
      online: true,
      start_at: 0,
      rating: 120,
      restream: false,
      tv: false,
      selected: 0,
      active: true,
      streamStartedAt: expect.any(Number),
      subscribers: 0,
      players: [
        { provider: 'peka2.tv', channel, active: true, online: true, preview: '', url: `https://peka2.tv/${channel}` },
        {
          provider: 'twitch.tv',
          channel: expect.stringMatching(/^tw_/),
          active: false,
          online: true,
          preview: expect.stringMatching(/^https:\/\//),
          url: expect.stringMatching(/^https:\/\/www\.twitch\.tv\/tw_/),
        },
      ],
    })
    // an inactive player's viewers do not count
    expect(Math.abs(r.body.streamStartedAt - Date.now() / 1000)).toBeLessThan(600)
  })

  it('a user who never set a stream up has one with the defaults; an unknown slug is an error', async () => {
    const u = await registerUser(t)
    const slug = (await call('/api/user', { id: u.id })).body.slug
    const r = await call('/api/stream', { slug })
    expect(r.body).toMatchObject({ id: u.id, name: u.name, online: false, players: [], rating: 0, streamStartedAt: 0 })
    for (const body of [{ slug: `missing-${hex()}` }, {}, { slug: 5 }]) {
      const bad = await call('/api/stream', body)
      expect(bad.status, JSON.stringify(body)).toBe(500)
      expect(bad.body.message).toMatch(/slug/)
    }
  })

  it('an inactive stream is seen by stream admins and its owner only', async () => {
    const owner = await registerUser(t)
    await gql(t.url, SAVE_STREAM, { input: { userId: owner.id, active: false } }, admin.token)
    const slug = (await call('/api/user', { id: owner.id })).body.slug
    expect((await call('/api/stream', { slug })).status).toBe(500)
    expect((await call('/api/stream', { slug }, fan.token)).status).toBe(500)
    expect((await call('/api/stream', { slug }, owner.token)).body).toMatchObject({ id: owner.id, active: false })
    expect((await call('/api/stream', { slug }, admin.token)).body).toMatchObject({ active: false })
    // node lookups answer in the order asked, null for the hidden one
    const nodes = await gql(t.url, NODES, { ids: [globalId(owner.id), globalId(streamer.id)] }, fan.token)
    expect(nodes.data!.nodes).toEqual([null, { databaseId: streamer.id, active: true }])
  })
})

describe('/api/content and /api/content/top (P, A for my)', () => {
  const item = (u: TestUser, rating: number, category: { id: number; slug: string }) => ({
    id: u.id,
    owner: userObject(u),
    category: {
      id: category.id,
      slug: category.slug,
      name: category.slug.toUpperCase(),
      subCategories: null,
      contentAmount: null,
    },
    name: expect.any(String),
    rating,
    thumbnail: expect.any(String),
    start_at: 0,
    online: true,
    tv: false,
    selected: 0,
  })

  it('all: the category with parent and weighted subcategories, and its online streams by rating; hidden left out', async () => {
    const r = await call('/api/content', { content: 'stream', type: 'all', category: { slug: 'top' } })
    expect(r.status).toBe(200)
    expect(Object.keys(r.body).sort()).toEqual(['category', 'content'])
    expect(r.body.category.parent).toBeNull()
    expect(r.body.category.current).toMatchObject({
      slug: 'top',
      contentAmount: expect.any(Number),
      weight: expect.any(Number),
    })
    const subs = r.body.category.current.subCategories.filter((c: { id: number }) => [games.id, talk.id].includes(c.id))
    expect(subs).toEqual([
      { id: games.id, slug: games.slug, name: games.slug.toUpperCase(), contentAmount: 1, weight: 120 },
      { id: talk.id, slug: talk.slug, name: talk.slug.toUpperCase(), contentAmount: 1, weight: 40 },
    ])
    const ids = r.body.content.map((c: { id: number }) => c.id)
    expect(ids).not.toContain(hidden.id)
    expect(ids.indexOf(streamer.id)).toBeLessThan(ids.indexOf(second.id))
    expect(r.body.content.find((c: { id: number }) => c.id === streamer.id)).toEqual(item(streamer, 120, strategy))

    const inGames = await call('/api/content', { content: 'stream', type: 'all', category: { id: games.id } })
    expect(inGames.body.category.parent).toMatchObject({ slug: 'top', subCategories: null, contentAmount: null })
    expect(inGames.body.category.current).toMatchObject({ id: games.id, contentAmount: 1, weight: 120 })
    expect(inGames.body.category.current.subCategories).toEqual([
      { id: strategy.id, slug: strategy.slug, name: strategy.slug.toUpperCase(), contentAmount: 1, weight: 120 },
    ])
    expect(inGames.body.content.map((c: { id: number }) => c.id)).toEqual([streamer.id])
  })

  it('my: online followed streams only, and only for a signed-in caller', async () => {
    expect((await call('/api/subscribe/add', { content: 'stream', id: second.id }, fan.token)).status).toBe(200)
    const r = await call('/api/content', { content: 'stream', type: 'my', category: { slug: 'top' } }, fan.token)
    expect(r.status).toBe(200)
    expect(r.body.content.map((c: { id: number }) => c.id)).toEqual([second.id])
    const guest = await call('/api/content', { content: 'stream', type: 'my', category: { slug: 'top' } })
    expect(guest.status).toBe(500)
    expect(guest.body.message).toMatch(/auth/i)
    const stream = await call('/api/stream', { slug: (await call('/api/user', { id: second.id })).body.slug })
    expect(stream.body.subscribers).toBe(1)
  })

  it('top: the first N by rating; amount is 1–100; bad category, content or type refused', async () => {
    const r = await call('/api/content/top', { content: 'stream', category: { slug: 'top' }, amount: 1 })
    expect(r.status).toBe(200)
    expect(Object.keys(r.body)).toEqual(['content'])
    expect(r.body.content).toHaveLength(1)
    expect(r.body.content[0].rating).toBeGreaterThanOrEqual(120)
    for (const [path, body, field] of [
      ['/api/content/top', { content: 'stream', category: { slug: 'top' }, amount: 0 }, /^amount:/],
      ['/api/content/top', { content: 'stream', category: { slug: 'top' }, amount: 101 }, /^amount:/],
      ['/api/content/top', { content: 'stream', category: { slug: 'top' } }, /amount/],
      ['/api/content/top', { content: 'room', category: { slug: 'top' }, amount: 5 }, /^content:/],
      ['/api/content', { content: 'stream', type: 'best', category: { slug: 'top' } }, /^type:/],
      ['/api/content', { content: 'stream', type: 'all', category: { id: 2_000_000_000 } }, /^category\.id:/],
      ['/api/content', { content: 'stream', type: 'all', category: {} }, /category/],
    ] as const) {
      const bad = await call(path, body)
      expect(bad.status, JSON.stringify(body)).toBe(500)
      expect(bad.body.message, JSON.stringify(body)).toMatch(field)
    }
  })

  it('GraphQL pages through the same list with first/after, at most 100 a page', async () => {
    const first = await gql(t.url, LIST, { slug: 'top', first: 1 })
    expect(first.data!.liveStreams.edges).toHaveLength(1)
    expect(first.data!.liveStreams.pageInfo.hasNextPage).toBe(true)
    const next = await gql(t.url, LIST, { slug: 'top', first: 1, after: first.data!.liveStreams.pageInfo.endCursor })
    expect(next.data!.liveStreams.edges[0].node.databaseId).not.toBe(first.data!.liveStreams.edges[0].node.databaseId)
    expect(codeOf(await gql(t.url, LIST, { slug: 'top', first: 101 }))).toBe('INVALID_INPUT')
    expect(codeOf(await gql(t.url, LIST, { slug: 'top', after: 'garbage' }))).toBe('INVALID_INPUT')
  })
})

describe('/api/player/live (P)', () => {
  it('the status of the site player’s broadcasts in the order asked; unknown ones offline', async () => {
    const r = await call('/api/player/live', { channels: `nobody_${hex()},${channel}` })
    expect(r.status).toBe(200)
    expect(r.body).toEqual([
      { id: expect.stringMatching(/^nobody_/), live: false, title: '', viewers: 0, thumbnail: '' },
      { id: channel, live: true, title: 'live', viewers: 120, thumbnail: '' },
    ])
    const many = Array.from({ length: 101 }, (_, i) => `c${i}`).join(',')
    for (const body of [{ channels: many }, { channels: 'bad channel!' }, {}]) {
      const bad = await call('/api/player/live', body)
      expect(bad.status, JSON.stringify(body).slice(0, 40)).toBe(500)
      expect(bad.body.message).toMatch(/channels/)
    }
  })
})

describe('who may change streams', () => {
  it('owners change their own; pins, active and players of others are for stream admins; statuses too', async () => {
    const u = await registerUser(t)
    expect(codeOf(await gql(t.url, SAVE_STREAM, { input: { title: 'x' } }))).toBe('UNAUTHENTICATED')
    expect(codeOf(await gql(t.url, SAVE_STREAM, { input: { userId: streamer.id, title: 'mine now' } }, u.token))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
    expect(codeOf(await gql(t.url, SAVE_STREAM, { input: { selected: 10 } }, u.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(
      codeOf(await gql(t.url, PLAYER_STATUS, { provider: 'PEKA2', channel, online: false, viewers: 0 }, u.token)),
    ).toBe('INSUFFICIENT_PERMISSIONS')
    const bad = await gql(t.url, SAVE_STREAM, { input: { thumbnail: 'javascript:alert(1)' } }, u.token)
    expect(bad.errors?.[0].extensions?.field).toBe('thumbnail')
    const players = Array.from({ length: 11 }, (_, i) => ({ provider: 'TWITCH' as const, channel: `c${i}` }))
    expect(codeOf(await gql(t.url, SAVE_STREAM, { input: { players } }, u.token))).toBe('INVALID_INPUT')
    const ok = await gql(
      t.url,
      SAVE_STREAM,
      { input: { title: 'My stream', players: [{ provider: 'TWITCH', channel: 'x' }] } },
      u.token,
    )
    expect(ok.data!.saveLiveStream).toMatchObject({ databaseId: u.id, title: 'My stream', online: false })
    expect(
      codeOf(await gql(t.url, SAVE_CATEGORY, { input: { slug: 'x', name: 'x', parentId: games.id } }, u.token)),
    ).toBe('INSUFFICIENT_PERMISSIONS')
  })
})
