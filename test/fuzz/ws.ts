import fc from 'fast-check'
import WebSocket from 'ws'
import type { GraphQLField } from 'graphql'
import { fieldCaseArb } from './graphql-gen.js'
import type { Fuzzer } from './harness.js'
import { anyJson, anyString, deepJson, jsonOf, wrongType } from './values.js'

/** graphql-ws sessions over a raw socket: frames in and out of order, broken, huge, duplicated. */

type Frame =
  | { kind: 'msg'; msg: unknown }
  | { kind: 'raw'; data: string }
  | { kind: 'binary'; data: number[] }
  | { kind: 'trigger' }

export interface WsCase {
  target: string
  /** root fields named by subscribe frames */
  fields: string[]
  protocol: string | string[] | null
  /** send connection_init first and wait for the ack, so later frames reach the subscribe path */
  init: unknown
  initFirst: boolean
  frames: Frame[]
  describe: Record<string, unknown>
  sentText: string
  /** the frames that are not an ordinary client's: server-only message types, broken JSON, binary */
  unusual: string
}

const CLIENT_TYPES = new Set(['connection_init', 'subscribe', 'complete', 'ping', 'pong'])
function unusualOf(frames: Frame[]): string {
  const kinds = new Set<string>()
  for (const fr of frames) {
    if (fr.kind === 'raw') kinds.add('non-JSON or non-object text frame')
    else if (fr.kind === 'binary') kinds.add('binary frame')
    else if (fr.kind === 'msg') {
      const type = fr.msg && typeof fr.msg === 'object' ? (fr.msg as { type?: unknown }).type : undefined
      if (typeof type !== 'string') kinds.add(`message with type ${jsonOf(type) ?? 'missing'}`)
      else if (!CLIENT_TYPES.has(type)) kinds.add(`"${type}" message`)
    }
  }
  return [...kinds].sort().join(', ')
}

const TOKEN = '<TOKEN>'

const idArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom('1', '2', 'a', 'a'), weight: 6 }, // few ids: duplicates happen
  { arbitrary: fc.uuid(), weight: 2 },
  {
    arbitrary: fc.constantFrom<unknown>(
      '',
      ' ',
      'x'.repeat(100_000),
      '\u0000',
      '😀',
      '__proto__',
      1,
      0,
      -1,
      null,
      true,
      {},
      ['1'],
    ),
    weight: 2,
  },
  { arbitrary: anyString, weight: 1 },
)

const initPayload: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constant({ authorization: `Bearer ${TOKEN}` }), weight: 8 },
  {
    arbitrary: fc.constantFrom<unknown>(
      undefined,
      {},
      null,
      { Authorization: `Bearer ${TOKEN}` },
      { authorization: TOKEN },
      { authorization: 'Bearer' },
      { authorization: `Bearer ${TOKEN}x` },
      { token: TOKEN },
    ),
    weight: 3,
  },
  { arbitrary: fc.oneof(wrongType, anyString, deepJson).map((v) => ({ authorization: v })), weight: 1 },
  { arbitrary: fc.oneof(wrongType, anyJson, anyString), weight: 1 },
)

