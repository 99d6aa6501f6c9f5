// JustChat's personal messages (justchat-api.md "Личные сообщения") over the dms plugin: session_key in the body,
// string ids, { data: … } answers and the documented statuses with { error }.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { allowFrom, send, sent, unreadTotal } from './dm-support.js'
import { dbId, oid } from '../helpers/justchat.js'

let t: TestApp
beforeAll(async () => {
  // a new account may start 3 conversations a day here: the 4th is the documented refusal of pace
  t = await startTestApp({ DM_NEW_RECIPIENTS_PER_DAY: '3' })
})
afterAll(() => closeAll(t))

const jc = (path: string, user: TestUser | null, body: Record<string, unknown> = {}) =>
  rest(t.url, path, user ? { session_key: user.token, ...body } : body)

const MESSAGE_KEYS = ['_id', 'author', 'create_at', 'ref_message', 'room', 'text', 'type', 'user']
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/

/** JustChat's MessageSchema of a direct message from `author` to `user`. */
const dm = (id: number, author: TestUser, user: TestUser, text: string) => ({
  _id: oid(id),
  room: null,
  author: oid(author.id),
  user: oid(user.id),
  text,
  type: 'message',
  ref_message: null,
  create_at: expect.stringMatching(ISO),
})

const ids = (list: { _id: string }[]) => list.map((m) => dbId(m._id))
const users = (n: number) => Promise.all(Array.from({ length: n }, () => registerUser(t)))

describe('/user/sendMessage', () => {
  it('sends (200, { data: { message: [MessageSchema] } }: a list of the one sent) with ObjectId strings; the recipient sees it', async () => {
    const [a, b] = await users(2)
    const r = await jc('/user/sendMessage', a, { message: { user: String(b.id), text: 'Dude!' } })
    expect(r.status).toBe(200)
    expect(r.body.data.message).toHaveLength(1)
    expect(Object.keys(r.body.data.message[0]).sort()).toEqual(MESSAGE_KEYS)
    expect(r.body).toEqual({ data: { message: [dm(dbId(r.body.data.message[0]._id), a, b, 'Dude!')] } })
    // the ObjectId form, and a numeric id, are taken too
    const again = await jc('/user/sendMessage', a, { message: { user: oid(b.id), text: 'again' } })
    expect(again.body.data.message[0]).toMatchObject({ author: oid(a.id), user: oid(b.id), text: 'again' })
    expect((await jc('/user/sendMessage', a, { message: { user: b.id, text: 'and again' } })).status).toBe(200)
    // a reply (GraphQL replyTo) names the message it answers
    const first = r.body.data.message[0]._id as string
    const reply = await send(t, b, a.id, 'sup', { replyTo: dbId(first) })
    expect(reply.data?.sendDirectMessage.isSent).toBe(true)
    const ofB = await jc('/user/dialog', b, { user: String(a.id) })
    expect(ofB.body.data.dialog.map((m: { text: string }) => m.text)).toEqual(['Dude!', 'again', 'and again', 'sup'])
    expect(ofB.body.data.dialog[3]).toMatchObject({ author: oid(b.id), user: oid(a.id), ref_message: first })
  })

  it('400 for an empty or missing `user` or `text`, naming the field', async () => {
    const [a, b] = await users(2)
    const cases: [unknown, string][] = [
      [{ text: 'x' }, 'message.user'],
      [{ user: '', text: 'x' }, 'message.user'],
      [{ user: String(b.id), text: '' }, 'message.text'],
      [{ user: String(b.id), text: '   ' }, 'message.text'],
      [{ user: String(b.id) }, 'message.text'],
    ]
    for (const [message, field] of cases) {
      const r = await jc('/user/sendMessage', a, { message })
      expect(r.status, JSON.stringify(message)).toBe(400)
      expect(r.body.error).toMatch(new RegExp(`^${field.replace('.', '\\.')}:`))
    }
    expect((await jc('/user/sendMessage', a, {})).status).toBe(400)
    expect((await jc('/user/dialogs', b)).body.data.dialogs).toEqual([])
  })

  it('403 when the recipient takes no messages from the sender, 404 for a user that does not exist', async () => {
    const [a, b] = await users(2)
    await allowFrom(t, b, 'nobody')
    const r = await jc('/user/sendMessage', a, { message: { user: String(b.id), text: 'let me in' } })
    expect(r).toMatchObject({ status: 403, body: { error: 'This user takes direct messages from nobody' } })
    for (const user of ['2000000000', '52ee29b565e203779f2e37f3']) {
      const unknown = await jc('/user/sendMessage', a, { message: { user, text: 'anyone?' } })
      expect(unknown).toMatchObject({ status: 404, body: { error: expect.any(String) } })
    }
  })

  it("429 with Retry-After for a new account's 4th new conversation of the day", async () => {
    const [a, ...peers] = await users(5)
    for (const p of peers.slice(0, 3)) await sent(t, a, p.id, 'hello')
    const r = await jc('/user/sendMessage', a, { message: { user: String(peers[3].id), text: 'hello' } })
    expect(r).toMatchObject({ status: 429, body: { error: expect.stringMatching(/conversations a day/) } })
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(60)
    // an existing conversation goes on
    expect((await jc('/user/sendMessage', a, { message: { user: String(peers[0].id), text: 'more' } })).status).toBe(
      200,
    )
  })
})

