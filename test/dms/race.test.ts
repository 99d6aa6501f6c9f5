import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { registerUser } from '../helpers/users.js'
import { dialogs, markRead, send, sent } from './dm-support.js'

/**
 * Concurrency: requests fired together over real HTTP. On PostgreSQL (TEST_DATABASE_URL) the transactions truly
 * overlap and only the locks keep the rules. The embedded database runs one transaction at a time, so there these
 * races would pass without racing: they are skipped, saying why.
 */
const racing = describe.skipIf(!process.env.TEST_DATABASE_URL)
let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ DM_NEW_RECIPIENTS_PER_DAY: '3' })
})
afterAll(() => t.close())

racing('races (needs PostgreSQL: PGlite is single-connection, so it serialises writers)', () => {
  it('first messages of a new account to 8 people at once start exactly 3 conversations', async () => {
    const spammer = await registerUser(t)
    const targets = await Promise.all(Array.from({ length: 8 }, () => registerUser(t)))
    const outcomes = (await Promise.all(targets.map((u) => send(t, spammer, u.id, 'buy now')))).map(
      (r) => r.data!.sendDirectMessage,
    )
    expect(outcomes.filter((o) => o.isSent)).toHaveLength(3)
    expect(outcomes.filter((o) => !o.isSent).every((o) => o.dropReason === 'RATE_LIMITED')).toBe(true)
    expect((await dialogs(t, spammer, 20)).list).toHaveLength(3)
  })

  it('two first messages of one pair at once make one conversation', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    const both = await Promise.all([send(t, a, b.id, 'hi b'), send(t, b, a.id, 'hi a')])
    expect(both.every((r) => r.data!.sendDirectMessage.isSent)).toBe(true)
    const conversations = await t.app.services.prisma.dmConversation.count({
      where: { channel: `private/${Math.min(a.id, b.id)}/${Math.max(a.id, b.id)}` },
    })
    expect(conversations).toBe(1)
    // whoever wrote second has read the first message (a reply reads), so one of the two is unread in all
    const unread = (await dialogs(t, a)).list[0].unreadCount + (await dialogs(t, b)).list[0].unreadCount
    expect(unread).toBe(1)
  })

  it('unread counts stay exact while messages arrive and reads happen at the same time', async () => {
    const reader = await registerUser(t)
    const writers = await Promise.all(Array.from({ length: 4 }, () => registerUser(t)))
    for (const w of writers)
      await t.app.services.prisma.user.update({ where: { id: w.id }, data: { createdAt: new Date(0) } })
    const first = await Promise.all(writers.map((w) => sent(t, w, reader.id, 'start')))
    // 4 writers × 10 messages, while the reader marks each conversation read up to its first message, 3 times over
    const sends = writers.flatMap((w) => Array.from({ length: 10 }, (_, i) => sent(t, w, reader.id, `m${i}`)))
    const reads = first.flatMap((id) => [markRead(t, reader, id), markRead(t, reader, id), markRead(t, reader, id)])
    await Promise.all([...sends, ...reads])
    const list = (await dialogs(t, reader)).list
    expect(list).toHaveLength(4)
    // every conversation: read up to "start", so its 10 later messages are unread — no more, no fewer
    for (const d of list) expect(d.unreadCount).toBe(10)
    const last = Math.max(...list.map((d) => d.lastMessage!.databaseId))
    const lastDialog = list.find((d) => d.lastMessage!.databaseId === last)!
    await markRead(t, reader, last)
    expect((await dialogs(t, reader)).list.find((d) => d.channel === lastDialog.channel)!.unreadCount).toBe(0)
  })
})
