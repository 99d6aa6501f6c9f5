import fc from 'fast-check'

/** JSON.stringify as it behaves: undefined (and functions, symbols) have no JSON text. */
export const jsonOf = (v: unknown): string | undefined => JSON.stringify(v)

/**
 * Value generators shared by every fuzz suite: valid-ish values (so protected code paths are reached), boundaries,
 * wrong types, huge values, NUL bytes, unicode, deep nesting, malformed global ids.
 */

/** Ids and names that exist in the fuzz database (filled by the harness before the first case). */
export interface Pool {
  userIds: number[]
  messageIds: number[]
  otherIds: number[]
  names: string[]
  emails: string[]
  channels: string[]
  tokens: string[]
  globalIds: string[]
  nodeTypes: string[]
}

export const pool: Pool = {
  userIds: [],
  messageIds: [],
  otherIds: [],
  names: [],
  emails: [],
  channels: [],
  tokens: [],
  globalIds: [],
  nodeTypes: [],
}

/** fc.constantFrom over a list that is filled later (read at generation time) */
const fromPool = (pick: (p: Pool) => (string | number)[], fallback: string | number) =>
  fc.nat().map((i) => {
    const list = pick(pool)
    return list.length ? list[i % list.length] : fallback
  })

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

export const HUGE = 100_000

/** Strings no client should send but every server must survive. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(64),
  '\t\r\n',
  '\uFEFF',
  '\u202Eevil',
  '\u200B\u200C\u200D',
  'Z\u0351\u0360\u0361\u0362\u0363\u0364',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '\uD800',
  'x\uDFFFy',
  '日本語テキスト',
  'مرحبا',
  'null',
  'undefined',
  'NaN',
  'true',
  '__proto__',
  'constructor',
  'toString',
  '%s%n%x',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  '"; DROP TABLE "User"; --',
  '\\',
  '"',
  '{}',
  '[]',
  '0',
  '-1',
  '1',
  '1.5',
  '1e400',
  '99999999999999999999999',
  '0x1F',
  '+79991234567',
  'main',
  'a'.repeat(256),
  'é'.repeat(1025),
]

export const hugeString = fc.constantFrom(
  'a'.repeat(HUGE),
  '\u0000'.repeat(10_000),
  '😀'.repeat(20_000),
  'ж'.repeat(HUGE),
  'x'.repeat(1_100_000),
)

export const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 24 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 1 },
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ minLength: 1000, maxLength: 5000 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
)

export const INT_EDGES = [
  0,
  1,
  -1,
  2,
  3,
  7,
  100,
  2147483647,
  -2147483648,
  2147483648,
  -2147483649,
  4294967296,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  -1e21,
  1e308,
  -1e308,
  0.5,
  1.5,
  -0.1,
  5e-324,
]

export const knownId = fromPool((p) => [...p.userIds, ...p.messageIds, ...p.otherIds], 1)
export const knownUserId = fromPool((p) => p.userIds, 1)

export const anyInt: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 40 }), weight: 4 },
  { arbitrary: knownId as fc.Arbitrary<number>, weight: 4 },
  { arbitrary: fc.constantFrom(...INT_EDGES), weight: 3 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
)

/** Values of the wrong type for any position. */
export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  true,
  false,
  0,
  -1,
  1.5,
  '',
  'x',
  '1',
  [],
  [null],
  [1, 'a'],
  {},
  { a: 1 },
  { __proto__: 1 },
  [[[]]],
  { '': '' },
)

/** Deeply nested JSON (arrays or objects) of the given depth. */
export function nested(depth: number, kind: 'array' | 'object' | 'mixed'): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = kind === 'array' || (kind === 'mixed' && i % 2) ? [v] : { a: v }
  return v
}
export const deepJson = fc
  .tuple(
    fc.constantFrom(20, 100, 1000, 3000),
    fc.constantFrom<'array' | 'object' | 'mixed'>('array', 'object', 'mixed'),
  )
  .map(([d, k]) => nested(d, k))

export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 5 },
  { arbitrary: wrongType, weight: 2 },
  { arbitrary: deepJson, weight: 1 },
  { arbitrary: fc.constant(Array.from({ length: 20_000 }, (_, i) => i)), weight: 1 },
)