describe('/user/messages', () => {
  it('answers the latest 100 by default, oldest first; `limit` and `offset` page back from the newest', async () => {
    const [a, b] = await users(2)
    // 105 messages, the two taking turns (each stays under chat's 60 events a minute)
    const all: number[] = []
    for (let i = 0; i < 105; i++) all.push(await sent(t, i % 2 ? b : a, i % 2 ? a.id : b.id, `m${i}`))
    const latest = await jc('/user/messages', a)
    expect(latest.status).toBe(200)
    expect(ids(latest.body.data.messages)).toEqual(all.slice(5))
    expect(latest.body.data.messages[0]).toEqual(dm(all[5], b, a, 'm5'))
    expect(latest.body.data.messages[99]).toEqual(dm(all[104], a, b, 'm104'))
    expect(ids((await jc('/user/messages', a, { limit: 4 })).body.data.messages)).toEqual(all.slice(101))
    // numbers as strings, as JustChat clients send them
    expect(ids((await jc('/user/messages', a, { limit: '3', offset: '2' })).body.data.messages)).toEqual(
      all.slice(100, 103),
    )
    expect(ids((await jc('/user/messages', b, { limit: 2, offset: 104 })).body.data.messages)).toEqual([all[0]])
    expect((await jc('/user/messages', b, { offset: 105 })).body.data.messages).toEqual([])
    // /user/dialog reads the same conversation alike, with `skip`
    const dialog = await jc('/user/dialog', b, { user: String(a.id) })
    expect(ids(dialog.body.data.dialog)).toEqual(all.slice(5))
    expect(ids((await jc('/user/dialog', b, { user: String(a.id), skip: 100 })).body.data.dialog)).toEqual(
      all.slice(0, 5),
    )
    expect(ids((await jc('/user/dialog', b, { user: a.id, skip: 1, limit: 2 })).body.data.dialog)).toEqual(
      all.slice(102, 104),
    )
    for (const bad of [{ limit: 0 }, { limit: 101 }, { offset: -1 }, { limit: 'many' }]) {
      const r = await jc('/user/messages', a, bad)
      expect(r.status, JSON.stringify(bad)).toBe(400)
      expect(r.body.error).toMatch(new RegExp(`^${Object.keys(bad)[0]}:`))
    }
  })

  it('`author`: only theirs to the viewer; `user`: only the viewer’s to them; both → 400', async () => {
    const [me, b, c] = await users(3)
    const fromB = await sent(t, b, me.id, 'b to me')
    const toB = await sent(t, me, b.id, 'me to b')
    const fromC = await sent(t, c, me.id, 'c to me')
    const toC = await sent(t, me, c.id, 'me to c')
    expect(ids((await jc('/user/messages', me)).body.data.messages)).toEqual([fromB, toB, fromC, toC])
    const byB = await jc('/user/messages', me, { author: String(b.id) })
    expect(byB.body).toEqual({ data: { messages: [dm(fromB, b, me, 'b to me')] } })
    const toUser = await jc('/user/messages', me, { user: String(c.id) })
    expect(toUser.body).toEqual({ data: { messages: [dm(toC, me, c, 'me to c')] } })
    // b's own view of the same conversation
    expect(ids((await jc('/user/messages', b, { author: me.id })).body.data.messages)).toEqual([toB])
    for (const more of [{}, { countOnly: true }]) {
      const both = await jc('/user/messages', me, { author: String(b.id), user: String(c.id), ...more })
      expect(both).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^user:/) } })
    }
    expect((await jc('/user/messages', me, { author: '2000000000' })).status).toBe(404)
  })

  it('countOnly: the messages as documented, and `count`, the unread ones, which reading lowers', async () => {
    const [me, b, c, d] = await users(4)
    const count = async () => {
      const r = await jc('/user/messages', me, { countOnly: true, limit: 2 })
      expect(r.status).toBe(200)
      const body = r.body as { data: { count: number; messages: unknown[] } }
      expect(body.data.messages.length).toBeLessThanOrEqual(2)
      return body.data.count
    }
    expect(await count()).toBe(0)
    const b1 = await sent(t, b, me.id, 'one')
    const b2 = await sent(t, b, me.id, 'two')
    await sent(t, c, me.id, 'three')
    await sent(t, me, d.id, 'mine are never unread to me')
    expect(await count()).toBe(3)
    expect(await unreadTotal(t, me)).toBe(3)
    const listed = await jc('/user/messages', me, { countOnly: true, limit: 2 })
    expect(listed.body.data.messages).toHaveLength(2)
    const read = await jc('/user/messages/mark-as-read', me, { message: String(b1) })
    expect(read.status).toBe(200)
    expect(await count()).toBe(2)
    await jc('/user/messages/mark-as-read', me, { message: b2 })
    expect(await count()).toBe(1)
  })
})

