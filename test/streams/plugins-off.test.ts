/** Streams with moderation off: support categories are refused, the rest works; the demo data shows content. */
import { afterAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../helpers/app.js'
import { rest } from '../helpers/clients.js'
import { seed } from '../../src/seed.js'

const t = await startTestApp({ PLUGINS: 'streams', SEED_DEMO: 'true' })
await seed(t.app.services, t.app.plugins)
afterAll(() => t.close())

describe('streams alone', () => {
  it('demo data: alice is live in a category under top; bob is offline', async () => {
    const r = await rest(t.url, '/api/content', { content: 'stream', type: 'all', category: { slug: 'top' } })
    expect(r.status).toBe(200)
    expect(r.body.content.map((c: { owner: { name: string } }) => c.owner.name)).toEqual(['alice'])
    expect(r.body.category.current.subCategories.map((c: { slug: string }) => c.slug)).toEqual(['games', 'talk'])
    const bob = await rest(t.url, '/api/stream', { slug: 'bob' })
    expect(bob.body).toMatchObject({ name: 'Bob talks', online: false, players: [{ provider: 'youtube.com' }] })
  })

  it('support categories need moderation: refused, naming content', async () => {
    const r = await rest(t.url, '/api/category', { content: 'support', slug: 'top' })
    expect(r.status).toBe(500)
    expect(r.body.message).toMatch(/^content:.*moderation/)
    const off = await rest(t.url, '/api/support/ask', { category: 1, question: 'x' })
    expect(off.body.message).toMatch(/Unknown endpoint/)
  })
})
