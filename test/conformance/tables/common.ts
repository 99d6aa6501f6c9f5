import { post, type Entry, type World } from '../harness.js'
import { EMPTY_LIST, literal, nonEmpty, nullable, oneOf, tuple, type Shape } from '../shape.js'
import { CATEGORY, CURRENT, LOGIN, ROLES, SETTINGS, STREAM, USER } from './peka2-objects.js'

/** peka2-full/common.md: users, categories, streams, channels, content lists, follows, ignores, bulk. */

/** /api/category with both options: sub-categories with their counts, and its own count */
const CATEGORY_FULL = {
  ...CATEGORY,
  subCategories: [{ id: 'number', slug: 'string', name: 'string', contentAmount: 'number' }],
  contentAmount: 'number',
} as const satisfies Shape

/** /api/content `category.current`: /api/category with both options, plus `weight` on it and each sub-category */
const CATEGORY_WEIGHED = {
  ...CATEGORY_FULL,
  subCategories: [{ id: 'number', slug: 'string', name: 'string', contentAmount: 'number', weight: 'number' }],
  weight: 'number',
} as const satisfies Shape

/** "Поля элемента контента": the fields every element has, and a stream's own */
const CONTENT_STREAM = {
  id: 'number',
  owner: USER,
  category: nullable(CATEGORY),
  name: 'string',
  rating: 'number',
  thumbnail: 'string',
  start_at: 'unixtime',
  online: 'boolean',
  tv: 'boolean',
  selected: 'number',
} as const satisfies Shape

const CONTENT = {
  category: { parent: nullable(CATEGORY), current: CATEGORY_WEIGHED },
  content: nonEmpty(CONTENT_STREAM),
} as const satisfies Shape

const streamId = (w: World): number => w.vars.streamId ?? w.users.streamer.id

