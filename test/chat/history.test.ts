// History: the Relay connection per channel, JustChat-style skip/limit, peka2 condition queries (chat.md /chat/history),
// ignores, full-text search, and the constant number of SQL statements behind a page of history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, gqlRaw, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { onQuery } from '../../src/db/client.js'
import { countMessages, send } from './support.js'
import { graphql } from '../generated/index.js'
import type { ChatHistoryQuery } from '../generated/graphql.js'

let t: TestApp
let u1: TestUser, u2: TestUser, u3: TestUser, u4: TestUser
beforeAll(async () => {
  t = await startTestApp()
  ;[u1, u2, u3, u4] = await Promise.all([registerUser(t), registerUser(t), registerUser(t), registerUser(t)])
})
afterAll(() => closeAll(t))

const db = () => t.app.services.prisma
const PAGE =
  graphql(`query ChatChannelHistory($c: String!, $first: Int, $after: String, $last: Int, $before: String) { chatChannel(id: $c) {
  messages(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { databaseId text } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
} }`)
const LIST = graphql(
  `query ChatHistory2($c: String!, $skip: Int, $limit: Int, $q: ChatHistoryQuery) { chatHistory(channel: $c, skip: $skip, limit: $limit, query: $q) { databaseId text from { databaseId } to { databaseId } type } }`,
)

/** A stream channel of its own, filled through the database (texts "m0" … oldest first); returns the ids oldest first. */
async function filled(n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const owner = await db().user.create({
    data: {
      name: `h${Date.now()}${Math.random()}`.slice(0, 30),
      nameLower: `h${Math.random()}`,
      slug: `h${Math.random()}`,
    },
  })
  const channel = `stream/${owner.id}`
  await db().chatMessage.createMany({
    data: Array.from({ length: n }, (_, i) => ({ channel, fromId: u1.id, text: `m${i}`, ...extra(i) })),
  })
  const ids = (
    await db().chatMessage.findMany({ where: { channel }, orderBy: { id: 'asc' }, select: { id: true } })
  ).map((r) => r.id)
  return { channel, ids }
}

describe('Relay connection', () => {
  it('pages newest first with cursors, both ways, at most 100 a page', async () => {
    const { channel, ids } = await filled(25)
    const newest = [...ids].reverse()
    const p1 = (await gql(t.url, PAGE, { c: channel, first: 10 })).data!.chatChannel.messages
    expect(p1.edges.map((e: any) => e.node.databaseId)).toEqual(newest.slice(0, 10))
    expect(p1.pageInfo).toMatchObject({
      hasNextPage: true,
      startCursor: p1.edges[0].cursor,
      endCursor: p1.edges[9].cursor,
    })
    const p2 = (await gql(t.url, PAGE, { c: channel, first: 10, after: p1.pageInfo.endCursor })).data!.chatChannel
      .messages
    expect(p2.edges.map((e: any) => e.node.databaseId)).toEqual(newest.slice(10, 20))
    const p3 = (await gql(t.url, PAGE, { c: channel, first: 10, after: p2.pageInfo.endCursor })).data!.chatChannel
      .messages
    expect(p3.edges.map((e: any) => e.node.databaseId)).toEqual(newest.slice(20))
    expect(p3.pageInfo.hasNextPage).toBe(false)
    // back towards the newest from a cursor
    const back = (await gql(t.url, PAGE, { c: channel, last: 5, before: p2.edges[0].cursor })).data!.chatChannel
      .messages
    expect(back.edges.map((e: any) => e.node.databaseId)).toEqual(newest.slice(5, 10))
    // new messages appear first; removed ones disappear
    const fresh = await send(t, u2.token, { channel, text: 'fresh' })
    await db().chatMessage.update({ where: { id: ids[24] }, data: { deletedAt: new Date() } })
    const top = (await gql(t.url, PAGE, { c: channel, first: 2 })).data!.chatChannel.messages.edges.map(
      (e: any) => e.node.databaseId,
    )
    expect(top).toEqual([fresh.databaseId, ids[23]])

    const full = await gql(t.url, PAGE, { c: channel, first: 100 })
    expect(full.data!.chatChannel.messages.edges).toHaveLength(25)
    // out-of-range counts and cursors that are not ours: INVALID_INPUT naming the argument, never a 500
    const bad: [Record<string, unknown>, string][] = [
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ last: 101 }, 'last'],
      [{ last: -1 }, 'last'],
      [{ after: 'garbage' }, 'after'],
      [{ after: '-5' }, 'after'],
      [{ after: '99999999999999999999' }, 'after'],
      [{ before: '1.5' }, 'before'],
    ]
    for (const [v, field] of bad) {
      const r = await gql(t.url, PAGE, { c: channel, ...v })
      expect(codeOf(r), JSON.stringify(v)).toBe('INVALID_INPUT')
      expect(r.errors![0].extensions!.field).toBe(field)
    }
  })
})

