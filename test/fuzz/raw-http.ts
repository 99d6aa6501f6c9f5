import net from 'node:net'
import fc from 'fast-check'
import type { Answer, Fuzzer } from './harness.js'
import { anyString } from './values.js'

/** Requests written byte by byte on a socket: paths, methods and framing a fetch client would never send. */

export interface RawCase {
  label: string
  path: string
  /** the request ends early or lies about its length: no answer is an acceptable outcome */
  truncated: boolean
  bytes: Buffer
  sentText: string
  describe: Record<string, unknown>
}

const FRAMINGS = [
  'length',
  'length',
  'length',
  'length',
  'chunked',
  'length-larger',
  'length-smaller',
  'chunked-bad',
  'chunked-and-length',
  'no-length',
  'length-not-a-number',
  'length-negative',
  'two-lengths',
] as const

export function rawCaseArb(routePaths: string[], filePrefixes: string[]): fc.Arbitrary<RawCase> {
  const path = fc.oneof(
    { arbitrary: fc.constantFrom(...routePaths, '/graphql', '/api/bulk'), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        '/api',
        '/api/',
        '/API/user',
        '/api/user/',
        '/api//user',
        '/api/user?x=1&x=2',
        '/api/%00',
        '/api/..%2f..%2fetc%2fpasswd',
        `/api/${'a'.repeat(5000)}`,
        '/init/',
        '/init/nope',
        '/room/1',
        '/user/x',
        '/gifts',
        '/upload',
        '/messages/1',
        '/dialog',
        '/complaints',
        '/balance',
        '/coins',
        '/healthz?x',
        '/readyz',
        '/graphql?query=%7B__typename%7D',
        '/graphql/',
        '/nope',
        '/',
        '*',
        '/%ZZ',
        '/api/user#frag',
        '//api/user',
        '/api/user/../user',
        '/graphql?query=' + encodeURIComponent('{'.repeat(3000)),
      ),
      weight: 3,
    },
    {
      arbitrary: fc
        .constantFrom(...(filePrefixes.length ? filePrefixes : ['/uploads/']))
        .chain((p) =>
          fc.constantFrom(
            `${p}x.png`,
            `${p}../../../../etc/passwd`,
            `${p}%2e%2e%2f%2e%2e%2fpackage.json`,
            p,
            `${p}${'0'.repeat(64)}.png`,
            `${p}%00.png`,
            `${p}a/b/c.png`,
          ),
        ),
      weight: 1,
    },
    { arbitrary: fc.webPath().map((p) => `/api${p.startsWith('/') ? p : `/${p}`}`), weight: 1 },
  )
  const method = fc.constantFrom(
    'POST',
    'POST',
    'POST',
    'GET',
    'PUT',
    'DELETE',
    'HEAD',
    'OPTIONS',
    'PATCH',
    'TRACE',
    'FOO',
  )
  const body = fc.oneof(
    {
      arbitrary: fc.constantFrom(
        '{}',
        '{"id":1}',
        '[]',
        '{"query":"{ __typename }"}',
        '{"command":[["/api/user",{"id":1}]]}',
        '',
      ),
      weight: 4,
    },
    { arbitrary: anyString.map((s) => s.slice(0, 2000)), weight: 1 },
  )
  const extraHeaders = fc.array(
    fc.constantFrom(
      'Content-Type: application/json',
      'Content-Type: text/plain',
      'Content-Type: multipart/form-data; boundary=z',
      'Expect: 100-continue',
      `X-Request-Id: ${'r'.repeat(2000)}`,
      'X-Request-Id: ',
      'X-Forwarded-For: not-an-ip, ::1, 999.1.1.1',
      'Token: Bearer',
      'Authorization: Bearer ' + 'x'.repeat(4000),
      'Content-Encoding: gzip',
      'Accept: application/graphql-response+json',
      'Content-Type: application/json',
      `X-Big: ${'b'.repeat(20_000)}`,
      'Origin: http://evil.example',
      'Upgrade: websocket',
      'Transfer-Encoding: gzip, chunked',
    ),
    { maxLength: 3 },
  )
  return fc
    .record({ path, method, body, framing: fc.constantFrom(...FRAMINGS), extra: extraHeaders })
    .map(({ path: p, method: m, body: b, framing, extra }) => {
      const payload = Buffer.from(b, 'utf8')
      const head = [`${m} ${p} HTTP/1.1`, 'Host: fuzz', 'Connection: close']
      let tail: Buffer = payload
      let truncated = false
      switch (framing) {
        case 'length':
          head.push(`Content-Length: ${payload.length}`)
          break
        case 'chunked':
          head.push('Transfer-Encoding: chunked')
          tail = Buffer.concat([
            Buffer.from(`${payload.length.toString(16)}\r\n`),
            payload,
            Buffer.from('\r\n0\r\n\r\n'),
          ])
          break
        case 'length-larger':
          head.push(`Content-Length: ${payload.length + 100}`)
          truncated = true
          break
        case 'length-smaller':
          head.push(`Content-Length: ${Math.max(0, payload.length - 3)}`)
          break
        case 'chunked-bad':
          head.push('Transfer-Encoding: chunked')
          tail = Buffer.concat([Buffer.from('zz\r\n'), payload, Buffer.from('\r\n')])
          truncated = true
          break
        case 'chunked-and-length':
          head.push('Transfer-Encoding: chunked', `Content-Length: ${payload.length}`)
          tail = Buffer.concat([
            Buffer.from(`${payload.length.toString(16)}\r\n`),
            payload,
            Buffer.from('\r\n0\r\n\r\n'),
          ])
          break
        case 'no-length':
          truncated = true
          break
        case 'length-not-a-number':
          head.push('Content-Length: abc')
          break
        case 'length-negative':
          head.push('Content-Length: -1')
          break
        case 'two-lengths':
          head.push(`Content-Length: ${payload.length}`, `Content-Length: ${payload.length + 1}`)
          break
      }
      head.push(...extra)
      const bytes = Buffer.concat([
        Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'),
        m === 'GET' || m === 'HEAD' ? Buffer.alloc(0) : tail,
      ])
      return {
        label: `${m} ${p.length > 60 ? `${p.slice(0, 60)}…` : p}`,
        path: p,
        truncated,
        bytes,
        sentText: bytes.toString('utf8'),
        describe: {
          method: m,
          path: p.length > 200 ? `${p.slice(0, 100)}…(${p.length})` : p,
          framing,
          extra: extra.map((h) => (h.length > 80 ? `${h.slice(0, 40)}…(${h.length})` : h)),
          body: b.length > 200 ? `${b.slice(0, 100)}…(${b.length})` : b,
        },
      }
    })
}

