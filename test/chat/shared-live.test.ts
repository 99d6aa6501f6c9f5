// Shared subscription execution (src/app/shared-subscriptions.ts), seen from graphql-ws clients: subscribers whose
// result cannot differ share one execution, and every viewer still gets exactly their own variant — fields that
// depend on who asks, ignore filtering, guests and signed-in users side by side on one channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, subscribeRaw, until, wsClient, type SubEvent, type WsSubscription } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { WAIT, send } from './support.js'
import { graphql } from '../generated/index.js'
import type { Client } from 'graphql-ws'

let t: TestApp
let author: TestUser, admin: TestUser, plain1: TestUser, plain2: TestUser, ignorer: TestUser
beforeAll(async () => {
  t = await startTestApp()
  ;[author, admin, plain1, plain2, ignorer] = await Promise.all([
    registerUser(t),
    userWithRoles(t, { roleAdmin: 1 }),
    registerUser(t),
    registerUser(t),
    registerUser(t),
  ])
  await gql(
    t.url,
    graphql(`mutation Ignore($i: Int!) { ignore(content: CHAT, item: $i) }`),
    { i: author.id },
    ignorer.token,
  )
})
afterAll(() => closeAll(t))

/** one document for everybody: the same text, so the same parsed document and operation key */
const query = (fields: string) =>
  `subscription SharedLive($c: String!) { chatEvents(channel: $c) { __typename
    ... on ChatPresenceChanged { amount }
    ... on ChatMessageAdded { message { databaseId text from { databaseId name } } }
    ... on ChatMessageEdited { message { databaseId text ${fields} } } } }`

interface Watcher {
  who: string
  client: Client
  sub: WsSubscription<SubEvent<any>>
}

async function watch(channel: string, fields: string, viewers: [string, string | undefined][]) {
  const watchers: Watcher[] = viewers.map(([who, token]) => {
    const client = wsClient(t.url, token)
    return { who, client, sub: subscribeRaw(client, query(fields), { c: channel }) }
  })
  // presence is announced once a second: everybody has seen the full room, so no presence event is still to come
  await Promise.all(
    watchers.map(async (w) => {
      for (;;) {
        const ev = await w.sub.next(WAIT)
        if (ev.data?.chatEvents.amount === watchers.length) return
      }
    }),
  )
  return watchers
}

const executions = async () => {
  const text = await (await fetch(`${t.url}/metrics`)).text()
  const count = (label: string) =>
    Number(new RegExp(`^subscription_executions\\{result="${label}"\\} (\\d+)$`, 'm').exec(text)?.[1])
  return { executed: count('executed'), shared: count('shared') }
}

const close = (ws: Watcher[]) =>
  Promise.all(
    ws.map(async (w) => {
      w.sub.unsubscribe()
      await w.client.dispose()
    }),
  )

