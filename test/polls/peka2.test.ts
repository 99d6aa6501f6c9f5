// peka2's poll routes (poll.md) over real HTTP with `Token: Bearer`: the documented request and answer shapes, the
// streamer's own variant positions, the documented errors, the previous poll once none runs, guests, and /api/bulk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gqlRaw, rest } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { okData } from './support.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => closeAll(t))

const call = (path: string, body: unknown, who?: TestUser) => rest(t.url, path, body, { token: who?.token })

/** The streamer's own positions: not 1, 2 … */
const VARIANTS = [
  { position: 5, name: 'Left' },
  { position: 9, name: 'Right' },
]

const startBody = (channel: string, more: Record<string, unknown> = {}) => ({
  channel,
  description: 'Which way?',
  duration: 600,
  donate: false,
  variants: VARIANTS,
  ...more,
})

/** A streamer and their stream channel. */
async function streamerChannel() {
  const streamer = await registerUser(t)
  return { streamer, channel: `stream/${streamer.id}` }
}

/** peka2's info object as poll.md documents it: every key, nothing more. */
const info = (o: {
  channel: string
  start: number
  end: number
  userId: number
  userVote: number | null
  votes: [number, number]
  description?: string
  duration?: number
}) => ({
  channel: o.channel,
  description: o.description ?? 'Which way?',
  duration: o.duration ?? 600,
  start: o.start,
  end: o.end,
  donate: false,
  userId: o.userId,
  userVote: o.userVote,
  variants: VARIANTS.map((v, i) => ({ ...v, votes: o.votes[i], donateVotes: 0 })),
})

const unixNow = () => Math.floor(Date.now() / 1000)

async function endPoll(by: TestUser, channel: string) {
  const d = okData(
    await gqlRaw(t.url, 'query($c: String!) { channelPoll(channel: $c) { databaseId } }', { c: channel }),
  )
  const pollId = (d.channelPoll as { databaseId: number }).databaseId
  const end = await gqlRaw(t.url, 'mutation($p: Int!) { endPoll(pollId: $p) { endedAt } }', { p: pollId }, by.token)
  return Math.floor(new Date((okData(end).endPoll as { endedAt: string }).endedAt).getTime() / 1000)
}