describe('chatHistory (skip/limit)', () => {
  it('skips and limits newest first, within bounds', async () => {
    const { channel, ids } = await filled(12)
    const r = await gql(t.url, LIST, { c: channel, skip: 3, limit: 4 })
    expect(r.data!.chatHistory.map((m: any) => m.databaseId)).toEqual([...ids].reverse().slice(3, 7))
    expect((await gql(t.url, LIST, { c: channel, skip: 10 })).data!.chatHistory.map((m: any) => m.text)).toEqual([
      'm1',
      'm0',
    ])
    // skip -n: the oldest `limit` of the n latest, newest first; more than there are starts from the first
    const window = async (skip: number, limit: number) =>
      (await gql(t.url, LIST, { c: channel, skip, limit })).data!.chatHistory.map((m: any) => m.text)
    expect(await window(-3, 2)).toEqual(['m10', 'm9'])
    expect(await window(-2, 5)).toEqual(['m11', 'm10'])
    expect(await window(-500, 3)).toEqual(['m2', 'm1', 'm0'])
    for (const [v, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 101 }, 'limit'],
      [{ skip: -100_001 }, 'skip'],
    ] as const) {
      const bad = await gql(t.url, LIST, { c: channel, ...v })
      expect(codeOf(bad), JSON.stringify(v)).toBe('INVALID_INPUT')
      expect(bad.errors![0].extensions!.field).toBe(field)
    }
  })
})

