import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '../../../src/context.js'
import { rolesFromRows } from '../../../src/auth/roles.js'
import { ticketsByIds } from '../../../plugins/moderation/support/service.js'
import { startTestApp, type TestApp } from '../../helpers/app.js'
import { usersWith, type StrengthUser } from '../http.js'

/**
 * Who sees a support ticket by its id (the Relay node lookup): its asker and support staff, nobody else — not a
 * moderator, another user or a guest — called with real contexts on a real database.
 */

let t: TestApp
let staff: StrengthUser
let asker: StrengthUser
let stranger: StrengthUser
let moderator: StrengthUser
let unsupported: StrengthUser
const db = () => t.app.services.prisma

beforeAll(async () => {
  t = await startTestApp({ PLUGINS: 'chat,moderation' })
  ;[staff, asker, stranger, moderator, unsupported] = await usersWith(t, [
    { support: 1 },
    {},
    {},
    { moderator: 1 },
    { support: 0 },
  ])
}, 120_000)
afterAll(() => t.close())

async function ctxOf(u: StrengthUser | null): Promise<Context> {
  const roles = u ? await db().userRole.findMany({ where: { userId: u.id } }) : []
  return {
    config: t.app.config,
    prisma: db(),
    pubsub: t.app.services.pubsub,
    services: t.app.services,
    viewer: u ? { id: u.id, name: u.name, sessionId: 0, roles: rolesFromRows(roles) } : null,
    requestId: 'strength',
    ip: '127.0.0.1',
    userAgent: 'strength',
    token: null,
    operator: false,
  }
}

const ticketOf = async (u: StrengthUser, question: string) =>
  (await db().supportTicket.create({ data: { userId: u.id, categoryId: 1, question } })).id

describe('a ticket by id', () => {
  let mine: number
  let answered: number
  let others: number
  beforeAll(async () => {
    mine = await ticketOf(asker, 'mine')
    answered = await ticketOf(asker, 'answered')
    others = await ticketOf(stranger, 'theirs')
    await db().chatMessage.create({ data: { channel: `support/${answered}`, fromId: staff.id, text: 'a' } })
  })

  it('its asker sees their own tickets, in the order asked for, and not another asker’s', async () => {
    const got = await ticketsByIds(await ctxOf(asker), [answered, others, mine])
    expect(got.map((v) => v?.id ?? null)).toEqual([answered, null, mine])
    expect(got[2]).toMatchObject({ question: 'mine', channel: `support/${mine}`, active: true, answered: false })
    expect(got[0]).toMatchObject({ question: 'answered', active: false, answered: true })
  })

  it('support staff see every ticket; an unknown id is null', async () => {
    const got = await ticketsByIds(await ctxOf(staff), [others, 2_000_000_000, mine])
    expect(got.map((v) => v?.id ?? null)).toEqual([others, null, mine])
  })

  it('a moderator, another user, a user with support 0 and a guest see none', async () => {
    for (const u of [moderator, stranger, unsupported, null]) {
      const got = await ticketsByIds(await ctxOf(u), [mine, answered])
      expect([u?.name ?? 'guest', got]).toEqual([u?.name ?? 'guest', [null, null]])
    }
  })
})
