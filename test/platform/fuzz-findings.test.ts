import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

// What the fuzz suite (test/fuzz) found, each pinned by the smallest input that reached an internal error.
let t: TestApp
let user: TestUser
beforeAll(async () => {
  t = await startTestApp()
  user = await registerUser(t)
})
afterAll(() => closeAll(t))

const internal = (body: unknown) =>
  /Internal server error|INTERNAL_SERVER_ERROR|Unexpected error/.exec(JSON.stringify(body))

describe('dates outside what PostgreSQL stores', () => {
  it('peka2 /api/moderation/list answers its input error naming the field, not an internal error', async () => {
    for (const body of [
      { to: '-271821-04-20T00:00:00.000Z', reason: 5 },
      { from: -8640000000000000 },
      { from: '+010000-01-01T00:00:00Z' },
    ]) {
      const r = await rest(t.url, '/api/moderation/list', body, { token: user.token })
      expect(r.status).toBe(500) // peka2's documented error status
      expect(internal(r.body), JSON.stringify(r.body)).toBeNull()
      expect(r.body.message).toMatch(/^(from|to): /)
    }
  })

  it('GraphQL refuses them as invalid variables and literals', async () => {
    const v = await gql(
      t.url,
      graphql(`query BansFuzzFindings($to: DateTime) { bans(first: 5, to: $to) { edges { node { databaseId } } } }`),
      { to: '-271821-04-20T00:00:00.000Z' },
      user.token,
    )
    expect(internal(v)).toBeNull()
    expect(v.errors?.[0]?.message).toMatch(/years 1 and 9999/)
    const l = await gql(
      t.url,
      graphql(
        `query BansFuzzFindings2 { bans(first: 5, from: "0000-12-31T00:00:00Z") { edges { node { databaseId } } } }`,
      ),
      {},
      user.token,
    )
    expect(internal(l)).toBeNull()
    expect(l.errors?.[0]?.message).toMatch(/years 1 and 9999/)
  })
})

describe('support ticket ids above the 32-bit range', () => {
  it('are not channels: the same answer as any malformed channel id', async () => {
    const big = await gql(
      t.url,
      graphql(
        `mutation AddChannelModeratorFuzzFindings { addChannelModerator(channel: "support/2147483648", userId: 1) }`,
      ),
      {},
      user.token,
    )
    const bad = await gql(
      t.url,
      graphql(`mutation AddChannelModeratorFuzzFindings2 { addChannelModerator(channel: "support/x", userId: 1) }`),
      {},
      user.token,
    )
    expect(internal(big)).toBeNull()
    expect(codeOf(big)).toBe(codeOf(bad))
    const r = await rest(t.url, '/api/channel/data', { channels: ['support/9999999999'] })
    expect(internal(r.body), JSON.stringify(r.body)).toBeNull()
  })
})

describe('a user loaded under another type keeps the fields that need relations', () => {
  it('mySmileChanges { user { roles } } answers the roles', async () => {
    const ms = await userWithRoles(t, { masterstreamer: 1 })
    const r = await gql(
      t.url,
      graphql(
        `query MySmileChangesFuzzFindings { mySmileChanges { user { name roles { masterstreamer moderator } } } }`,
      ),
      {},
      ms.token,
    )
    expect(r.errors).toBeUndefined()
    expect(r.data!.mySmileChanges.user).toEqual({ name: ms.name, roles: { masterstreamer: true, moderator: false } })
  })
})

describe('graphql-ws messages only a server may send', () => {
  for (const frame of [
    { type: 'next', id: '1', payload: {} },
    { type: 'connection_ack' },
    { type: 'error', id: '1', payload: [] },
  ]) {
    it(`"${frame.type}" from a client closes with 4400, not 4500`, async () => {
      const ws = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws')
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
      )
      await new Promise((resolve) => ws.once('open', resolve))
      ws.send(JSON.stringify({ type: 'connection_init' }))
      await new Promise((resolve) => ws.once('message', resolve))
      ws.send(JSON.stringify(frame))
      const { code, reason } = await closed
      expect(code).toBe(4400)
      expect(reason).toMatch(/message/i)
    })
  }
})
