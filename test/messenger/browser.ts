/**
 * A messenger client as a browser page drives it (messenger-api.md): a cookie jar fed by Set-Cookie, and the CSRF
 * token login gives echoed in X-CSRF-Token — or a Bearer token, as a non-browser client would.
 */
export interface Answer {
  status: number
  headers: Headers
  // the tests read the documented shapes
  body: any
}

export class Browser {
  readonly cookies = new Map<string, string>()
  csrf: string | null = null
  bearer: string | null = null
  constructor(private readonly base: string) {}

  async send(method: string, path: string, body?: unknown, opts: { csrf?: boolean } = {}): Promise<Answer> {
    const headers: Record<string, string> = {}
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (this.csrf && opts.csrf !== false) headers['x-csrf-token'] = this.csrf
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`
    let payload: BodyInit | undefined
    if (body instanceof FormData) payload = body
    else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body: payload })
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const i = pair.indexOf('=')
      const [name, value] = [pair.slice(0, i).trim(), pair.slice(i + 1).trim()]
      if (/Max-Age=0/i.test(c)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    this.csrf = this.cookies.get('csrf_token') ?? null
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, headers: res.headers, body: parsed }
  }

  get = (path: string) => this.send('GET', path)
  post = (path: string, body?: unknown) => this.send('POST', path, body)
  put = (path: string, body?: unknown) => this.send('PUT', path, body)
  delete = (path: string) => this.send('DELETE', path)

  /** registers (201, not signed in) and logs in */
  async signUp(username: string, password = 'correct horse battery 1') {
    const reg = await this.post('/api/register', { username, password, email: `${username}@example.com` })
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`)
    const login = await this.post('/api/login', { username, password })
    if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`)
    return login.body as { id: number; username: string }
  }
}
