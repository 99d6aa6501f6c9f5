import http from 'node:http'
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, gqlRaw, rest, subscribe, wsClient } from '../helpers/clients.js'
import { grantRoles, registerUser, type TestUser } from '../helpers/users.js'
import { buildSchema } from '../../src/schema/build.js'
import { assertListCaps, listInputs, DEFAULT_MAX_ITEMS } from '../../src/schema/input-bounds.js'
import { createCorePlugin } from '../../src/core/index.js'
import { resolvePlugins } from '../../src/plugin-system/registry.js'
import { ALL_PLUGINS } from '../../plugins/index.js'
import { definePlugin } from '../../src/plugin-system/contract.js'
import { defineRoutes } from '../../src/rest/route.js'
import { createLogger } from '../../src/log.js'
import { graphql } from '../generated/index.js'
import type { ChatHistoryQuery } from '../generated/graphql.js'

const BODY_LIMIT = 4096
const b64 = (s: string) => Buffer.from(s).toString('base64')
const newPhone = () => `+79${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`
const range = (n: number) => Array.from({ length: n }, (_, i) => i)

/** A plugin added by this file only: a list argument declared with no cap, and a REST route whose mapper throws. */
const boundsFixture = definePlugin({
  name: 'bounds-fixture',
  schema(builder) {
    builder.queryField('boundsEcho', (t) =>
      t.stringList({ args: { items: t.arg.stringList({ required: true }) }, resolve: (_p, a) => a.items }),
    )
  },
  rest: defineRoutes([
    {
      dialect: 'peka2',
      path: '/api/bounds/mapper',
      access: 'P',
      operation: 'query($items: [String!]!) { boundsEcho(items: $items) }',
      variables: (b) => ({ items: [new Date(Number(b.at) * 1000).toISOString()] }),
      result: (d: { boundsEcho: string[] }) => d.boundsEcho,
    },
  ]),
})

const logLines: Record<string, unknown>[] = []
let t: TestApp
/** the default body limit, for requests bigger than this file's small one */
let roomy: TestApp
let user: TestUser
beforeAll(async () => {
  const log = createLogger('info', (line) => void logLines.push(JSON.parse(line)))
  t = await startTestApp(
    { BODY_LIMIT_BYTES: String(BODY_LIMIT), PLUGINS: 'all' },
    { available: [...ALL_PLUGINS, boundsFixture], log },
  )
  roomy = await startTestApp({}, { log })
  user = await registerUser(t)
})
afterAll(async () => {
  await closeAll(t, roomy)
})

const NODES = graphql(`query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on User { databaseId } } }`)

