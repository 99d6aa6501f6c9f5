import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql } from '../helpers/clients.js'
import { registerUser, userWithRoles } from '../helpers/users.js'
import { graphql } from '../generated/index.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const SEND = graphql(
  `mutation SendChatMessageLimitsRace($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }`,
)

/**
 * Both limits are kept by locks inside a transaction. The embedded database runs one transaction at a time, so there
 * these races would pass without racing: they run on PostgreSQL (TEST_DATABASE_URL) only.
 */
const racing = describe.skipIf(!process.env.TEST_DATABASE_URL)

racing(
  'chat limits hold under concurrency (needs PostgreSQL: PGlite is single-connection, so it serialises writers)',
  () => {
    it('racing reactions never exceed 20 distinct emoji on a message', async () => {
      const u = await registerUser(t)
      const id = (await gql(t.url, SEND, { i: { channel: 'main', text: 'react to me' } }, u.token)).data!
        .sendChatMessage.message!.databaseId
      const users = await Promise.all(Array.from({ length: 4 }, () => registerUser(t)))
      for (let i = 0; i < 18; i++)
        await gql(
          t.url,
          graphql(`mutation AddChatReaction($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { count } }`),
          { id, e: `e${i}` },
          users[i % 4].token,
        )
      // 4 users race to add 4 new emoji where only 2 places are left
      await Promise.all(
        users.map((x, i) =>
          gql(
            t.url,
            graphql(
              `mutation AddChatReaction($id: Int!, $e: String!) { addChatReaction(id: $id, emoji: $e) { count } }`,
            ),
            { id, e: `race${i}` },
            x.token,
          ),
        ),
      )
      const distinct = await t.app.services.prisma.chatReaction.findMany({
        where: { messageId: id },
        distinct: ['emoji'],
      })
      expect(distinct.length).toBe(20)
    })

    it('racing pins never exceed 50 pinned messages in a channel', async () => {
      const mods = await Promise.all(Array.from({ length: 4 }, () => userWithRoles(t, { moderator: 1 })))
      const author = await registerUser(t)
      const ch = `stream/${author.id}`
      const ids: number[] = []
      for (let i = 0; i < 53; i++)
        ids.push(
          (await gql(t.url, SEND, { i: { channel: ch, text: `m${i}` } }, mods[i % 4].token)).data!.sendChatMessage
            .message!.databaseId,
        )
      for (let i = 0; i < 49; i++)
        await gql(
          t.url,
          graphql(`mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }`),
          { id: ids[i] },
          mods[0].token,
        )
      await Promise.all(
        mods.map((m, i) =>
          gql(
            t.url,
            graphql(`mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }`),
            { id: ids[49 + i] },
            m.token,
          ),
        ),
      )
      expect(await t.app.services.prisma.chatMessage.count({ where: { channel: ch, pinnedAt: { not: null } } })).toBe(
        50,
      )
    })
  },
)
