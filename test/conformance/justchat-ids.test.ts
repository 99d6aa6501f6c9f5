import { createHash, randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { rest } from '../helpers/clients.js'
import { startInbox, type Inbox } from '../helpers/users.js'
import { dbId, oid, OBJECT_ID } from '../helpers/justchat.js'

/**
 * JustChat as its client uses it (justchat-api.md), over HTTP: ids are 24-hex ObjectIds in every answer and are read
 * back in that form (or as the integers of earlier answers), an unreadable one is a 400 naming the field; dates are
 * ISO strings; the user object has `__v` and its room fields; the SMS key signs in until the next /init/reg.
 */

const LEGACY = 'JHFGLJfgbkg*&@:EVJHV/l12p'
let t: TestApp
let inbox: Inbox
beforeAll(async () => {
  inbox = await startInbox()
  t = await startTestApp({ NOTIFY_WEBHOOK_URL: inbox.url, STORE_LEGACY_TOPUP_SECRET: LEGACY })
})
afterAll(() => closeAll(t, inbox))

/** Every answer of this file, for the id and date checks at the end. */
const answers: { path: string; body: unknown }[] = []
const jc = async (path: string, body: Record<string, unknown>) => {
  const r = await rest(t.url, path, body)
  answers.push({ path, body: r.body })
  return r
}

const newPhone = () => `+79${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`
/** /init/reg and the key its SMS carried */
async function register(phone: string) {
  const since = inbox.messages.length
  const r = await jc('/init/reg', { phone })
  expect([200, 201]).toContain(r.status)
  const sms = inbox.messages.slice(since).filter((m) => m.to === phone)
  expect(sms).toHaveLength(1)
  return sms[0].code!
}

interface JcUser {
  phone: string
  key: string
  session: string
  id: string
}
async function signUp(): Promise<JcUser> {
  const phone = newPhone()
  const key = await register(phone)
  const r = await jc('/init/auth', { phone, key: Number(key) })
  expect(r.status).toBe(200)
  return { phone, key, session: r.body.data.session_key, id: r.body.data.user._id }
}

let a: JcUser
let b: JcUser
beforeAll(async () => {
  a = await signUp()
  b = await signUp()
})

describe('the user object and the SMS key', () => {
  it('/init/auth answers the documented user: ObjectId, __v, its room and store fields, ISO dates', async () => {
    const r = await jc('/init/auth', { phone: a.phone, key: a.key })
    expect(r.status).toBe(200)
    expect(r.body.data.user).toEqual({
      _id: a.id,
      __v: '0',
      phone: a.phone.slice(1),
      nickname: null,
      location: null,
      photo: null,
      dob: null,
      gender: null,
      room: null,
      rooms: [],
      visitedRooms: [],
      gifts: [],
      balance: 0,
      create_at: expect.any(String),
    })
    expect(a.id).toMatch(OBJECT_ID)
    const edit = await jc('/init/edit', { session_key: a.session, user: { nickname: 'root', dob: '1990-02-08' } })
    expect(edit.body.data.user).toMatchObject({ _id: a.id, nickname: 'root', dob: '1990-02-08T00:00:00.000Z' })
  })

  it('the key signs in again and again until the next /init/reg replaces it', async () => {
    const u = await signUp()
    for (let i = 0; i < 3; i++) expect((await jc('/init/auth', { phone: u.phone, key: u.key })).status).toBe(200)
    const next = await register(u.phone)
    expect((await jc('/init/auth', { phone: u.phone, key: u.key })).status).toBe(401)
    const r = await jc('/init/auth', { phone: u.phone, key: next })
    expect(r).toMatchObject({ status: 200, body: { data: { user: { _id: u.id } } } })
  })

  it('/init/getUser reads the ObjectId (or the integer); not an id → 400 naming user_id; nobody’s → 404', async () => {
    const r = await jc('/init/getUser', { session_key: a.session, user_id: b.id })
    expect(r).toMatchObject({ status: 200, body: { data: { user: { _id: b.id, __v: '0' } } } })
    expect((await jc('/init/getUser', { session_key: a.session, user_id: dbId(b.id) })).body).toEqual(r.body)
    for (const user_id of ['xyz', '52efb7baf009c900003731c', {}, -3])
      expect(await jc('/init/getUser', { session_key: a.session, user_id })).toMatchObject({
        status: 400,
        body: { error: expect.stringMatching(/^user_id: /) },
      })
    expect((await jc('/init/getUser', { session_key: a.session, user_id: '52efb7baf009c900003731c7' })).status).toBe(
      404,
    )
    expect((await jc('/init/getUser', { session_key: a.session, user_id: oid(2_000_000_000) })).status).toBe(404)
  })
})

describe('rooms, messages, complaints, direct messages and gifts by ObjectId', () => {
  it('a client goes through them with the ids of the answers', async () => {
    const created = await jc('/room/create', { session_key: a.session, room: { name: 'ids' } })
    expect(created.status).toBe(201)
    const room = created.body.data.room
    expect(room).toMatchObject({ _id: expect.stringMatching(OBJECT_ID), admin: a.id })
    const entered = await jc('/room/enter', { session_key: b.session, room: { id: room._id } })
    expect(entered.body.data.room).toMatchObject({ _id: room._id, users: [b.id], visiters: [b.id] })
    expect((await jc('/init/getUser', { session_key: a.session, user_id: a.id })).body.data.user.rooms).toEqual([
      room._id,
    ])
    expect((await jc('/init/getUser', { session_key: b.session, user_id: b.id })).body.data.user).toMatchObject({
      room: room._id,
      visitedRooms: [room._id],
    })
    expect((await jc('/room/get', { session_key: b.session, room_id: room._id })).body.data.rooms).toEqual([
      expect.objectContaining({ _id: room._id }),
    ])

    const sent = await jc('/room/sendMessage', { session_key: b.session, message: { room_id: room._id, text: 'SUP' } })
    expect(sent.body.data.message).toMatchObject({ room: room._id, author: b.id })
    const chat = (await jc('/room/chat', { session_key: a.session, room: room._id })).body.data.chat
    const message = chat.at(-1)
    expect(message).toMatchObject({ _id: expect.stringMatching(OBJECT_ID), room: room._id, author: b.id })

    const complaint = await jc('/complaints/new', { session_key: a.session, message: message._id, text: 'rude' })
    expect(complaint.body.complaint).toMatchObject({
      author: a.id,
      room: room._id,
      message: { _id: message._id, room: room._id, author: b.id },
    })
    expect(
      await jc('/room/kick', { session_key: a.session, room_id: room._id, user_id: b.id, ref_message: message._id }),
    ).toMatchObject({ status: 200, body: {} })
    expect(await jc('/room/add-moderator', { session_key: a.session, room_id: room._id, user_id: b.id })).toMatchObject(
      { status: 201 },
    )
    expect(
      (await jc('/room/get', { session_key: a.session, room_id: room._id })).body.data.rooms[0].moderators,
    ).toEqual([b.id])

    const sentDm = await jc('/user/sendMessage', { session_key: a.session, message: { user: b.id, text: 'Dude!' } })
    const dm = { body: { data: { message: sentDm.body.data.message[0] } } }
    expect(dm.body.data.message).toMatchObject({ _id: expect.stringMatching(OBJECT_ID), author: a.id, user: b.id })
    expect((await jc('/user/dialogs', { session_key: b.session })).body.data.dialogs).toMatchObject([
      { user: a.id, unread: 1 },
    ])
    expect((await jc('/user/messages', { session_key: b.session, author: a.id })).body.data.messages).toMatchObject([
      { _id: dm.body.data.message._id },
    ])
    const read = await jc('/user/messages/mark-as-read', { session_key: b.session, message: dm.body.data.message._id })
    expect(read.body.data.message._id).toBe(dm.body.data.message._id)
    expect(
      await jc('/user/messages/remove', { session_key: b.session, message: dm.body.data.message._id }),
    ).toMatchObject({ status: 200 })
    expect((await jc('/user/dialog', { session_key: b.session, user: a.id })).body.data.dialog).toEqual([])

    const balance = 100
    const secret = createHash('md5').update(`${LEGACY}${balance}`).digest('hex')
    const topUp = await jc('/user/updateBalance', { session_key: a.session, balance, secret })
    expect(topUp.body.data.user).toMatchObject({ _id: a.id, __v: '0', balance })
    const gift = await t.app.services.prisma.storeGift.create({ data: { name: 'Rose', image: '/rose.png', price: 5 } })
    const gifts = (await jc('/gifts', { session_key: a.session })).body.data.gifts
    expect(gifts).toContainEqual(expect.objectContaining({ _id: oid(gift.id), name: 'Rose' }))
    expect(
      await jc('/gifts/send', { session_key: a.session, gift: oid(gift.id), user: b.id, text: '<3' }),
    ).toMatchObject({ status: 200, body: {} })
  })

  it('an id that is not one is a 400 naming the body field, on every route that reads ids', async () => {
    const room = (await jc('/room/create', { session_key: a.session, room: { name: 'bad ids' } })).body.data.room._id
    const s = a.session
    const cases: [string, Record<string, unknown>, string][] = [
      ['/room/enter', { room: { id: 'xyz' } }, 'room.id'],
      ['/room/get', { room_id: 'xyz' }, 'room_id'],
      ['/room/remove', { room: { id: 'xyz' } }, 'room.id'],
      ['/room/sendMessage', { message: { room_id: 'xyz', text: 'x' } }, 'message.room_id'],
      ['/room/chat', { room: 'xyz' }, 'room'],
      ['/room/kick', { room_id: room, user_id: 'xyz' }, 'user_id'],
      ['/room/silence', { room_id: room, user_id: b.id, finished: Date.now() + 1000, ref_message: 'x' }, 'ref_message'],
      ['/room/ban', { room_id: 'xyz', user_id: b.id }, 'room_id'],
      ['/room/add-moderator', { room_id: room, user_id: 'xyz' }, 'user_id'],
      ['/room/remove-moderator', { room_id: 'xyz', user_id: b.id }, 'room_id'],
      ['/complaints/new', { message: 'xyz' }, 'message'],
      ['/user/sendMessage', { message: { user: 'xyz', text: 'x' } }, 'message.user'],
      ['/user/messages', { author: 'xyz' }, 'author'],
      ['/user/messages', { user: 'xyz' }, 'user'],
      ['/user/dialog', { user: 'xyz' }, 'user'],
      ['/user/remove-dialog', { user: 'xyz' }, 'user'],
      ['/user/messages/mark-as-read', { message: 'xyz' }, 'message'],
      ['/user/messages/remove', { message: 'xyz' }, 'message'],
      ['/gifts/send', { gift: 'xyz', user: b.id }, 'gift'],
      ['/gifts/send', { gift: oid(1), user: 'xyz' }, 'user'],
    ]
    for (const [path, body, field] of cases) {
      const r = await jc(path, { session_key: s, ...body })
      expect(r, `${path} ${JSON.stringify(body)}`).toMatchObject({
        status: 400,
        body: { error: `${field}: must be an id (24 hexadecimal digits, or an integer)` },
      })
    }
  })
})

/** Keys whose values are ids of JustChat's models, alone or in lists. */
const ID_KEYS = new Set(['_id', 'admin', 'author', 'user', 'room', 'ref_message'])
const ID_LISTS = new Set(['users', 'moderators', 'banned', 'visiters', 'rooms', 'visitedRooms'])
const DATE_KEYS = new Set(['create_at', 'created_at', 'dob'])
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

describe('every answer of this file', () => {
  it('shows ids as ObjectIds and dates as ISO strings', () => {
    const wrong: string[] = []
    const walk = (v: unknown, where: string) => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => walk(x, `${where}[${i}]`))
        return
      }
      if (!v || typeof v !== 'object') return
      for (const [k, x] of Object.entries(v)) {
        const at = `${where}.${k}`
        if (ID_KEYS.has(k) && typeof x !== 'object' && !(typeof x === 'string' && OBJECT_ID.test(x))) wrong.push(at)
        // (`rooms` of /room/get lists room objects, walked below)
        const idOrObject = (i: unknown) =>
          (typeof i === 'string' && OBJECT_ID.test(i)) || (!!i && typeof i === 'object')
        if (ID_LISTS.has(k) && !(Array.isArray(x) && x.every(idOrObject))) wrong.push(at)
        if (k === 'silently' && !Object.keys(x as object).every((i) => OBJECT_ID.test(i))) wrong.push(at)
        if (DATE_KEYS.has(k) && x !== null && !(typeof x === 'string' && ISO.test(x))) wrong.push(at)
        walk(x, at)
      }
    }
    for (const { path, body } of answers) walk(body, path)
    expect(wrong).toEqual([])
    expect(answers.length).toBeGreaterThan(40)
  })
})