describe('every list argument is capped', () => {
  it('the built schema (every plugin on) gives each list argument and list input field a cap', () => {
    const enabled = resolvePlugins(ALL_PLUGINS, 'all')
    const schema = buildSchema([createCorePlugin(enabled), ...enabled])
    const lists = listInputs(schema)
    const uncapped = lists
      .filter((l) => !(Number.isInteger(l.maxItems) && (l.maxItems as number) > 0))
      .map((l) => l.coordinate)
    expect(uncapped).toEqual([])
    const cap = (c: string) => lists.find((l) => l.coordinate === c)?.maxItems
    expect(cap('Query.nodes(ids:)')).toBe(DEFAULT_MAX_ITEMS)
    expect(cap('Query.chatChannels(ids:)')).toBe(DEFAULT_MAX_ITEMS)
    expect(cap('ChatHistoryCondition.value')).toBe(DEFAULT_MAX_ITEMS)
    expect(cap('Mutation.invitePhones(phones:)')).toBe(20)
    expect(lists.length).toBeGreaterThanOrEqual(10)
  })

  it('every list argument of every root field, and every list inside its input objects, refuses cap + 1 items', async () => {
    const schema: GraphQLSchema = roomy.app.yoga.getEnveloped().schema
    interface Probe {
      value: unknown
      field: string
      cap: number
    }
    // one value per list position reachable in an argument's type, oversized there and empty elsewhere
    const probes = (type: GraphQLInputType, path: string, cap: number | undefined, seen: Set<string>): Probe[] => {
      if (isNonNullType(type)) return probes(type.ofType, path, cap, seen)
      if (isListType(type)) {
        // the list itself, and the lists inside its first item
        const inner = probes(type.ofType, `${path}[0]`, cap, seen).map((p) => ({ ...p, value: [p.value] }))
        return [{ value: range(cap! + 1).map(() => null), field: path, cap: cap! }, ...inner]
      }
      if (!isInputObjectType(type) || seen.has(type.name)) return []
      return Object.values(type.getFields()).flatMap((f) =>
        probes(f.type, `${path}.${f.name}`, f.extensions.maxItems, new Set([...seen, type.name])).map((p) => ({
          ...p,
          value: { [f.name]: p.value },
        })),
      )
    }
    let sent = 0
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        for (const arg of field.args) {
          for (const probe of probes(arg.type, arg.name, arg.extensions.maxItems, new Set())) {
            const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }'
            // the other arguments as variables left unset: the cap is checked before variables are coerced
            const others = field.args.filter((a) => a !== arg && isNonNullType(a.type))
            const defs = [`$v: ${arg.type.toString()}`, ...others.map((a) => `$${a.name}: ${a.type.toString()}`)].join(
              ', ',
            )
            const args = [`${arg.name}: $v`, ...others.map((a) => `${a.name}: $${a.name}`)].join(', ')
            const op = `${root.name === 'Query' ? 'query' : 'mutation'}(${defs}) { ${field.name}(${args}) ${selection} }`
            const r = await gqlRaw(roomy.url, op, { v: probe.value }, user.token)
            expect(r.errors?.[0], `${root.name}.${field.name}(${probe.field})`).toMatchObject({
              message: `${probe.field}: at most ${probe.cap} items`,
              extensions: { code: 'INVALID_INPUT', field: probe.field },
            })
            sent++
          }
        }
      }
    }
    expect(sent).toBeGreaterThanOrEqual(12)
  })

  it('a schema with an uncapped list argument is refused at build time', () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { echo: { type: GraphQLString, args: { items: { type: new GraphQLList(GraphQLString) } } } },
      }),
    })
    expect(() => assertListCaps(schema)).toThrow(/Query\.echo\(items:\)/)
  })

  it('nodes(ids:) takes 100 ids, and 101 are INVALID_INPUT naming the argument — in a variable or a literal', async () => {
    const ok = await gql(t.url, NODES, { ids: range(100).map((i) => b64(`User:${i + 1_000_000}`)) })
    expect(ok.errors).toBeUndefined()
    expect(ok.data!.nodes).toHaveLength(100)

    const tooMany = await gql(t.url, NODES, { ids: range(101).map((i) => b64(`User:${i + 1}`)) })
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'ids: at most 100 items',
      extensions: { code: 'INVALID_INPUT', field: 'ids' },
    })
    expect(tooMany.data ?? null).toBeNull()

    const literal = `{ nodes(ids: [${range(101)
      .map((i) => `"${b64(`User:${i + 1}`)}"`)
      .join(',')}]) { id } }`
    const lit = await gqlRaw(t.url, literal)
    expect(lit.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'ids' })
  })

  it('40,000 ids are refused at once, before anything runs', async () => {
    const started = performance.now()
    const r = await gql(roomy.url, NODES, { ids: range(40_000).map((i) => b64(`User:${i + 1}`)) })
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'ids' })
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('chatChannels(ids:) and list fields inside input objects are capped too', async () => {
    const channels = await gql(
      t.url,
      graphql(`query ChatChannels($ids: [String!]!) { chatChannels(ids: $ids) { id } }`),
      {
        ids: range(101).map(() => 'main'),
      },
    )
    expect(channels.errors?.[0]).toMatchObject({
      message: 'ids: at most 100 items',
      extensions: { code: 'INVALID_INPUT', field: 'ids' },
    })

    const HISTORY = graphql(
      `query HistoryByQuery($q: ChatHistoryQuery) { chatHistory(channel: "main", query: $q) { id } }`,
    )
    const values = await gql(t.url, HISTORY, {
      q: { conditions: [{ field: 'id', operation: 'in', value: range(101).map(String) }] },
    })
    expect(values.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'query.conditions[0].value' })
    const conditions = await gql(roomy.url, HISTORY, {
      q: { conditions: range(101).map(() => ({ field: 'id', operation: '>', value: ['1'] })) },
    })
    expect(conditions.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'query.conditions' })
  })

  it('a plugin gets the default cap without declaring one', async () => {
    expect(
      (await gqlRaw(t.url, 'query($i: [String!]!) { boundsEcho(items: $i) }', { i: range(100).map(String) })).data
        .boundsEcho,
    ).toHaveLength(100)
    const r = await gqlRaw(t.url, 'query($i: [String!]!) { boundsEcho(items: $i) }', { i: range(101).map(String) })
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'items' })
  })

  it('holds over graphql-ws and through the REST shim (naming the body field)', async () => {
    const client = wsClient(t.url, user.token)
    try {
      const e = await subscribe(client, NODES, { ids: range(101).map(String) }).next(10_000)
      expect(e.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'ids' })
    } finally {
      await client.dispose()
    }
    // JustChat /init/invite sends `phons`, the operation calls them `phones`
    const p = await rest(t.url, '/init/invite', { session_key: user.token, phons: range(21).map(() => newPhone()) })
    expect(p).toMatchObject({ status: 400, body: { error: 'phons: at most 20 items' } })
    // a peka2 list the document gives no size is paged instead (test/conformance/peka2-fixes.test.ts)
    const paged = await rest(roomy.url, '/api/channel/data', { channels: range(101).map(() => 'main') })
    expect(paged.status).toBe(200)
    expect(paged.body).toHaveLength(101)
  })
})

