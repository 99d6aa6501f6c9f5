import { randomBytes } from 'node:crypto'
import type { GraphQLSchema } from 'graphql'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { gql, gqlRaw } from '../helpers/clients.js'
import { createLogger } from '../../src/log.js'
import { seed } from '../../src/seed.js'
import { ROLE_NAMES } from '../../src/auth/roles.js'
import type { Dialect } from '../../src/rest/route.js'
import { jsonOf, pool } from './values.js'
import { graphql } from '../generated/index.js'

/** FUZZ_RUNS: cases per run over every suite; FUZZ_SEED: the base seed; FUZZ_ONLY / FUZZ_PATH replay one case. */
/** An environment variable, empty counting as unset. */
const env = (name: string) => (process.env[name] === '' ? undefined : process.env[name])
export const settings = {
  runs: intEnv('FUZZ_RUNS', 300),
  seed: intEnv('FUZZ_SEED', 20260101),
  only: env('FUZZ_ONLY') ?? null,
  path: env('FUZZ_PATH'),
  report: env('FUZZ_REPORT') ?? null,
}

function intEnv(name: string, fallback: number) {
  const v = process.env[name]
  if (v === undefined || v === '') return fallback
  const n = Number(v)
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got ${v}`)
  return n
}

/** Each suite's share of FUZZ_RUNS and its own seed (base seed + index), so suites replay independently. */
export const SUITES = {
  graphql: { share: 0.4, index: 0 },
  rest: { share: 0.3, index: 1 },
  bulk: { share: 0.05, index: 2 },
  multipart: { share: 0.1, index: 3 },
  ws: { share: 0.1, index: 4 },
  transport: { share: 0.05, index: 5 },
} as const
export type Suite = keyof typeof SUITES

export const runsOf = (s: Suite) => Math.max(10, Math.round(settings.runs * SUITES[s].share))
export const seedOf = (s: Suite) => (settings.seed + SUITES[s].index) | 0
export const enabled = (s: Suite) => !settings.only || settings.only === s

export type Who = 'guest' | 'user' | 'admin'

export interface Identity {
  id: number
  name: string
  password: string
  token: string
}

export interface Answer {
  status: number
  text: string
  headers: Headers
  /** transport failure (connection refused/reset, timeout) */
  error?: string
  ms: number
}

export interface Failure {
  suite: Suite
  target: string
  kind: string
  detail: string
  input: unknown
  response: string
  path: number
  cause?: string
}

export interface Finding {
  key: string
  count: number
  first: Failure
  smallest: Failure
}

const LEAKS: [string, RegExp][] = [
  ['stack trace', /\n\s+at [^\n]+[(\s][^\s()]+:\d+:\d+\)?/],
  ['stack trace', /\bat (?:async )?[\w$.<>]+ \((?:file:\/\/|\/|node:)[^)]*:\d+:\d+\)/],
  ['file path', /(?:\/|\\)(?:src|plugins|node_modules|test)(?:\/|\\)[\w./\\-]+\.(?:ts|js|mjs|cjs)\b/],
  ['file path', /file:\/\/\/[\w./-]+/],
  ['SQL text', /\b(?:SELECT\s+[\w"*.,\s]+\s+FROM|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM)\s+"?\w/i],
  [
    'SQL text',
    /\b(?:syntax error at or near|violates (?:foreign key|unique|check) constraint|duplicate key value|invalid input syntax for|relation "[^"]+" does not exist|column "[^"]+" does not exist|out of range for type|value too long for type|unterminated quoted)\b/i,
  ],
  [
    'ORM internals',
    /\b(?:PrismaClient\w*Error|prisma\.\w+\.\w+\(|Invalid `[^`]*` invocation|DriverAdapterError|P20\d\d\b)/,
  ],
  ['internal error text', /\b(?:TypeError|RangeError|ReferenceError|SyntaxError): (?!Unexpected token|JSON)/],
  [
    'internal error text',
    /Cannot read propert(?:y|ies) of (?:undefined|null)|is not a function\b|Maximum call stack size exceeded/,
  ],
]

