import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql, gqlRaw } from '../helpers/clients.js'
import { registerUser } from '../helpers/users.js'
import { chatStream, open } from '../events/support.js'
import {
  EVERYONE,
  PLAYLIST_MAX,
  RANDOM_STREAM,
  RANDOM_STREAMS,
  ROOM_VIDEO,
  SET_PLAYLIST,
  SET_VIDEO,
  givePlaylist,
  item,
  makeRoom,
  startVideoApp,
  type Who,
} from './video-support.js'

/**
 * Video rooms over GraphQL: who may read and set a room's playlist and video, the playlist's bounds, what playing a
 * video does (history, events, the roomVideo notification), and the player's HTML.
 */

let t: TestApp
beforeAll(async () => {
  t = await startVideoApp()
})
afterAll(() => closeAll(t))

const ADMINS: Who[] = ['admin', 'owner', 'staff']
const refusalOf = (who: Who) => (who === 'guest' ? 'UNAUTHENTICATED' : 'ROOM_NOT_ADMIN')

describe('who may set a playlist and a video', () => {
  it.each(EVERYONE)('setRoomPlaylist and setRoomCurrentVideo as %s', async (who) => {
    const room = await makeRoom(t, { closed: true })
    const items = [item(0, `https://video.example.test/${who}`)]
    const set = await gql(t.url, SET_PLAYLIST, { roomId: room.id, items }, room.token(who))
    if (ADMINS.includes(who)) expect(set.errors).toBeUndefined()
    else {
      expect(codeOf(set)).toBe(refusalOf(who))
      await givePlaylist(t, room, ['https://video.example.test/by-owner'])
    }
    const play = await gql(t.url, SET_VIDEO, { roomId: room.id, position: 0 }, room.token(who))
    if (ADMINS.includes(who)) expect(play.data?.setRoomCurrentVideo.url).toBe(items[0].url)
    else expect(codeOf(play)).toBe(refusalOf(who))
    const stored = await t.app.services.prisma.roomPlaylistItem.findMany({ where: { roomId: room.id } })
    expect(stored.map((s) => s.url)).toEqual([
      ADMINS.includes(who) ? items[0].url : 'https://video.example.test/by-owner',
    ])
  })

  it('a room that does not exist is ROOM_NOT_FOUND, naming roomId', async () => {
    const u = await registerUser(t)
    const r = await gql(t.url, SET_PLAYLIST, { roomId: 2_000_000_000, items: [] }, u.token)
    expect(codeOf(r)).toBe('ROOM_NOT_FOUND')
    expect(r.errors?.[0].extensions?.field).toBe('roomId')
  })
})

describe("who may read a room's video, playlist and history", () => {
  for (const closed of [true, false]) {
    it.each(EVERYONE)(`${closed ? 'closed' : 'open'} room as %s`, async (who) => {
      const room = await makeRoom(t, { closed })
      await givePlaylist(t, room, ['https://video.example.test/1', 'https://video.example.test/2'])
      await gql(t.url, SET_VIDEO, { roomId: room.id, position: 0 }, room.token('owner'))
      await gql(t.url, SET_VIDEO, { roomId: room.id, position: 1 }, room.token('owner'))
      const r = await gql(t.url, ROOM_VIDEO, { id: room.id }, room.token(who))
      const hidden = closed && (who === 'guest' || who === 'user')
      if (hidden) {
        // the room itself stays (its name is public); each of the three is refused
        expect(r.data?.room).toEqual({ currentVideo: null, playlist: null, playbackHistory: null })
        expect(r.errors?.map((e) => [e.path?.[1], e.extensions?.code]).sort()).toEqual([
          ['currentVideo', 'ROOM_NO_ACCESS'],
          ['playbackHistory', 'ROOM_NO_ACCESS'],
          ['playlist', 'ROOM_NO_ACCESS'],
        ])
      } else {
        expect(r.errors).toBeUndefined()
        expect(r.data?.room?.currentVideo?.url).toBe('https://video.example.test/2')
        expect(r.data?.room?.playlist?.map((p) => p.url)).toHaveLength(2)
        expect(r.data?.room?.playbackHistory?.map((p) => p.url)).toEqual(['https://video.example.test/1'])
      }
    })
  }

  it('a user banned in an open room reads none of it', async () => {
    const room = await makeRoom(t)
    await givePlaylist(t, room, ['https://video.example.test/1'])
    const r0 = await gql(t.url, ROOM_VIDEO, { id: room.id }, room.token('user'))
    expect(r0.errors).toBeUndefined()
    await t.app.services.prisma.channelSanction.create({
      data: { channel: `room/${room.id}`, userId: room.people.user.id, kind: 'ban', actorId: room.people.staff.id },
    })
    const r = await gql(t.url, ROOM_VIDEO, { id: room.id }, room.token('user'))
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['ROOM_NO_ACCESS', 'ROOM_NO_ACCESS', 'ROOM_NO_ACCESS'])
  })
})