describe('peka2 condition query', () => {
  let channel: string
  let expectTexts: (q: ChatHistoryQuery, texts: string[]) => Promise<void>
  beforeAll(async () => {
    // who says what to whom: text "<from>><to>" (0 = nobody), from u1…u4
    const owner = await registerUser(t)
    channel = `stream/${owner.id}`
    const plan: [TestUser, TestUser | null, string?][] = [
      [u1, null],
      [u2, u1],
      [u3, null],
      [u4, u2],
      [u1, u3],
      [u2, null],
      [u4, u1],
      [u3, u4],
      [u2, null, 'announce'],
    ]
    const idx = (u: TestUser | null) => (u ? [u1, u2, u3, u4].indexOf(u) + 1 : 0)
    await db().chatMessage.createMany({
      data: plan.map(([from, to, type]) => ({
        channel,
        fromId: from.id,
        toId: to?.id ?? null,
        type: type ?? 'message',
        text: `${idx(from)}>${idx(to)}${type ? ' ' + type : ''}`,
      })),
    })
    expectTexts = async (q, texts) => {
      const r = await gql(t.url, LIST, { c: channel, q, limit: 100 })
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
      expect(r.data!.chatHistory.map((m: any) => m.text)).toEqual(texts)
    }
  })
  const s = (u: TestUser) => String(u.id)

  it("chat.md example 1: one user's messages and mentions of them — ((from = 1 OR to = 1))", async () => {
    await expectTexts(
      {
        conditions: [],
        groups: [
          {
            conditions: [
              { field: 'from', operation: '=', value: [s(u1)], glue: 'or' },
              { field: 'to', operation: '=', value: [s(u1)], glue: 'or' },
            ],
            groups: [],
            glue: 'and',
          },
        ],
        glue: 'and',
      },
      ['4>1', '1>3', '2>1', '1>0'],
    )
  })

  it('chat.md example 2: without ignored users, mentions included — (from NOT IN (…) AND to NOT IN (…))', async () => {
    const ignored = [s(u2), s(u3)]
    await expectTexts(
      {
        conditions: [
          { field: 'from', operation: 'not in', value: ignored, glue: 'and' },
          { field: 'to', operation: 'not in', value: ignored, glue: 'and' },
        ],
        groups: [],
        glue: 'and',
      },
      ['4>1', '1>0'],
    )
  })

  it('chat.md example 3: both together', async () => {
    const ignored = [s(u2), s(u3), s(u4)]
    await expectTexts(
      {
        conditions: [
          { field: 'from', operation: 'not in', value: ignored, glue: 'and' },
          { field: 'to', operation: 'not in', value: ignored, glue: 'and' },
        ],
        groups: [
          {
            conditions: [
              { field: 'from', operation: '=', value: [s(u1)], glue: 'or' },
              { field: 'to', operation: '=', value: [s(u1)], glue: 'or' },
            ],
            groups: [],
            glue: 'and',
          },
        ],
        glue: 'and',
      },
      ['1>0'],
    )
  })

  it('every field and operation: id <, >, <>, type in, from in, or-glue', async () => {
    const ids = (
      await db().chatMessage.findMany({ where: { channel }, orderBy: { id: 'asc' }, select: { id: true } })
    ).map((r) => String(r.id))
    await expectTexts({ conditions: [{ field: 'id', operation: '<', value: [ids[2]] }] }, ['2>1', '1>0'])
    await expectTexts(
      {
        conditions: [
          { field: 'id', operation: '>', value: [ids[6]] },
          { field: 'type', operation: '<>', value: ['announce'], glue: 'and' },
        ],
      },
      ['3>4'],
    )
    await expectTexts({ conditions: [{ field: 'type', operation: 'in', value: ['announce', 'donate'] }] }, [
      '2>0 announce',
    ])
    await expectTexts(
      {
        conditions: [
          { field: 'from', operation: 'in', value: [s(u3)] },
          { field: 'to', operation: '=', value: [s(u2)], glue: 'or' },
        ],
      },
      ['3>4', '4>2', '3>0'],
    )
    await expectTexts(
      {
        conditions: [
          { field: 'to', operation: '<>', value: [s(u1)] },
          { field: 'from', operation: '=', value: [s(u1)], glue: 'and' },
        ],
      },
      ['1>3', '1>0'],
    )
    // the same query language on the Relay connection
    const r = await gql(
      t.url,
      graphql(
        `query ChatChannelHistory2($c: String!, $q: ChatHistoryQuery) { chatChannel(id: $c) { messages(first: 10, query: $q) { edges { node { text } } } } }`,
      ),
      {
        c: channel,
        q: { conditions: [{ field: 'type', operation: '=', value: ['announce'] }] },
      },
    )
    expect(r.data!.chatChannel.messages.edges.map((e: any) => e.node.text)).toEqual(['2>0 announce'])
  })

  it('refuses malformed queries with INVALID_INPUT naming the path, and writes nothing', async () => {
    const before = await countMessages(t)
    const cond = (c: Record<string, unknown>) => ({ field: 'from', operation: '=', value: ['1'], ...c })
    let deep: any = { conditions: [cond({})] }
    for (let i = 0; i < 5; i++) deep = { conditions: [cond({})], groups: [deep], glue: 'and' }
    const cases: [ChatHistoryQuery, string][] = [
      [{ conditions: [cond({ field: 'text' })] }, 'query.conditions[0].field'],
      [{ conditions: [cond({}), cond({ operation: 'like' })] }, 'query.conditions[1].operation'],
      [{ conditions: [cond({}), cond({ glue: 'OR' })] }, 'query.conditions[1].glue'],
      [{ conditions: [cond({})], groups: [{ conditions: [cond({})], glue: 'xor' }] }, 'query.groups[0].glue'],
      [{ groups: [{ conditions: [cond({}), cond({ field: 'channel' })] }] }, 'query.groups[0].conditions[1].field'],
      [deep, 'query.groups[0].groups[0].groups[0].groups[0].groups[0]'],
      [{ conditions: [cond({ value: [] })] }, 'query.conditions[0].value'],
      [{ conditions: [cond({ value: ['1', '2'] })] }, 'query.conditions[0].value'],
      [{ conditions: [cond({ value: ['abc'] })] }, 'query.conditions[0].value[0]'],
      [
        { conditions: [cond({ field: 'id', operation: '<', value: ['1; DROP TABLE "ChatMessage"'] })] },
        'query.conditions[0].value[0]',
      ],
      [{ conditions: [cond({ field: 'id', operation: '<', value: ['9999999999'] })] }, 'query.conditions[0].value[0]'],
      [{ conditions: [cond({ field: 'type', value: ['x'.repeat(33)] })] }, 'query.conditions[0].value[0]'],
    ]
    for (const [q, path] of cases) {
      const r = await gql(t.url, LIST, { c: channel, q })
      expect(codeOf(r), path).toBe('INVALID_INPUT')
      expect(r.errors![0].extensions!.field).toBe(path)
      expect(r.errors![0].message).toContain(path)
    }
    // shape errors (a missing field, a wrong type) are refused before the resolver: still INVALID_INPUT-like, never a 500
    const shape = await gqlRaw(t.url, LIST, { c: channel, q: { conditions: [{ field: 'from', value: ['1'] }] } })
    expect(shape.errors).toBeDefined()
    expect(shape.status).not.toBe(500)
    expect(await countMessages(t)).toBe(before)
    expect(await countMessages(t, { channel })).toBe(9)
  })
})

