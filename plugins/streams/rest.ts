import { defineRoutes, type JsonBody, type RestBody } from '../../src/rest/route.js'

const USER = 'databaseId name slug'
interface U {
  databaseId: number
  name: string
  slug: string
}
const user = (u: U) => ({ id: u.databaseId, name: u.name, slug: u.slug })

/** peka2 content names are lower case; the GraphQL enums are their upper-case names. */
const en = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v)
const unix = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : 0)
const obj = (v: unknown): JsonBody => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonBody) : {})
/** A value the body may leave out: GraphQL takes null for "not given". */
const opt = (v: unknown) => v ?? null

interface Cat {
  databaseId: number
  slug: string
  name: string
  contentAmount?: number | null
  weight?: number | null
  subCategories?: Cat[]
}
/** /api/category's object: subCategories and contentAmount are null unless asked for (options). */
const category = (c: Cat) => ({
  id: c.databaseId,
  slug: c.slug,
  name: c.name,
  subCategories: c.subCategories ? c.subCategories.map(sub) : null,
  contentAmount: c.contentAmount ?? null,
})
/** A subcategory: id, slug, name, and contentAmount (and weight) only when they were selected. */
const sub = (c: Cat) => ({
  id: c.databaseId,
  slug: c.slug,
  name: c.name,
  ...(c.contentAmount !== undefined ? { contentAmount: c.contentAmount } : {}),
  ...(c.weight !== undefined ? { weight: c.weight } : {}),
})
const CATEGORY = 'databaseId slug name'

interface Player {
  provider: string
  channel: string
  active: boolean
  online: boolean
  preview: string
  url: string
}
interface Stream {
  databaseId: number
  owner: U
  category: Cat | null
  title: string
  description: string
  thumbnail: string | null
  online: boolean
  startAt: string | null
  rating: number
  restream: boolean
  tv: boolean
  selected: number
  active: boolean
  streamStartedAt: string | null
  subscribers: number
  players: Player[]
}
const PROVIDER: Record<string, string> = {
  PEKA2: 'peka2.tv',
  TWITCH: 'twitch.tv',
  YOUTUBE: 'youtube.com',
  CYBERGAME: 'cybergame.tv',
  GOODGAME: 'goodgame.ru',
}
const STREAM = `databaseId owner { ${USER} } title description thumbnail online startAt rating restream tv selected
  active streamStartedAt subscribers players { provider channel active online preview url }`
/** /api/stream's object. `category` is documented as "always null for now": kept so (GraphQL has the category). */
const stream = (s: Stream) => ({
  id: s.databaseId,
  owner: user(s.owner),
  category: null,
  name: s.title,
  description: s.description,
  thumbnail: s.thumbnail,
  online: s.online,
  start_at: unix(s.startAt),
  rating: s.rating,
  restream: s.restream,
  tv: s.tv,
  selected: s.selected,
  active: s.active,
  streamStartedAt: unix(s.streamStartedAt),
  subscribers: s.subscribers,
  players: s.players.map((p) => ({
    provider: PROVIDER[p.provider] ?? p.provider,
    channel: p.channel,
    active: p.active,
    online: p.online,
    preview: p.preview,
    url: p.url,
  })),
})

const ITEM = `databaseId owner { ${USER} } category { ${CATEGORY} } title rating thumbnail startAt online tv selected`
/** An element of content (common.md, "Поля элемента контента"): the required fields and a stream's own. */
const item = (s: Stream) => ({
  id: s.databaseId,
  owner: user(s.owner),
  category: s.category ? category(s.category) : null,
  name: s.title,
  rating: s.rating,
  thumbnail: s.thumbnail ?? '',
  start_at: unix(s.startAt),
  online: s.online,
  tv: s.tv,
  selected: s.selected,
})

/** The streams of a page in the order of the body's ids (the followed, newest first); liveStreamsByIds keeps none. */
function inOrder(b: RestBody, streams: Stream[]): Stream[] {
  const ids: unknown[] = Array.isArray(b) || !Array.isArray(b.ids) ? [] : b.ids
  const at = new Map(ids.map((id, i) => [id, i]))
  const place = (s: Stream) => at.get(s.databaseId) ?? ids.length
  return streams.slice().sort((x, y) => place(x) - place(y))
}

/** peka2's `type`: `all` and `my`; anything else goes on as given and is refused by the enum. */
const filter = (v: unknown) => (v === 'my' ? 'FOLLOWED' : en(v))
const ref = (v: unknown) => ({ databaseId: opt(obj(v).id), slug: opt(obj(v).slug) })

