/**
 * The baseline of bench/chat-fanout.ts: a bare `ws` server that answers the graphql-transport-ws handshake and
 * broadcasts each POSTed text to every socket as the same "next" frame the real server sends. No GraphQL, no
 * database, no pub/sub: the floor any real server is compared with.
 */
import http from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'

const port = Number(process.env.PORT)
const sockets = new Map<WebSocket, string>()
const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok')
  let body = ''
  req.on('data', (c: Buffer) => (body += c.toString()))
  req.on('end', () => {
    const { text } = JSON.parse(body)
    for (const [ws, id] of sockets) {
      ws.send(JSON.stringify({ id, type: 'next', payload: { data: { chatEvents: { message: { text } } } } }))
    }
    res.end('{}')
  })
})
const wss = new WebSocketServer({ server, path: '/graphql' })
wss.on('connection', (ws) => {
  // binaryType is ws's default 'nodebuffer': a whole message arrives as one Buffer
  ws.on('message', (raw) => {
    const m = JSON.parse((raw as Buffer).toString())
    if (m.type === 'connection_init') ws.send(JSON.stringify({ type: 'connection_ack' }))
    if (m.type === 'subscribe') sockets.set(ws, m.id)
  })
  ws.on('close', () => sockets.delete(ws))
})
server.listen(port, '127.0.0.1')
