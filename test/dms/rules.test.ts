import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { allowFrom, conversation, dialogs, send, sent, unreadTotal } from './dm-support.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ DM_NEW_RECIPIENTS_PER_DAY: '3' })
})
afterAll(() => t.close())

const ignore = async (who: TestUser, whom: number) => {
  const r = await gqlRaw(t.url, `mutation($i: Int!) { ignore(content: CHAT, item: $i) }`, { i: whom }, who.token)
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
}

/** Test setup only: an account old enough not to be "new". */
const age = (u: TestUser, days: number) =>
  t.app.services.prisma.user.update({
    where: { id: u.id },
    data: { createdAt: new Date(Date.now() - days * 86_400_000) },
  })

describe('who may message whom', () => {
  it('an ignored sender sees the message as sent; the recipient never sees it, nor a dialog, nor an unread count', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    await ignore(b, a.id)
    const r = await send(t, a, b.id, 'you cannot see me')
    expect(r.data!.sendDirectMessage).toMatchObject({ isSent: true, dropReason: null })
    expect((await conversation(t, a, b.id)).map((m) => m.text)).toEqual(['you cannot see me'])
    expect(await conversation(t, b, a.id)).toEqual([])
    expect((await dialogs(t, b)).list).toEqual([])
    expect(await unreadTotal(t, b)).toBe(0)
    // the sender's own dialog shows it as any other
    expect((await dialogs(t, a)).list[0].lastMessage?.text).toBe('you cannot see me')
  })

  it('"nobody" refuses everyone; "friends" refuses strangers; "everyone" lets them in', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    await allowFrom(t, b, 'nobody')
    let r = await send(t, a, b.id, 'hello?')
    expect(r.data!.sendDirectMessage).toMatchObject({ isSent: false, dropReason: 'NOT_ALLOWED' })
    await allowFrom(t, b, 'friends')
    r = await send(t, a, b.id, 'hello?')
    expect(r.data!.sendDirectMessage).toMatchObject({ isSent: false, dropReason: 'NOT_ALLOWED' })
    expect(r.data!.sendDirectMessage.dropMessage).toMatch(/friends/)
    // friends (set up directly: the friend workflow has its own tests)
    await t.app.services.prisma.friendship.createMany({
      data: [
        { userId: a.id, friendId: b.id },
        { userId: b.id, friendId: a.id },
      ],
    })
    await sent(t, a, b.id, 'now as a friend')
    // whoever takes messages from nobody may still be answered where they wrote first
    const c = await registerUser(t)
    const e = await registerUser(t)
    await allowFrom(t, c, 'nobody')
    await sent(t, c, e.id, 'I write first')
    await sent(t, e, c.id, 'and I may answer')
    expect((await send(t, a, c.id, 'but not this')).data!.sendDirectMessage.dropReason).toBe('NOT_ALLOWED')
    await allowFrom(t, b, 'everyone')
    const d = await registerUser(t)
    await sent(t, d, b.id, 'a stranger, welcome')
    expect((await conversation(t, b, a.id)).map((m) => m.text)).toEqual(['now as a friend'])
  })

  it('a blocked account takes no messages', async () => {
    const a = await registerUser(t)
    const b = await registerUser(t)
    await t.app.services.prisma.user.update({ where: { id: b.id }, data: { blocked: true } })
    const r = await send(t, a, b.id, 'hi')
    expect(r.data!.sendDirectMessage).toMatchObject({ isSent: false, dropReason: 'NOT_ALLOWED' })
  })

  it('a new account starts at most N conversations a day; old conversations and old accounts are not held to it', async () => {
    const spammer = await registerUser(t)
    const targets = await Promise.all([1, 2, 3, 4].map(() => registerUser(t)))
    for (const u of targets.slice(0, 3)) await sent(t, spammer, u.id, 'buy now')
    const refused = (await send(t, spammer, targets[3].id, 'buy now')).data!.sendDirectMessage
    expect(refused).toMatchObject({ isSent: false, dropReason: 'RATE_LIMITED' })
    expect(refused.dropMessage).toMatch(/new account/)
    expect((await dialogs(t, targets[3])).list).toEqual([])
    // an existing conversation goes on
    await sent(t, spammer, targets[0].id, 'one more to an old friend')
    // an older account is not capped
    await age(spammer, 30)
    await sent(t, spammer, targets[3].id, 'now fine')
  })

  it('edits are held to the edit window', async () => {
    const short = await startTestApp({ DM_EDIT_WINDOW_SECONDS: '1' })
    try {
      const a = await registerUser(short)
      const b = await registerUser(short)
      const id = await sent(short, a, b.id, 'typo')
      const edit = (text: string) =>
        gqlRaw(
          short.url,
          `mutation($id: Int!, $t: String!) { editChatMessage(id: $id, text: $t) { text } }`,
          { id, t: text },
          a.token,
        )
      expect((await edit('fixed')).data.editChatMessage.text).toBe('fixed')
      await new Promise((r) => setTimeout(r, 1200))
      const late = await edit('too late')
      expect(late.errors?.[0].extensions?.code).toBe('INSUFFICIENT_PERMISSIONS')
      expect(late.errors?.[0].extensions?.field).toBe('id')
    } finally {
      await short.close()
    }
  })
})
