import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, type TestApp } from '../helpers/app.js'
import { gql, rest } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { open } from '../events/support.js'
import {
  EVERYONE,
  PLAYLIST_MAX,
  RANDOM_STREAMS,
  ROOM_VIDEO,
  makeRoom,
  startVideoApp,
  type Room,
  type Who,
} from './video-support.js'

/**
 * peka2's video and playlist routes (room.md): each route as every kind of caller, the documented shapes (unixtime
 * seconds), the playlist's bounds named by the body's fields, and the routes kept out of /api/bulk.
 */

let t: TestApp
beforeAll(async () => {
  t = await startVideoApp()
})
afterAll(() => closeAll(t))

const call = (path: string, body: unknown, room: Room | null, who: Who) =>
  rest(t.url, path, body, { token: room?.token(who) })

const T0 = 1_900_000_000
const PLAYLIST = [
  { position: 20, url: 'https://video.example.test/b', start: T0 + 60, main: false, persistent: true },
  { position: 10, url: 'https://video.example.test/a', start: T0, main: true, persistent: false },
]

/** A room whose owner set the playlist through the route and played its two items, in order. */
async function playedRoom(closed: boolean) {
  const room = await makeRoom(t, { closed })
  const set = await call('/api/room/playlist/set', { roomId: room.id, playlist: PLAYLIST }, room, 'owner')
  expect(set).toMatchObject({ status: 200, body: {} })
  for (const position of [0, 1]) {
    const r = await call('/api/room/setCurrentVideo', { roomId: room.id, position }, room, 'owner')
    expect(r).toMatchObject({ status: 200, body: {} })
  }
  return room
}

const without = (o: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== key))

const ADMINS: Who[] = ['admin', 'owner', 'staff']
const NO_ACCESS = { status: 500, body: { message: 'You have no access to this room' } }
const NOT_ADMIN = { status: 500, body: { message: 'You are not an administrator of this room' } }
const SIGN_IN = { status: 500, body: { message: 'Authentication required' } }

describe('reading: getCurrentVideo, playlist, playlist/history', () => {
  for (const closed of [true, false]) {
    it.each(EVERYONE)(`${closed ? 'closed' : 'open'} room as %s`, async (who) => {
      const room = await playedRoom(closed)
      const [video, playlist, history] = await Promise.all(
        ['/api/room/getCurrentVideo', '/api/room/playlist', '/api/room/playlist/history'].map((p) =>
          call(p, { roomId: room.id }, room, who),
        ),
      )
      if (closed && (who === 'guest' || who === 'user')) {
        for (const r of [video, playlist, history]) expect(r).toMatchObject(NO_ACCESS)
        return
      }
      const stored = await t.app.services.prisma.roomPlaylistItem.findMany({
        where: { roomId: room.id },
        orderBy: { position: 'asc' },
      })
      expect(playlist).toMatchObject({ status: 200 })
      expect(playlist.body).toEqual([
        { id: stored[0].id, ...PLAYLIST[1] },
        { id: stored[1].id, ...PLAYLIST[0] },
      ])
      expect(video.status).toBe(200)
      expect(video.body).toEqual({
        roomId: room.id,
        url: 'https://video.example.test/b',
        playlistPosition: 1,
        code: {
          started: expect.stringMatching(/^<iframe src="https:\/\/video\.example\.test\/b\?autoplay=1"/),
          paused: expect.stringMatching(/^<iframe src="https:\/\/video\.example\.test\/b\?autoplay=0"/),
        },
      })
      expect(history.status).toBe(200)
      const row = await t.app.services.prisma.roomPlayback.findFirstOrThrow({ where: { roomId: room.id } })
      expect(history.body).toEqual([
        {
          url: 'https://video.example.test/a',
          start: Math.floor(row.start.getTime() / 1000),
          end: Math.floor(row.end.getTime() / 1000),
        },
      ])
    })
  }

  it('a room that does not exist, or no roomId: an error naming roomId', async () => {
    for (const path of ['/api/room/getCurrentVideo', '/api/room/playlist', '/api/room/playlist/history']) {
      expect(await rest(t.url, path, { roomId: 2_000_000_000 })).toEqual(
        expect.objectContaining({ status: 500, body: { message: 'roomId: no such room' } }),
      )
      expect(await rest(t.url, path, {})).toEqual(
        expect.objectContaining({ status: 500, body: { message: 'roomId: is required' } }),
      )
    }
  })

  it('getCurrentVideo of a room that plays nothing yet is null', async () => {
    const room = await makeRoom(t)
    expect(await rest(t.url, '/api/room/getCurrentVideo', { roomId: room.id })).toMatchObject({
      status: 200,
      body: null,
    })
  })
})

