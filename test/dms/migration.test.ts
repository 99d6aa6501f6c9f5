// The migration that brought direct messages turns the private channels peka2 already had into conversations: their
// messages stay where they are and show in both users' dialogs. Its data part runs here on rows written as the chat
// of before wrote them (straight into ChatMessage, with no conversation), then the users read them as clients do.
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { registerUser } from '../helpers/users.js'
import { channelOf, conversation, dialogs } from './dm-support.js'

const MIGRATION = 'prisma/migrations/20261130071005_direct_messages/migration.sql'
const MARK = '-- Existing private channels'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

/** The migration's data statements (after its marker), one at a time. */
function dataStatements() {
  const sql = fs.readFileSync(MIGRATION, 'utf8')
  const at = sql.indexOf(MARK)
  expect(at).toBeGreaterThan(0)
  return sql
    .slice(at)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^--.*$/gm, '').trim())
    .filter(Boolean)
}

describe('migration 20261130071005_direct_messages', () => {
  it('keeps existing private-channel messages as conversations both users see', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const c = await registerUser(t)
    const db = t.app.services.prisma
    const ab = channelOf(a.id, b.id)
    const ac = channelOf(a.id, c.id)
    const m1 = await db.chatMessage.create({ data: { channel: ab, fromId: b.id, text: 'old one' } })
    const m2 = await db.chatMessage.create({ data: { channel: ab, fromId: a.id, text: 'old reply' } })
    const m3 = await db.chatMessage.create({ data: { channel: ac, fromId: c.id, text: 'from c' } })
    // a removed message is kept, but the dialog's last message is the last shown one
    await db.chatMessage.create({ data: { channel: ac, fromId: c.id, text: 'gone', deletedAt: new Date() } })
    expect(await db.dmConversation.count({ where: { channel: { in: [ab, ac] } } })).toBe(0)
    for (const s of dataStatements()) await db.$executeRawUnsafe(s)

    const convs = await db.dmConversation.findMany({
      where: { channel: { in: [ab, ac] } },
      orderBy: { channel: 'asc' },
    })
    expect(convs.map((x) => [x.channel, x.startedById]).sort()).toEqual(
      [
        [ab, b.id],
        [ac, c.id],
      ].sort(),
    )
    const ofA = (await dialogs(t, a)).list
    expect(ofA.map((d) => [d.peerId, d.lastMessage?.databaseId])).toEqual([
      [c.id, m3.id],
      [b.id, m2.id],
    ])
    // nobody had read state before: everything the other side wrote is unread
    expect(ofA.map((d) => d.unreadCount)).toEqual([1, 1])
    expect((await conversation(t, b, a.id)).map((m) => m.databaseId)).toEqual([m1.id, m2.id])
    expect((await dialogs(t, c)).list[0]).toMatchObject({ peerId: a.id, unreadCount: 0 })
  })
})
