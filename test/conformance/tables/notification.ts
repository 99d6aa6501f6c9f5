import { cannot, notice, type Entry } from '../harness.js'
import { oneOf } from '../shape.js'

/**
 * peka2-full/notification.md: `/notifier/message`, the event every notification arrives in (shown here with a change
 * of the user's store points), and the third-party chat error.
 */
export const notification: Entry[] = [
  {
    key: 'WS /notifier/message',
    run: notice(
      'bonus/points',
      'alice',
      (w) =>
        w.gql(
          'mutation($u: Int!) { setStorePoints(userId: $u, amount: 7, reason: "conformance") { amount } }',
          { u: w.users.alice.id },
          'admin',
        ),
      true,
    ),
    response: { userId: 'number', sid: 'string', channel: 'string', type: 'string', data: oneOf('object', 'array') },
  },
  {
    key: 'notification chatThirdpartySendMessageError',
    run: cannot('needs a third-party chat service (Twitch, GoodGame) that refuses a message'),
    response: { message: 'string' },
    knownGaps: 'untestable here: needs an outside chat service (Twitch, GoodGame) to refuse a message',
  },
]
