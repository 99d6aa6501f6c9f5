import { defineRoutes } from '../../src/rest/route.js'
import { jcId, jcIdOrNull, readId } from '../../src/rest/justchat.js'
import { unix } from './common.js'

/** peka2 sends unix seconds; GraphQL takes ISO dates. Anything else (a time out of Date's range too) goes through as is, for GraphQL to refuse. */
const iso = (v: unknown) =>
  typeof v === 'number' && Math.abs(v) <= 8.64e12 ? new Date(v * 1000).toISOString() : (v ?? null)
const orNull = (v: unknown) => v ?? null
/** peka2 lists have no paging: the newest 100 (GraphQL pages further). A variable, since the cost limit multiplies a literal `first` into every field below it. */
const LIST_MAX = 100

interface Reason {
  databaseId: number
  name: string
  content: string
}
const reason = (r: Reason) => ({ id: r.databaseId, name: r.name, content: r.content })
const REASON = 'databaseId name content'

interface BanNode {
  databaseId: number
  startAt: string
  endAt: string
  active: boolean
  reason: Reason
  messages: { text: string; attempt: boolean; accused: boolean; reason: Reason | null }[]
}
const ban = (b: BanNode) => ({
  id: b.databaseId,
  start: unix(b.startAt),
  end: unix(b.endAt),
  reason: reason(b.reason),
  active: b.active,
  data: b.messages.map((m) => ({
    text: m.text,
    attempt: m.attempt,
    accused: m.accused,
    ...(m.reason ? { reason: reason(m.reason) } : {}),
  })),
})

interface Ticket {
  databaseId: number
  createdAt: string
  question: string
  active: boolean
  category: { databaseId: number; slug: string; name: string }
}
const TICKET = 'databaseId createdAt question active category { databaseId slug name }'
/** peka2-admin.md types `time` as a string ("временная метка"): the unix time, as a string. */
const ticket = (q: Ticket) => ({
  id: q.databaseId,
  time: String(unix(q.createdAt)),
  category: {
    id: q.category.databaseId,
    slug: q.category.slug,
    name: q.category.name,
    subCategories: null,
    contentAmount: null,
  },
  question: q.question,
  active: q.active,
})

interface Complaint {
  createdAt: string
  channel: string
  author: { databaseId: number }
  message: {
    databaseId: number
    channel: string
    fromId: number | null
    toId: number | null
    text: string
    type: string
    time: string
  }
}
/** JustChat's room id of a chat channel: the room of room/<id>[/<channel>], null for channels outside rooms. */
const roomOf = (channel: string) => {
  const [kind, id] = channel.split('/')
  return kind === 'room' ? jcId(Number(id)) : null
}

