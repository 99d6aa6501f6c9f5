// Shared by the rooms tests of rooms, search, preview, channels, events and the peka2 room routes.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { gql, gqlUpload as multipart } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import type { CreateRoomInput } from '../generated/graphql.js'

export const hex = () => randomBytes(4).toString('hex')

export interface RoomsApp extends TestApp {
  uploadDir: string
  /** stored preview files (temp files too, so a half-written one shows) */
  previews(): string[]
}

/** An app with its own upload directory (removed on close) and a public URL to see full links by. */
export async function startRoomsApp(env: Record<string, string> = {}): Promise<RoomsApp> {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rooms-test-'))
  const t = await startTestApp({ UPLOAD_DIR: uploadDir, PUBLIC_URL: 'https://cdn.example.test', ...env })
  return {
    ...t,
    uploadDir,
    previews: () => {
      const dir = path.join(uploadDir, 'rooms')
      return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
    },
    async close() {
      await t.close()
      fs.rmSync(uploadDir, { recursive: true, force: true })
    },
  }
}

export const CREATE_ROOM = graphql(`
  mutation CreateRoomT($i: CreateRoomInput!) {
    createRoom(input: $i) { databaseId name slug mode hidden closed hasPassword maxUsers settings ownerId category { databaseId } }
  }
`)

/** A room made by `owner` through createRoom (a fresh name unless given); its databaseId. */
export async function makeRoom(t: TestApp, owner: TestUser, input: Partial<CreateRoomInput> = {}) {
  const r = await gql(t.url, CREATE_ROOM, { i: { name: `room ${hex()}`, ...input } }, owner.token)
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined()
  return r.data!.createRoom.databaseId
}

/** Test setup only: puts a user on a room's access list straight in the database (membership has its own tests). */
export async function addMember(t: TestApp, roomId: number, userId: number, role: 'MEMBER' | 'ADMIN') {
  await t.app.services.prisma.roomMember.upsert({
    where: { roomId_userId: { roomId, userId } },
    create: { roomId, userId, role },
    update: { role },
  })
}

/** The callers of a room: a plain user, a member, an admin, the owner, site staff (a guest has no token). */
export interface Cast {
  room: number
  user: TestUser
  member: TestUser
  admin: TestUser
  owner: TestUser
  staff: TestUser
}

export async function makeCast(t: TestApp, input: Partial<CreateRoomInput> = {}): Promise<Cast> {
  const [owner, user, member, admin, staff] = await Promise.all([
    registerUser(t),
    registerUser(t),
    registerUser(t),
    registerUser(t),
    userWithRoles(t, { moderator: 1 }),
  ])
  const room = await makeRoom(t, owner, input)
  await addMember(t, room, member.id, 'MEMBER')
  await addMember(t, room, admin.id, 'ADMIN')
  return { room, user, member, admin, owner, staff }
}

export type Who = 'guest' | 'user' | 'member' | 'admin' | 'owner' | 'staff'
export const EVERYONE: Who[] = ['guest', 'user', 'member', 'admin', 'owner', 'staff']
export const tokenOf = (c: Cast, who: Who) => (who === 'guest' ? undefined : c[who].token)

/** A GraphQL multipart request with `file` in variables.file beside `variables` (test/helpers/clients.ts). */
export const gqlUpload = <R, V extends { file: File }>(
  base: string,
  doc: TypedDocumentNode<R, V>,
  variables: Omit<V, 'file'>,
  file: { name: string; bytes: Uint8Array },
  token?: string,
) => multipart(base, doc, file, token, variables)