export function wsCaseArb(
  fields: {
    root: 'query' | 'mutation' | 'subscription'
    field: GraphQLField<unknown, unknown>
    selection: string
    target: string
  }[],
): fc.Arbitrary<WsCase> {
  const subs = fields.filter((x) => x.root === 'subscription')
  const others = fields.filter((x) => x.root !== 'subscription')
  const opArb = (list: typeof fields) =>
    fc.constantFrom(...list).chain((x) => fieldCaseArb(x.root, x.field, x.selection))
  const goodPayload = fc
    .oneof({ arbitrary: opArb(subs), weight: 4 }, { arbitrary: opArb(others), weight: 1 })
    .chain((c) =>
      fc.constantFrom<unknown>(undefined, undefined, undefined, 'Fz', 'Nope', 42, null).map((operationName) => ({
        target: c.target,
        payload: {
          query: c.query,
          variables: c.variables,
          ...(operationName === undefined ? {} : { operationName }),
        },
      })),
    )
  const badPayload = fc
    .constantFrom<unknown>(
      null,
      {},
      [],
      'x',
      { query: 123 },
      { query: '' },
      { query: '{' },
      { query: 'subscription {' },
      { query: '{ __typename }', variables: 'x' },
      { query: '{ __typename }', variables: [1] },
      { query: '{ __typename }', extensions: 'x' },
      {
        query:
          'subscription { a: chatEvents(channel: "main") { __typename } b: chatEvents(channel: "main") { __typename } }',
      },
      { query: 'subscription A { smilesChanged { __typename } } subscription B { smilesChanged { __typename } }' },
      { query: 'subscription { chatEvents(channel: "main") { ...F } } fragment F on ChatEvent { ...F }' },
      { query: `{ ${'a: __typename '.repeat(2000)} }` },
      { query: '{'.repeat(5000) },
      { query: `query ${'x'.repeat(200_000)} { __typename }` },
      { query: 'subscription { chatEvents(channel: "main") { __typename } }', variables: { nested: null } },
    )
    .map((payload) => ({ target: 'malformed subscribe payload', payload }))
  const subscribe = fc
    .tuple(idArb, fc.oneof({ arbitrary: goodPayload, weight: 4 }, { arbitrary: badPayload, weight: 1 }))
    .map(([id, p]): { target: string | null; frame: Frame } => ({
      target: p.target,
      frame: { kind: 'msg', msg: { type: 'subscribe', id, payload: p.payload } },
    }))
  const other = fc
    .oneof(
      { arbitrary: idArb.map((id): Frame => ({ kind: 'msg', msg: { type: 'complete', id } })), weight: 2 },
      {
        arbitrary: initPayload.map((payload): Frame => ({ kind: 'msg', msg: { type: 'connection_init', payload } })),
        weight: 1,
      },
      {
        arbitrary: fc
          .constantFrom('ping', 'pong')
          .chain((type) =>
            fc
              .oneof(fc.constant(undefined), anyJson, wrongType)
              .map((payload): Frame => ({ kind: 'msg', msg: { type, payload } })),
          ),
        weight: 2,
      },
      {
        arbitrary: fc
          .constantFrom<unknown>(
            { type: 'connection_ack' },
            { type: 'next', id: '1', payload: {} },
            { type: 'error', id: '1', payload: [] },
            { type: 'unknown' },
            { type: 123 },
            { type: null },
            {},
            { id: '1' },
            { type: 'subscribe' },
            { type: 'start', id: '1', payload: { query: '{ __typename }' } },
            { type: 'connection_terminate' },
          )
          .map((msg): Frame => ({ kind: 'msg', msg })),
        weight: 2,
      },
      {
        arbitrary: fc
          .constantFrom(
            '',
            '{',
            'null',
            '[]',
            '"x"',
            '123',
            'true',
            '{"type":',
            '\u0000',
            '{"type":"subscribe","id":"1","payload":' + '['.repeat(10_000),
            'x'.repeat(1_000_000),
          )
          .map((data): Frame => ({ kind: 'raw', data })),
        weight: 2,
      },
      {
        arbitrary: fc
          .array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 })
          .map((data): Frame => ({ kind: 'binary', data })),
        weight: 1,
      },
      { arbitrary: fc.constant<Frame>({ kind: 'trigger' }), weight: 1 },
    )
    .map((frame) => ({ target: null as string | null, frame }))
  const frames = fc.array(fc.oneof({ arbitrary: subscribe, weight: 3 }, { arbitrary: other, weight: 2 }), {
    minLength: 1,
    maxLength: 6,
  })
  return fc
    .record({
      protocol: fc.constantFrom<string | string[] | null>(
        'graphql-transport-ws',
        'graphql-transport-ws',
        'graphql-transport-ws',
        'graphql-transport-ws',
        'graphql-transport-ws',
        'graphql-transport-ws',
        'graphql-transport-ws',
        'graphql-transport-ws',
        null,
        'graphql-ws',
        'bogus',
        ['bogus', 'graphql-transport-ws'],
      ),
      initFirst: fc.constantFrom(true, true, true, false),
      init: initPayload,
      frames,
    })
    .map(({ protocol, initFirst, init, frames: list }) => {
      const targets = list.map((x) => x.target).filter((x): x is string => !!x)
      const fieldTargets = targets.filter((x) => /^(Query|Mutation|Subscription)\./.test(x))
      const target = targets[0] ?? (initFirst ? 'frames after init' : 'frames before init')
      const msgs = list.map((x) => x.frame)
      const sentText = [
        jsonOf(init) ?? '',
        ...msgs.map((m) => (m.kind === 'msg' ? (jsonOf(m.msg) ?? '') : m.kind === 'raw' ? m.data : '')),
      ].join('\n')
      return {
        target: `ws ${target}`,
        fields: fieldTargets,
        protocol,
        init,
        initFirst,
        frames: msgs,
        describe: {
          protocol,
          initFirst,
          init,
          frames: msgs.map((m) =>
            m.kind === 'msg'
              ? m.msg
              : m.kind === 'raw'
                ? { raw: m.data }
                : m.kind === 'binary'
                  ? { binary: m.data.length }
                  : { trigger: 'chat message to main' },
          ),
        },
        sentText,
        unusual: unusualOf(msgs),
      }
    })
}