/** Writes the bytes, half-closes, and reads the answer until the server closes (or 5 s pass). */
export function runRaw(f: Fuzzer, c: RawCase): Promise<Answer> {
  const { port } = new URL(f.url)
  const t0 = performance.now()
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    const sock = net.connect(Number(port), '127.0.0.1')
    let done = false
    const finish = (error?: string) => {
      if (done) return
      done = true
      clearTimeout(timer)
      sock.destroy()
      const raw = Buffer.concat(chunks).toString('utf8')
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0)
      const split = raw.indexOf('\r\n\r\n')
      const headers = new Headers()
      for (const line of raw
        .slice(0, split < 0 ? raw.length : split)
        .split('\r\n')
        .slice(1)) {
        const at = line.indexOf(':')
        if (at > 0) {
          try {
            headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
          } catch {
            /* a header a fetch Headers refuses: not our concern here */
          }
        }
      }
      // no answer at all is fine for a request that never ended properly, and for one the HTTP parser refused
      const silent = !status && !error && c.truncated
      resolve({
        status,
        text: split < 0 ? '' : raw.slice(split + 4),
        headers,
        ms: performance.now() - t0,
        ...(status || silent ? {} : { error: error ?? 'connection closed without an answer' }),
      })
    }
    const timer = setTimeout(() => finish(c.truncated ? undefined : 'TimeoutError: no answer within 5 s'), 5000)
    sock.on('data', (d) => chunks.push(d))
    sock.on('end', () => finish())
    sock.on('close', () => finish())
    sock.on('error', (e) =>
      finish(chunks.length ? undefined : `socket error ${(e as NodeJS.ErrnoException).code ?? e.message}`),
    )
    sock.write(c.bytes, () => {
      if (!c.truncated) return
      // a lying Content-Length or a broken chunk: give the server a moment, then stop sending
      setTimeout(() => sock.end(), 200)
    })
  })
}
