import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverAudits } from 'graphql-http'
import { startTestApp, type TestApp } from '../helpers/app.js'

const apps: Record<string, TestApp> = {}
/** audits whose GraphQL document queries __type (graphql-http 1.23.1): production refuses introspection, by design */
const NEEDS_INTROSPECTION = new Set(['BF61', '2EA1', '28B9', 'D6D5', '6A70'])
const MODES: Record<string, Record<string, string>> = { development: {}, production: { NODE_ENV: 'production' } }

beforeAll(async () => {
  // one after the other: the first embedded start makes the template the second restores
  for (const [mode, env] of Object.entries(MODES)) apps[mode] = await startTestApp(env)
})
afterAll(async () => {
  for (const t of Object.values(apps)) await t.close()
})

for (const mode of Object.keys(MODES)) {
  // The GraphQL-over-HTTP spec audits of graphql-http. The URL is a function: the app starts after collection.
  const audits = serverAudits({ url: () => `${apps[mode].url}/graphql`, fetchFn: fetch })
  const must = audits.filter((a) => /^MUST\b/.test(a.name))

  describe(`GraphQL over HTTP (${mode}): every MUST audit passes`, () => {
    it('has MUST audits to run', () => {
      expect(apps[mode].app.config.production).toBe(mode === 'production')
      expect(must.length).toBeGreaterThan(10)
    })
    for (const audit of must) {
      const introspects = mode === 'production' && NEEDS_INTROSPECTION.has(audit.id)
      it(`${audit.id} ${audit.name}${introspects ? ' (its query uses introspection, refused in production)' : ''}`, async () => {
        const result = await audit.fn()
        const body =
          'response' in result
            ? await result.response
                .clone()
                .text()
                .catch(() => '')
            : ''
        if (introspects && result.status !== 'ok') {
          // the transport aspect this audit checks passes in development; here the only failure allowed is the refusal
          expect(body).toMatch(/introspection has been disabled/)
          return
        }
        const detail =
          result.status === 'ok'
            ? ''
            : `${result.reason}${'response' in result ? ` — ${result.response.status} ${body}` : ''}`
        expect(result.status, detail).toBe('ok')
      })
    }
    it('SHOULD/MAY audits pass too, except introspection queries in production', async () => {
      const notOk: string[] = []
      for (const a of audits.filter((x) => !/^MUST\b/.test(x.name))) {
        const r = await a.fn()
        if (r.status === 'ok') continue
        const body =
          'response' in r
            ? await r.response
                .clone()
                .text()
                .catch(() => '')
            : ''
        if (mode === 'production' && NEEDS_INTROSPECTION.has(a.id) && body.includes('introspection has been disabled'))
          continue
        notOk.push(`${a.id} ${a.name}: ${r.reason}`)
      }
      expect(notOk).toEqual([])
    })
  })
}
