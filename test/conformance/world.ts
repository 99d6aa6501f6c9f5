import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { startTestApp } from '../helpers/app.js'
import { grantRoles, registerUser, startInbox } from '../helpers/users.js'
import { providerEnv, startProvider } from '../helpers/thirdparty-provider.js'
import type { RoleName } from '../../src/auth/roles.js'
import {
  must,
  messengerSessionOf,
  socketPool,
  type Actor,
  type ActorName,
  type MessengerSession,
  type World,
} from './harness.js'

/** The legacy-topup secret JustChat's /user/updateBalance signs with (store plugin, STORE_LEGACY_TOPUP_SECRET). */
export const LEGACY_TOPUP_SECRET = 'conformance-legacy-topup-secret'

const ACTORS: ActorName[] = [
  'admin',
  'streamer',
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'gina',
  'hank',
  'ivan',
  'judy',
  'kate',
  'liam',
  'mike',
  'nina',
  'oscar',
]

/** `admin` holds every role, and a citizen vote that bans alone; `streamer` is a masterstreamer with a stream. */
const ADMIN_ROLES: Partial<Record<RoleName, number>> = {
  support: 1,
  moderator: 1,
  citizen: 10,
  blocker: 1,
  smiler: 1,
  roleAdmin: 1,
  storeAdmin: 1,
  storeSupport: 1,
  streamAdmin: 1,
}

/**
 * Starts the one app of the suite and the data its requests need, made as clients make it: users (GraphQL register,
 * roles given in the database as test setup), a stream category and the streamer's stream with a live player, a
 * public room, and the categories the requests name. Third-party sign-ins go to a stub OAuth provider on localhost,
 * configured as "stub" and as "goodgame".
 */
export async function createWorld(events: Record<string, readonly string[]>): Promise<World> {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'))
  const inbox = await startInbox()
  const provider = await startProvider()
  const t = await startTestApp({
    ...providerEnv(provider, ['stub', 'goodgame']),
    PLUGINS: 'all',
    UPLOAD_DIR: uploadDir,
    NOTIFY_WEBHOOK_URL: inbox.url,
    ROOMS_RANDOM_STREAMS: 'https://www.periscope.tv/w/conformance',
    STORE_LEGACY_TOPUP_SECRET: LEGACY_TOPUP_SECRET,
  })
  const tag = randomBytes(3).toString('hex')
  const users = {} as Record<ActorName, Actor>
  for (const name of ACTORS) {
    const u = await registerUser(t, `${name}_${tag}`)
    users[name] = { id: u.id, name: u.name, email: u.email, password: u.password, token: u.token }
  }
  await grantRoles(t, users.admin.id, ADMIN_ROLES)
  await grantRoles(t, users.streamer.id, { masterstreamer: 1 })

  const sockets = socketPool(t.url, users, events)
  const sessions = new Map<ActorName, Promise<MessengerSession>>()
  const w: World = {
    t,
    url: t.url,
    users,
    vars: {},
    inbox,
    provider,
    gql: (query, variables = {}, as) => must(t, query, variables, as ? users[as].token : undefined),
    peka2Socket: sockets.peka2,
    justchatSocket: sockets.justchat,
    messengerSocket: sockets.messenger,
    messengerSession(as) {
      let s = sessions.get(as)
      if (!s) {
        s = (async () => {
          const session: MessengerSession = { cookies: new Map(), csrf: null }
          const res = await fetch(`${t.url}/api/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: users[as].name, password: users[as].password }),
          })
          messengerSessionOf(res, session)
          await res.body?.cancel()
          return session
        })()
        sessions.set(as, s)
      }
      return s
    },
    async close() {
      await sockets.close()
      await inbox.close()
      await t.close()
      await provider.close()
      fs.rmSync(uploadDir, { recursive: true, force: true })
    },
  }
  await setUpContent(w)
  return w
}

/** The things several tables name: categories, the streamer's live stream, a public room. */
async function setUpContent(w: World) {
  const { streamer } = w.users
  const root = await w.gql('{ contentCategory(content: STREAM, slug: "top") { databaseId } }')
  const category = await w.gql(
    'mutation($i: ContentCategoryInput!) { saveContentCategory(input: $i) { databaseId } }',
    { i: { name: 'Conformance', slug: 'conformance', parentId: root.contentCategory.databaseId } },
    'admin',
  )
  w.vars.streamCategoryId = category.saveContentCategory.databaseId
  await w.gql(
    'mutation($i: ContentCategoryInput!) { saveContentCategory(input: $i) { databaseId } }',
    { i: { name: 'Conformance, more', slug: 'conformance-more', parentId: w.vars.streamCategoryId } },
    'admin',
  )
  await w.gql(
    'mutation($i: LiveStreamInput!) { saveLiveStream(input: $i) { databaseId } }',
    {
      i: {
        userId: streamer.id,
        title: 'Conformance stream',
        description: 'The stream of the conformance suite',
        categoryId: w.vars.streamCategoryId,
        thumbnail: 'https://example.com/conformance.png',
        players: [{ provider: 'PEKA2', channel: `conformance${streamer.id}` }],
      },
    },
    'admin',
  )
  await w.gql(
    'mutation($c: String!) { setStreamPlayerStatus(provider: PEKA2, channel: $c, online: true, title: "live") }',
    { c: `conformance${streamer.id}` },
    'admin',
  )
  w.vars.playerChannel = `conformance${streamer.id}`
  const slug = await w.gql('query($id: Int!) { user(databaseId: $id) { slug } }', { id: streamer.id })
  w.vars.streamerSlug = slug.user.slug
  // no API makes room categories (the demo seed does): made in the database, as test setup
  const roomCategory = await w.t.app.services.prisma.roomCategory.create({
    data: { slug: 'conformance', name: 'Conformance' },
  })
  w.vars.roomCategoryId = roomCategory.id
  const support = await w.gql('{ supportCategories { databaseId } }')
  w.vars.supportCategoryId = support.supportCategories[0]?.databaseId
  const reasons = await w.gql('{ banReasons { databaseId minRole content } }')
  w.vars.reasonId = reasons.banReasons.find((r: any) => r.minRole === 'citizen' && r.content === 'chat')?.databaseId
  const room = await w.gql(
    'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId } }',
    { i: { name: 'Conformance public room', categoryId: w.vars.roomCategoryId } },
    'streamer',
  )
  w.vars.publicRoomId = room.createRoom.databaseId
}