describe('/api/poll/start, /api/poll/vote, /api/poll/info', () => {
  it('the streamer starts a poll with positions of their own; votes by those positions; info shows each caller their vote', async () => {
    const { streamer, channel } = await streamerChannel()
    const before = unixNow()
    const started = await call('/api/poll/start', startBody(channel), streamer)
    const after = unixNow()
    expect(started.status).toBe(200)
    const start = started.body.start as number
    expect(start).toBeGreaterThanOrEqual(before)
    expect(start).toBeLessThanOrEqual(after)
    const open = { channel, start, end: start + 600, userId: streamer.id }
    expect(started.body).toEqual(info({ ...open, userVote: -1, votes: [0, 0] }))

    const [a, b, c] = await Promise.all([1, 2, 3].map(() => registerUser(t)))
    for (const [u, position] of [
      [a, 5],
      [b, 9],
      [c, 9],
    ] as const)
      expect(await call('/api/poll/vote', { channel, position }, u)).toMatchObject({ status: 200, body: {} })

    // userVote: the position voted for; null for whoever has not voted (the streamer) and for guests
    const seen = async (who: TestUser | undefined) => (await call('/api/poll/info', { channel }, who)).body
    expect(await seen(a)).toEqual(info({ ...open, userVote: 5, votes: [1, 2] }))
    expect(await seen(b)).toEqual(info({ ...open, userVote: 9, votes: [1, 2] }))
    expect(await seen(streamer)).toEqual(info({ ...open, userVote: -1, votes: [1, 2] }))
    const guest = await call('/api/poll/info', { channel })
    expect(guest).toMatchObject({ status: 200, body: info({ ...open, userVote: -1, votes: [1, 2] }) })

    // a vote is final: a second one, for either position, is refused and counts nothing
    for (const position of [5, 9]) {
      const again = await call('/api/poll/vote', { channel, position }, a)
      expect(again.status).toBe(500)
      expect(again.body).toEqual({ message: expect.stringContaining('voted') })
    }
    expect(await seen(c)).toEqual(info({ ...open, userVote: 9, votes: [1, 2] }))
  })

  it('a position the poll does not have is refused, the positions 1 and 2 included', async () => {
    const { streamer, channel } = await streamerChannel()
    expect((await call('/api/poll/start', startBody(channel), streamer)).status).toBe(200)
    const u = await registerUser(t)
    for (const position of [1, 2, 0, 7, 1000]) {
      const r = await call('/api/poll/vote', { channel, position }, u)
      expect(r.status).toBe(500)
      expect(r.body).toEqual({ message: `position: the poll has no option at position ${position}` })
    }
    // none of them counted, and the voter may still vote
    expect(await call('/api/poll/vote', { channel, position: 9 }, u)).toMatchObject({ status: 200, body: {} })
    expect((await call('/api/poll/info', { channel }, u)).body.variants).toEqual([
      { position: 5, name: 'Left', votes: 0, donateVotes: 0 },
      { position: 9, name: 'Right', votes: 1, donateVotes: 0 },
    ])
  })

  it('with no poll ever: info and vote answer an error', async () => {
    const { channel } = await streamerChannel()
    const u = await registerUser(t)
    const read = await call('/api/poll/info', { channel }, u)
    expect(read.status).toBe(500)
    expect(read.body).toEqual({ message: expect.stringContaining('no poll was ever started') })
    expect((await call('/api/poll/info', { channel })).status).toBe(500)
    const vote = await call('/api/poll/vote', { channel, position: 5 }, u)
    expect(vote.status).toBe(500)
    expect(vote.body).toEqual({ message: `channel: no poll was ever started in ${channel}` })
  })

  it('once the poll ended, info answers it (the previous poll) and vote is refused; a new poll replaces it', async () => {
    const { streamer, channel } = await streamerChannel()
    const started = await call('/api/poll/start', startBody(channel), streamer)
    const start = started.body.start as number
    const voter = await registerUser(t)
    expect((await call('/api/poll/vote', { channel, position: 5 }, voter)).status).toBe(200)
    const endedAt = await endPoll(streamer, channel)
    expect(endedAt).toBeGreaterThanOrEqual(start)

    // end: when it stopped taking votes; duration: as started
    const ended = info({ channel, start, end: endedAt, userId: streamer.id, userVote: 5, votes: [1, 0] })
    expect(await call('/api/poll/info', { channel }, voter)).toMatchObject({ status: 200, body: ended })
    expect((await call('/api/poll/info', { channel })).body).toEqual({ ...ended, userVote: -1 })

    const late = await registerUser(t)
    const refused = await call('/api/poll/vote', { channel, position: 5 }, late)
    expect(refused.status).toBe(500)
    expect(refused.body).toEqual({ message: `channel: ${channel} has no running poll` })

    const next = await call('/api/poll/start', startBody(channel, { description: 'And now?', duration: 60 }), streamer)
    expect(next.status).toBe(200)
    const nextStart = next.body.start as number
    const fresh = info({
      channel,
      start: nextStart,
      end: nextStart + 60,
      userId: streamer.id,
      userVote: -1,
      votes: [0, 0],
      description: 'And now?',
      duration: 60,
    })
    expect(next.body).toEqual(fresh)
    expect((await call('/api/poll/info', { channel }, voter)).body).toEqual(fresh)
  })

  it('a poll that ran out of time is the previous poll too', async () => {
    const { streamer, channel } = await streamerChannel()
    const started = await call('/api/poll/start', startBody(channel, { duration: 10 }), streamer)
    const start = started.body.start as number
    // its end moved into the past, as time would (test setup)
    const endsAt = new Date(Date.now() - 1000)
    await t.app.services.prisma.poll.updateMany({ where: { channel }, data: { endsAt } })
    const end = Math.floor(endsAt.getTime() / 1000)
    expect((await call('/api/poll/info', { channel })).body).toEqual(
      info({ channel, start, end, duration: end - start, userId: streamer.id, userVote: -1, votes: [0, 0] }),
    )
    const u = await registerUser(t)
    expect((await call('/api/poll/vote', { channel, position: 5 }, u)).body).toEqual({
      message: `channel: ${channel} has no running poll`,
    })
    // and the channel is free for the next one
    expect((await call('/api/poll/start', startBody(channel), streamer)).status).toBe(200)
  })
})

