import type { RoleName } from '../../src/auth/roles.js'
import { createSession } from '../../src/auth/sessions.js'
import type { TestApp } from '../helpers/app.js'
import { registerUser, type TestUser } from './app.js'
import type { Fixtures } from './fixtures.js'
import { ask, UPLOAD } from './requests.js'
import { ACCESS_CODES, type Caller } from './rules.js'

/**
 * How to make an instance of each Node type as clients make one, who may see it, and what the query that owns the
 * type shows each caller of it. A new Node type needs a recipe here (nodes.test.ts fails without one).
 */

export type Row = Record<string, unknown>
export const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64')

export interface Instance {
  label: string
  id: number
  owner: TestUser
  /** who may see it: these callers ('owner' is the instance's owner) */
  visibleTo: 'everyone' | readonly (RoleName | 'owner')[]
  /** what its owner was answered when making it (the owning view where no query lists it for them) */
  made?: Row
}

export interface Recipe {
  make(f: Fixtures, select: string): Promise<Instance[]>
  /** what the type's own query shows this caller of the instance: the object, or null */
  owning(f: Fixtures, inst: Instance, caller: Caller, token: string | undefined, select: string): Promise<Row | null>
}

/** A query's data, or null when it refused this caller (the owning query shows them nothing). */
async function dataOr(t: TestApp, query: string, variables: Record<string, unknown>, token: string | undefined) {
  const r = await ask(t, query, variables, token)
  const codes = (r.errors ?? []).map((e) => e.extensions?.code ?? '')
  if (codes.length && codes.every((c) => ACCESS_CODES.includes(c) || c.endsWith('_NOT_FOUND'))) return null
  if (codes.length) throw new Error(`${query}: ${JSON.stringify(r.errors)}`)
  return r.data ?? null
}
const byId = (rows: Row[] | undefined, id: number) => rows?.find((r) => r.databaseId === id) ?? null

async function newMessage(t: TestApp, channel: string, by: TestUser, select: string): Promise<Row> {
  const r = await ask(
    t,
    `mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent dropReason message { ${select} } } }`,
    { i: { channel, text: `node lookup ${Date.now()}` } },
    by.token,
  )
  if (!r.data?.sendChatMessage?.isSent) throw new Error(`message not sent: ${JSON.stringify(r)}`)
  return r.data.sendChatMessage.message
}

async function staffUser(t: TestApp, role: RoleName): Promise<TestUser> {
  const u = await registerUser(t)
  // test setup: the role straight in the database
  await t.app.services.prisma.userRole.create({ data: { userId: u.id, role, value: 1 } })
  return u
}

/** A month of a green nick for 1 pekoin, for sale. */
const storeBonusInput = (name: string) => ({
  type: 'NICK_COLOR',
  config: { color: '#00ff00' },
  duration: 30 * 24 * 3600,
  name,
  price: { canBePurchased: true, pekoins: 1, points: 0 },
  view: { category: 0, position: 0, linked: false },
})

