import { defineRoutes } from '../../rest/route.js'

const USER = 'databaseId name slug'
interface U {
  databaseId: number
  name: string
  slug: string
}
const user = (u: U) => ({ id: u.databaseId, name: u.name, slug: u.slug })
/** peka2 content names are lower-case; the GraphQL enums are their upper-case names. */
const en = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v)

interface S {
  databaseId: number
  title: string
  subscribers: number
  owner: U
}
/**
 * /api/stream's object: the core has no players or live status, so those fields hold their documented defaults; a
 * plugin that keeps them serves /api/subscribe/list in its place (`replaces`).
 */
const stream = (s: S) => ({
  id: s.databaseId,
  owner: user(s.owner),
  category: null,
  name: s.title,
  description: '',
  thumbnail: null,
  online: false,
  start_at: 0,
  rating: 0,
  restream: false,
  tv: false,
  selected: 0,
  active: true,
  streamStartedAt: 0,
  subscribers: s.subscribers,
  players: [],
})

export const socialRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/subscribe/add',
    access: 'A',
    operation: `mutation($content: FollowContent!, $id: Int!) { follow(content: $content, id: $id) }`,
    variables: (b) => ({ content: en(b.content), id: b.id }),
    result: () => [],
  },
  {
    dialect: 'peka2',
    path: '/api/subscribe/remove',
    access: 'A',
    operation: `mutation($content: FollowContent!, $id: Int!) { unfollow(content: $content, id: $id) }`,
    variables: (b) => ({ content: en(b.content), id: b.id }),
    result: () => [],
  },
  {
    dialect: 'peka2',
    path: '/api/subscribe/check',
    access: 'A',
    operation: `query($content: FollowContent!, $id: Int!) { isFollowing(content: $content, id: $id) }`,
    variables: (b) => ({ content: en(b.content), id: b.id }),
    result: (d: { isFollowing: boolean }) => ({ result: d.isFollowing }),
  },
  {
    // "the active (online) items among the subscriptions"
    dialect: 'peka2',
    path: '/api/subscribe/amount',
    access: 'A',
    operation: `query($content: FollowContent!) { followedCount(content: $content, online: true) }`,
    variables: (b) => ({ content: en(b.content) }),
    result: (d: { followedCount: number }) => ({ amount: d.followedCount }),
  },
  {
    dialect: 'peka2',
    path: '/api/subscribe/list',
    access: 'A',
    operation: `query($content: FollowContent!) {
      followedStreams(content: $content) { databaseId title subscribers owner { ${USER} } }
    }`,
    variables: (b) => ({ content: en(b.content) }),
    result: (d: { followedStreams: S[] }) => d.followedStreams.map(stream),
  },
  {
    dialect: 'peka2',
    path: '/api/subscribe/subscribers',
    access: 'A',
    operation: `query($content: FollowContent!) { followers(content: $content) { ${USER} } }`,
    variables: (b) => ({ content: en(b.content) }),
    result: (d: { followers: U[] }) => d.followers.map(user),
  },
  {
    dialect: 'peka2',
    path: '/api/ignore/add',
    access: 'A',
    operation: `mutation($content: IgnoreContent!, $item: Int!) { ignore(content: $content, item: $item) }`,
    variables: (b) => ({ content: en(b.content), item: b.item }),
    result: () => [],
  },
  {
    dialect: 'peka2',
    path: '/api/ignore/remove',
    access: 'A',
    operation: `mutation($content: IgnoreContent!, $item: Int!) { unignore(content: $content, item: $item) }`,
    variables: (b) => ({ content: en(b.content), item: b.item }),
    result: () => [],
  },
  {
    dialect: 'peka2',
    path: '/api/ignore/check',
    access: 'A',
    operation: `query($content: IgnoreContent!, $item: Int!) { isIgnored(content: $content, item: $item) }`,
    variables: (b) => ({ content: en(b.content), item: b.item }),
    result: (d: { isIgnored: boolean }) => ({ ignored: d.isIgnored }),
  },
  {
    dialect: 'peka2',
    path: '/api/ignore/list',
    access: 'A',
    operation: `query($content: IgnoreContent!) { ignoreList(content: $content) { content item } }`,
    variables: (b) => ({ content: en(b.content) }),
    result: (d: { ignoreList: { content: string; item: number }[] }) =>
      d.ignoreList.map((i) => ({ content: i.content.toLowerCase(), item: i.item })),
  },
])
