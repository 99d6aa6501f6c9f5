/**
 * Peer of the request-cost suite: Fastify + Mercurius with its JIT (`jit: 1`: an operation is compiled with
 * graphql-jit from its second execution) and a per-request DataLoader for authors — the usual fast Node GraphQL
 * stack — serving the slice of this server's schema the workloads query, on the server's own Prisma client and
 * reads. The same documents are sent to it as to the server. No logging, no limits.
 */
import DataLoader from 'dataloader'
import Fastify from 'fastify'
import mercurius, { type IResolvers, type MercuriusContext } from 'mercurius'
import { resolveViewer, createSession } from '../src/auth/sessions.js'
import { verifyPassword } from '../src/auth/passwords.js'
import { recordLogin } from '../src/core/users/login-history.js'
import type { Viewer } from '../src/context.js'
import type { Prisma } from '../src/generated/prisma/client.js'
import { chatSettings } from '../plugins/chat/settings.js'
import { fileUrl } from '../plugins/smiles/storage.js'
import { bearer, config, historyWhere, prisma, publicSmiles, statementCount } from './peer-db.js'

const schema = /* GraphQL */ `
  type Query {
    chatHistory(channel: String!, limit: Int = 50, skip: Int = 0): [ChatMessage!]!
    smiles(icon: Boolean): [Smile!]!
  }
  type Mutation {
    sendChatMessage(input: SendChatMessageInput!): ChatPublishResult!
    login(input: LoginInput!): AuthPayload!
  }
  input SendChatMessageInput {
    channel: String!
    text: String!
  }
  input LoginInput {
    login: String!
    password: String!
    captcha: String
  }
  type AuthPayload {
    token: String!
  }
  type ChatPublishResult {
    isSent: Boolean!
    dropReason: String
    message: ChatMessage
  }
  type ChatMessage {
    databaseId: Int!
    channel: String!
    text: String!
    type: String!
    time: String!
    editedAt: String
    pinned: Boolean!
    replyToId: Int
    from: ChatUser
    to: ChatUser
  }
  type ChatUser {
    databaseId: Int!
    name: String!
    color: Int!
  }
  type Smile {
    databaseId: Int!
    code: String!
    url: String!
    tab: Int!
    position: Int!
    width: Int!
    height: Int!
    level: Int!
    masterStreamerLevel: Int!
    siteLevel: Int!
    icon: Boolean!
    user: User
  }
  type User {
    databaseId: Int!
    name: String!
    slug: String!
  }
`

interface UserRow {
  id: number
  name: string
  slug: string
  settings: Prisma.JsonValue
}
interface Context extends MercuriusContext {
  viewer: Viewer | null
  users: DataLoader<number, UserRow | null>
}
interface MessageRow {
  id: number
  channel: string
  text: string
  type: string
  createdAt: Date
  editedAt: Date | null
  pinnedAt: Date | null
  replyToId: number | null
  fromId: number | null
  toId: number | null
}

const usersLoader = () =>
  new DataLoader<number, UserRow | null>(async (ids) => {
    const rows = await prisma.user.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, name: true, slug: true, settings: true },
    })
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.map((id) => byId.get(id) ?? null)
  })

const MESSAGE = {
  id: true,
  channel: true,
  text: true,
  type: true,
  createdAt: true,
  editedAt: true,
  pinnedAt: true,
  replyToId: true,
  fromId: true,
  toId: true,
} as const

const resolvers: IResolvers<any, Context> = {
  Query: {
    async chatHistory(_root, args: { channel: string; limit: number; skip: number }, ctx) {
      return prisma.chatMessage.findMany({
        where: await historyWhere(args.channel, ctx.viewer?.id),
        orderBy: { id: 'desc' },
        skip: args.skip,
        take: args.limit,
        select: MESSAGE,
      })
    },
    smiles: () => publicSmiles(),
  },
  Mutation: {
    async sendChatMessage(_root, { input }: { input: { channel: string; text: string } }, ctx) {
      if (!ctx.viewer) throw new Error('UNAUTHENTICATED')
      const message = await prisma.chatMessage.create({
        data: { channel: input.channel, fromId: ctx.viewer.id, text: input.text, type: 'message' },
        select: MESSAGE,
      })
      return { isSent: true, message }
    },
    async login(_root, { input }: { input: { login: string; password: string } }, ctx) {
      const user = await prisma.user.findFirst({ where: { nameLower: input.login.toLowerCase() } })
      const { ok } = await verifyPassword(user?.passwordHash, input.password)
      if (!user || !ok) throw new Error('INVALID_CREDENTIALS')
      const ip = ctx.reply.request.ip
      const userAgent = ctx.reply.request.headers['user-agent'] ?? ''
      const token = await prisma.$transaction(async (tx) => {
        const s = await createSession(tx, config.sessionSecret, user.id, config.sessionTtlDays, { ip, userAgent })
        await recordLogin(tx, user.id, ip, userAgent)
        return s.token
      })
      return { token }
    },
  },
  ChatMessage: {
    databaseId: (m: MessageRow) => m.id,
    time: (m: MessageRow) => m.createdAt.toISOString(),
    editedAt: (m: MessageRow) => m.editedAt?.toISOString() ?? null,
    pinned: (m: MessageRow) => !!m.pinnedAt,
    from: (m: MessageRow, _a, ctx) => (m.fromId === null ? null : ctx.users.load(m.fromId)),
    to: (m: MessageRow, _a, ctx) => (m.toId === null ? null : ctx.users.load(m.toId)),
  },
  ChatUser: {
    databaseId: (u: UserRow) => u.id,
    color: (u: UserRow) => chatSettings(u.settings).namecolor,
  },
  Smile: {
    databaseId: (s: { id: number }) => s.id,
    url: (s: { hash: string }) => fileUrl(config, s.hash),
    level: (s: { userId: number | null; level: number }) => (s.userId === null ? 0 : s.level),
    masterStreamerLevel: (s: { userId: number | null; level: number }) => (s.userId === null ? 0 : s.level),
    siteLevel: (s: { userId: number | null; level: number }) => (s.userId === null ? s.level : 0),
    user: (s: { userId: number | null }, _a, ctx) => (s.userId === null ? null : ctx.users.load(s.userId)),
  },
  User: { databaseId: (u: UserRow) => u.id },
}

const app = Fastify({ logger: false })
await app.register(mercurius, {
  schema,
  resolvers: resolvers as IResolvers,
  jit: 1,
  graphiql: false,
  context: async (request) => {
    const token = bearer(request.headers.authorization)
    return {
      viewer: token ? await resolveViewer(prisma, config.sessionSecret, token) : null,
      users: usersLoader(),
    }
  },
})
app.get('/healthz', () => 'ok')
app.get('/__stats', () => ({ statements: statementCount() }))
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' })
