import { literal, nullable, oneOf, optional, type Shape } from '../shape.js'

/**
 * peka2 objects other answers refer to ("объект из ответа /api/…"). peka2-api-index.md: such an object is that
 * request's answer without its optional parameters and options.
 */

/** common.md /api/user */
export const USER = { id: 'number', name: 'string', slug: 'string' } as const satisfies Shape

/** common.md /api/user/settings (request and answer alike) */
export const SETTINGS = {
  stream: { autostart: 'boolean', player: 'string', skipmain: 'boolean', videopreview: 'boolean' },
  chat: {
    smiles: 'boolean',
    images: 'boolean',
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the setting, not String.prototype.fontsize
    fontsize: 'number',
    namecolor: 'number',
    mychannels: ['string'],
    theme: 'string',
    disablenamecolor: 'boolean',
    thirdparty: 'boolean',
    favoritesmiles: ['string'],
    thirdpartydontmask: 'boolean',
    imagesgif: 'boolean',
    submode: 'string',
    totalignore: 'boolean',
    thirdpartysmiles: 'boolean',
    displayannounce: 'boolean',
    forcewss: 'boolean',
    smilesgif: 'boolean',
  },
} as const satisfies Shape

/** common.md /api/user/current `roles` */
export const ROLES = {
  support: 'boolean',
  canUseSupport: 'boolean',
  moderator: 'boolean',
  citizen: 'number',
  twitch: 'boolean',
  blocker: 'boolean',
  masterstreamer: 'boolean',
  smiler: 'boolean',
  roleAdmin: 'boolean',
  schedule: 'boolean',
  seasoner: 'boolean',
  storeAdmin: 'boolean',
  storeSupport: 'boolean',
  streamAdmin: 'boolean',
} as const satisfies Shape

/** common.md /api/user/current with a valid token */
export const CURRENT = {
  guest: literal(false),
  id: 'number',
  name: 'string',
  slug: 'string',
  block: 'boolean',
  settings: SETTINGS,
  roles: ROLES,
} as const satisfies Shape

/** common.md /api/user/login */
export const LOGIN = { token: 'string', current: CURRENT } as const satisfies Shape

/** common.md /api/category without options: no sub-categories, no count */
export const CATEGORY = {
  id: 'number',
  slug: 'string',
  name: 'string',
  subCategories: nullable([{ id: 'number', slug: 'string', name: 'string', contentAmount: optional('number') }]),
  contentAmount: nullable('number'),
} as const satisfies Shape

/** common.md /api/stream */
export const STREAM = {
  id: 'number',
  owner: USER,
  // "в данный момент всегда null" (always null for now): a category object is accepted as well
  category: nullable(CATEGORY),
  name: 'string',
  description: 'string',
  thumbnail: nullable('string'),
  online: 'boolean',
  start_at: 'unixtime',
  rating: 'number',
  restream: 'boolean',
  tv: 'boolean',
  selected: 'number',
  active: 'boolean',
  streamStartedAt: 'unixtime',
  subscribers: 'number',
  players: [
    { provider: 'string', channel: 'string', active: 'boolean', online: 'boolean', preview: 'string', url: 'string' },
  ],
} as const satisfies Shape

/** admin.md /api/moderation/check (also the chatBan notification) */
export const BAN_CHECK = {
  id: 'number',
  banned: 'boolean',
  expire: 'unixtime',
  reason: 'number',
} as const satisfies Shape

/**
 * admin.md /api/support/ask. `time`: peka2-full says unixtime, the primary peka2-admin.md `<string>` "временная
 * метка" (a timestamp): either is accepted.
 */
export const QUESTION = {
  id: 'number',
  time: oneOf('unixtime', 'string'),
  category: CATEGORY,
  question: 'string',
  active: 'boolean',
} as const satisfies Shape

/** poll.md /api/poll/info */
export const POLL = {
  channel: 'string',
  description: 'string',
  duration: 'number',
  start: 'unixtime',
  end: 'unixtime',
  donate: 'boolean',
  userId: 'number',
  userVote: 'number',
  variants: [{ position: 'number', name: 'string', votes: 'number', donateVotes: 'number' }],
} as const satisfies Shape

/** room.md /api/room */
export const ROOM = {
  id: 'number',
  name: 'string',
  owner: USER,
  category: CATEGORY,
  mode: 'string',
  hidden: 'boolean',
  rating: 'number',
  image: 'string',
  thumbnail: 'string',
  slug: 'string',
  available: 'boolean',
} as const satisfies Shape

/** room.md /api/room/getCurrentVideo (also the roomVideo notification) */
export const VIDEO = {
  roomId: 'number',
  url: 'string',
  playlistPosition: 'number',
  code: { started: 'string', paused: 'string' },
} as const satisfies Shape

/** room.md /api/room/invite/status */
export const INVITE = {
  id: 'number',
  roomId: 'number',
  blacklisted: 'boolean',
  requested: 'unixtime',
  user: USER,
} as const satisfies Shape

/**
 * smile.md /api/smile. The primary peka2-smiles.md lists `masterStreamerLevel`, `siteLevel` and the deprecated `level`
 * where the newer peka2-full/smile.md has `animated`: the fields both have are required, the others optional.
 */
export const SMILE = {
  id: 'number',
  code: 'string',
  url: 'string',
  tab: 'number',
  position: 'number',
  width: 'number',
  height: 'number',
  user: nullable(USER),
  icon: 'boolean',
  animated: optional('boolean'),
  level: optional('number'),
  masterStreamerLevel: optional('number'),
  siteLevel: optional('number'),
} as const satisfies Shape

/** store.md /api/store/bonus/modify */
export const BONUS = {
  id: 'number',
  type: 'string',
  config: 'object',
  duration: 'number',
  name: 'string',
  price: { canBePurchased: 'boolean', pekoins: 'number', points: 'number' },
  view: { category: 'number', position: 'number', linked: 'boolean' },
} as const satisfies Shape

/** store.md /api/store/purchase/list element */
export const PURCHASE = {
  id: 'number',
  userId: 'number',
  bonusId: 'number',
  expires: 'unixtime',
  active: 'boolean',
} as const satisfies Shape

/** store.md /api/store/points/get */
export const POINTS = { userId: 'number', amount: 'number' } as const satisfies Shape

/** store.md /api/store/subscription/modify */
export const STORE_SUBSCRIPTION = {
  id: 'number',
  userId: 'number',
  streamerId: 'number',
  expires: 'unixtime',
  active: 'boolean',
} as const satisfies Shape

/** oauth.md /api/oauth/app */
export const OAUTH_APP = {
  name: 'string',
  description: 'string',
  key: 'string',
  approved: 'boolean',
  redirect: 'string',
} as const satisfies Shape

/** chat.md "Новое сообщение" (/chat/message) */
export const CHAT_USER = { id: 'number', name: 'string', color: 'number' } as const satisfies Shape
export const CHAT_MESSAGE = {
  id: 'number',
  channel: 'string',
  from: CHAT_USER,
  to: nullable(CHAT_USER),
  text: 'string',
  time: 'unixtime',
  type: 'string',
  store: { bonuses: ['number'], icon: 'number', subscriptions: ['number'] },
} as const satisfies Shape

/** chat.md "Формат ответа": every client event's acknowledgement, `result` as documented per event */
export const ack = (result: Shape): Shape => ({ status: literal('ok'), result })
