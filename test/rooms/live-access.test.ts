import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { disposeAll, subscribeRaw, until, wsClient, type WsSubscription } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { REMOVE, SEND, cast, makeRoom, must } from './members-support.js'

/**
 * A room's live chat follows its access rules while subscribed, not only when the subscription starts: a member
 * taken off a closed room's list, a user banned in the room, everyone but the members when an open room closes, and
 * everyone when the room is deleted stop receiving — the subscription completes — and the messages sent after never
 * reach them. Those who keep access go on receiving.
 */

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const EVENTS =
  'subscription($c: String!) { chatEvents(channel: $c) { __typename ... on ChatMessageAdded { message { text } } } }'
const BAN = 'mutation($c: String!, $u: Int!) { banFromChannel(channel: $c, userId: $u) { databaseId } }'
const CLOSE = 'mutation($r: Int!) { updateRoom(roomId: $r, input: { mode: PRIVATE }) { mode } }'
const DELETE = 'mutation($r: Int!) { deleteRoom(roomId: $r) }'

type Sub = WsSubscription
const sockets: ReturnType<typeof wsClient>[] = []
afterAll(() => disposeAll(sockets))

/** A live chatEvents subscription to the channel, once the server listens. */
async function listen(user: TestUser, channel: string): Promise<Sub> {
  const ps = t.app.services.pubsub
  const before = ps.listenerCount()
  const ws = wsClient(t.url, user.token)
  sockets.push(ws)
  const sub = subscribeRaw(ws, EVENTS, { c: channel }) as Sub
  await until(() => ps.listenerCount() >= before + 2, 15_000, 'subscription live')
  await ps.ready()
  return sub
}

/** What the subscription gets until it completes or `ms` pass with nothing: the texts, and whether it completed. */
async function drain(sub: Sub, ms = 2000) {
  const texts: string[] = []
  for (;;) {
    const ev = await sub.next(ms).catch(() => null)
    if (!ev) return { texts, completed: false }
    if (ev.complete) return { texts, completed: true }
    const text = (ev.data as { chatEvents?: { message?: { text: string } } } | undefined)?.chatEvents?.message?.text
    if (text) texts.push(text)
  }
}

const say = (by: TestUser, channel: string, text: string) =>
  must(t, SEND, { c: channel, text }, by.token).then((d) => expect(d.sendChatMessage.isSent).toBe(true))

describe('live chat of a room follows its access', () => {
  it('a member taken off a closed room stops receiving; another member goes on', async () => {
    const c = await cast(t)
    const ch = `room/${c.room}`
    const removed = await listen(c.member, ch)
    const stays = await listen(c.admin, ch)
    await must(t, REMOVE, { r: c.room, u: c.member.id }, c.owner.token)
    await say(c.owner, ch, 'after the removal')
    const gone = await drain(removed)
    expect(gone.texts).not.toContain('after the removal')
    expect(gone.completed).toBe(true)
    expect((await drain(stays, 5000)).texts).toContain('after the removal')
  })

  it('a user banned in an open room stops receiving its chat', async () => {
    const owner = await registerUser(t)
    const [banned, other] = [await registerUser(t), await registerUser(t)]
    const room = await makeRoom(t, owner)
    const ch = `room/${room}`
    const subBanned = await listen(banned, ch)
    const subOther = await listen(other, ch)
    await must(t, BAN, { c: ch, u: banned.id }, owner.token)
    await say(owner, ch, 'after the ban')
    const gone = await drain(subBanned)
    expect(gone.texts).not.toContain('after the ban')
    expect(gone.completed).toBe(true)
    expect((await drain(subOther, 5000)).texts).toContain('after the ban')
  })

  it('closing an open room ends the subscriptions of non-members only', async () => {
    const c = await cast(t, { mode: 'PUBLIC' })
    const ch = `room/${c.room}`
    const outsider = await listen(c.user, ch)
    const member = await listen(c.member, ch)
    await must(t, CLOSE, { r: c.room }, c.owner.token)
    await say(c.owner, ch, 'members only now')
    const gone = await drain(outsider)
    expect(gone.texts).not.toContain('members only now')
    expect(gone.completed).toBe(true)
    expect((await drain(member, 5000)).texts).toContain('members only now')
  })

  it('deleting a room ends every subscription to its chat and to its text channels', async () => {
    const c = await cast(t, { mode: 'PUBLIC' })
    const made = await must(
      t,
      'mutation($r: Int!) { createRoomChannel(roomId: $r, name: "general") { chatChannel } }',
      { r: c.room },
      c.owner.token,
    )
    const main = await listen(c.member, `room/${c.room}`)
    const text = await listen(c.member, made.createRoomChannel.chatChannel as string)
    await must(t, DELETE, { r: c.room }, c.owner.token)
    expect((await drain(main)).completed).toBe(true)
    expect((await drain(text)).completed).toBe(true)
  })
})
