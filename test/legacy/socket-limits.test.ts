import { afterAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, until } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { legacyClient, type LegacyClient } from '../helpers/legacy-sockets.js'
import { graphql } from '../generated/index.js'

const apps: TestApp[] = []
const clients: LegacyClient[] = []
afterAll(async () => {
  for (const c of clients) c.close()
  await closeAll(...apps.reverse())
})
const start = async (...args: Parameters<typeof startTestApp>) => {
  const t = await startTestApp(...args)
  apps.push(t)
  return t
}
const connect = async (t: TestApp, revision: 2 | 4 = 4) => {
  const c = await legacyClient(t.url, revision)
  clients.push(c)
  return c
}

describe('legacy sockets: limits, sessions, instances', () => {
  it('each event counts against the per-IP request budget; over it, events are refused', async () => {
    const t = await start({ RATE_LIMIT_PER_MINUTE: '8' })
    const socket = await connect(t) // the connection is one request
    const answers = []
    for (let i = 0; i < 9; i++) answers.push(await socket.ask('/chat/channel/list', { channel: 'main' }))
    expect(answers.filter((a) => a.status === 'ok')).toHaveLength(7)
    expect(answers.at(-1)).toEqual({
      status: 'error',
      result: { message: expect.stringMatching(/rate limit|too many/i) },
    })
  })

  it('a session that ends (logout elsewhere) signs its sockets out', async () => {
    const t = await start()
    const u = await registerUser(t)
    const socket = await connect(t, 2)
    expect((await socket.ask('/chat/login', { token: u.token })).status).toBe('ok')
    expect((await socket.ask('/chat/publish', { channel: 'main', text: 'before' })).status).toBe('ok')
    const out = await gql(t.url, graphql(`mutation LogoutHere { logout }`), {}, u.token)
    expect(out.errors).toBeUndefined()
    await until(async () => (await socket.ask('/chat/publish', { channel: 'main', text: 'after' })).status === 'error')
    expect(await socket.ask('/chat/login', { token: u.token })).toEqual({
      status: 'error',
      result: { message: expect.any(String) },
    })
  })

  it.skipIf(!process.env.TEST_REDIS_URL)('a message sent on one instance reaches sockets on another', async () => {
    const a = await start()
    const b = await start({}, { share: a })
    const u = await registerUser(a)
    const listener = await connect(b, 2)
    const channel = `stream/${u.id}`
    expect((await listener.ask('/chat/join', { channel })).status).toBe('ok')
    await b.app.services.pubsub.ready()
    const writer = await connect(a)
    await writer.ask('/chat/login', { token: u.token })
    await writer.ask('/chat/publish', { channel, text: 'across instances' })
    expect(await listener.next('/chat/message', 10_000)).toMatchObject({ channel, text: 'across instances' })
  })
})