/** Server log lines of unexpected errors, by request id: the cause behind an `Internal server error (request id …)`. */
export interface LogEntry {
  msg: string
  requestId?: string
  error?: string
  stack?: string
}

export class Fuzzer {
  t!: TestApp
  url = ''
  schema!: GraphQLSchema
  ids = {} as Record<'admin' | 'user' | 'victim', Identity>
  failures: Failure[] = []
  observations: Failure[] = []
  logs: LogEntry[] = []
  /** cases run per suite */
  cases: Record<string, number> = {}
  routesSent = new Map<string, number>()
  routesOk = new Map<string, number>()
  fieldsSent = new Map<string, number>()
  fieldsOk = new Map<string, number>()
  wsCloseCodes = new Map<number, number>()
  wsFields = new Map<string, number>()
  uploadsAccepted = 0
  statuses = new Map<string, number>()
  started = Date.now()
  private currentPath = 0

  async start() {
    const adminName = `fz_admin_${randomBytes(3).toString('hex')}`
    const adminPassword = `fz-${randomBytes(6).toString('hex')}-A1`
    const log = createLogger('warn', (line) => {
      try {
        const entry = JSON.parse(line) as LogEntry
        this.logs.push(entry)
        if (this.logs.length > 5000) this.logs.splice(0, 1000)
      } catch {
        /* not JSON: ignore */
      }
    })
    this.t = await startTestApp(
      {
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_ATTEMPTS_PER_15MIN: '10000',
        SEED_ADMIN_NAME: adminName,
        SEED_ADMIN_PASSWORD: adminPassword,
        LOG_LEVEL: 'warn',
      },
      { log },
    )
    this.url = this.t.url
    this.schema = this.t.app.yoga.getEnveloped({}).schema
    await seed(this.t.app.services, this.t.app.plugins)
    this.ids.admin = await this.login(adminName, adminPassword)
    this.ids.user = await this.register('fz_user')
    this.ids.victim = await this.register('fz_victim')
    await this.fillPool()
  }

  async close() {
    await closeAll(this.t)
  }

  private async register(prefix: string): Promise<Identity> {
    const name = `${prefix}_${randomBytes(3).toString('hex')}`
    const password = `pw-${randomBytes(6).toString('hex')}-1`
    const r = await gql(
      this.url,
      graphql(`mutation Register($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }`),
      { i: { username: name, email: `${name}@example.com`, password } },
    )
    if (!r.data?.register) throw new Error(`fuzz setup: register failed: ${JSON.stringify(r.errors)}`)
    return { id: r.data.register.viewer.databaseId, name, password, token: r.data.register.token }
  }

  private async login(name: string, password: string): Promise<Identity> {
    const r = await gql(
      this.url,
      graphql(`mutation LoginHarness($i: LoginInput!) { login(input: $i) { token viewer { databaseId } } }`),
      {
        i: { login: name, password },
      },
    )
    if (!r.data?.login) throw new Error(`fuzz setup: login of ${name} failed: ${JSON.stringify(r.errors)}`)
    return { id: r.data.login.viewer.databaseId, name, password, token: r.data.login.token }
  }

  token(who: Who): string | undefined {
    return who === 'guest' ? undefined : this.ids[who].token
  }

