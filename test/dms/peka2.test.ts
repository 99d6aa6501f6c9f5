// peka2's POST /api/channel/private (common.md): the viewer's last 30 private channels, latest message first — the
// dms plugin's route since private channels moved out of chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { channelOf, sent } from './dm-support.js'

let t: TestApp
beforeAll(async () => {
  // the test starts 32 conversations from one fresh account: past a new account's daily cap of new ones
  t = await startTestApp({ DM_NEW_ACCOUNT_DAYS: '0' })
})
afterAll(() => closeAll(t))

describe('REST /api/channel/private', () => {
  it("lists the user's last 30 private channels, latest message first (GraphQL privateChatChannels too)", async () => {
    const prisma = t.app.services.prisma
    const me = await registerUser(t)
    // 32 correspondents, made in the database (registering 32 accounts through the API would hash 32 passwords);
    // the conversations are started through the API, as a client does
    const others = []
    for (let i = 0; i < 32; i++) {
      const name = `pc${me.id}x${i}`
      others.push(await prisma.user.create({ data: { name, nameLower: name, slug: name }, select: { id: true } }))
    }
    for (const o of others) await sent(t, me, o.id, 'hey')
    // the oldest conversation gets a new message and jumps to the top
    await sent(t, me, others[0].id, 'back to you')
    const expected = [others[0], ...others.slice(1).reverse()].map((o) => channelOf(me.id, o.id)).slice(0, 30)
    expect(expected[1]).toBe(channelOf(me.id, others[31].id))
    const r = await rest(t.url, '/api/channel/private', {}, { token: me.token })
    expect(r.status).toBe(200)
    expect(r.body).toEqual(expected)
    const g = await gql(t.url, graphql(`query PrivateChatChannels { privateChatChannels }`), undefined, me.token)
    expect(g.data!.privateChatChannels).toEqual(expected)
  })

  it("holds the viewer's own conversations only, whoever wrote first", async () => {
    const [alice, bob, carol] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)])
    await sent(t, bob, alice.id, 'hi alice')
    await sent(t, bob, carol.id, 'hi carol')
    expect((await rest(t.url, '/api/channel/private', {}, { token: alice.token })).body).toEqual([
      channelOf(alice.id, bob.id),
    ])
    expect((await rest(t.url, '/api/channel/private', {}, { token: bob.token })).body).toEqual([
      channelOf(bob.id, carol.id),
      channelOf(alice.id, bob.id),
    ])
    const nobody = await registerUser(t)
    expect((await rest(t.url, '/api/channel/private', {}, { token: nobody.token })).body).toEqual([])
  })

  it('errors when not logged in or with a bad token', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const r = await rest(t.url, '/api/channel/private', {}, { token })
      expect(r.status).toBe(500)
      expect(r.body).toEqual({ message: expect.any(String) })
    }
  })
})
