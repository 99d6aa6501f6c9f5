import { peka2Event, ws, wsFresh, type Entry, type World } from '../harness.js'
import { nonEmpty } from '../shape.js'
import { ack, CHAT_MESSAGE, CHAT_USER } from './peka2-objects.js'

/**
 * peka2-full/chat.md: the chat socket (socket.io 2 at path `/`, websocket only, as chat-client-examples.md
 * connects). Client events are answered through their callback, `{status: 'ok', result}`; the server events
 * `/chat/message` and `/chat/message/remove` reach sockets joined to the channel.
 */

/** alice's message in main, published over her socket (the documented way) */
const publish = (w: World, text: string, to?: { id: number; name: string }) =>
  w
    .peka2Socket('alice')
    .then((s) =>
      s.ask(
        '/chat/publish',
        { channel: 'main', from: { id: w.users.alice.id, name: w.users.alice.name }, ...(to ? { to } : {}), text },
        3_000,
      ),
    )

/** the guest socket listens to main */
const joinMain = async (w: World) => {
  await (await w.peka2Socket(null)).ask('/chat/join', { channel: 'main' }, 3_000)
}

/** Conditions of chat.md's first example: messages of a user and those addressed to them. */
const fromOrTo = (id: number) => ({
  conditions: [],
  groups: [
    {
      conditions: [
        { field: 'from', operation: '=', value: [String(id)], glue: 'or' },
        { field: 'to', operation: '=', value: [String(id)], glue: 'or' },
      ],
      groups: [],
      glue: 'and',
    },
  ],
  glue: 'and',
})

export const chat: Entry[] = [
  {
    key: 'WS /chat/login',
    run: wsFresh('/chat/login', (w) => ({ token: w.users.erin.token })),
    response: ack({}),
  },
  {
    key: 'WS /chat/logout',
    run: wsFresh('/chat/logout', {}, (s, w) => s.ask('/chat/login', { token: w.users.erin.token }, 3_000)),
    response: ack({}),
  },
  {
    key: 'WS /chat/join',
    run: ws('/chat/join', null, { channel: 'main' }),
    response: ack({}),
  },
  {
    key: 'WS /chat/publish',
    run: ws('/chat/publish', 'alice', (w) => ({
      channel: 'main',
      from: { id: w.users.alice.id, name: w.users.alice.name },
      text: 'Hello [b]main[/b] from the conformance suite',
    })),
    response: ack({ id: 'number' }),
  },
  {
    key: 'WS /chat/message',
    run: peka2Event('/chat/message', null, async (w) => {
      await joinMain(w)
      await publish(w, 'a message everyone in main gets')
    }),
    response: CHAT_MESSAGE,
  },
  {
    key: 'WS /chat/message',
    variant: 'addressed to a user',
    run: peka2Event(
      '/chat/message',
      null,
      async (w) => {
        await joinMain(w)
        await publish(w, 'a message to bob', { id: w.users.bob.id, name: w.users.bob.name })
      },
      (m) => m?.to !== null,
    ),
    response: { ...CHAT_MESSAGE, to: CHAT_USER },
  },
  {
    // `store` lists the author's active bonuses and subscriptions: erin gets one of each from store staff first
    key: 'WS /chat/message',
    variant: 'an author with a bonus and a subscription',
    run: peka2Event(
      '/chat/message',
      null,
      async (w) => {
        await joinMain(w)
        const bonus = await w.gql(
          'mutation($i: StoreBonusInput!) { saveStoreBonus(input: $i) { databaseId } }',
          {
            i: {
              type: 'NICK_COLOR',
              config: { color: '#00aa00' },
              duration: 3600,
              name: 'Green nick',
              price: { canBePurchased: true, pekoins: 1, points: 0 },
              view: { category: 0, position: 0, linked: false },
            },
          },
          'admin',
        )
        await w.gql(
          'mutation($u: Int!, $b: Int!) { grantStoreBonus(userId: $u, bonusId: $b, reason: "conformance") { databaseId } }',
          { u: w.users.erin.id, b: bonus.saveStoreBonus.databaseId },
          'admin',
        )
        await w.gql(
          'mutation($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { databaseId } }',
          { i: { userId: w.users.erin.id, streamerId: w.users.streamer.id, active: true, reason: 'conformance' } },
          'admin',
        )
        await w.gql(
          'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent } }',
          { i: { channel: 'main', text: 'a message of a subscriber' } },
          'erin',
        )
      },
      (m) => m?.text === 'a message of a subscriber',
    ),
    response: {
      ...CHAT_MESSAGE,
      store: { bonuses: nonEmpty('number'), icon: 'number', subscriptions: nonEmpty('number') },
    },
  },
  {
    key: 'WS /chat/history',
    run: ws('/chat/history', null, { channel: 'main', amount: 10 }),
    response: ack(nonEmpty(CHAT_MESSAGE)),
  },
  {
    key: 'WS /chat/history',
    variant: 'with query conditions',
    run: ws('/chat/history', null, (w) => ({ channel: 'main', amount: 10, query: fromOrTo(w.users.alice.id) })),
    response: ack(nonEmpty(CHAT_MESSAGE)),
  },
  {
    key: 'WS /chat/channel/list',
    run: ws('/chat/channel/list', null, async (w) => {
      // a signed-in user in the channel, so `users` lists someone
      await (await w.peka2Socket('alice')).ask('/chat/join', { channel: 'main' }, 3_000)
      return { channel: 'main' }
    }),
    response: ack({ amount: 'number', users: nonEmpty('number') }),
  },
  {
    // chat.md documents `data` of the `ban` reason: a citizens' ban removes the banned user's message
    key: 'WS /chat/message/remove',
    variant: 'ban',
    run: peka2Event('/chat/message/remove', null, async (w) => {
      await joinMain(w)
      const sent = await w.gql(
        'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }',
        { i: { channel: 'main', text: 'a message that gets its author banned' } },
        'gina',
      )
      await w.gql(
        'mutation($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }',
        { u: w.users.gina.id, r: w.vars.reasonId, d: { messageId: sent.sendChatMessage.message.databaseId } },
        'admin',
      )
    }),
    response: { id: 'number', channel: 'string', reason: 'string', data: { banId: 'number', reasonId: 'number' } },
  },
  {
    key: 'WS /chat/leave',
    run: ws('/chat/leave', null, { channel: 'main' }),
    response: ack({}),
  },
]