  /** Real rows for generated ids to hit: users, messages, tickets, reasons, smiles, complaints, channels, global ids. */
  private async fillPool() {
    const { admin, user, victim } = this.ids
    pool.userIds.push(admin.id, user.id, victim.id)
    pool.names.push(admin.name, user.name, victim.name)
    pool.emails.push(`${user.name}@example.com`, `${victim.name}@example.com`)
    pool.tokens.push(user.token)
    pool.channels.push(
      'main',
      `stream/${admin.id}`,
      `stream/${user.id}`,
      `private/${Math.min(user.id, victim.id)}/${Math.max(user.id, victim.id)}`,
    )
    const send = async (who: Identity, channel: string, text: string) => {
      const r = await gqlRaw(
        this.url,
        'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { __typename ... on ChatPublished { message { databaseId } } } }',
        { i: { channel, text } },
        who.token,
      )
      const id = r.data?.sendChatMessage?.message?.databaseId
      if (typeof id === 'number') pool.messageIds.push(id)
    }
    await send(user, 'main', 'hello from the fuzzer')
    await send(admin, 'main', 'admin says hi')
    await send(user, pool.channels[3], 'private hello')
    const reasons = await gql(
      this.url,
      graphql(`query BanReasonsAndSupportCategories { banReasons { databaseId } supportCategories { databaseId } }`),
    )
    for (const r of reasons.data?.banReasons ?? []) pool.otherIds.push(r.databaseId)
    for (const c of reasons.data?.supportCategories ?? []) pool.otherIds.push(c.databaseId)
    const cat = reasons.data?.supportCategories[0]?.databaseId
    if (cat) {
      const q = await gql(
        this.url,
        graphql(
          `mutation AskSupport($c: Int!) { askSupport(categoryId: $c, question: "fuzz question") { databaseId } }`,
        ),
        { c: cat },
        user.token,
      )
      if (q.data?.askSupport) {
        pool.otherIds.push(q.data.askSupport.databaseId)
        pool.channels.push(`support/${q.data.askSupport.databaseId}`)
      }
    }
    if (pool.messageIds[1]) {
      await gql(
        this.url,
        graphql(`mutation FileComplaint($m: Int!) { fileComplaint(messageId: $m, text: "fuzz") { __typename } }`),
        { m: pool.messageIds[1] },
        user.token,
      )
    }
    const v = await gql(this.url, graphql(`query ViewerHarness { viewer { id } }`), undefined, admin.token)
    if (v.data?.viewer?.id) pool.globalIds.push(v.data.viewer.id)
    for (const t of Object.values(this.schema.getTypeMap())) {
      if (
        'getInterfaces' in t &&
        typeof t.getInterfaces === 'function' &&
        t.getInterfaces().some((i: { name: string }) => i.name === 'Node')
      )
        pool.nodeTypes.push(t.name)
    }
    for (const type of pool.nodeTypes)
      for (const id of [...pool.userIds, ...pool.messageIds.slice(0, 2)])
        pool.globalIds.push(Buffer.from(`${type}:${id}`).toString('base64'))
  }

  /**
   * After a case that may have logged out, blocked or stripped our own accounts: unblock them, give the admin every
   * role back (the seed does both) and sign in again where the token stopped working.
   */
  async heal() {
    const { prisma } = this.t.app.services
    // every plugin back as PLUGINS has it (a case may have switched one off)
    await prisma.pluginSetting.deleteMany()
    await this.t.app.services.plugins.sync()
    const ids = [this.ids.admin.id, this.ids.user.id]
    await prisma.user.updateMany({ where: { id: { in: ids } }, data: { blocked: false } })
    await prisma.userRole.deleteMany({ where: { userId: this.ids.user.id } })
    for (const who of ['admin', 'user'] as const) {
      const me = this.ids[who]
      const r = await gql(this.url, graphql(`query Viewer { viewer { databaseId } }`), undefined, me.token)
      const rows = who === 'admin' ? await prisma.userRole.findMany({ where: { userId: me.id, value: { gt: 0 } } }) : []
      const okRoles = who === 'user' || ROLE_NAMES.every((role) => rows.some((row) => row.role === role))
      if (r.data?.viewer?.databaseId === me.id && okRoles) continue
      if (who === 'admin') {
        await seed(this.t.app.services, this.t.app.plugins)
        this.ids.admin = await this.login(me.name, me.password)
      } else {
        // nothing the API offers changes this password; a failed sign-in means a fresh account is simpler than a repair
        this.ids.user = await this.login(me.name, me.password).catch(() => this.register('fz_user'))
        if (!pool.userIds.includes(this.ids.user.id)) pool.userIds.push(this.ids.user.id)
      }
      if (who === 'user') pool.tokens[0] = this.ids.user.token
    }
  }