describe('/api/poll/start refusals', () => {
  it.each(['channel', 'description', 'duration', 'donate', 'variants'])(
    'without %s: an error naming the field, and nothing started',
    async (field) => {
      const { streamer, channel } = await streamerChannel()
      const body = Object.fromEntries(Object.entries(startBody(channel)).filter(([k]) => k !== field))
      const r = await call('/api/poll/start', body, streamer)
      expect(r).toMatchObject({ status: 500, body: { message: `${field}: is required` } })
      expect(Object.keys(r.body as object)).toEqual(['message'])
      expect((await call('/api/poll/info', { channel })).status).toBe(500)
      expect(await t.app.services.prisma.poll.count({ where: { channel } })).toBe(0)
    },
  )

  it('a plain user may not start a poll on someone else’s stream; a guest must sign in', async () => {
    const { channel } = await streamerChannel()
    const someone = await registerUser(t)
    const r = await call('/api/poll/start', startBody(channel), someone)
    expect(r).toMatchObject({
      status: 500,
      body: { message: `channel: only moderators of ${channel} start its polls` },
    })
    expect(await call('/api/poll/start', startBody(channel))).toMatchObject({
      status: 500,
      body: { message: 'Authentication required' },
    })
    expect(await call('/api/poll/vote', { channel, position: 5 })).toMatchObject({
      status: 500,
      body: { message: 'Authentication required' },
    })
    expect(await t.app.services.prisma.poll.count({ where: { channel } })).toBe(0)
  })

  it('a second poll while one runs is refused', async () => {
    const { streamer, channel } = await streamerChannel()
    expect((await call('/api/poll/start', startBody(channel), streamer)).status).toBe(200)
    const r = await call('/api/poll/start', startBody(channel, { description: 'Another?' }), streamer)
    expect(r.status).toBe(500)
    expect(r.body).toEqual({ message: expect.stringContaining('still running') })
    expect((await call('/api/poll/info', { channel })).body.description).toBe('Which way?')
  })
})

describe('/api/bulk', () => {
  it('refuses each poll route inside a batch, and runs none of them', async () => {
    const { streamer, channel } = await streamerChannel()
    const r = await rest(
      t.url,
      '/api/bulk',
      {
        command: [
          ['/api/poll/start', startBody(channel)],
          ['/api/poll/info', { channel }],
          ['/api/poll/vote', { channel, position: 5 }],
        ],
      },
      { token: streamer.token },
    )
    expect(r.status).toBe(200)
    const paths = ['/api/poll/start', '/api/poll/info', '/api/poll/vote']
    expect(r.body).toEqual(
      paths.map((path, i) => [
        path,
        expect.anything(),
        { message: `command[${i}]: ${path} cannot be run in a bulk request` },
        false,
      ]),
    )
    expect(await t.app.services.prisma.poll.count({ where: { channel } })).toBe(0)

    // with a poll running, a vote in a batch counts nothing
    expect((await call('/api/poll/start', startBody(channel), streamer)).status).toBe(200)
    const voter = await registerUser(t)
    const vote = await rest(
      t.url,
      '/api/bulk',
      { command: [['/api/poll/vote', { channel, position: 5 }]] },
      { token: voter.token },
    )
    expect(vote.body[0][3]).toBe(false)
    expect((await call('/api/poll/info', { channel }, voter)).body).toMatchObject({
      userVote: -1,
      variants: [{ votes: 0 }, { votes: 0 }],
    })
  })
})