describe('/user/dialogs and /user/dialog', () => {
  it('lists dialogs latest first: the other user, the last message, the unread count', async () => {
    const [me, b, c] = await users(3)
    await sent(t, b, me.id, 'b1')
    const b2 = await sent(t, b, me.id, 'b2')
    await sent(t, c, me.id, 'c1')
    const mine = await sent(t, me, c.id, 'me to c')
    const r = await jc('/user/dialogs', me)
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      data: {
        dialogs: [
          // replying reads what came before
          { user: oid(c.id), last_message: dm(mine, me, c, 'me to c'), unread: 0 },
          { user: oid(b.id), last_message: dm(b2, b, me, 'b2'), unread: 2 },
        ],
      },
    })
    await jc('/user/messages/mark-as-read', me, { message: String(b2) })
    expect((await jc('/user/dialogs', me)).body.data.dialogs[1]).toMatchObject({ user: oid(b.id), unread: 0 })
    // the other side's view: their dialog with me, my message last
    expect((await jc('/user/dialogs', c)).body.data.dialogs).toEqual([
      { user: oid(me.id), last_message: dm(mine, me, c, 'me to c'), unread: 1 },
    ])
  })

  it('/user/dialog: 400 without `user`, 404 for a user that does not exist, [] with someone never written to', async () => {
    const [me, b] = await users(2)
    expect((await jc('/user/dialog', me)).status).toBe(400)
    expect((await jc('/user/dialog', me, { user: '' })).status).toBe(400)
    expect((await jc('/user/dialog', me, { user: '2000000000' })).status).toBe(404)
    expect((await jc('/user/dialog', me, { user: String(b.id) })).body).toEqual({ data: { dialog: [] } })
    expect((await jc('/user/dialog', me, { user: String(b.id), limit: 101 })).status).toBe(400)
  })
})

describe('/user/remove-dialog', () => {
  it('removes the dialog for the viewer only: the other side keeps theirs; the next message brings it back', async () => {
    const [me, b] = await users(2)
    const m1 = await sent(t, b, me.id, 'hi')
    const m2 = await sent(t, me, b.id, 'hello')
    const r = await jc('/user/remove-dialog', me, { user: String(b.id) })
    expect(r).toMatchObject({ status: 200, body: {} })
    expect((await jc('/user/dialogs', me)).body.data.dialogs).toEqual([])
    expect((await jc('/user/dialog', me, { user: String(b.id) })).body.data.dialog).toEqual([])
    expect((await jc('/user/messages', me, { countOnly: true })).body.data.count).toBe(0)
    expect(ids((await jc('/user/dialog', b, { user: String(me.id) })).body.data.dialog)).toEqual([m1, m2])
    expect((await jc('/user/dialogs', b)).body.data.dialogs).toMatchObject([{ user: oid(me.id) }])
    const m3 = await sent(t, b, me.id, 'still there?')
    expect(ids((await jc('/user/dialog', me, { user: String(b.id) })).body.data.dialog)).toEqual([m3])
    expect((await jc('/user/dialogs', me)).body.data.dialogs).toMatchObject([{ user: oid(b.id), unread: 1 }])
  })

  it('400 without `user`; {} when there was no dialog', async () => {
    const [me, b] = await users(2)
    for (const body of [{}, { user: '' }]) {
      const r = await jc('/user/remove-dialog', me, body)
      expect(r).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^user:/) } })
    }
    expect(await jc('/user/remove-dialog', me, { user: String(b.id) })).toMatchObject({ status: 200, body: {} })
  })
})