describe('shared subscription execution', () => {
  it('executes a message once for guests and signed-in users alike when nothing in it depends on the viewer', async () => {
    const channel = `stream/${author.id}`
    const ws = await watch(channel, 'pinned', [
      ['guest 1', undefined],
      ['guest 2', undefined],
      ['guest 3', undefined],
      ['plain 1', plain1.token],
      ['plain 2', plain2.token],
      ['admin', admin.token],
    ])
    try {
      const before = await executions()
      const m = await send(t, author.token, { channel, text: 'one for all' })
      const expected = {
        data: {
          chatEvents: {
            __typename: 'ChatMessageAdded',
            message: {
              databaseId: m.databaseId,
              text: 'one for all',
              from: { databaseId: author.id, name: author.name },
            },
          },
        },
      }
      for (const w of ws) expect(await w.sub.next(WAIT), w.who).toEqual(expected)
      const after = await executions()
      expect(after.executed - before.executed).toBe(1)
      expect(after.shared - before.shared).toBe(ws.length - 1)
    } finally {
      await close(ws)
    }
  })

  it('gives each viewer their own variant where a field depends on who asks, and filters ignores per viewer', async () => {
    const channel = `stream/${admin.id}`
    // the poll of an edited message: whose votes, and the starter's e-mail (themself and role admins only)
    const fields = 'poll { question viewerVotes startedBy { databaseId email } }'
    const m = await send(t, author.token, { channel, text: 'vote, then I edit' })
    const poll = await gql(
      t.url,
      graphql(`mutation SharedLivePoll($m: Int!) {
        createMessagePoll(messageId: $m, question: "which?", options: ["a", "b"]) { databaseId options { databaseId } } }`),
      { m: m.databaseId },
      author.token,
    )
    const { databaseId: pollId, options } = poll.data!.createMessagePoll
    const [a, b] = options.map((o) => o.databaseId)
    for (const [token, option] of [
      [plain1.token, a],
      [author.token, b],
    ] as const) {
      const r = await gql(
        t.url,
        graphql(`mutation SharedLiveVote($p: Int!, $o: [Int!]!) { votePoll(pollId: $p, optionIds: $o) { pollId } }`),
        { p: pollId, o: [option] },
        token,
      )
      expect(r.errors).toBeUndefined()
    }
    const ws = await watch(channel, fields, [
      ['author', author.token],
      ['admin', admin.token],
      ['plain 1', plain1.token],
      ['guest 1', undefined],
      ['plain 2', plain2.token],
      ['guest 2', undefined],
      ['ignorer', ignorer.token],
    ])
    try {
      const before = await executions()
      await gql(
        t.url,
        graphql(`mutation SharedLiveEdit($id: Int!) { editChatMessage(id: $id, text: "edited") { databaseId } }`),
        { id: m.databaseId },
        author.token,
      )
      const edited = (viewerVotes: number[], email: string | null) => ({
        __typename: 'ChatMessageEdited',
        message: {
          databaseId: m.databaseId,
          text: 'edited',
          poll: { question: 'which?', viewerVotes, startedBy: { databaseId: author.id, email } },
        },
      })
      const seen = new Map<string, SubEvent<any>>()
      for (const w of ws.filter((w) => w.who !== 'ignorer')) seen.set(w.who, await w.sub.next(WAIT))
      expect(seen.get('author')).toEqual({ data: { chatEvents: edited([b], author.email) } })
      expect(seen.get('admin')).toEqual({ data: { chatEvents: edited([], author.email) } })
      // the others cannot read the address (null, with a reason that differs between users and guests)
      const denied = (who: string, votes: number[], code: string) => {
        expect(seen.get(who)?.data, who).toEqual({ chatEvents: edited(votes, null) })
        expect(
          seen.get(who)?.errors?.map((e) => e.extensions?.code),
          who,
        ).toEqual([code])
      }
      denied('plain 1', [a], 'INSUFFICIENT_PERMISSIONS')
      denied('plain 2', [], 'INSUFFICIENT_PERMISSIONS')
      denied('guest 1', [], 'UNAUTHENTICATED')
      denied('guest 2', [], 'UNAUTHENTICATED')
      // the ignorer's stream skips the author's edit: the next thing it sees is a later message of someone else
      await send(t, plain1.token, { channel, text: 'after' })
      const next = await ws.find((w) => w.who === 'ignorer')!.sub.next(WAIT)
      expect(next.data?.chatEvents.message.text).toBe('after')
      // per-user answers cannot be shared; the two guests' can
      const after = await executions()
      expect(after.shared - before.shared).toBeGreaterThanOrEqual(1)
    } finally {
      await close(ws)
    }
  })

  it('keeps reading the live stream after a subscriber leaves mid-stream', async () => {
    const channel = `stream/${plain2.id}`
    const ws = await watch(channel, 'pinned', [
      ['guest 1', undefined],
      ['guest 2', undefined],
    ])
    try {
      const listening = t.app.services.pubsub.listenerCount()
      ws[0].sub.unsubscribe()
      await until(() => t.app.services.pubsub.listenerCount() < listening, WAIT, 'the first guest let go')
      const m = await send(t, author.token, { channel, text: 'still here' })
      for (;;) {
        const ev = await ws[1].sub.next(WAIT)
        if (ev.data?.chatEvents.__typename !== 'ChatMessageAdded') continue
        expect(ev.data.chatEvents.message.databaseId).toBe(m.databaseId)
        break
      }
    } finally {
      await close(ws)
    }
  })
})