export const common: Entry[] = [
  {
    key: 'POST /api/user',
    run: post('/api/user', null, (w) => ({ id: w.users.streamer.id })),
    response: USER,
  },
  {
    key: 'POST /api/user',
    variant: 'by name',
    run: post('/api/user', null, (w) => ({ name: w.users.alice.name })),
    response: USER,
  },
  {
    key: 'POST /api/user/list',
    run: post('/api/user/list', null, (w) => ({ ids: [w.users.alice.id, w.users.bob.id] })),
    response: nonEmpty(USER),
  },
  {
    key: 'POST /api/user/current',
    variant: 'guest',
    run: post('/api/user/current', null, {}),
    response: { guest: literal(true), settings: SETTINGS, roles: ROLES },
  },
  {
    key: 'POST /api/user/current',
    variant: 'signed in',
    run: post('/api/user/current', 'alice', {}),
    response: CURRENT,
  },
  {
    // the spec types `roles` and `settings` as `string` but describes them as the objects of /api/user/current and
    // /api/user/settings: the objects are what the table asks for
    key: 'POST /api/user/full',
    run: post('/api/user/full', 'admin', (w) => ({ id: w.users.alice.id })),
    response: { id: 'number', name: 'string', slug: 'string', block: 'boolean', roles: ROLES, settings: SETTINGS },
  },
  {
    key: 'POST /api/user/login',
    run: post('/api/user/login', null, (w) => ({
      name: w.users.carol.name,
      password: w.users.carol.password,
      recaptchaResponse: '',
    })),
    response: LOGIN,
    keep: (b, w) => {
      w.vars.loginToken = b.token
    },
  },
  {
    key: 'POST /api/user/login/bytoken',
    run: post('/api/user/login/bytoken', null, (w) => ({ token: w.vars.loginToken ?? w.users.carol.token })),
    response: CURRENT,
  },
  {
    key: 'POST /api/user/settings',
    run: post('/api/user/settings', 'alice', {
      chat: { fontsize: 14, theme: 'sc2tv', mychannels: ['main'], favoritesmiles: ['peka'] },
      stream: { autostart: false },
    }),
    response: {
      ...SETTINGS,
      chat: { ...SETTINGS.chat, mychannels: nonEmpty('string'), favoritesmiles: nonEmpty('string') },
    },
  },
  {
    key: 'POST /api/user/forgot',
    run: post('/api/user/forgot', null, (w) => ({ email: w.users.dave.email })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/user/restore',
    run: post('/api/user/restore', null, async (w) => ({ code: (await w.inbox.next(w.users.dave.email)).code })),
    response: LOGIN,
  },
  {
    key: 'POST /api/user/logout',
    run: post('/api/user/logout', (w) => w.vars.loginToken ?? w.users.carol.token, {}),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/user/roles/list',
    run: post('/api/user/roles/list', 'admin', { role: 'moderator' }),
    response: nonEmpty(USER),
  },
  {
    key: 'POST /api/user/roles/set',
    run: post('/api/user/roles/set', 'admin', (w) => ({ userId: w.users.bob.id, role: 'schedule', value: true })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/category',
    run: post('/api/category', null, (w) => ({ content: 'stream', id: w.vars.streamCategoryId })),
    response: CATEGORY,
  },
  {
    key: 'POST /api/category',
    variant: 'root, with sub-categories and counts',
    run: post('/api/category', null, {
      content: 'stream',
      slug: 'top',
      options: { subCategories: true, contentAmount: true },
    }),
    response: { ...CATEGORY_FULL, subCategories: nonEmpty(CATEGORY_FULL.subCategories[0]) },
  },
  {
    key: 'POST /api/stream',
    run: post('/api/stream', null, (w) => ({ slug: w.vars.streamerSlug })),
    response: { ...STREAM, players: nonEmpty(STREAM.players[0]) },
    keep: (b, w) => {
      w.vars.streamId = b.id
    },
  },
  {
    key: 'POST /api/channel/data',
    run: post('/api/channel/data', null, (w) => ({ channels: ['main', `stream/${w.users.streamer.id}`] })),
    response: nonEmpty({ id: 'string', name: 'string', user: nullable(USER) }),
  },
  {
    key: 'POST /api/channel/private',
    run: post('/api/channel/private', 'alice', async (w) => {
      await w.gql(
        'mutation($i: SendDirectMessageInput!) { sendDirectMessage(input: $i) { isSent } }',
        { i: { to: w.users.bob.id, text: 'hello from the conformance suite' } },
        'alice',
      )
      return {}
    }),
    response: nonEmpty('string'),
  },
  {
    key: 'POST /api/content',
    run: post('/api/content', null, (w) => ({
      content: 'stream',
      type: 'all',
      category: { id: w.vars.streamCategoryId },
    })),
    response: {
      ...CONTENT,
      category: {
        parent: CATEGORY,
        current: { ...CATEGORY_WEIGHED, subCategories: nonEmpty(CATEGORY_WEIGHED.subCategories[0]) },
      },
    },
  },
  {
    key: 'POST /api/content/top',
    run: post('/api/content/top', null, { content: 'stream', category: { slug: 'top' }, amount: 5 }),
    response: { content: nonEmpty(CONTENT_STREAM) },
  },
  {
    key: 'POST /api/subscribe/add',
    run: post('/api/subscribe/add', 'alice', (w) => ({ content: 'stream', id: streamId(w) })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/subscribe/amount',
    run: post('/api/subscribe/amount', 'alice', { content: 'stream' }),
    response: { amount: 'number' },
  },
  {
    key: 'POST /api/subscribe/check',
    run: post('/api/subscribe/check', 'alice', (w) => ({ content: 'stream', id: streamId(w) })),
    response: { result: 'boolean' },
  },
  {
    key: 'POST /api/subscribe/check',
    variant: 'room',
    run: post('/api/subscribe/check', 'alice', (w) => ({ content: 'room', id: w.vars.publicRoomId })),
    response: { result: 'boolean' },
  },
  {
    key: 'POST /api/subscribe/list',
    run: post('/api/subscribe/list', 'alice', { content: 'stream' }),
    response: nonEmpty({ ...STREAM, players: nonEmpty(STREAM.players[0]) }),
  },
  {
    key: 'POST /api/content',
    variant: 'my (followed, online)',
    run: post('/api/content', 'alice', { content: 'stream', type: 'my', category: { slug: 'top' } }),
    response: CONTENT,
  },
  {
    key: 'POST /api/subscribe/subscribers',
    run: post('/api/subscribe/subscribers', 'streamer', { content: 'stream' }),
    response: nonEmpty(USER),
  },
  {
    key: 'POST /api/subscribe/remove',
    run: post('/api/subscribe/remove', 'alice', (w) => ({ content: 'stream', id: streamId(w) })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/ignore/add',
    run: post('/api/ignore/add', 'carol', (w) => ({ content: 'chat', item: w.users.frank.id })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/ignore/add',
    variant: 'stream',
    run: post('/api/ignore/add', 'carol', (w) => ({ content: 'stream', item: streamId(w) })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/ignore/check',
    run: post('/api/ignore/check', 'carol', (w) => ({ content: 'chat', item: w.users.frank.id })),
    response: { ignored: 'boolean' },
  },
  {
    key: 'POST /api/ignore/list',
    run: post('/api/ignore/list', 'carol', { content: 'chat' }),
    response: nonEmpty({ content: 'string', item: 'number' }),
  },
  {
    key: 'POST /api/ignore/remove',
    run: post('/api/ignore/remove', 'carol', (w) => ({ content: 'chat', item: w.users.frank.id })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/bulk',
    run: post('/api/bulk', null, (w) => ({
      command: [
        ['/api/user', { id: w.users.alice.id }],
        ['/api/user/current', {}],
      ],
    })),
    response: nonEmpty(tuple('string', 'object', oneOf('object', 'array'), 'boolean')),
  },
]