describe('/user/messages/mark-as-read and /user/messages/remove', () => {
  it('mark-as-read answers the message; 400 without `message`, 404 outside the viewer’s conversations', async () => {
    const [me, b, c] = await users(3)
    const m = await sent(t, b, me.id, 'read me')
    const r = await jc('/user/messages/mark-as-read', me, { message: String(m) })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ data: { message: dm(m, b, me, 'read me') } })
    expect((await jc('/user/dialogs', me)).body.data.dialogs).toMatchObject([{ user: oid(b.id), unread: 0 }])
    expect((await jc('/user/messages/mark-as-read', me, {})).status).toBe(400)
    const theirs = await sent(t, b, c.id, 'between b and c')
    for (const message of [String(theirs), oid(theirs), '2000000000']) {
      const other = await jc('/user/messages/mark-as-read', me, { message })
      expect(other).toMatchObject({ status: 404, body: { error: expect.any(String) } })
    }
    // not an id at all: an input error naming the field
    expect(await jc('/user/messages/mark-as-read', me, { message: 'not-an-id' })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^message: /) },
    })
  })

  it('remove: gone for the viewer only; 404 for a message of someone else’s conversation; 400 without `message`', async () => {
    const [me, b, c] = await users(3)
    const m1 = await sent(t, b, me.id, 'keep')
    const m2 = await sent(t, me, b.id, 'drop for me')
    const r = await jc('/user/messages/remove', me, { message: String(m2) })
    expect(r).toMatchObject({ status: 200, body: {} })
    expect(ids((await jc('/user/dialog', me, { user: String(b.id) })).body.data.dialog)).toEqual([m1])
    expect(ids((await jc('/user/dialog', b, { user: String(me.id) })).body.data.dialog)).toEqual([m1, m2])
    // removed already: no longer the viewer's to remove
    expect((await jc('/user/messages/remove', me, { message: String(m2) })).status).toBe(404)
    const theirs = await sent(t, b, c.id, 'not yours')
    expect(await jc('/user/messages/remove', me, { message: String(theirs) })).toMatchObject({
      status: 404,
      body: { error: expect.any(String) },
    })
    expect(ids((await jc('/user/dialog', c, { user: String(b.id) })).body.data.dialog)).toEqual([theirs])
    expect((await jc('/user/messages/remove', me, {})).status).toBe(400)
  })
})

describe('sessions', () => {
  const ROUTES = [
    '/user/sendMessage',
    '/user/messages',
    '/user/dialogs',
    '/user/dialog',
    '/user/remove-dialog',
    '/user/messages/mark-as-read',
    '/user/messages/remove',
  ]

  it('every route answers 440 without a session, with a bad one and with an expired one', async () => {
    const [me, b] = await users(2)
    const m = await sent(t, b, me.id, 'hi')
    const expired = await registerUser(t)
    await t.app.services.prisma.session.updateMany({
      where: { userId: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    // a body every route could act on: only the session stands in the way
    const body = { user: String(b.id), message: String(m) }
    for (const path of ROUTES) {
      for (const key of [undefined, 'not-a-session', expired.token]) {
        const r = await rest(t.url, path, key ? { ...body, session_key: key } : body)
        expect(r.status, `${path} ${key ?? 'no key'}`).toBe(440)
        expect(r.body).toEqual({ error: expect.any(String) })
      }
    }
    // the same session, fresh, is let in
    expect((await jc('/user/dialogs', me)).status).toBe(200)
    const sentNow = await send(t, expired, b.id, 'with an expired session')
    expect(sentNow.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})