describe('playlist bounds', () => {
  const setAsOwner = async (items: unknown[]) => {
    const room = await makeRoom(t)
    const r = await gqlRaw(
      t.url,
      'mutation($r: Int!, $i: [RoomPlaylistItemInput!]!) { setRoomPlaylist(roomId: $r, items: $i) { url } }',
      { r: room.id, i: items },
      room.token('owner'),
    )
    const stored = await t.app.services.prisma.roomPlaylistItem.count({ where: { roomId: room.id } })
    return { r, stored }
  }
  const urls = (n: number) => Array.from({ length: n }, (_, i) => item(i, `https://video.example.test/${i}`))

  it(`takes ${PLAYLIST_MAX} items, not one more`, async () => {
    expect((await setAsOwner(urls(PLAYLIST_MAX))).stored).toBe(PLAYLIST_MAX)
    const { r, stored } = await setAsOwner(urls(PLAYLIST_MAX + 1))
    expect(codeOf(r)).toBe('INVALID_INPUT')
    expect(r.errors?.[0].extensions?.field).toBe('items')
    expect(stored).toBe(0)
  })

  it('takes one main item, not two: the second is named', async () => {
    const list = urls(4)
    list[1].main = true
    expect((await setAsOwner(list)).stored).toBe(4)
    list[3].main = true
    const { r, stored } = await setAsOwner(list)
    expect(codeOf(r)).toBe('INVALID_INPUT')
    expect(r.errors?.[0].extensions?.field).toBe('items[3].main')
    expect(stored).toBe(0)
  })

  it.each(['position', 'url', 'start', 'main', 'persistent'])('refuses an item without %s', async (field) => {
    const list: Record<string, unknown>[] = urls(2)
    list[1] = Object.fromEntries(Object.entries(list[1]).filter(([k]) => k !== field))
    const { r, stored } = await setAsOwner(list)
    expect(r.errors?.[0].message).toContain(field)
    expect(stored).toBe(0)
  })

  it.each([
    ['ftp', 'ftp://video.example.test/a'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<b>x</b>'],
    ['no host', 'https://'],
    ['spaces', 'https://video.example.test/a b'],
    ['a control character', 'https://video.example.test/a\u0007'],
    ['too long', `https://video.example.test/${'a'.repeat(2000)}`],
    ['not a URL', 'video'],
  ])('refuses a URL that is %s, naming it', async (_what, url) => {
    const list = urls(3)
    list[2].url = url
    const { r, stored } = await setAsOwner(list)
    expect(codeOf(r)).toBe('INVALID_INPUT')
    expect(r.errors?.[0].extensions?.field).toBe('items[2].url')
    expect(stored).toBe(0)
  })

  it('takes a URL of exactly 2,000 characters and http as well as https', async () => {
    const base = 'http://video.example.test/'
    const list = [item(0, base + 'a'.repeat(2000 - base.length))]
    expect((await setAsOwner(list)).stored).toBe(1)
  })

  it('refuses a negative position, naming it', async () => {
    const list = urls(2)
    list[1].position = -1
    const { r, stored } = await setAsOwner(list)
    expect(r.errors?.[0].extensions?.field).toBe('items[1].position')
    expect(stored).toBe(0)
  })

  it('orders by position (a sort key, gaps allowed) and replaces the whole list', async () => {
    const room = await makeRoom(t)
    const first = [
      item(30, 'https://video.example.test/c'),
      item(5, 'https://video.example.test/a'),
      item(17, 'https://video.example.test/b'),
    ]
    const r = await gql(t.url, SET_PLAYLIST, { roomId: room.id, items: first }, room.token('admin'))
    expect(r.data?.setRoomPlaylist.map((p) => [p.position, p.url])).toEqual([
      [5, 'https://video.example.test/a'],
      [17, 'https://video.example.test/b'],
      [30, 'https://video.example.test/c'],
    ])
    await gql(
      t.url,
      SET_PLAYLIST,
      { roomId: room.id, items: [item(1, 'https://video.example.test/z', { main: true })] },
      room.token('admin'),
    )
    const read = await gql(t.url, ROOM_VIDEO, { id: room.id })
    expect(read.data?.room?.playlist).toEqual([
      expect.objectContaining({ position: 1, url: 'https://video.example.test/z', main: true, persistent: false }),
    ])
    await gql(t.url, SET_PLAYLIST, { roomId: room.id, items: [] }, room.token('admin'))
    expect((await gql(t.url, ROOM_VIDEO, { id: room.id })).data?.room?.playlist).toEqual([])
  })

  it('two replacements at once leave one of the two lists, whole', async () => {
    const room = await makeRoom(t)
    const lists = [0, 1, 2, 3].map((n) => [0, 1, 2].map((i) => item(i, `https://video.example.test/${n}/${i}`)))
    const rs = await Promise.all(
      lists.map((items) => gql(t.url, SET_PLAYLIST, { roomId: room.id, items }, room.token('owner'))),
    )
    expect(rs.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined])
    const stored = await t.app.services.prisma.roomPlaylistItem.findMany({
      where: { roomId: room.id },
      orderBy: { position: 'asc' },
    })
    expect(lists.map((l) => l.map((i) => i.url))).toContainEqual(stored.map((s) => s.url))
  })
})

