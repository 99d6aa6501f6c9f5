/**
 * A stub OAuth 2.0 provider on localhost (thirdparty.md's providers; no outside network): the app is configured with
 * `providerEnv(stub)` as provider "stub" (or under other names).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** The provider: codes it issued → the person who signed in there. */
export interface Stub {
  url: string
  codes: Map<string, { id: string; login: string }>
  seen: { path: string; body: string; auth: string }[]
  close(): Promise<void>
}
export async function startProvider(): Promise<Stub> {
  const codes = new Map<string, { id: string; login: string }>()
  const tokens = new Map<string, { id: string; login: string }>()
  const seen: Stub['seen'] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      seen.push({ path: req.url ?? '', body, auth: req.headers.authorization ?? '' })
      const send = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json))
      if (req.url === '/token') {
        const form = new URLSearchParams(body)
        const who = codes.get(form.get('code') ?? '')
        if (!who || form.get('client_secret') !== 'stub-secret') return send(400, { error: 'invalid_grant' })
        codes.delete(form.get('code') ?? '')
        const access = `at-${who.id}-${Math.random()}`
        tokens.set(access, who)
        return send(200, { access_token: access, token_type: 'bearer' })
      }
      if (req.url === '/userinfo') {
        const who = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''))
        return who ? send(200, { sub: who.id, preferred_username: who.login }) : send(401, {})
      }
      send(404, {})
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, codes, seen, close: () => new Promise((r) => server.close(() => r())) }
}

/** The app's configuration of the stub as each of `names` (default: one provider, "stub"). */
export const providerEnv = (stub: Stub, names: readonly string[] = ['stub']) => ({
  THIRDPARTY_PROVIDERS: names.join(','),
  ...Object.fromEntries(
    names.flatMap((name) => {
      const key = `THIRDPARTY_${name.toUpperCase()}_`
      return [
        [`${key}AUTHORIZE_URL`, `${stub.url}/authorize`],
        [`${key}TOKEN_URL`, `${stub.url}/token`],
        [`${key}USERINFO_URL`, `${stub.url}/userinfo`],
        [`${key}CLIENT_ID`, 'stub-client'],
        [`${key}CLIENT_SECRET`, 'stub-secret'],
      ]
    }),
  ),
})
