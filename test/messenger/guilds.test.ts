/**
 * The messenger's guilds, invites, channels and messages (messenger-api.md "Гильдии" … "Сообщения") over HTTP as a
 * browser page sends them: alice owns a guild, bob joins it by invite and reads what alice posts.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { png } from '../conformance/harness.js'
import { Browser } from './browser.js'

let t: TestApp
let alice: Browser
let bob: Browser
beforeAll(async () => {
  t = await startTestApp()
  alice = new Browser(t.url)
  bob = new Browser(t.url)
  const tag = randomBytes(3).toString('hex')
  await alice.signUp(`alice_${tag}`)
  await bob.signUp(`bob_${tag}`)
})
afterAll(() => closeAll(t))

const iso = (v: unknown) => typeof v === 'string' && new Date(v).toISOString() === v

describe('messenger guilds, channels and messages', () => {
  let guild: number
  let channel: number
  let message: number

  it('creates and lists guilds', async () => {
    const made = await alice.post('/api/guilds', { name: 'My Server' })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ id: expect.any(Number), name: 'My Server', owner_id: expect.any(Number) })
    expect(iso(made.body.created_at)).toBe(true)
    guild = made.body.id
    const list = await alice.get('/api/guilds')
    expect(list.status).toBe(200)
    expect(list.body).toContainEqual(made.body)
    expect((await bob.get('/api/guilds')).body).toEqual([])
  })

  it('creates channels and lists them', async () => {
    const made = await alice.post(`/api/guilds/${guild}/channels`, { name: 'general', type: 'text' })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ id: expect.any(Number), name: 'general', type: 'text', guild_id: guild })
    expect(made.body.position).toEqual(expect.any(Number))
    expect(iso(made.body.created_at)).toBe(true)
    channel = made.body.id
    const list = await alice.get(`/api/guilds/${guild}/channels`)
    expect(list.status).toBe(200)
    expect(list.body).toEqual([{ id: channel, name: 'general', type: 'text', guild_id: guild, position: 0 }])
    const renamed = await alice.put(`/api/channels/${channel}`, { name: 'new-name', read_only: false })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({ id: channel, name: 'new-name' })
    // bob is no member yet
    const refused = await bob.post(`/api/guilds/${guild}/channels`, { name: 'mine' })
    expect([403, 404]).toContain(refused.status)
  })

  it('answers unknown ids 404, bad ids 400, wrong methods 405', async () => {
    const none = await alice.get('/api/guilds/999999/channels')
    expect(none.status).toBe(404)
    expect(none.body).toMatchObject({ code: 'GUILD_NOT_FOUND', error: expect.any(String) })
    const noChannel = await alice.post('/api/channels/999999/messages', { content: 'x' })
    expect(noChannel.status).toBe(404)
    expect(noChannel.body.code).toBe('CHANNEL_NOT_FOUND')
    const bad = await alice.get('/api/guilds/abc/channels')
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'id' } })
    const wrong = await alice.send('PATCH', `/api/guilds/${guild}/channels`)
    expect(wrong.status).toBe(405)
    expect(wrong.body.code).toBe('METHOD_NOT_ALLOWED')
    const guest = await new Browser(t.url).get('/api/guilds')
    expect(guest.status).toBe(401)
  })

  it('joins by invite', async () => {
    const invite = await alice.post(`/api/guilds/${guild}/invites`, { expires_hours: 24, max_uses: 10 })
    expect(invite.status).toBe(201)
    expect(invite.body).toMatchObject({ code: expect.any(String), max_uses: 10, uses: 0 })
    expect(iso(invite.body.expires_at)).toBe(true)
    const joined = await bob.post(`/api/invites/${invite.body.code}/join`)
    expect(joined.status).toBe(200)
    expect(joined.body).toEqual({ message: 'Successfully joined guild', guild_id: guild })
    expect((await bob.get('/api/guilds')).body.map((g: { id: number }) => g.id)).toContain(guild)
    expect((await bob.post('/api/invites/nope/join')).status).toBe(404)
  })

  it('posts, pages, edits, pins and deletes messages', async () => {
    const sent = await alice.post(`/api/channels/${channel}/messages`, { content: 'Hello, everyone!' })
    expect(sent.status).toBe(201)
    expect(sent.body).toMatchObject({ content: 'Hello, everyone!', pinned: false, files: [] })
    expect(sent.body.username).toMatch(/^alice_/)
    expect(iso(sent.body.timestamp)).toBe(true)
    message = sent.body.id
    for (let i = 0; i < 3; i++) await alice.post(`/api/channels/${channel}/messages`, { content: `more ${i}` })

    const page = await bob.get(`/api/channels/${channel}/messages?page=1&limit=2`)
    expect(page.status).toBe(200)
    expect(page.body.pagination).toEqual({ page: 1, limit: 2, total: 4, pages: 2 })
    expect(page.body.messages.map((m: { content: string }) => m.content)).toEqual(['more 2', 'more 1'])
    const second = await bob.get(`/api/channels/${channel}/messages?page=2&limit=2`)
    expect(second.body.messages.map((m: { id: number }) => m.id)).toContain(message)
    const tooMany = await bob.get(`/api/channels/${channel}/messages?limit=101`)
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.details).toEqual({ field: 'limit' })

    const edited = await alice.put(`/api/messages/${message}`, { content: 'Updated message' })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ id: message, content: 'Updated message' })
    expect(iso(edited.body.edited_at)).toBe(true)
    expect((await bob.put(`/api/messages/${message}`, { content: 'mine now' })).status).toBe(403)

    expect((await alice.post(`/api/messages/${message}/pin`)).body).toEqual({ message: 'Message pinned successfully' })
    const pinned = await bob.get(`/api/channels/${channel}/messages?page=2&limit=2`)
    expect(pinned.body.messages.find((m: { id: number }) => m.id === message).pinned).toBe(true)
    expect((await alice.post(`/api/messages/${message}/unpin`)).body).toEqual({
      message: 'Message unpinned successfully',
    })
    const removed = await alice.delete(`/api/messages/${message}`)
    expect(removed.status).toBe(200)
    expect(removed.body).toEqual({ message: 'Message deleted successfully' })
    expect((await bob.get(`/api/channels/${channel}/messages`)).body.pagination.total).toBe(3)
  })

  it('uploads files and serves them', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png(16, 16))], { type: 'image/png' }), 'image.png')
    const up = await alice.post('/api/upload', form)
    expect(up.status).toBe(201)
    expect(up.body).toMatchObject({ filename: 'image.png', size: expect.any(Number), mimetype: 'image/png' })
    const got = await fetch(`${t.url}/${up.body.path}`)
    expect(got.status).toBe(200)
    expect((await got.arrayBuffer()).byteLength).toBe(up.body.size)
    const none = await alice.post('/api/upload', new FormData())
    expect(none.status).toBe(400)
    expect(none.body.details).toEqual({ field: 'file' })
  })

  it('adds, lists and removes emojis and stickers', async () => {
    const form = (name: string, extra: Record<string, string> = {}) => {
      const f = new FormData()
      f.append('name', name)
      for (const [k, v] of Object.entries(extra)) f.append(k, v)
      f.append('file', new Blob([new Uint8Array(png(64, 64))], { type: 'image/png' }), 'e.png')
      return f
    }
    const made = await alice.post(`/api/guilds/${guild}/emojis`, form('custom_emoji'))
    expect(made.status).toBe(201)
    expect(made.body).toEqual({
      id: expect.any(String),
      name: 'custom_emoji',
      file_path: expect.any(String),
      animated: false,
    })
    const list = await bob.get(`/api/guilds/${guild}/emojis`)
    expect(list.body).toEqual([{ ...made.body, created_at: expect.any(String) }])
    expect((await bob.post(`/api/guilds/${guild}/emojis`, form('bobs'))).status).toBe(403)
    expect((await alice.delete(`/api/emojis/${made.body.id}`)).body).toEqual({ success: true })
    expect((await alice.get(`/api/guilds/${guild}/emojis`)).body).toEqual([])

    const sticker = await alice.post(
      `/api/guilds/${guild}/stickers`,
      form('custom_sticker', { description: 'A custom sticker' }),
    )
    expect(sticker.status).toBe(201)
    expect(sticker.body).toMatchObject({ name: 'custom_sticker', description: 'A custom sticker' })
    expect((await bob.get(`/api/guilds/${guild}/stickers`)).body).toEqual([
      { ...sticker.body, created_at: expect.any(String) },
    ])
  })

  it('searches messages', async () => {
    await alice.post(`/api/channels/${channel}/messages`, { content: 'searchable needle here' })
    const hits = await bob.get(`/api/search/messages?q=needle&channel_id=${channel}&limit=20`)
    expect(hits.status).toBe(200)
    expect(hits.body).toEqual([
      {
        id: expect.any(Number),
        content: 'searchable needle here',
        username: expect.stringMatching(/^alice_/),
        channel_name: 'new-name',
        timestamp: expect.any(String),
      },
    ])
    const everywhere = await bob.get('/api/search/messages?q=needle')
    expect(everywhere.status).toBe(200)
    expect(Array.isArray(everywhere.body)).toBe(true)
    expect((await bob.get('/api/search/messages')).body.details).toEqual({ field: 'q' })
  })

  it('deletes a guild (owner only)', async () => {
    const refused = await bob.delete(`/api/guilds/${guild}`)
    expect(refused.status).toBe(403)
    const done = await alice.delete(`/api/guilds/${guild}`)
    expect(done.status).toBe(200)
    expect(done.body).toEqual({ message: 'Guild deleted successfully' })
    expect((await alice.get(`/api/guilds/${guild}/channels`)).status).toBe(404)
  })
})