describe('playing a video', () => {
  it('plays the item at an index from 0; past the end, the first', async () => {
    const room = await makeRoom(t)
    await givePlaylist(t, room, [
      'https://video.example.test/0',
      'https://video.example.test/1',
      'https://video.example.test/2',
    ])
    const at = async (position: number) =>
      (await gql(t.url, SET_VIDEO, { roomId: room.id, position }, room.token('owner'))).data?.setRoomCurrentVideo
    expect(await at(2)).toMatchObject({ roomId: room.id, url: 'https://video.example.test/2', playlistPosition: 2 })
    expect(await at(1)).toMatchObject({ url: 'https://video.example.test/1', playlistPosition: 1 })
    expect(await at(3)).toMatchObject({ url: 'https://video.example.test/0', playlistPosition: 0 })
    expect(await at(1_000_000)).toMatchObject({ url: 'https://video.example.test/0', playlistPosition: 0 })
  })

  it('an empty playlist is ROOM_PLAYLIST_EMPTY; a negative position INVALID_INPUT', async () => {
    const room = await makeRoom(t)
    const empty = await gql(t.url, SET_VIDEO, { roomId: room.id, position: 0 }, room.token('owner'))
    expect(codeOf(empty)).toBe('ROOM_PLAYLIST_EMPTY')
    await givePlaylist(t, room, ['https://video.example.test/0'])
    const negative = await gql(t.url, SET_VIDEO, { roomId: room.id, position: -1 }, room.token('owner'))
    expect(codeOf(negative)).toBe('INVALID_INPUT')
    expect(negative.errors?.[0].extensions?.field).toBe('position')
    expect((await gql(t.url, ROOM_VIDEO, { id: room.id })).data?.room?.currentVideo).toBeNull()
  })

  it('moves what played before to the history, newest first, with its start and end', async () => {
    const room = await makeRoom(t)
    await givePlaylist(t, room, [
      'https://video.example.test/0',
      'https://video.example.test/1',
      'https://video.example.test/2',
    ])
    const started: string[] = []
    for (const p of [0, 1, 2]) {
      const r = await gql(t.url, SET_VIDEO, { roomId: room.id, position: p }, room.token('owner'))
      started.push(r.data!.setRoomCurrentVideo.startedAt)
    }
    const r = await gql(t.url, ROOM_VIDEO, { id: room.id })
    expect(r.data?.room?.playbackHistory).toEqual([
      { url: 'https://video.example.test/1', start: started[1], end: started[2] },
      { url: 'https://video.example.test/0', start: started[0], end: started[1] },
    ])
    expect(r.data?.room?.currentVideo?.startedAt).toBe(started[2])
  })

  it('keeps the newest 100 history entries', async () => {
    const room = await makeRoom(t)
    await givePlaylist(t, room, ['https://video.example.test/0'])
    const old = (i: number) => new Date(Date.UTC(2020, 0, 1, 0, i))
    await t.app.services.prisma.roomPlayback.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        roomId: room.id,
        url: `https://old.example.test/${i}`,
        start: old(i),
        end: old(i + 1),
      })),
    })
    await gql(t.url, SET_VIDEO, { roomId: room.id, position: 0 }, room.token('owner'))
    await gql(t.url, SET_VIDEO, { roomId: room.id, position: 0 }, room.token('owner'))
    expect(await t.app.services.prisma.roomPlayback.count({ where: { roomId: room.id } })).toBe(100)
    const history = (await gql(t.url, ROOM_VIDEO, { id: room.id })).data!.room!.playbackHistory!
    expect(history).toHaveLength(100)
    expect(history[0].url).toBe('https://video.example.test/0')
    expect(history[1].url).toBe('https://old.example.test/119')
    expect(history[99].url).toBe('https://old.example.test/21')
  })

  it('switches made at once each leave one history entry', async () => {
    const room = await makeRoom(t)
    await givePlaylist(t, room, ['https://video.example.test/0', 'https://video.example.test/1'])
    await gql(t.url, SET_VIDEO, { roomId: room.id, position: 0 }, room.token('owner'))
    const rs = await Promise.all(
      [0, 1, 0, 1, 0].map((position) => gql(t.url, SET_VIDEO, { roomId: room.id, position }, room.token('admin'))),
    )
    expect(rs.map((r) => r.errors)).toEqual(Array(5).fill(undefined))
    const history = (await gql(t.url, ROOM_VIDEO, { id: room.id })).data!.room!.playbackHistory!
    expect(history).toHaveLength(5)
    // one chain: each entry ended when the next began
    for (let i = 0; i + 1 < history.length; i++) expect(history[i].start).toBe(history[i + 1].end)
  })
})