const withToken = (v: unknown, token: string | undefined): unknown => {
  if (typeof v === 'string') return v.includes(TOKEN) ? v.replace(TOKEN, token ?? 'no-token') : v
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withToken(x, token)]))
  return v
}

export async function runWs(
  f: Fuzzer,
  c: WsCase,
  token: string | undefined,
): Promise<{ frames: string[]; close: { code: number; reason: string } | null }> {
  const url = `${f.url.replace(/^http/, 'ws')}/graphql`
  const frames: string[] = []
  // set by the socket's callbacks: the assertion keeps TypeScript from narrowing it to null
  let close = null as { code: number; reason: string } | null
  let weClosed = false
  let lastIn = Date.now()
  const ws = c.protocol === null ? new WebSocket(url) : new WebSocket(url, c.protocol)
  const closed = new Promise<void>((resolve) => {
    ws.on('close', (code, reason) => {
      if (!weClosed) close = { code, reason: reason.toString() }
      resolve()
    })
  })
  ws.on('message', (d) => {
    // text and binary frames arrive as Buffers (the default binaryType)
    frames.push((d as Buffer).toString())
    lastIn = Date.now()
  })
  ws.on('unexpected-response', (_req, res) => {
    frames.push(`HTTP ${res.statusCode}`)
    if ((res.statusCode ?? 0) >= 500) close = { code: 1011, reason: `upgrade answered HTTP ${res.statusCode}` }
  })
  ws.on('error', () => {})
  const opened = await Promise.race([
    new Promise<boolean>((r) => ws.once('open', () => r(true))),
    closed.then(() => false),
    sleep(5000).then(() => false),
  ])
  if (!opened) {
    ws.terminate()
    close ??= { code: -1, reason: 'did not open' }
    return { frames, close }
  }
  const send = (data: string | Buffer) => new Promise<void>((r) => ws.send(data, () => r()))
  const isClosed = () => ws.readyState !== WebSocket.OPEN
  if (c.initFirst) {
    await send(JSON.stringify({ type: 'connection_init', payload: withToken(c.init, token) }))
    const until = Date.now() + 3000
    while (!isClosed() && !frames.some((x) => x.includes('"connection_ack"')) && Date.now() < until) await sleep(5)
  }
  for (const fr of c.frames) {
    if (isClosed()) break
    if (fr.kind === 'msg') await send(jsonOf(withToken(fr.msg, token)) ?? 'null')
    else if (fr.kind === 'raw') await send(fr.data)
    else if (fr.kind === 'binary') await send(Buffer.from(fr.data))
    else {
      await sleep(20)
      await f.send('/graphql', {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${f.ids.admin.token}` },
        body: JSON.stringify({
          query: 'mutation { sendChatMessage(input: { channel: "main", text: "fuzz trigger" }) { __typename } }',
        }),
      })
    }
  }
  // wait for the server to finish answering: a close, or a quiet spell
  const deadline = Date.now() + 3000
  lastIn = Math.max(lastIn, Date.now())
  while (!isClosed() && Date.now() < deadline && Date.now() - lastIn < 100) await sleep(10)
  if (!isClosed()) {
    weClosed = true
    ws.close(1000)
    await Promise.race([closed, sleep(2000)])
    if (ws.readyState !== WebSocket.CLOSED) ws.terminate()
  } else await Promise.race([closed, sleep(2000)])
  return { frames, close }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
