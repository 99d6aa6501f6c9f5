/**
 * What both peers of the request-cost suite share with the server: its database as the server opens it (the same
 * Prisma client, pool and — when embedded — PGlite setup, through the server's own openDatabase) and the same reads,
 * so a peer differs from the server only in what sits between the socket and Prisma. Settings come from the
 * environment as the server's do (DATABASE_URL, or DATA_DIR for an embedded database of its own; SESSION_SECRET).
 */
import { loadConfig } from '../src/config.js'
import { onQuery } from '../src/db/client.js'
import { openDatabase } from '../src/db/index.js'
import { createLogger } from '../src/log.js'
import { ignoredUsers } from '../plugins/chat/ignores.js'
import { PUBLIC_ORDER, SITE } from '../plugins/smiles/service.js'
import type { Prisma } from '../src/generated/prisma/client.js'

export const config = loadConfig(process.env, () => {})
export const database = await openDatabase(config, createLogger('error'))
export const prisma = database.prisma

/** SQL statements sent so far (GET /__stats of either peer: the suite reports statements per request). */
let statements = 0
onQuery(prisma, () => {
  statements++
})
export const statementCount = () => statements

/** The token of `Authorization: Bearer <token>`, as the server reads it. */
export const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice(7) : undefined)

/** The server's history filter for `main` (plugins/chat/history.ts): not removed, nobody the viewer ignores. */
export async function historyWhere(channel: string, viewerId: number | undefined) {
  const ignored = viewerId ? [...(await ignoredUsers(prisma, viewerId))] : []
  const where: Prisma.ChatMessageWhereInput = {
    AND: [
      { channel, deletedAt: null },
      ignored.length ? { OR: [{ fromId: null }, { fromId: { notIn: ignored } }] } : {},
    ],
  }
  return where
}

/** The server's public smiles read (plugins/smiles/service.ts publicSmiles). */
export const publicSmiles = () =>
  prisma.smile.findMany({ where: { scope: SITE, approved: true }, orderBy: PUBLIC_ORDER })

export async function readBody(req: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c)
  return Buffer.concat(chunks).toString()
}

process.on('SIGTERM', () => {
  void database.close().finally(() => process.exit(0))
})