describe('one body limit everywhere (BODY_LIMIT_BYTES)', () => {
  const pad = (n: number) => 'x'.repeat(n)

  it('a GraphQL POST just over the limit is 413 with a clear error; just under is served', async () => {
    const body = (n: number) => JSON.stringify({ query: `query { __typename }  # ${pad(n)}` })
    const base = body(0).length
    const under = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(BODY_LIMIT - base),
    })
    expect(under.status).toBe(200)
    const over = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(BODY_LIMIT - base + 1),
    })
    expect(over.status).toBe(413)
    expect(await over.json()).toEqual({
      errors: [
        { message: `Request body is larger than ${BODY_LIMIT} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      ],
    })
  })

  it('a body that does not declare its length is cut off at the limit as it streams', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${t.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.write(`{"query":"{ __typename }","extensions":{"pad":"`)
      for (let i = 0; i < 4; i++) req.write(pad(BODY_LIMIT / 2))
      req.end('"}}')
    })
    expect(status).toBe(413)
  })

  it('a GET whose URL is over the limit is refused', async () => {
    const ok = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`)
    expect(ok.status).toBe(200)
    const r = await fetch(`${t.url}/graphql?query=${encodeURIComponent(`{ __typename } # ${pad(BODY_LIMIT)}`)}`)
    expect(r.status).toBe(414)
    expect((await r.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('multipart GraphQL requests and REST bodies obey the same limit', async () => {
    const form = new FormData()
    form.set('operations', JSON.stringify({ query: '{ __typename }' }))
    form.set('map', '{}')
    form.set('pad', pad(BODY_LIMIT))
    const m = await fetch(`${t.url}/graphql`, { method: 'POST', body: form })
    expect(m.status).toBe(413)

    const p = await rest(t.url, '/api/user', { name: pad(BODY_LIMIT) })
    expect(p).toMatchObject({ status: 500, body: { message: `Request body is larger than ${BODY_LIMIT} bytes` } })
    const j = await rest(t.url, '/init/reg', { phone: pad(BODY_LIMIT) })
    expect(j).toMatchObject({ status: 413, body: { error: `Request body is larger than ${BODY_LIMIT} bytes` } })
  })
})

describe('invitePhones', () => {
  const INVITE = graphql(`mutation InvitePhones($p: [String!]!) { invitePhones(phones: $p) }`)

  it('takes at most 20 phones per call (GraphQL INVALID_INPUT, JustChat 400 naming phons), nobody is messaged', async () => {
    const phones = range(21).map(newPhone)
    const r = await gql(t.url, INVITE, { p: phones }, user.token)
    expect(r.errors?.[0]).toMatchObject({
      message: 'phones: at most 20 items',
      extensions: { code: 'INVALID_INPUT', field: 'phones' },
    })
    const j = await rest(t.url, '/init/invite', { session_key: user.token, phons: phones })
    expect(j).toEqual(expect.objectContaining({ status: 400, body: { error: 'phons: at most 20 items' } }))
    const bad = await rest(t.url, '/init/invite', { session_key: user.token, phons: [phones[0], 'bogus'] })
    expect(bad).toEqual(
      expect.objectContaining({ status: 400, body: { error: expect.stringMatching(/^phons\[1\]: /) } }),
    )
    expect(await t.app.services.prisma.user.count({ where: { phone: { in: phones } } })).toBe(0)
  })

  it('limits each inviter to 60 phones an hour, counting every call', async () => {
    const inviter = await registerUser(t)
    for (let i = 0; i < 3; i++)
      expect((await gql(t.url, INVITE, { p: range(20).map(newPhone) }, inviter.token)).data?.invitePhones).toBe(true)
    const over = await gql(t.url, INVITE, { p: [newPhone()] }, inviter.token)
    expect(codeOf(over)).toBe('RATE_LIMIT_EXCEEDED')
    // another inviter has a budget of their own
    const other = await registerUser(t)
    expect((await gql(t.url, INVITE, { p: [newPhone()] }, other.token)).data?.invitePhones).toBe(true)
  })
})

describe('bad values are input errors, never internal ones', () => {
  it('a NUL character in any string argument is INVALID_INPUT naming the field (literal, variable, nested, JSON)', async () => {
    // a NUL in a GraphQL string literal: raw, as the typed documents' source text cannot carry it
    const lit = await gqlRaw(t.url, '{ user(name: "a\u0000b") { name } }')
    expect(lit.errors?.[0]).toMatchObject({
      message: 'name: must not contain NUL (\\u0000) characters',
      extensions: { code: 'INVALID_INPUT', field: 'name' },
    })
    const nested = await gql(
      t.url,
      graphql(`mutation RegisterInputBounds($i: RegisterInput!) { register(input: $i) { token } }`),
      {
        i: { username: 'nul_user', email: 'n\u0000@example.com', password: 'secret-pass-1' },
      },
    )
    expect(nested.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'input.email' })
    const inList = await gql(
      t.url,
      graphql(`query ChatChannels($ids: [String!]!) { chatChannels(ids: $ids) { id } }`),
      {
        ids: ['main', 'x\u0000'],
      },
    )
    expect(inList.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'ids[1]' })
    const json = await gql(
      t.url,
      graphql(`mutation AccuseUserInputBounds($d: JSON) { accuseUser(userId: 1, reasonId: 1, data: $d) }`),
      { d: { deep: [{ 'k\u0000': 1 }] } },
      user.token,
    )
    expect(json.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'data.deep[0]' })
  })

  it('REST bodies with a NUL character: the dialect’s input error naming the body field', async () => {
    const p = await rest(t.url, '/api/user/login', { name: 'a\u0000', password: 'x' })
    expect(p).toMatchObject({ status: 500, body: { message: 'name: must not contain NUL (\\u0000) characters' } })
    const j = await rest(t.url, '/init/edit', { session_key: user.token, user: { nickname: 'n\u0000' } })
    expect(j).toMatchObject({
      status: 400,
      body: { error: 'user.nickname: must not contain NUL (\\u0000) characters' },
    })
  })

  it('node and nodes: a missing, malformed or foreign id is null for that entry, never an error', async () => {
    const good = b64(`User:${user.id}`)
    const bad = [
      b64('User:999999999'), // missing
      b64('User:2147483648'), // past int4
      b64('User:abc'),
      b64('User:1.5'),
      b64('User:-1'),
      b64('User:'),
      'not base64 at all!',
      '',
      b64('Settings:1'), // an object type that is not a Node
      b64('NoSuchType:1'),
      b64('Query:1'),
      b64('ChatUser:1'),
    ]
    const r = await gql(t.url, NODES, { ids: [good, ...bad, good] })
    expect(r.errors).toBeUndefined()
    expect(r.data!.nodes).toEqual([
      { id: good, databaseId: user.id },
      ...bad.map(() => null),
      { id: good, databaseId: user.id },
    ])
    for (const id of bad) {
      const one = await gql(t.url, graphql(`query NodeInputBounds($id: ID!) { node(id: $id) { id } }`), { id })
      expect(one, id).toMatchObject({ data: { node: null } })
      expect(one.errors, id).toBeUndefined()
    }
  })

  it('node ids of a disabled plugin are null too', async () => {
    const core = await startTestApp({ PLUGINS: 'chat' })
    try {
      const r = await gql(core.url, NODES, { ids: [b64('Smile:1'), b64('Ban:1')] })
      expect(r).toMatchObject({ data: { nodes: [null, null] } })
      expect(r.errors).toBeUndefined()
    } finally {
      await core.close()
    }
  })

  it('parallel sign-ups of one phone: one creates the account, the others answer created:false', async () => {
    const phone = newPhone()
    const answers = await Promise.all(
      range(5).map(() =>
        gql(t.url, graphql(`mutation RegisterPhone($p: String!) { registerPhone(phone: $p) { created } }`), {
          p: phone,
        }),
      ),
    )
    expect(answers.map((a) => a.errors)).toEqual(range(5).map(() => undefined))
    expect(answers.filter((a) => a.data!.registerPhone.created)).toHaveLength(1)
    const phone2 = newPhone()
    const jc = await Promise.all(range(5).map(() => rest(t.url, '/init/reg', { phone: phone2 })))
    expect(jc.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201])
  })

  it('numbers out of range in REST bodies: the field and the rule, in the dialect’s error form', async () => {
    const support = await registerUser(t)
    await grantRoles(t, support.id, { support: 1 })
    const from = await rest(t.url, '/api/support/list', { from: 1e20 }, { token: support.token })
    expect(from).toMatchObject({ status: 500, body: { message: 'from: must be a valid date and time' } })
    const int = await rest(t.url, '/api/moderation/check', { userId: 1e20 })
    expect(int).toMatchObject({
      status: 500,
      body: { message: 'userId: must be an integer between -2147483648 and 2147483647' },
    })
    const str = await rest(t.url, '/api/moderation/check', { userId: 'seven' })
    expect(str.body.message).toBe('userId: must be an integer between -2147483648 and 2147483647')
    const missing = await rest(t.url, '/api/moderation/check', {})
    expect(missing.body.message).toBe('userId: is required')
    const jc = await rest(t.url, '/complaints/new', { session_key: user.token, message: 1e20 })
    expect(jc).toMatchObject({
      status: 400,
      body: { error: 'message: must be an id (24 hexadecimal digits, or an integer)' },
    })
    // an element of a renamed list: `channels` in the body is `ids` in the operation
    const item = await rest(t.url, '/api/channel/data', { channels: ['main', 7] })
    expect(item).toMatchObject({ status: 500, body: { message: 'channels[1]: must be a string' } })
    for (const r of [from, int, str, missing, jc, item])
      expect(JSON.stringify(r.body)).not.toMatch(/Variable|\$|cannot represent|GraphQL/)
  })

  it('a route mapper that cannot take the body is an input error, logged as a warning, not an internal error', async () => {
    logLines.length = 0
    const r = await rest(t.url, '/api/bounds/mapper', { at: 1e20 })
    expect(r.status).toBe(500)
    expect(r.body.message).not.toMatch(/Internal server error/)
    expect(logLines.some((l) => l.level === 'warn' && l.msg === 'REST body the route could not map')).toBe(true)
    expect(logLines.some((l) => l.level === 'error')).toBe(false)
  })

  it('100,000-deep JSON: the dialect’s input error, logged as refused input, never an internal error', async () => {
    logLines.length = 0
    const deepArray = '['.repeat(100_000) + ']'.repeat(100_000)
    const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    const big = { 'content-type': 'application/json' }
    // (bigger than the 4 KiB limit of the main app of this file)
    {
      for (const [path, body] of [
        ['/init/auth', `{"phone":${deepArray},"key":"1"}`],
        ['/init/reg', `{"phone":${deepObject}}`],
        ['/api/user', deepArray],
        ['/api/user', `{"name":${deepObject}}`],
      ] as const) {
        const res = await fetch(`${roomy.url}${path}`, { method: 'POST', headers: big, body })
        const json = await res.json()
        if (path.startsWith('/init'))
          expect({ path, status: res.status, json }).toMatchObject({
            status: 400,
            json: { error: expect.stringMatching(/deeper than 32 levels/) },
          })
        else
          expect({ path, status: res.status, json }).toMatchObject({
            status: 500,
            json: { message: expect.stringMatching(/deeper than 32 levels|JSON object/) },
          })
      }
      // over GraphQL: variables nested past the bound
      const g = await fetch(`${roomy.url}/graphql`, {
        method: 'POST',
        headers: big,
        body: `{"query":"mutation($d: JSON) { accuseUser(userId: 1, reasonId: 1, data: $d) }","variables":{"d":${deepArray}}}`,
      })
      const gj = await g.json()
      expect(gj.errors[0].extensions).toMatchObject({ code: 'INVALID_INPUT', field: expect.stringMatching(/^data/) })
      const groups = (n: number): ChatHistoryQuery => (n === 0 ? {} : { groups: [groups(n - 1)] })
      const h = await gql(
        roomy.url,
        graphql(`query HistoryByQuery($q: ChatHistoryQuery) { chatHistory(channel: "main", query: $q) { id } }`),
        {
          q: groups(200),
        },
      )
      expect(h.errors?.[0].extensions).toMatchObject({ code: 'INVALID_INPUT' })
    }
    expect(logLines.filter((l) => l.msg === 'rest request refused').length).toBeGreaterThanOrEqual(4)
    expect(logLines.some((l) => l.level === 'error')).toBe(false)
  })
})
