import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { dropAll, failOn, underFailure } from './support.js'

/**
 * Chat's writes under an injected failure: each publishes its event only after its write committed, so a write that
 * fails publishes nothing and changes nothing; the retry writes and announces. Removal with a reason and data is the
 * one the issue names; the others (publish, edit, pin, reactions, slow mode) follow the same rule.
 */

let t: TestApp
let author: TestUser
let mod: TestUser
let channel: string
beforeAll(async () => {
  t = await startTestApp()
  author = await registerUser(t)
  mod = await userWithRoles(t, { moderator: 1 })
  channel = `stream/${(await registerUser(t)).id}`
})
afterEach(() => dropAll(t))
afterAll(() => closeAll(t))

const TABLES = ['ChatMessage', 'ChatReaction', 'ChatChannelSettings']

async function say(text: string): Promise<number> {
  const r = await gqlRaw(
    t.url,
    'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }',
    { i: { channel, text } },
    author.token,
  )
  return r.data.sendChatMessage.message.databaseId
}
const events = (list: { topic: string; key: string | number; payload: any }[]) =>
  list.map((e) => [e.key, e.payload.kind])

describe('removing a message with a reason', () => {
  it('when the update fails the message stays and no event goes out; the retry removes it with its reason and data', async () => {
    const id = await say('to be removed')
    const run = () =>
      gqlRaw(
        t.url,
        'mutation($id: Int!, $d: JSON) { removeChatMessage(id: $id, reason: "spam", data: $d) }',
        { id, d: { note: 'x' } },
        mod.token,
      )
    const r = await underFailure(t, {
      tables: TABLES,
      inject: () => failOn(t, 'ChatMessage', 'UPDATE', `NEW.id = ${id} AND NEW."deletedAt" IS NOT NULL`),
      run,
    })
    expect(r.retry.data).toEqual({ removeChatMessage: true })
    expect(r.events.map((e) => [e.key, e.payload])).toEqual([
      [channel, { kind: 'removed', channel, id, reason: 'spam', data: { note: 'x' }, authorId: author.id }],
      ['all', { kind: 'removed', channel, id, reason: 'spam', data: { note: 'x' }, authorId: author.id }],
    ])
    const row = await t.app.services.prisma.chatMessage.findUniqueOrThrow({ where: { id } })
    expect([row.deleteReason, row.deleteData]).toEqual(['spam', { note: 'x' }])
  })
})

describe('the other chat writes', () => {
  it('publish: no message, no event; the retry sends', async () => {
    const text = `hello ${Date.now()}`
    const r = await underFailure(t, {
      tables: TABLES,
      inject: () => failOn(t, 'ChatMessage', 'INSERT', `NEW.text = '${text}'`),
      run: () =>
        gqlRaw(
          t.url,
          'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent } }',
          { i: { channel, text } },
          author.token,
        ),
    })
    expect(r.retry.data).toEqual({ sendChatMessage: { isSent: true } })
    expect(events(r.events)).toEqual([
      [channel, 'added'],
      ['all', 'added'],
    ])
  })

  it('edit: the text stays, no event; the retry edits', async () => {
    const id = await say('before')
    const r = await underFailure(t, {
      tables: TABLES,
      inject: () => failOn(t, 'ChatMessage', 'UPDATE', `NEW.id = ${id} AND NEW.text = 'after'`),
      run: () =>
        gqlRaw(t.url, 'mutation($id: Int!) { editChatMessage(id: $id, text: "after") { text } }', { id }, author.token),
    })
    expect(r.retry.data).toEqual({ editChatMessage: { text: 'after' } })
    expect(events(r.events)).toEqual([
      [channel, 'edited'],
      ['all', 'edited'],
    ])
  })

  it('pin: not pinned, no event; the retry pins', async () => {
    const id = await say('pin me')
    const r = await underFailure(t, {
      tables: TABLES,
      inject: () => failOn(t, 'ChatMessage', 'UPDATE', `NEW.id = ${id} AND NEW."pinnedAt" IS NOT NULL`),
      run: () => gqlRaw(t.url, 'mutation($id: Int!) { pinChatMessage(id: $id) { pinned } }', { id }, mod.token),
    })
    expect(r.retry.data).toEqual({ pinChatMessage: { pinned: true } })
    expect(events(r.events)).toEqual([
      [channel, 'pin'],
      ['all', 'pin'],
    ])
  })

  it('reaction: none stored, no event; the retry adds it', async () => {
    const id = await say('react to me')
    const r = await underFailure(t, {
      tables: TABLES,
      inject: () => failOn(t, 'ChatReaction', 'INSERT', `NEW."messageId" = ${id}`),
      run: () =>
        gqlRaw(
          t.url,
          'mutation($id: Int!) { addChatReaction(id: $id, emoji: "👍") { emoji count } }',
          { id },
          mod.token,
        ),
    })
    expect(r.retry.data).toEqual({ addChatReaction: [{ emoji: '👍', count: 1 }] })
    expect(events(r.events)).toEqual([
      [channel, 'reactions'],
      ['all', 'reactions'],
    ])
  })

  it('slow mode: unchanged, no event; the retry sets it', async () => {
    // a channel of its own: slow mode would hold the author back in the shared one
    const channel = `stream/${(await registerUser(t)).id}`
    const r = await underFailure(t, {
      tables: TABLES,
      inject: () => failOn(t, 'ChatChannelSettings', 'INSERT', `NEW.channel = '${channel}'`),
      run: () =>
        gqlRaw(t.url, 'mutation($c: String!) { setChatSlowMode(channel: $c, seconds: 5) }', { c: channel }, mod.token),
    })
    expect(r.retry.data).toEqual({ setChatSlowMode: 5 })
    expect(events(r.events)).toEqual([
      [channel, 'slowMode'],
      ['all', 'slowMode'],
    ])
  })
})
