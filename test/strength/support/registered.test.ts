import { describe, expect, it } from 'vitest'
import { startTestApp } from '../../helpers/app.js'
import { gql, userWith } from '../http.js'

/**
 * The support channel kind is part of the app from its start: an app is started inside the test (not in beforeAll), so
 * a kind that fails to register fails this test instead of skipping a file's tests.
 */

describe('the support channel kind at start', () => {
  it('an app with moderation starts and serves support conversations', async () => {
    const t = await startTestApp({ PLUGINS: 'chat,moderation' })
    try {
      const u = await userWith(t)
      const asked = await gql(t, 'mutation { askSupport(categoryId: 1, question: "q") { channel } }', {}, u.token)
      const channel = asked.data?.askSupport.channel as string
      expect(channel).toMatch(/^support\/\d+$/)
      const r = await gql(t, 'query($c: String!) { chatChannel(id: $c) { id } }', { c: channel }, u.token)
      expect(r).toEqual({ data: { chatChannel: { id: expect.any(String) } } })
    } finally {
      await t.close()
    }
  }, 120_000)
})
