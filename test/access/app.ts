import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { GraphQLSchema } from 'graphql'
import type { RoleName } from '../../src/auth/roles.js'
import { createSession } from '../../src/auth/sessions.js'
import type { Logger } from '../../src/log.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { ask, randomHex } from './requests.js'
import { callerSet, GRANTABLE_ROLES, type Caller } from './rules.js'

/** One app per test file, with every plugin on, and the callers made once in it. */

export interface AccessApp extends TestApp {
  /** the REST refusals the app logged, by request id: the error code behind a dialect's answer */
  refusals: Map<string, string>
  /** the unexpected errors it logged (a REST route that failed with a stack) */
  crashes: string[]
}

/** The app with every plugin on, a logger that keeps what the REST matrix reads, and its own upload directory. */
export async function startAccessApp(env: Record<string, string> = {}): Promise<AccessApp> {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'access-test-'))
  const refusals = new Map<string, string>()
  const crashes: string[] = []
  const keep = (msg: string, fields?: Record<string, unknown>) => {
    if (msg === 'rest request refused') refusals.set(String(fields?.requestId), String(fields?.code))
  }
  const log: Logger = {
    debug: () => {},
    info: keep,
    warn: keep,
    error: (msg, fields) => crashes.push(`${msg}: ${String(fields?.error)}`),
  }
  const t = await startTestApp(
    // every plugin whatever TEST_PLUGINS says: the table covers them all; one vote bans (a ban costs one request)
    { PLUGINS: 'all', UPLOAD_DIR: uploadDir, BAN_VOTE_THRESHOLD: '2', ...env },
    { log },
  )
  return {
    ...t,
    refusals,
    crashes,
    async close() {
      await t.close()
      fs.rmSync(uploadDir, { recursive: true, force: true })
    },
  }
}

/** The running app's schema: what the matrices list fields from. */
export const schemaOf = (t: TestApp): GraphQLSchema => t.app.yoga.getEnveloped({}).schema as GraphQLSchema

export interface TestUser {
  id: number
  name: string
  email: string
  token: string
}

/** Signs up through GraphQL, as a client does (this suite builds its documents at run time: no typed helpers). */
export async function registerUser(t: TestApp, name = `u_${randomHex()}`): Promise<TestUser> {
  const email = `${name}@example.com`
  const r = await ask(t, 'mutation($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }', {
    i: { username: name, email, password: `pw-${randomHex()}-1` },
  })
  if (r.errors?.length || !r.data) throw new Error(`register failed: ${JSON.stringify(r.errors)}`)
  return { id: r.data.register.viewer.databaseId, name, email, token: r.data.register.token }
}

export interface Callers {
  /** the signed-in caller behind a name (undefined for the guest) */
  /** every caller there is (the owner not among them: rules that name it add it) */
  all: Caller[]
  user(caller: Caller): TestUser | undefined
  /** a token for the caller: the shared one, or a new session (`fresh`) for calls that end it */
  token(caller: Caller, fresh?: boolean): Promise<string | undefined>
}

/** A plain user, the owner, a holder of each role the rules name and one of all the others, made once per app. */
export async function makeCallers(t: TestApp, named: readonly RoleName[]): Promise<Callers> {
  const all = callerSet(named)
  const made = new Map<Caller, TestUser>()
  const rolesOf = (c: Caller): RoleName[] =>
    c === 'others'
      ? GRANTABLE_ROLES.filter((r) => !named.includes(r))
      : c === 'user' || c === 'owner'
        ? []
        : [c as RoleName]
  await Promise.all(
    [...all, 'owner' as const]
      .filter((c) => c !== 'guest')
      .map(async (c) => {
        const u = await registerUser(t, `${c.slice(0, 8)}_${randomBytes(3).toString('hex')}`)
        // test setup: roles straight in the database (setRole itself is one of the fields under test)
        for (const role of rolesOf(c))
          await t.app.services.prisma.userRole.create({ data: { userId: u.id, role, value: 1 } })
        made.set(c, u)
      }),
  )
  return {
    all,
    user: (c) => made.get(c),
    async token(c, fresh) {
      const u = made.get(c)
      if (!u) return undefined
      if (!fresh) return u.token
      return (await createSession(t.app.services.prisma, t.app.config.sessionSecret, u.id, 1)).token
    },
  }
}
