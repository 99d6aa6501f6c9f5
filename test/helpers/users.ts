import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestApp } from './app.js'
import { gql } from './clients.js'
import type { RoleName } from '../../src/auth/roles.js'
import { graphql } from '../generated/index.js'

export interface TestUser {
  id: number
  name: string
  email: string
  password: string
  token: string
}

/** Registers a user through GraphQL, as a client does. */
export async function registerUser(t: TestApp, name = `u_${randomBytes(4).toString('hex')}`): Promise<TestUser> {
  const email = `${name}@example.com`
  const password = `pw-${randomBytes(4).toString('hex')}-1`
  const r = await gql(
    t.url,
    graphql(`mutation Register($i: RegisterInput!) { register(input: $i) { token viewer { databaseId } } }`),
    {
      i: { username: name, email, password },
    },
  )
  if (r.errors) throw new Error(`register failed: ${JSON.stringify(r.errors)}`)
  return { id: r.data!.register.viewer.databaseId, name, email, password, token: r.data!.register.token }
}

/** Test setup only: gives roles straight in the database (the role-admin API itself is tested separately). */
export async function grantRoles(t: TestApp, userId: number, roles: Partial<Record<RoleName, number>>) {
  for (const [role, value] of Object.entries(roles)) {
    await t.app.services.prisma.userRole.upsert({
      where: { userId_role: { userId, role } },
      create: { userId, role, value: value },
      update: { value: value },
    })
  }
}

export async function userWithRoles(t: TestApp, roles: Partial<Record<RoleName, number>>) {
  const u = await registerUser(t)
  await grantRoles(t, u.id, roles)
  return u
}

export interface Inbox {
  url: string
  messages: { channel: string; to: string; purpose: string; text: string; code?: string }[]
  /** waits for the next message to `to` */
  next(to: string, ms?: number): Promise<{ code?: string; text: string }>
  close(): Promise<void>
}

/** A real HTTP endpoint standing in for the SMS/e-mail gateway (NOTIFY_WEBHOOK_URL). */
export async function startInbox(): Promise<Inbox> {
  const messages: Inbox['messages'] = []
  const waiters: { to: string; resolve: (m: any) => void }[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const m = JSON.parse(body)
      messages.push(m)
      const i = waiters.findIndex((w) => w.to === m.to)
      if (i >= 0) waiters.splice(i, 1)[0].resolve(m)
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  let seen = 0
  return {
    url: `http://127.0.0.1:${port}/notify`,
    messages,
    next(to, ms = 5000) {
      const found = messages.slice(seen).find((m) => m.to === to)
      if (found) {
        seen = messages.indexOf(found) + 1
        return Promise.resolve(found)
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message to ${to}`)), ms)
        waiters.push({
          to,
          resolve: (m) => {
            clearTimeout(timer)
            seen = messages.length
            resolve(m)
          },
        })
      })
    },
    close: () => new Promise((r) => server.close(() => r())),
  }
}
