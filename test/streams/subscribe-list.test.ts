/**
 * peka2 /api/subscribe/list (common.md): the followed streams as /api/stream objects. The core answers it with what it
 * has (no players, offline); the streams plugin replaces that route while it is on. Two instances of one deployment,
 * one with streams and one without, answer the same follows.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { PLAYER_STATUS, SAVE_STREAM } from './documents.js'

let on: TestApp
let off: TestApp
let streamer: TestUser
let plain: TestUser
let inactive: TestUser
let fan: TestUser
const channel = `tw_${randomBytes(3).toString('hex')}`
const list = (t: TestApp) => rest(t.url, '/api/subscribe/list', { content: 'stream' }, { token: fan.token })

beforeAll(async () => {
  on = await startTestApp({ PLUGINS: 'streams' })
  off = await startTestApp({ PLUGINS: 'none' }, { share: on })
  const admin = await userWithRoles(on, { streamAdmin: 1 })
  ;[streamer, plain, inactive, fan] = await Promise.all([1, 2, 3, 4].map(() => registerUser(on)))
  const saved = await gql(
    on.url,
    SAVE_STREAM,
    { input: { title: 'Ladder games', players: [{ provider: 'TWITCH', channel }] } },
    streamer.token,
  )
  expect(saved.errors).toBeUndefined()
  const status = { provider: 'TWITCH', channel, online: true, viewers: 7 } as const
  expect((await gql(on.url, PLAYER_STATUS, status, admin.token)).data?.setStreamPlayerStatus).toBe(1)
  await gql(on.url, SAVE_STREAM, { input: { userId: inactive.id, active: false } }, admin.token)
  // newest first: the stream with players heads the list
  for (const u of [inactive, plain, streamer])
    expect(
      (await rest(on.url, '/api/subscribe/add', { content: 'stream', id: u.id }, { token: fan.token })).status,
    ).toBe(200)
})
afterAll(() => closeAll(off, on))

describe('/api/subscribe/list', () => {
  it("streams on: each followed stream is /api/stream's object, players and live status included", async () => {
    const r = await list(on)
    expect(r.status).toBe(200)
    const slug = (u: TestUser) => rest(on.url, '/api/user', { id: u.id }).then((a) => a.body.slug as string)
    const full = await rest(on.url, '/api/stream', { slug: await slug(streamer) })
    expect(full.body.players).toEqual([expect.objectContaining({ provider: 'twitch.tv', channel, online: true })])
    // the inactive stream is left out, as /api/stream refuses it to the fan
    expect(r.body).toEqual([full.body, (await rest(on.url, '/api/stream', { slug: await slug(plain) })).body])
    expect(r.body[0]).toMatchObject({ name: 'Ladder games', online: true, rating: 7, subscribers: 1 })
  })

  it("streams off: the core's objects, players and live status at their documented defaults", async () => {
    const r = await list(off)
    expect(r.status).toBe(200)
    expect(r.body.map((s: { id: number }) => s.id)).toEqual([streamer.id, plain.id, inactive.id])
    for (const s of r.body) expect(s).toMatchObject({ online: false, players: [], streamStartedAt: 0, rating: 0 })
  })
})