  /** One HTTP request, never throwing: transport failures come back in `error`. */
  async send(
    path: string,
    init: {
      method?: string
      headers?: Record<string, string>
      body?: string | Buffer | Uint8Array | ReadableStream
      duplex?: 'half'
    },
    timeoutMs = 30_000,
  ): Promise<Answer> {
    const t0 = performance.now()
    try {
      const res = await fetch(`${this.url}${path}`, {
        method: init.method ?? 'POST',
        headers: init.headers,
        body: init.body as BodyInit,
        signal: AbortSignal.timeout(timeoutMs),
        ...(init.duplex ? { duplex: init.duplex } : {}),
      })
      const text = await res.text()
      return { status: res.status, text, headers: res.headers, ms: performance.now() - t0 }
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } }
      return {
        status: 0,
        text: '',
        headers: new Headers(),
        error: `${err.name}: ${err.message}${err.cause ? ` (${err.cause.code ?? err.cause.message})` : ''}`,
        ms: performance.now() - t0,
      }
    }
  }

  /** The server still answers /healthz. */
  async alive(): Promise<boolean> {
    const r = await this.send('/healthz', { method: 'GET' }, 5000)
    return r.status === 200
  }

  setPath(i: number) {
    this.currentPath = i
  }

  count(suite: Suite) {
    this.cases[suite] = (this.cases[suite] ?? 0) + 1
  }

  fail(f: Omit<Failure, 'path' | 'cause'> & { cause?: string }) {
    this.failures.push({ ...f, path: this.currentPath, cause: f.cause ?? this.causeOf(f.response) })
  }

  observe(f: Omit<Failure, 'path'>) {
    this.observations.push({ ...f, path: this.currentPath })
  }

  /** The logged error behind a response that names a request id. */
  causeOf(text: string, hops = 0): string | undefined {
    const id = /request id ([\w-]+)/.exec(text)?.[1]
    if (!id) return undefined
    const entry = [...this.logs].reverse().find((l) => l.requestId === id)
    if (!entry) return undefined
    // the REST shim logs the masked GraphQL error, which names the request id of the original error's log line
    if (hops < 3 && entry.error?.includes('request id')) return this.causeOf(entry.error, hops + 1) ?? entry.error
    const frame = entry.stack
      ?.split('\n')
      .find((l) => /\/(src|plugins)\//.test(l))
      ?.trim()
    // Prisma errors run over many lines (the call site, then the database's message last): keep the first and last
    const lines = (entry.error ?? entry.msg)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    const error = lines.length > 2 ? `${lines[0]} … ${lines[lines.length - 1]}` : lines.join(' ')
    return `${error}${frame ? ` — at ${frame.replace(/^.*?\/(src|plugins)\//, '$1/').replace(/\)$/, '')}` : ''}`
  }

  /**
   * The oracle for an HTTP answer. `dialect` is the REST dialect of the path (null for /graphql). `sent` is the
   * request text: a "leak" that merely echoes what the client sent is not one.
   */
  check(
    suite: Suite,
    target: string,
    input: unknown,
    sent: string,
    a: Answer,
    dialect: Dialect | null,
    sentBytes = sent.length,
  ) {
    this.statuses.set(`${suite} ${a.status}`, (this.statuses.get(`${suite} ${a.status}`) ?? 0) + 1)
    if (a.error && /ECONNRESET|EPIPE|other side closed/.test(a.error) && sentBytes > this.t.app.config.bodyLimitBytes) {
      // refused before it was read: the server answers and closes while the client is still sending
      this.observe({
        suite,
        target,
        kind: 'connection reset while sending a body over BODY_LIMIT_BYTES',
        detail: a.error,
        input,
        response: '',
      })
      return
    }
    if (a.error) {
      this.fail({
        suite,
        target,
        kind: a.error.includes('TimeoutError') ? 'no answer (timeout)' : 'transport error',
        detail: a.error,
        input,
        response: '',
      })
      return
    }
    const body = a.text
    const excerpt = body.length > 600 ? `${body.slice(0, 600)}… (${body.length} chars)` : body
    let json: unknown
    try {
      json = body ? JSON.parse(body) : undefined
    } catch {
      json = undefined
    }
    if (a.status >= 500) {
      const documentedPeka2 =
        dialect === 'peka2' &&
        a.status === 500 &&
        isMessageOnly(json) &&
        !/internal server error|unexpected error/i.test(json.message)
      if (!documentedPeka2)
        this.fail({
          suite,
          target,
          kind: `HTTP ${a.status}`,
          detail: messageOf(json) ?? excerpt.slice(0, 200),
          input,
          response: excerpt,
        })
    }
    const codes = internalCodes(json)
    if (codes.length)
      this.fail({ suite, target, kind: 'INTERNAL_SERVER_ERROR', detail: codes.join(' | '), input, response: excerpt })
    else if (a.status < 500 && /Internal server error \(request id|Unexpected error\./i.test(body))
      this.fail({
        suite,
        target,
        kind: 'internal error message',
        detail: messageOf(json) ?? '',
        input,
        response: excerpt,
      })
    const leak = leakIn(body, sent)
    if (leak) this.fail({ suite, target, kind: `leak: ${leak.what}`, detail: leak.match, input, response: excerpt })
    if (
      dialect &&
      a.status >= 400 &&
      a.status !== 404 &&
      json !== undefined &&
      !dialectForm(dialect, json) &&
      a.status !== 413
    ) {
      this.observe({
        suite,
        target,
        kind: `${dialect} error not in its documented form`,
        detail: `HTTP ${a.status}`,
        input,
        response: excerpt,
      })
    }
  }

  /** graphql-ws frames and close codes. */
  checkWs(
    target: string,
    input: unknown,
    sent: string,
    frames: string[],
    close: { code: number; reason: string } | null,
    suspects?: string,
  ) {
    if (close) this.wsCloseCodes.set(close.code, (this.wsCloseCodes.get(close.code) ?? 0) + 1)
    if (close && (close.code === 4500 || close.code === 1011))
      this.fail({
        suite: 'ws',
        target: 'ws session',
        kind: `WS close ${close.code}`,
        detail: `${close.reason}${suspects ? `; client sent ${suspects}` : ''}`,
        input,
        response: frames.slice(-3).join('\n'),
      })
    const protocol = (input as { protocol?: unknown } | undefined)?.protocol
    if (close?.code === 1006 && protocol === 'graphql-transport-ws')
      this.observe({
        suite: 'ws',
        target: 'ws session',
        kind: 'WS closed without a close frame (1006)',
        detail: suspects ?? '',
        input,
        response: frames.slice(-3).join('\n'),
      })
    for (const f of frames) {
      let json: unknown
      try {
        json = JSON.parse(f)
      } catch {
        json = undefined
      }
      const codes = internalCodes(json)
      if (codes.length)
        this.fail({
          suite: 'ws',
          target,
          kind: 'INTERNAL_SERVER_ERROR',
          detail: codes.join(' | '),
          input,
          response: f.slice(0, 600),
        })
      const leak = leakIn(f, sent)
      if (leak)
        this.fail({
          suite: 'ws',
          target,
          kind: `leak: ${leak.what}`,
          detail: leak.match,
          input,
          response: f.slice(0, 600),
        })
    }
    const leak = close ? leakIn(close.reason, sent) : null
    if (leak)
      this.fail({
        suite: 'ws',
        target,
        kind: `leak in close reason: ${leak.what}`,
        detail: leak.match,
        input,
        response: close!.reason,
      })
  }

  /** time spent per suite, and the slowest case of each */
  times = new Map<Suite, { total: number; slowest: number; target: string }>()
  timing(suite: Suite, target: string, ms: number) {
    const t = this.times.get(suite) ?? { total: 0, slowest: 0, target: '' }
    t.total += ms
    if (ms > t.slowest) Object.assign(t, { slowest: ms, target })
    this.times.set(suite, t)
  }

  hit(map: Map<string, number>, key: string) {
    map.set(key, (map.get(key) ?? 0) + 1)
  }

  /** Failures grouped by cause: the same target, kind and (normalised) message or logged error. */
  grouped(list = this.failures): Finding[] {
    const groups = new Map<string, Finding>()
    for (const f of list) {
      const why = normalise(f.cause ?? f.detail)
      const key = `${f.suite} | ${f.target} | ${f.kind} | ${why}`
      const g = groups.get(key)
      if (!g) groups.set(key, { key, count: 1, first: f, smallest: f })
      else {
        g.count++
        if (size(f.input) < size(g.smallest.input)) g.smallest = f
      }
    }
    return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key))
  }
}

const size = (v: unknown) => {
  try {
    return jsonOf(v)?.length ?? 0
  } catch {
    return Infinity
  }
}

function normalise(s: string) {
  return s
    .replace(/request id [\w-]+/g, 'request id …')
    .replace(/"[^"]{20,}"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 160)
}

const isMessageOnly = (j: unknown): j is { message: string } =>
  !!j &&
  typeof j === 'object' &&
  !Array.isArray(j) &&
  Object.keys(j).length === 1 &&
  typeof (j as { message?: unknown }).message === 'string'

function dialectForm(dialect: Dialect, j: unknown) {
  if (!j || typeof j !== 'object' || Array.isArray(j)) return false
  const keys = Object.keys(j)
  const o = j as { error?: unknown; code?: unknown; details?: unknown }
  if (dialect === 'peka2') return isMessageOnly(j)
  // messenger-api.md "Коды ошибок": {error, code, details}
  if (dialect === 'messenger')
    return (
      keys.length === 3 &&
      typeof o.error === 'string' &&
      typeof o.code === 'string' &&
      !!o.details &&
      typeof o.details === 'object'
    )
  return keys.length === 1 && typeof o.error === 'string'
}

function messageOf(j: unknown): string | undefined {
  if (!j || typeof j !== 'object') return undefined
  const o = j as { message?: unknown; error?: unknown; errors?: { message?: string }[] }
  if (typeof o.message === 'string') return o.message
  if (typeof o.error === 'string') return o.error
  if (Array.isArray(o.errors)) return o.errors.map((e) => e.message).join(' | ')
  return undefined
}

/** Every error that carries the INTERNAL_SERVER_ERROR code, anywhere in a GraphQL or graphql-ws answer. */
function internalCodes(j: unknown, out: string[] = [], depth = 0): string[] {
  if (!j || typeof j !== 'object' || depth > 8) return out
  if (Array.isArray(j)) {
    for (const v of j) internalCodes(v, out, depth + 1)
    return out
  }
  const o = j as Record<string, unknown>
  const ext = o.extensions as { code?: unknown } | undefined
  if (ext?.code === 'INTERNAL_SERVER_ERROR') out.push(typeof o.message === 'string' ? o.message : '')
  for (const k of ['errors', 'payload', 'data'])
    if (o[k] && typeof o[k] === 'object') internalCodes(o[k], out, depth + 1)
  return out
}

function leakIn(body: string, sent: string): { what: string; match: string } | null {
  if (!body) return null
  for (const [what, re] of LEAKS) {
    const m = body.match(re)
    if (!m) continue
    // the server echoing the client's own text (a validation message quoting the input) is no leak
    const probe = m[0].slice(0, 40)
    if (sent.includes(probe) || sent.includes(JSON.stringify(probe).slice(1, -1))) continue
    return { what, match: m[0].slice(0, 200) }
  }
  return null
}