describe('writing: playlist/set, setCurrentVideo', () => {
  it.each(EVERYONE)('as %s', async (who) => {
    const room = await makeRoom(t, { closed: true })
    const set = await call('/api/room/playlist/set', { roomId: room.id, playlist: PLAYLIST }, room, who)
    const play = await call('/api/room/setCurrentVideo', { roomId: room.id, position: 0 }, room, who)
    const db = t.app.services.prisma
    if (ADMINS.includes(who)) {
      expect(set).toMatchObject({ status: 200, body: {} })
      expect(play).toMatchObject({ status: 200, body: {} })
      expect(await db.roomCurrentVideo.findUnique({ where: { roomId: room.id } })).toMatchObject({
        url: 'https://video.example.test/a',
      })
    } else {
      const refusal = who === 'guest' ? SIGN_IN : NOT_ADMIN
      expect(set).toMatchObject(refusal)
      expect(play).toMatchObject(refusal)
      expect(await db.roomPlaylistItem.count({ where: { roomId: room.id } })).toBe(0)
    }
  })

  const setAsOwner = async (playlist: unknown) => {
    const room = await makeRoom(t)
    const r = await call('/api/room/playlist/set', { roomId: room.id, playlist }, room, 'owner')
    return { ...r, stored: await t.app.services.prisma.roomPlaylistItem.count({ where: { roomId: room.id } }) }
  }
  const items = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      position: i,
      url: `https://video.example.test/${i}`,
      start: T0,
      main: false,
      persistent: false,
    }))

  it.each(['position', 'url', 'start', 'main', 'persistent'])('an item without %s is named', async (field) => {
    const list: Record<string, unknown>[] = items(4)
    list[3] = without(list[3], field)
    expect(await setAsOwner(list)).toMatchObject({
      status: 500,
      body: { message: `playlist[3].${field}: is required` },
      stored: 0,
    })
  })

  it('two main items: the second is named', async () => {
    const list = items(4)
    list[0].main = true
    list[3].main = true
    expect(await setAsOwner(list)).toMatchObject({
      status: 500,
      body: { message: 'playlist[3].main: at most one item may be main (item 0 is)' },
      stored: 0,
    })
  })

  it('too long a playlist, a bad URL, a start that is no time, a body without a list', async () => {
    expect(await setAsOwner(items(PLAYLIST_MAX + 1))).toMatchObject({
      status: 500,
      body: { message: `playlist: at most ${PLAYLIST_MAX} items` },
      stored: 0,
    })
    const bad = items(2)
    bad[1].url = 'javascript:alert(1)'
    expect(await setAsOwner(bad)).toMatchObject({
      body: { message: 'playlist[1].url: must be an http(s) URL of at most 2000 characters' },
      stored: 0,
    })
    for (const start of ['soon', 1e300, true]) {
      const list: Record<string, unknown>[] = items(2)
      list[1].start = start
      expect(await setAsOwner(list)).toMatchObject({
        body: { message: 'playlist[1].start: must be a valid date and time' },
        stored: 0,
      })
    }
    expect(await setAsOwner(undefined)).toMatchObject({ body: { message: 'playlist: is required' } })
    expect(await setAsOwner('list')).toMatchObject({ status: 500, stored: 0 })
  })

  it('takes back the items playlist gave (ids and all)', async () => {
    const room = await playedRoom(false)
    const got = await call('/api/room/playlist', { roomId: room.id }, room, 'owner')
    const again = await call('/api/room/playlist/set', { roomId: room.id, playlist: got.body }, room, 'owner')
    expect(again).toMatchObject({ status: 200 })
    const after = await call('/api/room/playlist', { roomId: room.id }, room, 'owner')
    const noIds = (list: { id: number }[]) => list.map((i) => ({ ...i, id: 0 }))
    expect(noIds(after.body)).toEqual(noIds(got.body))
  })

  it('setCurrentVideo: past the end plays the first; an empty playlist is an error', async () => {
    const room = await makeRoom(t)
    expect(await call('/api/room/setCurrentVideo', { roomId: room.id, position: 0 }, room, 'owner')).toMatchObject({
      status: 500,
      body: { message: 'This room plays nothing' },
    })
    await call('/api/room/playlist/set', { roomId: room.id, playlist: PLAYLIST }, room, 'owner')
    await call('/api/room/setCurrentVideo', { roomId: room.id, position: 2 }, room, 'owner')
    const r = await rest(t.url, '/api/room/getCurrentVideo', { roomId: room.id })
    expect(r.body).toMatchObject({ url: 'https://video.example.test/a', playlistPosition: 0 })
  })

  it('setCurrentVideo sends roomVideo: the getCurrentVideo object', async () => {
    const room = await makeRoom(t, { closed: true })
    await call('/api/room/playlist/set', { roomId: room.id, playlist: PLAYLIST }, room, 'owner')
    const inbox = await open(t, room.people.member, 'notifications')
    try {
      await call('/api/room/setCurrentVideo', { roomId: room.id, position: 1 }, room, 'admin')
      const current = await call('/api/room/getCurrentVideo', { roomId: room.id }, room, 'member')
      expect(await inbox.next()).toEqual({ type: 'roomVideo', data: current.body, time: expect.any(String) })
    } finally {
      await inbox.close()
    }
  })

  it('the playlist set through REST is the one GraphQL reads', async () => {
    const room = await makeRoom(t)
    await call('/api/room/playlist/set', { roomId: room.id, playlist: PLAYLIST }, room, 'owner')
    const r = await gql(t.url, ROOM_VIDEO, { id: room.id })
    expect(r.data?.room?.playlist?.map((p) => [p.url, p.start])).toEqual([
      ['https://video.example.test/a', new Date(T0 * 1000).toISOString()],
      ['https://video.example.test/b', new Date((T0 + 60) * 1000).toISOString()],
    ])
  })
})

