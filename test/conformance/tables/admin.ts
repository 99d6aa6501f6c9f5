import { notice, post, type Entry, type World } from '../harness.js'
import { EMPTY_LIST, nonEmpty } from '../shape.js'
import { BAN_CHECK, QUESTION } from './peka2-objects.js'
import type { ActorName } from '../harness.js'

/**
 * peka2-full/admin.md: moderation (citizens' bans), support questions, login history, and the ban notifications.
 * `admin`'s citizen vote (10) reaches the ban threshold alone; carol's (2, the default) only marks an attempt.
 */

const REASON = { id: 'number', name: 'string', content: 'string' } as const

const BAN = {
  id: 'number',
  start: 'unixtime',
  end: 'unixtime',
  reason: REASON,
  active: 'boolean',
  data: [{ text: 'string', attempt: 'boolean', accused: 'boolean' }],
} as const

/** `who` writes in main, and `voter` accuses them of it */
async function accuse(w: World, who: ActorName, voter: ActorName) {
  const sent = await w.gql(
    'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }',
    { i: { channel: 'main', text: `a message ${who} is accused of` } },
    who,
  )
  const messageId = sent.sendChatMessage.message.databaseId
  await w.gql(
    'mutation($u: Int!, $r: Int!, $d: JSON) { accuseUser(userId: $u, reasonId: $r, data: $d) }',
    { u: w.users[who].id, r: w.vars.reasonId, d: { messageId } },
    voter,
  )
}

const banOf = async (w: World, who: ActorName): Promise<number> =>
  (await w.gql('query($u: Int!) { banStatus(userId: $u) { banId } }', { u: w.users[who].id })).banStatus.banId

export const admin: Entry[] = [
  {
    key: 'POST /api/moderation/reasons',
    run: post('/api/moderation/reasons', null, { content: 'chat' }),
    response: nonEmpty(REASON),
  },
  {
    key: 'POST /api/moderation/reasons',
    variant: 'moderation',
    run: post('/api/moderation/reasons', null, { content: 'moderation' }),
    response: [REASON],
  },
  {
    key: 'POST /api/moderation/accuse',
    run: post('/api/moderation/accuse', 'admin', async (w) => {
      const sent = await w.gql(
        'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { message { databaseId } } }',
        { i: { channel: 'main', text: 'a message hank is accused of' } },
        'hank',
      )
      return {
        userId: w.users.hank.id,
        reasonId: w.vars.reasonId,
        data: { messageId: sent.sendChatMessage.message.databaseId },
      }
    }),
    response: EMPTY_LIST,
  },
  {
    key: 'notification chatBanAttempt',
    run: notice('chatBanAttempt', 'ivan', (w) => accuse(w, 'ivan', 'carol')),
    response: { messageId: 'number', channel: 'string' },
  },
  {
    key: 'notification chatBan',
    run: notice('chatBan', 'judy', (w) => accuse(w, 'judy', 'admin')),
    response: BAN_CHECK,
  },
  {
    key: 'POST /api/moderation/check',
    run: post('/api/moderation/check', null, (w) => ({ userId: w.users.judy.id })),
    response: BAN_CHECK,
    keep: (b, w) => {
      w.vars.judyBan = b.id
    },
  },
  {
    key: 'POST /api/moderation/check',
    variant: 'not banned',
    run: post('/api/moderation/check', null, (w) => ({ userId: w.users.alice.id })),
    response: BAN_CHECK,
  },
  {
    key: 'POST /api/moderation/list',
    variant: 'moderator',
    run: post('/api/moderation/list', 'admin', {}),
    response: nonEmpty(BAN),
  },
  {
    key: 'POST /api/moderation/list',
    variant: "a user's own bans, one ban",
    run: post('/api/moderation/list', 'judy', (w) => ({ banId: w.vars.judyBan })),
    response: nonEmpty(BAN),
  },
  {
    key: 'POST /api/moderation/undo',
    run: post('/api/moderation/undo', 'admin', (w) => ({ ban: w.vars.judyBan })),
    response: EMPTY_LIST,
  },
  {
    key: 'notification chatBanUndo',
    run: notice('chatBanUndo', 'hank', async (w) => {
      // hank's ban from /api/moderation/accuse (made here when that entry did not run)
      if (!(await banOf(w, 'hank'))) await accuse(w, 'hank', 'admin')
      await w.gql('mutation($b: Int!) { undoBan(banId: $b) }', { b: await banOf(w, 'hank') }, 'admin')
    }),
    response: {},
  },
  {
    key: 'POST /api/moderation/block',
    run: post('/api/moderation/block', 'admin', (w) => ({ userId: w.users.kate.id, state: true })),
    response: EMPTY_LIST,
  },
  {
    key: 'POST /api/support/ask',
    run: post('/api/support/ask', 'liam', (w) => ({
      category: w.vars.supportCategoryId,
      question: 'How do I change my nick colour?',
    })),
    response: QUESTION,
    keep: (b, w) => {
      w.vars.questionId = b.id
    },
  },
  {
    key: 'POST /api/support/channels',
    run: post('/api/support/channels', 'liam', {}),
    response: nonEmpty('string'),
  },
  {
    key: 'POST /api/support/list',
    run: post('/api/support/list', 'admin', {}),
    response: nonEmpty(QUESTION),
  },
  {
    key: 'POST /api/support/ban',
    run: post('/api/support/ban', 'admin', (w) => ({ questionId: w.vars.questionId })),
    response: {},
  },
  {
    key: 'POST /api/security/user',
    run: post('/api/security/user', 'carol', {}),
    response: nonEmpty({
      ip: 'string',
      accessTime: 'unixtime',
      firstAccessTime: 'unixtime',
      lastAccessTime: 'unixtime',
      userAgent: 'string',
    }),
  },
]