/** Anything at all: for body keys whose type the route does not reveal. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyString, weight: 3 },
  { arbitrary: anyInt, weight: 3 },
  { arbitrary: fc.stringMatching(/^\d{1,12}$/), weight: 2 },
  { arbitrary: wrongType, weight: 2 },
  { arbitrary: anyJson, weight: 1 },
)

export const isoDate: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    weight: 4,
  },
  { arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '2024-02-30T00:00:00Z',
      '2024-13-01',
      '0000-00-00',
      '+275760-09-13T00:00:00.000Z',
      '-271821-04-20T00:00:00.000Z',
      '+999999-01-01T00:00:00Z',
      '2020-01-01T25:61:61Z',
      'yesterday',
      '1e10',
      '',
      '2024-01-01',
      '2024-01-01T00:00:00+99:99',
      new Date(0).toISOString(),
      'Invalid Date',
    ),
    weight: 3,
  },
  { arbitrary: fc.constantFrom(-1, 8.64e15, 8.64e15 + 1, 1e20, -8.64e15, 1.5), weight: 1 },
)

/** Relay global ids, valid and malformed. */
export const globalId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fromPool((p) => p.globalIds, 'VXNlcjox') as fc.Arbitrary<string>, weight: 3 },
  {
    arbitrary: fc
      .tuple(
        fromPool((p) => p.nodeTypes, 'User'),
        fc.constantFrom<string | number>(
          1,
          2,
          3,
          0,
          -1,
          2147483648,
          'abc',
          '',
          '1.5',
          '1e3',
          '99999999999999999999',
          '1:2',
          '\u0000',
        ),
      )
      .map(([t, id]) => b64(`${t}:${id}`)),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom(
      '',
      'not base64!',
      '====',
      'VXNlcg',
      b64('User'),
      b64('User:'),
      b64(':1'),
      b64('Nope:1'),
      b64('__proto__:1'),
      b64('constructor:1'),
      b64('\u0000:\u0000'),
      b64('User:1'.repeat(1000)),
      'A'.repeat(10_000),
      '\u0000',
      '😀',
      b64('😀:1'),
    ),
    weight: 2,
  },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9+/]{0,40}={0,2}$/), weight: 1 },
  { arbitrary: anyString, weight: 1 },
)

const CHANNEL_SHAPES = [
  'main',
  'admin',
  'all',
  'system',
  'stream/',
  'stream/0',
  'stream/-1',
  'stream/abc',
  'private/',
  'private/1',
  'private/1/1',
  'private/2/1',
  'support/1',
  'support/',
  'nope/1',
  'stream/1/2',
  'MAIN',
  '/main',
  'main/',
]

export const channelId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...CHANNEL_SHAPES), weight: 3 },
  { arbitrary: fromPool((p) => p.channels, 'main') as fc.Arbitrary<string>, weight: 3 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('stream', 'private', 'support'),
        fc.array(fc.oneof(knownUserId.map(String), anyInt.map(String)), { minLength: 1, maxLength: 3 }),
      )
      .map(([k, parts]) => [k, ...parts].join('/')),
    weight: 3,
  },
  { arbitrary: anyString, weight: 1 },
)

const ROLE_NAMES = [
  'support',
  'canUseSupport',
  'moderator',
  'citizen',
  'twitch',
  'blocker',
  'masterstreamer',
  'smiler',
  'roleAdmin',
  'schedule',
  'seasoner',
  'storeAdmin',
  'storeSupport',
  'streamAdmin',
  'internal',
  'nope',
]

/**
 * String values chosen by the argument's or body key's name, so more cases pass validation and reach the service.
 * Only for string-like positions (String, DateTime, ID, or a body key of unknown type).
 */
export function hinted(name: string): fc.Arbitrary<unknown> | null {
  const n = name.toLowerCase()
  if (/channel|room/.test(n) && !n.endsWith('id')) return channelId
  if (n.includes('email'))
    return fc.oneof(
      fc.emailAddress(),
      fromPool((p) => p.emails, 'a@example.com'),
      anyString,
    )
  if (/phone|phons/.test(n))
    return fc.oneof(
      fc.stringMatching(/^\+?7\d{10}$/),
      fc.stringMatching(/^\+?\d{1,20}$/),
      fc.integer({ min: 0 }),
      anyString,
    )
  if (n.includes('password')) return fc.oneof(fc.stringMatching(/^[a-z]{4}-[0-9]{4}-[A-Z]{2}$/), anyString)
  if (/^(name|login|username|nickname)$/.test(n))
    return fc.oneof(
      fromPool((p) => p.names, 'alice'),
      fc.stringMatching(/^[a-z][a-z0-9_]{2,15}$/),
      anyString,
    )
  if (/token|session_key/.test(n))
    return fc.oneof(
      fromPool((p) => p.tokens, 'x'),
      fc.stringMatching(/^[0-9a-f]{0,64}$/),
      anyString,
    )
  if (n === 'role') return fc.oneof(fc.constantFrom(...ROLE_NAMES), anyString)
  if (n === 'emoji') return fc.oneof(fc.constantFrom('👍', '❤️', '😀', '🏳️‍🌈', 'a', ':smile:'), anyString)
  if (n === 'field') return fc.oneof(fc.constantFrom('id', 'from', 'to', 'type'), anyString)
  if (n === 'operation') return fc.oneof(fc.constantFrom('in', 'not in', '=', '<>', '<', '>'), anyString)
  if (n === 'glue') return fc.oneof(fc.constantFrom('and', 'or', 'AND', 'xor'), anyString)
  if (n === 'content' || n === 'kind')
    return fc.oneof(fc.constantFrom('stream', 'room', 'chat', 'STREAM', 'ROOM', 'CHAT', 'user'), anyString)
  if (/^(dob|from|to|until|date|time)$/.test(n)) return isoDate
  if (n === 'code' || n === 'key' || n === 'captcha' || n === 'recaptcharesponse')
    return fc.oneof(fc.stringMatching(/^\d{4,6}$/), fc.stringMatching(/^[0-9a-f]{0,40}$/), anyString)
  return null
}
