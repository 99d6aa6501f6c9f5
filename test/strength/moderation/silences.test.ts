import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app.js'
import { gql, usersWith } from '../http.js'

/**
 * The publish guard with two silences in force at once (written straight into the database: a new silence made
 * through the API lifts the one before it): the one that ends last holds, whichever was written first.
 */

let t: TestApp
const db = () => t.app.services.prisma
const HOUR = 3_600_000

beforeAll(async () => {
  t = await startTestApp({ PLUGINS: 'chat,moderation' })
}, 120_000)
afterAll(() => t.close())

const SEND = `mutation($c: String!, $t: String!) { sendChatMessage(input: { channel: $c, text: $t }) {
  isSent dropReason dropMessage } }`

describe('two silences in force', () => {
  it('the later end holds, whether written first or last', async () => {
    const [owner, moderator, first, last] = await usersWith(t, [{}, { moderator: 1 }, {}, {}])
    const ch = `stream/${owner.id}`
    const soon = new Date(Date.now() + HOUR)
    const later = new Date(Date.now() + 3 * HOUR)
    const silence = (userId: number, until: Date) =>
      db().channelSanction.create({ data: { channel: ch, userId, kind: 'silence', until, actorId: moderator.id } })
    // the later end written last, then written first
    await silence(last.id, soon)
    await silence(last.id, later)
    await silence(first.id, later)
    await silence(first.id, soon)
    for (const u of [last, first]) {
      const r = (await gql(t, SEND, { c: ch, t: 'hello' }, u.token)).data?.sendChatMessage
      expect([u.name, r]).toEqual([
        u.name,
        {
          isSent: false,
          dropReason: 'SILENCED',
          dropMessage: `You are silenced in this channel until ${later.toISOString()}`,
        },
      ])
    }
  })
})