describe('ignored users', () => {
  it('are filtered out of history (and search) for the viewer who ignores them, not for others', async () => {
    const viewer = await registerUser(t)
    const owner = await registerUser(t)
    const channel = `stream/${owner.id}`
    await send(t, u1.token, { channel, text: 'pineapple from one' })
    await send(t, u2.token, { channel, text: 'pineapple from two' })
    await send(t, u3.token, { channel, text: 'pineapple from three' })
    // one ignore through GraphQL, one through the peka2 REST route a legacy client uses
    expect(
      (
        await gql(
          t.url,
          graphql(`mutation Ignore($i: Int!) { ignore(content: CHAT, item: $i) }`),
          { i: u1.id },
          viewer.token,
        )
      ).data!.ignore,
    ).toBe(true)
    expect(
      (await rest(t.url, '/api/ignore/add', { content: 'chat', item: u3.id }, { token: viewer.token })).status,
    ).toBe(200)
    const mine = (await gql(t.url, LIST, { c: channel }, viewer.token)).data!.chatHistory.map((m: any) => m.text)
    expect(mine).toEqual(['pineapple from two'])
    const page = (await gql(t.url, PAGE, { c: channel, first: 10 }, viewer.token)).data!.chatChannel.messages.edges.map(
      (e: any) => e.node.text,
    )
    expect(page).toEqual(['pineapple from two'])
    const found = await gql(
      t.url,
      graphql(`query SearchChatMessages { searchChatMessages(text: "pineapple") { message { text } } }`),
      undefined,
      viewer.token,
    )
    expect(found.data!.searchChatMessages.map((h: any) => h.message.text)).toEqual(['pineapple from two'])
    // others see everything
    expect((await gql(t.url, LIST, { c: channel }, u4.token)).data!.chatHistory).toHaveLength(3)
    // un-ignoring brings them back
    await gql(
      t.url,
      graphql(`mutation Unignore($i: Int!) { unignore(content: CHAT, item: $i) }`),
      { i: u1.id },
      viewer.token,
    )
    expect((await gql(t.url, LIST, { c: channel }, viewer.token)).data!.chatHistory.map((m: any) => m.text)).toEqual([
      'pineapple from two',
      'pineapple from one',
    ])
  })
})