/** peka2 /api/category, /api/stream, /api/content, /api/content/top (common.md) and /api/player/live (player.md). */
export const streamRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/category',
    access: 'P',
    operation: `query($content: CategoryContent!, $id: Int, $slug: String, $sub: Boolean!, $amount: Boolean!) {
      contentCategory(content: $content, databaseId: $id, slug: $slug) {
        ${CATEGORY}
        contentAmount @include(if: $amount)
        subCategories @include(if: $sub) { ${CATEGORY} contentAmount @include(if: $amount) }
      }
    }`,
    fields: { sub: 'options.subCategories', amount: 'options.contentAmount' },
    variables: (b) => ({
      content: en(b.content),
      id: opt(b.id),
      slug: opt(b.slug),
      sub: obj(b.options).subCategories ?? false,
      amount: obj(b.options).contentAmount ?? false,
    }),
    result: (d: { contentCategory: Cat }) => category(d.contentCategory),
  },
  {
    dialect: 'peka2',
    path: '/api/stream',
    access: 'P',
    operation: `query($slug: String!) { liveStream(slug: $slug) { ${STREAM} } }`,
    variables: (b) => ({ slug: b.slug }),
    result: (d: { liveStream: Stream }) => stream(d.liveStream),
  },
  {
    // The core answers this list with default players and live status; with streams on, each is /api/stream's object
    // (a stream its viewer may not see, as /api/stream would refuse it, is left out). The lookup finds the followed
    // ids (newest first), the operation their streams.
    dialect: 'peka2',
    path: '/api/subscribe/list',
    access: 'A',
    replaces: true,
    lookup: {
      operation: `query($content: FollowContent!) { followedStreams(content: $content) { databaseId } }`,
      variables: (b) => ({ content: en(b.content) }),
      result: (d: { followedStreams: { databaseId: number }[] }) => ({
        ids: d.followedStreams.map((s) => s.databaseId),
      }),
    },
    operation: `query($ids: [Int!]!) { liveStreamsByIds(ids: $ids) { ${STREAM} } }`,
    // a user may follow more streams than one query takes: pages, joined in order
    pageBy: 'ids',
    variables: (b) => ({ ids: b.ids }),
    result: (d: { liveStreamsByIds: Stream[] }, b) => inOrder(b, d.liveStreamsByIds).map(stream),
  },
  {
    // A/P: `my` needs a session, `all` does not — the resolver tells a guest asking for `my` to sign in.
    dialect: 'peka2',
    path: '/api/content',
    access: 'P',
    operation: `query($content: CategoryContent!, $filter: StreamFilter!, $category: ContentCategoryRef!, $id: Int,
      $slug: String, $first: Int!) {
      contentCategory(content: $content, databaseId: $id, slug: $slug) {
        parent { ${CATEGORY} }
        ${CATEGORY} contentAmount weight subCategories { ${CATEGORY} contentAmount weight }
      }
      liveStreams(category: $category, filter: $filter, first: $first) { edges { node { ${ITEM} } } }
    }`,
    fields: { filter: 'type', id: 'category.id', slug: 'category.slug' },
    variables: (b) => ({
      content: streamContent(b.content),
      filter: filter(b.type),
      // the whole first page: peka2's list has no paging (a variable: armor would charge a literal 100 times over)
      first: 100,
      category: ref(b.category),
      id: ref(b.category).databaseId,
      slug: ref(b.category).slug,
    }),
    result: (d: { contentCategory: Cat & { parent: Cat | null }; liveStreams: { edges: { node: Stream }[] } }) => {
      const { parent, ...current } = d.contentCategory
      return {
        category: {
          parent: parent ? category(parent) : null,
          current: { ...category(current), weight: current.weight ?? 0 },
        },
        content: d.liveStreams.edges.map((e) => item(e.node)),
      }
    },
  },
  {
    dialect: 'peka2',
    path: '/api/content/top',
    access: 'P',
    operation: `query($content: CategoryContent!, $category: ContentCategoryRef!, $amount: Int!, $id: Int,
      $slug: String) {
      contentCategory(content: $content, databaseId: $id, slug: $slug) { databaseId }
      liveStreams(category: $category, first: $amount) { edges { node { ${ITEM} } } }
    }`,
    fields: { first: 'amount', id: 'category.id', slug: 'category.slug' },
    variables: (b) => ({
      content: streamContent(b.content),
      category: ref(b.category),
      amount: b.amount,
      id: ref(b.category).databaseId,
      slug: ref(b.category).slug,
    }),
    result: (d: { liveStreams: { edges: { node: Stream }[] } }) => ({
      content: d.liveStreams.edges.map((e) => item(e.node)),
    }),
  },
  // player.md documents GET with `channels` in the query string; peka2's clients POST everything, so both are served
  playerLive('GET'),
  playerLive('POST'),
])

function playerLive(method: 'GET' | 'POST') {
  return {
    dialect: 'peka2',
    method,
    path: '/api/player/live',
    access: 'P',
    operation: `query($channels: [String!]!) { playerLive(channels: $channels) { id live title viewers thumbnail } }`,
    variables: (b: JsonBody) => ({
      channels: typeof b.channels === 'string' ? b.channels.split(',').filter(Boolean) : b.channels,
    }),
    result: (d: { playerLive: unknown[] }) => d.playerLive,
  } as const
}

/** The filter's content types are streams only ("[stream]"): any other value is refused by the enum. */
const streamContent = (v: unknown) => (v === 'stream' ? 'STREAM' : typeof v === 'string' ? v.toLowerCase() : v)
