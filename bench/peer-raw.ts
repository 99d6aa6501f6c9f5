/**
 * Peer of the request-cost suite: a bare `node:http` handler per workload (the path names it), on the server's own
 * Prisma client and reads, answering with the JSON the server's GraphQL answer holds. It parses the same request
 * bodies and resolves the same sessions; no GraphQL, no logging, no limits: the floor of what a request can cost here.
 */
import http from 'node:http'
import { resolveViewer, createSession } from '../src/auth/sessions.js'
import { verifyPassword } from '../src/auth/passwords.js'
import { recordLogin } from '../src/core/users/login-history.js'
import { MESSAGE_SELECT, toView } from '../plugins/chat/render.js'
import { fileUrl } from '../plugins/smiles/storage.js'
import { bearer, config, historyWhere, prisma, publicSmiles, readBody, statementCount } from './peer-db.js'

type Handler = (body: any, token: string | undefined, req: http.IncomingMessage) => Promise<unknown>

const viewerOf = (token: string | undefined) =>
  token ? resolveViewer(prisma, config.sessionSecret, token) : Promise.resolve(null)

const routes: Record<string, Handler> = {
  '/typename': () => Promise.resolve({ __typename: 'Query' }),

  async '/history'(body, token) {
    const viewer = await viewerOf(token)
    const { channel, limit } = body.variables
    const rows = await prisma.chatMessage.findMany({
      where: await historyWhere(channel, viewer?.id),
      orderBy: { id: 'desc' },
      take: limit,
      select: MESSAGE_SELECT,
    })
    return {
      chatHistory: rows.map((r) => {
        const m = toView(r)
        return {
          databaseId: m.id,
          text: m.text,
          type: m.type,
          time: m.time,
          from: m.from && { databaseId: m.from.id, name: m.from.name, color: m.from.color },
        }
      }),
    }
  },

  async '/smiles'() {
    const rows = await publicSmiles()
    return {
      smiles: rows.map((s) => ({
        databaseId: s.id,
        code: s.code,
        url: fileUrl(config, s.hash),
        tab: s.tab,
        position: s.position,
        width: s.width,
        height: s.height,
        level: s.userId === null ? 0 : s.level,
        masterStreamerLevel: s.userId === null ? 0 : s.level,
        siteLevel: s.userId === null ? s.level : 0,
        icon: s.icon,
        user: null,
      })),
    }
  },

  async '/send'(body, token) {
    const viewer = await viewerOf(token)
    if (!viewer) return null
    const { channel, text } = body.variables.i
    const row = await prisma.chatMessage.create({
      data: { channel, fromId: viewer.id, text, type: 'message' },
      select: MESSAGE_SELECT,
    })
    return { sendChatMessage: { isSent: true, message: { databaseId: toView(row).id } } }
  },

  async '/login'(body, _token, req) {
    const { login, password } = body.variables.i
    const user = await prisma.user.findFirst({ where: { nameLower: String(login).toLowerCase() } })
    const { ok } = await verifyPassword(user?.passwordHash, password)
    if (!user || !ok) return null
    const ip = req.socket.remoteAddress ?? ''
    const userAgent = req.headers['user-agent'] ?? ''
    const token = await prisma.$transaction(async (tx) => {
      const { token } = await createSession(tx, config.sessionSecret, user.id, config.sessionTtlDays, { ip, userAgent })
      await recordLogin(tx, user.id, ip, userAgent)
      return token
    })
    return { login: { token } }
  },
}

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok')
  if (req.url === '/__stats') return void res.end(JSON.stringify({ statements: statementCount() }))
  const route = routes[req.url ?? ''] as Handler | undefined
  if (!route) return void res.writeHead(404).end()
  void readBody(req)
    .then((raw) => route(JSON.parse(raw || '{}'), bearer(req.headers.authorization), req))
    .then((data) => {
      const json = JSON.stringify(data === null ? { errors: [{ message: 'refused' }] } : { data })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json)
    })
    .catch((e: unknown) => {
      console.error(e)
      res.writeHead(500).end()
    })
})
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1')