export const moderationRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/moderation/accuse',
    access: 'A',
    operation: `mutation($userId: Int!, $reasonId: Int!, $data: JSON) { accuseUser(userId: $userId, reasonId: $reasonId, data: $data) }`,
    variables: (b) => ({ userId: b.userId, reasonId: b.reasonId, data: orNull(b.data) }),
    result: () => [],
  },
  {
    dialect: 'peka2',
    path: '/api/moderation/block',
    access: 'B',
    operation: `mutation($userId: Int!, $state: Boolean!) { blockUser(userId: $userId, state: $state) }`,
    variables: (b) => ({ userId: b.userId, state: b.state }),
    result: () => [],
  },
  {
    dialect: 'peka2',
    path: '/api/moderation/check',
    access: 'P',
    operation: `query($userId: Int!) { banStatus(userId: $userId) { banned banId endAt reason { databaseId } } }`,
    variables: (b) => ({ userId: b.userId }),
    result: (d: {
      banStatus: { banned: boolean; banId: number | null; endAt: string | null; reason: { databaseId: number } | null }
    }) => ({
      id: d.banStatus.banId ?? 0,
      banned: d.banStatus.banned,
      expire: unix(d.banStatus.endAt),
      reason: d.banStatus.reason?.databaseId ?? 0,
    }),
  },
  {
    dialect: 'peka2',
    path: '/api/moderation/list',
    access: 'A',
    operation: `query($first: Int!, $from: DateTime, $to: DateTime, $reason: Int, $banId: Int) {
      bans(first: $first, from: $from, to: $to, reasonId: $reason, banId: $banId) {
        edges { node { databaseId startAt endAt active reason { ${REASON} } messages { text attempt accused reason { ${REASON} } } } }
      }
    }`,
    variables: (b) => ({
      first: LIST_MAX,
      from: iso(b.from),
      to: iso(b.to),
      reason: orNull(b.reason),
      banId: orNull(b.banId),
    }),
    result: (d: { bans: { edges: { node: BanNode }[] } }) => d.bans.edges.map((e) => ban(e.node)),
  },
  {
    // A missing content is as wrong as an unknown one (the document lists no default).
    dialect: 'peka2',
    path: '/api/moderation/reasons',
    access: 'P',
    operation: `query($content: String) { banReasons(content: $content) { ${REASON} } }`,
    variables: (b) => ({ content: b.content ?? '' }),
    result: (d: { banReasons: Reason[] }) => d.banReasons.map(reason),
  },
  {
    dialect: 'peka2',
    path: '/api/moderation/undo',
    access: 'M',
    operation: `mutation($ban: Int!) { undoBan(banId: $ban) }`,
    variables: (b) => ({ ban: b.ban }),
    result: () => [],
  },
  {
    dialect: 'peka2',
    path: '/api/support/ask',
    access: 'A',
    operation: `mutation($category: Int!, $question: String!) { askSupport(categoryId: $category, question: $question) { ${TICKET} } }`,
    variables: (b) => ({ category: b.category, question: b.question }),
    result: (d: { askSupport: Ticket }) => ticket(d.askSupport),
  },
  {
    // Documented as A with "or has no support role" among its errors: the resolver's support scope refuses the rest.
    dialect: 'peka2',
    path: '/api/support/ban',
    access: 'A',
    operation: `mutation($questionId: Int!) { banFromSupport(questionId: $questionId) }`,
    variables: (b) => ({ questionId: b.questionId }),
    result: () => ({}),
  },
  {
    dialect: 'peka2',
    path: '/api/support/channels',
    access: 'A',
    operation: `query { supportChannels }`,
    result: (d: { supportChannels: string[] }) => d.supportChannels,
  },
  {
    dialect: 'peka2',
    path: '/api/support/list',
    access: 'S',
    operation: `query($first: Int!, $category: Int, $from: DateTime, $onlyActive: Boolean) {
      supportTickets(first: $first, categoryId: $category, from: $from, onlyActive: $onlyActive) { edges { node { ${TICKET} } } }
    }`,
    variables: (b) => ({
      first: LIST_MAX,
      category: orNull(b.category),
      from: iso(b.from),
      onlyActive: orNull(b.onlyActive),
    }),
    result: (d: { supportTickets: { edges: { node: Ticket }[] } }) => d.supportTickets.edges.map((e) => ticket(e.node)),
  },
  {
    dialect: 'justchat',
    path: '/complaints/new',
    access: 'A',
    operation: `mutation($message: Int!, $text: String) {
      fileComplaint(messageId: $message, text: $text) { createdAt channel author { databaseId } message { databaseId channel fromId toId text type time } }
    }`,
    variables: (b) => ({ message: readId(b.message, 'message'), text: orNull(b.text) }),
    result: (d: { fileComplaint: Complaint }) => {
      const c = d.fileComplaint
      const m = c.message
      return {
        complaint: {
          author: jcId(c.author.databaseId),
          room: roomOf(c.channel),
          message: {
            _id: jcId(m.databaseId),
            room: roomOf(m.channel),
            author: jcIdOrNull(m.fromId),
            user: jcIdOrNull(m.toId),
            text: m.text,
            type: m.type,
            create_at: m.time,
          },
          create_at: c.createdAt,
        },
      }
    },
  },
])