describe("the player's HTML", () => {
  const play = async (url: string) => {
    const room = await makeRoom(t)
    await givePlaylist(t, room, [url])
    return (await gql(t.url, SET_VIDEO, { roomId: room.id, position: 0 }, room.token('owner'))).data!
      .setRoomCurrentVideo.code
  }

  it('is an iframe of the URL, autoplaying when started', async () => {
    const code = await play('https://player.example.test/embed/42?x=1&y=2')
    expect(code.started).toBe(
      '<iframe src="https://player.example.test/embed/42?x=1&amp;y=2&amp;autoplay=1" width="100%" height="100%" ' +
        'frameborder="0" allow="autoplay; fullscreen" allowfullscreen></iframe>',
    )
    expect(code.paused).toContain('src="https://player.example.test/embed/42?x=1&amp;y=2&amp;autoplay=0"')
  })

  it('plays YouTube page links through its embed address', async () => {
    for (const url of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5', 'https://youtu.be/dQw4w9WgXcQ']) {
      expect((await play(url)).paused).toContain('src="https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=0"')
    }
  })

  const wellFormed = (html: string) => {
    // one element, whose only quoted attribute values hold no quote or angle bracket
    expect(html.match(/</g)).toHaveLength(2)
    expect(html).toMatch(
      /^<iframe src="[^"'<>]*" width="100%" height="100%" frameborder="0" allow="autoplay; fullscreen" allowfullscreen><\/iframe>$/,
    )
  }

  it('never lets the URL out of its attribute', async () => {
    const code = await play(`https://x.example.test/"><script>alert(1)</script>?q='"><img/onerror=x>&<b>`)
    wellFormed(code.started)
    wellFormed(code.paused)
  })

  it('escapes a stored URL however it got there, and makes no player of one that is not http(s)', async () => {
    const room = await makeRoom(t)
    const db = t.app.services.prisma
    const read = async (url: string) => {
      await db.roomCurrentVideo.upsert({
        where: { roomId: room.id },
        create: { roomId: room.id, url, playlistPosition: 0 },
        update: { url },
      })
      return (await gql(t.url, ROOM_VIDEO, { id: room.id })).data!.room!.currentVideo!.code
    }
    const odd = await read(`https://x.example.test/a b" onload="alert(1)`)
    wellFormed(odd.started)
    expect(odd.started).not.toContain('onload="')
    expect(await read('javascript:alert(1)')).toEqual({ started: '', paused: '' })
  })
})