export const RECIPES: Record<string, Recipe> = {
  User: {
    make: (fx) => Promise.resolve([{ label: 'a user', id: fx.owner.id, owner: fx.owner, visibleTo: 'everyone' }]),
    owning: async (fx, inst, _c, token, select) =>
      (await dataOr(fx.t, `query($u: Int!) { user(databaseId: $u) { ${select} } }`, { u: inst.id }, token))?.user ??
      null,
  },
  ChatMessage: {
    async make(fx, select) {
      const owner = await registerUser(fx.t)
      const other = await registerUser(fx.t)
      const ticket = await fx.must(
        'mutation($c: Int!) { askSupport(categoryId: $c, question: "node lookup") { channel } }',
        { c: await fx.category() },
        owner.token,
      )
      const mod = await staffUser(fx.t, 'moderator')
      const [a, b] = [owner.id, other.id].sort((x, y) => x - y)
      const made = async (label: string, ch: string, by: TestUser, visibleTo: Instance['visibleTo']) => {
        const m = await newMessage(fx.t, ch, by, select)
        return { label, id: m.databaseId as number, owner: by, visibleTo, made: m }
      }
      return [
        await made('in main', 'main', owner, 'everyone'),
        await made('in a support question', ticket.askSupport.channel, owner, ['owner', 'support']),
        await made('in admin', 'admin', mod, ['owner', 'moderator', 'support']),
        await made('in a private channel', `private/${a}/${b}`, owner, ['owner']),
      ]
    },
    async owning(fx, inst, _c, token, select) {
      const channel = (inst.made as { channel: string }).channel
      const d = await dataOr(
        fx.t,
        `query($c: String!) { chatHistory(channel: $c, limit: 100) { ${select} } }`,
        { c: channel },
        token,
      )
      return byId(d?.chatHistory, inst.id)
    },
  },
  Ban: {
    async make(fx) {
      const id = await fx.ban()
      const row = await fx.t.app.services.prisma.ban.findUniqueOrThrow({ where: { id } })
      // the banned user, signed in again (a ban leaves sessions alone)
      const user = await fx.t.app.services.prisma.user.findUniqueOrThrow({ where: { id: row.userId } })
      const token = (await createSession(fx.t.app.services.prisma, fx.t.app.config.sessionSecret, user.id, 1)).token
      return [
        {
          label: 'a ban',
          id,
          owner: { id: user.id, name: user.name, email: user.email ?? '', token },
          visibleTo: ['owner', 'moderator'],
        },
      ]
    },
    async owning(fx, inst, _c, token, select) {
      const d = await dataOr(
        fx.t,
        `query($b: Int!) { bans(banId: $b, first: 10) { edges { node { ${select} } } } }`,
        { b: inst.id },
        token,
      )
      return d?.bans.edges[0]?.node ?? null
    },
  },
  Complaint: {
    async make(fx, select) {
      const author = await registerUser(fx.t)
      const d = await fx.must(
        `mutation($m: Int!) { fileComplaint(messageId: $m, text: "node lookup") { ${select} } }`,
        { m: await fx.message() },
        author.token,
      )
      return [
        {
          label: 'a complaint',
          id: d.fileComplaint.databaseId,
          owner: author,
          visibleTo: ['owner', 'moderator'],
          made: d.fileComplaint,
        },
      ]
    },
    // moderators list every complaint; its author has no list, only the answer they were given
    async owning(fx, inst, caller, token, select) {
      if (caller === 'owner') return inst.made!
      const d = await dataOr(fx.t, `{ complaints(first: 20) { edges { node { ${select} } } } }`, {}, token)
      return byId(
        d?.complaints.edges.map((e: { node: Row }) => e.node),
        inst.id,
      )
    },
  },
  SupportTicket: {
    async make(fx, select) {
      const asker = await registerUser(fx.t)
      const d = await fx.must(
        `mutation($c: Int!) { askSupport(categoryId: $c, question: "node lookup") { ${select} } }`,
        { c: await fx.category() },
        asker.token,
      )
      return [
        {
          label: 'a support question',
          id: d.askSupport.databaseId,
          owner: asker,
          visibleTo: ['owner', 'support'],
          made: d.askSupport,
        },
      ]
    },
    // support staff list the questions; the asker lists their channels (the question is the answer they were given)
    async owning(fx, inst, caller, token, select) {
      if (caller === 'owner') {
        const d = await dataOr(fx.t, '{ supportChannels }', {}, token)
        return d?.supportChannels.includes(inst.made!.channel) ? inst.made! : null
      }
      const d = await dataOr(fx.t, `{ supportTickets(first: 20) { edges { node { ${select} } } } }`, {}, token)
      return byId(
        d?.supportTickets.edges.map((e: { node: Row }) => e.node),
        inst.id,
      )
    },
  },
  ModerationAuditEntry: {
    async make(fx) {
      const blocker = await staffUser(fx.t, 'blocker')
      await fx.must(
        'mutation($u: Int!) { blockUser(userId: $u, state: true) }',
        { u: (await registerUser(fx.t)).id },
        blocker.token,
      )
      const row = await fx.t.app.services.prisma.moderationAudit.findFirstOrThrow({
        where: { actorId: blocker.id },
        orderBy: { id: 'desc' },
      })
      return [{ label: 'an audit entry', id: row.id, owner: blocker, visibleTo: ['moderator'] }]
    },
    async owning(fx, inst, _c, token, select) {
      const d = await dataOr(fx.t, `{ moderationAudit(first: 20) { edges { node { ${select} } } } }`, {}, token)
      return byId(
        d?.moderationAudit.edges.map((e: { node: Row }) => e.node),
        inst.id,
      )
    },
  },
  Smile: {
    async make(fx, select) {
      const smiler = await staffUser(fx.t, 'smiler')
      const ms = await staffUser(fx.t, 'masterstreamer')
      const add = async (by: TestUser) =>
        (await fx.must(`mutation($file: File!) { addSmile(file: $file) { ${select} } }`, { file: UPLOAD }, by.token))
          .addSmile as Row
      const pub = await add(smiler)
      const pending = await add(ms)
      return [
        { label: 'a public smile', id: pub.databaseId as number, owner: smiler, visibleTo: 'everyone' },
        // node lookups find public smiles only: a masterstreamer's unapproved one is in their change set, not here
        { label: 'an unapproved smile', id: pending.databaseId as number, owner: ms, visibleTo: [] },
      ]
    },
    async owning(fx, inst, _c, token, select) {
      const d = await dataOr(fx.t, `{ smiles { ${select} } }`, {}, token)
      return byId(d?.smiles, inst.id)
    },
  },
  // rooms: rooms — a room's main data is public (peka2 /api/room is P): closed and hidden rooms are found by id too
  Room: {
    async make(fx, select) {
      const owner = await registerUser(fx.t)
      const made = async (label: string, input: Row): Promise<Instance> => {
        const d = await fx.must(
          `mutation($i: CreateRoomInput!) { createRoom(input: $i) { ${select} } }`,
          { i: { name: `node lookup ${label}`, ...input } },
          owner.token,
        )
        return { label, id: d.createRoom.databaseId as number, owner, visibleTo: 'everyone', made: d.createRoom }
      }
      return [
        await made('an open room', {}),
        await made('a closed hidden room', { mode: 'PRIVATE', hidden: true, password: 'node-pass' }),
      ]
    },
    owning: async (fx, inst, _c, token, select) =>
      (await dataOr(fx.t, `query($r: Int!) { room(databaseId: $r) { ${select} } }`, { r: inst.id }, token))?.room ??
      null,
  },
  // polls: Poll — whoever may read its channel sees it: a channel poll on a stream, message polls in a support
  // question, in admin and in a private channel (null for the callers who may not read there)
  Poll: {
    async make(fx, select) {
      const owner = await registerUser(fx.t)
      const other = await registerUser(fx.t)
      const mod = await staffUser(fx.t, 'moderator')
      const ticket = await fx.must(
        'mutation($c: Int!) { askSupport(categoryId: $c, question: "node lookup") { channel } }',
        { c: await fx.category() },
        owner.token,
      )
      const [a, b] = [owner.id, other.id].sort((x, y) => x - y)
      const started = (
        await fx.must(
          `mutation($c: String!) {
            startChannelPoll(channel: $c, question: "node lookup", options: [{ text: "a" }, { text: "b" }],
              durationSeconds: 600) { ${select} }
          }`,
          { c: `stream/${owner.id}` },
          owner.token,
        )
      ).startChannelPoll as Row
      const onMessage = async (label: string, channel: string, by: TestUser, visibleTo: Instance['visibleTo']) => {
        const m = await newMessage(fx.t, channel, by, 'databaseId')
        const p = (
          await fx.must(
            `mutation($m: Int!) { createMessagePoll(messageId: $m, question: "node lookup", options: ["a", "b"]) { ${select} } }`,
            { m: m.databaseId },
            by.token,
          )
        ).createMessagePoll as Row
        return { label, id: p.databaseId as number, owner: by, visibleTo, made: p }
      }
      return [
        { label: 'a channel poll', id: started.databaseId as number, owner, visibleTo: 'everyone', made: started },
        await onMessage('in a support question', ticket.askSupport.channel, owner, ['owner', 'support']),
        await onMessage('in admin', 'admin', mod, ['owner', 'moderator', 'support']),
        await onMessage('in a private channel', `private/${a}/${b}`, owner, ['owner']),
      ]
    },
    // a message's poll is messagePoll's; a channel's polls are channelPolls'
    async owning(fx, inst, _c, token, select) {
      const made = inst.made as { channel: string; messageId: number | null }
      if (made.messageId !== null) {
        const q = `query($m: Int!) { messagePoll(messageId: $m) { ${select} } }`
        return ((await dataOr(fx.t, q, { m: made.messageId }, token))?.messagePoll as Row | null) ?? null
      }
      const d = await dataOr(
        fx.t,
        `query($c: String!) { channelPolls(channel: $c, first: 5) { edges { node { ${select} } } } }`,
        { c: made.channel },
        token,
      )
      return byId(
        d?.channelPolls.edges.map((e: { node: Row }) => e.node),
        inst.id,
      )
    },
  },
  // polls: end
  // ------------------------------------------------------------------ store
  StoreBonus: {
    async make(fx, select) {
      const admin = await staffUser(fx.t, 'storeAdmin')
      const b = (
        await fx.must(
          `mutation($i: StoreBonusInput!) { saveStoreBonus(input: $i) { ${select} } }`,
          { i: storeBonusInput(`node lookup ${Date.now()}`) },
          admin.token,
        )
      ).saveStoreBonus as Row
      return [{ label: 'a bonus for sale', id: b.databaseId as number, owner: admin, visibleTo: 'everyone', made: b }]
    },
    async owning(fx, inst, _c, token, select) {
      const d = await dataOr(fx.t, `{ storeBonuses { ${select} } }`, {}, token)
      return byId(d?.storeBonuses, inst.id)
    },
  },
  StoreGift: {
    async make(fx, select) {
      const admin = await staffUser(fx.t, 'storeAdmin')
      const g = (
        await fx.must(
          `mutation($i: StoreGiftInput!) { saveStoreGift(input: $i) { ${select} } }`,
          { i: { name: `node lookup ${Date.now()}`, image: '/gift.png', price: 5, active: true } },
          admin.token,
        )
      ).saveStoreGift as Row
      const withdrawn = (
        await fx.must(
          `mutation($i: StoreGiftInput!) { saveStoreGift(input: $i) { ${select} } }`,
          { i: { name: `withdrawn ${Date.now()}`, image: '/gift.png', price: 5, active: false } },
          admin.token,
        )
      ).saveStoreGift as Row
      return [
        { label: 'a gift on offer', id: g.databaseId as number, owner: admin, visibleTo: 'everyone', made: g },
        {
          label: 'a withdrawn gift',
          id: withdrawn.databaseId as number,
          owner: admin,
          visibleTo: ['owner', 'storeAdmin'],
          made: withdrawn,
        },
      ]
    },
    // what is on offer; store admins also see withdrawn gifts (storeGifts(all: true))
    async owning(fx, inst, _c, token, select) {
      const d =
        (await dataOr(fx.t, `{ storeGifts(all: true) { ${select} } }`, {}, token)) ??
        (await dataOr(fx.t, `{ storeGifts { ${select} } }`, {}, token))
      return byId(d?.storeGifts, inst.id)
    },
  },
  // a user's bonus: peka2 purchase/my (A) for its owner, purchase/list (StS) for store support
  StorePurchase: {
    async make(fx, select) {
      const admin = await staffUser(fx.t, 'storeAdmin')
      const support = await staffUser(fx.t, 'storeSupport')
      const bonus = await fx.must(
        'mutation($i: StoreBonusInput!) { saveStoreBonus(input: $i) { databaseId } }',
        { i: storeBonusInput(`node lookup ${Date.now()}`) },
        admin.token,
      )
      const owner = await registerUser(fx.t)
      const p = (
        await fx.must(
          `mutation($u: Int!, $b: Int!) { grantStoreBonus(userId: $u, bonusId: $b, reason: "node lookup") { ${select} } }`,
          { u: owner.id, b: bonus.saveStoreBonus.databaseId },
          support.token,
        )
      ).grantStoreBonus as Row
      return [{ label: "a user's bonus", id: p.databaseId as number, owner, visibleTo: ['owner', 'storeSupport'] }]
    },
    async owning(fx, inst, _c, token, select) {
      const d = await dataOr(
        fx.t,
        `query($u: Int) { storePurchases(userId: $u) { ${select} } }`,
        { u: inst.owner.id },
        token,
      )
      return byId(d?.storePurchases, inst.id)
    },
  },
  // a subscription: subscription/my (A) for its subscriber, subscription/list (StS) for store support
  StoreSubscription: {
    async make(fx, select) {
      const support = await staffUser(fx.t, 'storeSupport')
      const streamer = await staffUser(fx.t, 'masterstreamer')
      const owner = await registerUser(fx.t)
      const sub = (
        await fx.must(
          `mutation($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { ${select} } }`,
          { i: { userId: owner.id, streamerId: streamer.id, active: true, reason: 'node lookup' } },
          support.token,
        )
      ).saveStoreSubscription as Row
      return [{ label: 'a subscription', id: sub.databaseId as number, owner, visibleTo: ['owner', 'storeSupport'] }]
    },
    async owning(fx, inst, _c, token, select) {
      const d = await dataOr(
        fx.t,
        `query($u: Int) { storeSubscriptions(userId: $u) { ${select} } }`,
        { u: inst.owner.id },
        token,
      )
      return byId(d?.storeSubscriptions, inst.id)
    },
  },
  // streams: LiveStream — a user's stream is public; an inactive one is its owner's and stream admins' only
  LiveStream: {
    async make(fx, select) {
      const admin = await staffUser(fx.t, 'streamAdmin')
      const open = await registerUser(fx.t)
      const hidden = await registerUser(fx.t)
      const save = async (input: Row, by: TestUser) =>
        (
          await fx.must(
            `mutation($i: LiveStreamInput!) { saveLiveStream(input: $i) { ${select} } }`,
            { i: input },
            by.token,
          )
        ).saveLiveStream as Row
      const made = await save({ title: 'node lookup' }, open)
      await save({ userId: hidden.id, title: 'node lookup, inactive', active: false }, admin)
      return [
        { label: 'a stream', id: open.id, owner: open, visibleTo: 'everyone', made },
        { label: 'an inactive stream', id: hidden.id, owner: hidden, visibleTo: ['owner', 'streamAdmin'] },
      ]
    },
    async owning(fx, inst, _c, token, select) {
      const d = await dataOr(
        fx.t,
        `query($s: [Int!]!) { liveStreamsByIds(ids: $s) { ${select} } }`,
        { s: [inst.id] },
        token,
      )
      return byId(d?.liveStreamsByIds, inst.id)
    },
  },
  // streams: end
}
