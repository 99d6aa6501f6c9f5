// Full-text search under load: the query is answered by the GIN index on the generated `searchVector` column (no
// scan of every message), the migration makes existing messages searchable, and GraphQL charges each search its
// declared cost, so aliasing it many times is refused before anything runs. (What search finds: history.test.ts.)
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, gqlRaw, type GqlResult } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { onQuery } from '../../src/db/client.js'
import { SEARCH_COST } from '../../plugins/chat/history.js'
import { send } from './support.js'
import { graphql } from '../generated/index.js'

let t: TestApp
let u: TestUser
beforeAll(async () => {
  t = await startTestApp()
  u = await registerUser(t)
})
afterAll(() => closeAll(t))

const db = () => t.app.services.prisma
const hitsOf = (r: GqlResult<{ searchChatMessages: { message: { databaseId: number } }[] }>) =>
  r.data!.searchChatMessages.map((h) => h.message.databaseId)
const aliases = (n: number, text = 'quasar', prefix = 's', selection = 'rank message { databaseId }') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}: searchChatMessages(text: "${text}") { ${selection} }`).join('\n')

describe('search cost', () => {
  it('one search works; as many as fit in GRAPHQL_COST_LIMIT work; 15 aliases are refused before anything runs', async () => {
    expect(SEARCH_COST).toBe(500)
    const m = await send(t, u.token, { channel: 'main', text: 'a quasar in the sky' })
    expect(
      hitsOf(
        await gql(
          t.url,
          graphql(`query SearchChatMessages2 { searchChatMessages(text: "quasar") { rank message { databaseId } } }`),
        ),
      ),
    ).toEqual([m.databaseId])

    const ten = await gqlRaw(t.url, `{ ${aliases(10)} }`)
    expect(ten.errors).toBeUndefined()
    expect(Object.keys(ten.data)).toHaveLength(10)

    const seen: string[] = []
    const off = onQuery(db(), (sql) => seen.push(sql))
    let fifteen
    try {
      fifteen = await gqlRaw(t.url, `{ ${aliases(15)} }`)
    } finally {
      off()
    }
    expect(fifteen.status).toBe(400)
    expect(fifteen.data).toBeUndefined()
    expect(codeOf(fifteen)).toBe('COST_LIMIT_EXCEEDED')
    expect(fifteen.errors![0].message).toMatch(/limit of 5000 exceeded, found 7500 \(Query\.searchChatMessages ×15\)/)
    expect(seen.filter((s) => s.includes('plainto_tsquery'))).toEqual([])

    // fragments and inline fragments do not hide it; the same fragment spread twice counts twice
    const viaFragment = await gqlRaw(
      t.url,
      `query { ...A ...B ... on Query { ${aliases(3, 'nebula', 'n', 'rank')} } } fragment A on Query { ${aliases(6, 'quasar', 's', 'rank')} } fragment B on Query { ...A }`,
    )
    expect(codeOf(viaFragment)).toBe('COST_LIMIT_EXCEEDED')
    expect(viaFragment.errors![0].message).toContain('found 7500')
    // a literal page size does not multiply the search itself
    expect(
      (
        await gql(
          t.url,
          graphql(`query SearchChatMessages3 { searchChatMessages(text: "quasar", first: 100) { rank } }`),
        )
      ).errors,
    ).toBeUndefined()
  })

  it('the limit follows GRAPHQL_COST_LIMIT', async () => {
    const small = await startTestApp({ GRAPHQL_COST_LIMIT: '999' })
    try {
      expect((await gqlRaw(small.url, `{ ${aliases(1)} }`)).errors).toBeUndefined()
      expect(codeOf(await gqlRaw(small.url, `{ ${aliases(2)} }`))).toBe('COST_LIMIT_EXCEEDED')
    } finally {
      await small.close()
    }
  })
})

describe('search index', () => {
  it("the search's own statement is a bitmap scan of the GIN index on a table of 20,000 messages", async () => {
    const owner = await registerUser(t)
    // 20,000 messages of 8 words drawn from 5,000: a word is in ~30 of them
    await db().$executeRawUnsafe(`
      INSERT INTO "ChatMessage" (channel, text)
      SELECT 'stream/${owner.id}', (SELECT string_agg('w' || (1 + (g * 7919 + k * 104729) % 5000), ' ') FROM generate_series(1, 8) k)
      FROM generate_series(1, 20000) g`)
    await db().$executeRawUnsafe('ANALYZE "ChatMessage"')
    const expected = await db().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "ChatMessage" WHERE channel = 'stream/${owner.id}' AND text ~ '\\mw1234\\M'`,
    )

    const seen: string[] = []
    const off = onQuery(db(), (sql) => seen.push(sql))
    let found
    try {
      found = await gql(
        t.url,
        graphql(
          `query SearchChatMessages4($c: String!) { searchChatMessages(text: "w1234", channel: $c, first: 100) { message { text } } }`,
        ),
        { c: `stream/${owner.id}` },
      )
    } finally {
      off()
    }
    expect(found.data!.searchChatMessages).toHaveLength(Number(expected[0].n))
    expect(Number(expected[0].n)).toBeGreaterThan(0)
    const sql = seen.find((s) => s.includes('plainto_tsquery'))!
    expect(sql).toBeDefined()
    // the same statement, with the parameters the search sent: text, channel patterns, ignored users, first, offset
    const plan = (
      await db().$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN ${sql}`,
        'w1234',
        [`stream/${owner.id}`],
        [],
        100,
        0,
      )
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n')
    expect(plan).toContain('Bitmap Index Scan on "ChatMessage_searchVector_idx"')
    expect(plan).not.toContain('Seq Scan on "ChatMessage"')
  })

  it('the migration makes messages written before it searchable (it computes the column for every row)', async () => {
    const file = fs.readdirSync('prisma/migrations').find((d) => d.endsWith('_chat_search_index'))!
    const migration = fs.readFileSync(path.join('prisma/migrations', file, 'migration.sql'), 'utf8')
    const sql = new pg.Client({ connectionString: t.app.database.url })
    await sql.connect()
    try {
      // the table as it was before the migration, with messages in it
      await sql.query('DROP INDEX "ChatMessage_searchVector_idx"; ALTER TABLE "ChatMessage" DROP COLUMN "searchVector"')
      const owner = await registerUser(t)
      const channel = `stream/${owner.id}`
      await sql.query(
        `INSERT INTO "ChatMessage" (channel, text) VALUES ($1, 'an old walrus'), ($1, 'older walrus news')`,
        [channel],
      )
      await sql.query(migration)
      const { rows } = await sql.query('SELECT count(*)::int AS n FROM "ChatMessage" WHERE "searchVector" IS NULL')
      expect(rows[0].n).toBe(0)
      const r = await gql(
        t.url,
        graphql(
          `query SearchChatMessages5($c: String!) { searchChatMessages(text: "walrus", channel: $c) { message { text } } }`,
        ),
        { c: channel },
      )
      expect(r.data!.searchChatMessages.map((h: { message: { text: string } }) => h.message.text).sort()).toEqual([
        'an old walrus',
        'older walrus news',
      ])
      // and messages written after it are indexed as they are written
      await send(t, u.token, { channel, text: 'a new walrus' })
      expect(
        (
          await gql(
            t.url,
            graphql(
              `query SearchChatMessages6($c: String!) { searchChatMessages(text: "walrus", channel: $c) { rank } }`,
            ),
            {
              c: channel,
            },
          )
        ).data!.searchChatMessages,
      ).toHaveLength(3)
    } finally {
      await sql.end()
    }
  })
})