describe('what playing a video tells', () => {
  it('roomChanged subscribers get PLAYLIST and VIDEO; members a roomVideo notification, outsiders nothing', async () => {
    const room = await makeRoom(t, { closed: true })
    const changes = await open(t, room.people.member, 'roomChanged', { roomId: room.id })
    const member = await open(t, room.people.member, 'notifications')
    const owner = await open(t, room.people.owner, 'notifications')
    const outsider = await open(t, room.people.user, 'notifications')
    try {
      await givePlaylist(t, room, ['https://video.example.test/0', 'https://video.example.test/1'])
      const ev1 = await changes.next()
      expect(ev1).toMatchObject({ change: 'PLAYLIST', roomId: room.id, user: null })
      const r = await gql(t.url, SET_VIDEO, { roomId: room.id, position: 1 }, room.token('admin'))
      const video = r.data!.setRoomCurrentVideo
      expect(await changes.next()).toMatchObject({ change: 'VIDEO', roomId: room.id })
      const data = { roomId: room.id, url: 'https://video.example.test/1', playlistPosition: 1, code: video.code }
      for (const s of [member, owner]) {
        expect(await s.next()).toEqual({ type: 'roomVideo', data, time: expect.any(String) })
      }
      await outsider.expectQuiet(300)
      await changes.expectQuiet(100)
    } finally {
      for (const s of [changes, member, owner, outsider]) await s.close()
    }
  })

  it('of an open room: people watching its chat get roomVideo; a user banned there does not', async () => {
    const room = await makeRoom(t)
    await givePlaylist(t, room, ['https://video.example.test/0'])
    const watcher = await registerUser(t)
    const banned = await registerUser(t)
    const watching = await chatStream(t, watcher, `room/${room.id}`)
    const bannedWatching = await chatStream(t, banned, `room/${room.id}`)
    const inbox = await open(t, watcher, 'notifications')
    const bannedInbox = await open(t, banned, 'notifications')
    await t.app.services.prisma.channelSanction.create({
      data: { channel: `room/${room.id}`, userId: banned.id, kind: 'ban', actorId: room.people.staff.id },
    })
    try {
      await gql(t.url, SET_VIDEO, { roomId: room.id, position: 0 }, room.token('owner'))
      expect(await inbox.next()).toMatchObject({
        type: 'roomVideo',
        data: { roomId: room.id, url: 'https://video.example.test/0' },
      })
      await bannedInbox.expectQuiet(300)
    } finally {
      for (const s of [watching, bannedWatching, inbox, bannedInbox]) await s.close()
    }
  })
})

describe('randomStream', () => {
  it.each(EVERYONE)('as %s', async (who) => {
    const room = await makeRoom(t)
    const r = await gql(t.url, RANDOM_STREAM, {}, room.token(who))
    if (who === 'guest') expect(codeOf(r)).toBe('UNAUTHENTICATED')
    else expect(RANDOM_STREAMS).toContain(r.data?.randomStream)
  })

  it('picks among all of them', async () => {
    const u = await registerUser(t)
    const seen = new Set<string>()
    for (let i = 0; i < 40 && seen.size < RANDOM_STREAMS.length; i++)
      seen.add((await gql(t.url, RANDOM_STREAM, {}, u.token)).data!.randomStream)
    expect([...seen].sort()).toEqual(RANDOM_STREAMS)
  })

  it('without ROOMS_RANDOM_STREAMS is a clear error', async () => {
    const bare = await startTestApp()
    try {
      const u = await registerUser(bare)
      const r = await gql(bare.url, RANDOM_STREAM, {}, u.token)
      expect(codeOf(r)).toBe('ROOM_RANDOM_STREAMS_OFF')
      expect(r.errors?.[0].message).toBe('No random streams are configured on this server')
    } finally {
      await bare.close()
    }
  })
})