describe('full-text search', () => {
  const SEARCH = graphql(
    `query SearchChatMessagesHistory($q: String!, $c: String, $first: Int, $offset: Int) { searchChatMessages(text: $q, channel: $c, first: $first, offset: $offset) { rank message { databaseId channel text } } }`,
  )

  it('covers the readable channels only: a private message is not found by a third user', async () => {
    const priv = `private/${Math.min(u1.id, u2.id)}/${Math.max(u1.id, u2.id)}`
    const secret = await send(t, u1.token, { channel: priv, text: 'the zanzibar password is swordfish' })
    const mod = await userWithRoles(t, { moderator: 1 })
    const staffOnly = await send(t, mod.token, { channel: 'admin', text: 'zanzibar raid incoming' })
    const open = await send(t, u3.token, { channel: 'main', text: 'anyone been to zanzibar?' })
    const ids = async (token?: string) =>
      (await gql(t.url, SEARCH, { q: 'zanzibar' }, token))
        .data!.searchChatMessages.map((h: any) => h.message.databaseId)
        .sort()
    expect(await ids(u1.token)).toEqual([secret.databaseId, open.databaseId].sort())
    expect(await ids(u2.token)).toEqual([secret.databaseId, open.databaseId].sort())
    expect(await ids(u3.token)).toEqual([open.databaseId])
    expect(await ids()).toEqual([open.databaseId])
    expect(await ids(mod.token)).toEqual([staffOnly.databaseId, open.databaseId].sort())
    // naming the channel does not get round it
    expect(codeOf(await gql(t.url, SEARCH, { q: 'zanzibar', c: priv }, u3.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(
      (await gql(t.url, SEARCH, { q: 'zanzibar', c: priv }, u2.token)).data!.searchChatMessages.map(
        (h: any) => h.message.databaseId,
      ),
    ).toEqual([secret.databaseId])
    // removed messages are not found
    await gql(
      t.url,
      graphql(`mutation RemoveChatMessage($id: Int!) { removeChatMessage(id: $id) }`),
      { id: open.databaseId },
      u3.token,
    )
    expect(await ids(u3.token)).toEqual([])
  })

  it('ranks the best match first and pages', async () => {
    const owner = await registerUser(t)
    const channel = `stream/${owner.id}`
    const weak = await send(t, u1.token, {
      channel,
      text: 'a quokka once, among many other animals of the island and the sea',
    })
    const strong = await send(t, u2.token, { channel, text: 'quokka quokka quokka!' })
    const mid = await send(t, u3.token, { channel, text: 'quokka, quokka — two of them' })
    const all = (await gql(t.url, SEARCH, { q: 'quokka', c: channel })).data!.searchChatMessages
    expect(all.map((h: any) => h.message.databaseId)).toEqual([strong.databaseId, mid.databaseId, weak.databaseId])
    expect(all[0].rank).toBeGreaterThan(all[2].rank)
    const p1 = (await gql(t.url, SEARCH, { q: 'quokka', c: channel, first: 2 })).data!.searchChatMessages
    const p2 = (await gql(t.url, SEARCH, { q: 'quokka', c: channel, first: 2, offset: 2 })).data!.searchChatMessages
    expect([...p1, ...p2].map((h: any) => h.message.databaseId)).toEqual(all.map((h: any) => h.message.databaseId))
    for (const v of [{ q: 'q' }, { q: 'quokka', first: 0 }, { q: 'quokka', first: 101 }, { q: 'quokka', offset: -1 }]) {
      expect(codeOf(await gql(t.url, SEARCH, v)), JSON.stringify(v)).toBe('INVALID_INPUT')
    }
  })
})

describe('SQL statements per history page', () => {
  it('a page with authors and reactions runs the same number of statements at 10 and at 100 messages', async () => {
    const { channel, ids } = await filled(100, (i) => ({ toId: i % 3 ? u2.id : null }))
    await db().chatReaction.createMany({
      data: ids.flatMap((id, i) =>
        [u1, u2, u3]
          .slice(0, 1 + (i % 3))
          .map((u, j) => ({ messageId: id, userId: u.id, emoji: [':a:', ':b:', ':c:'][j] })),
      ),
    })
    const Q = graphql(
      `query ChatChannelHistory3($c: String!, $n: Int!) { chatChannel(id: $c) { messages(first: $n) { edges { node { text from { name } to { name } reactions { emoji count } } } } } }`,
    )
    const statementsFor = async (n: number, token?: string) => {
      const seen: string[] = []
      const off = onQuery(db(), (sql) => seen.push(sql))
      try {
        const r = await gql(t.url, Q, { c: channel, n }, token)
        expect(r.errors).toBeUndefined()
        expect(r.data!.chatChannel.messages.edges).toHaveLength(n)
        expect(r.data!.chatChannel.messages.edges[0].node.reactions.length).toBeGreaterThan(0)
      } finally {
        off()
      }
      return seen
    }
    for (const token of [undefined, u4.token]) {
      const at10 = await statementsFor(10, token)
      const at100 = await statementsFor(100, token)
      expect(at100.length, at100.join('\n')).toBe(at10.length)
      expect(at10.length).toBeGreaterThan(0)
      // a handful: viewer, channel checks, the page itself — not one per message
      expect(at10.length).toBeLessThanOrEqual(8)
    }
  })
})