describe('periscopeRandom', () => {
  it.each(EVERYONE)('as %s', async (who) => {
    const room = await makeRoom(t)
    const r = await call('/api/room/periscopeRandom', {}, room, who)
    if (who === 'guest') expect(r).toMatchObject(SIGN_IN)
    else {
      expect(r.status).toBe(200)
      expect(RANDOM_STREAMS).toContain(r.body.url)
    }
  })
})

describe('/api/bulk', () => {
  it('refuses getCurrentVideo and setCurrentVideo, runs the playlist reads', async () => {
    const room = await playedRoom(false)
    const u = await registerUser(t)
    const r = await rest(
      t.url,
      '/api/bulk',
      {
        command: [
          ['/api/room/getCurrentVideo', { roomId: room.id }],
          ['/api/room/setCurrentVideo', { roomId: room.id, position: 0 }],
          ['/api/room/playlist', { roomId: room.id }],
          ['/api/room/playlist/history', { roomId: room.id }],
        ],
      },
      { token: u.token },
    )
    expect(r.status).toBe(200)
    expect(r.body.map((x: unknown[]) => x[3])).toEqual([false, false, true, true])
    expect(r.body[0][2]).toEqual({ message: 'command[0]: /api/room/getCurrentVideo cannot be run in a bulk request' })
    expect(r.body[2][2]).toHaveLength(2)
  })
})
