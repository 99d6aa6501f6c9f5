import { closeAll } from '../helpers/app.js'
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest'
import { gql, until } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { graphql } from '../generated/index.js'
import { ADD_SMILE, freshCode, gqlUpload, smilePng } from '../smiles/support.js'
import { accuse, check, live, REASON, WAIT } from '../moderation/support.js'
import { buy, codeOf, createBonus, fund, ok, startStoreApp, type StoreApp } from './support.js'

/**
 * Bonuses take effect in the other plugins, through their extension points, and stop when they expire or are
 * switched off: a nick colour on chat authors and users, bought smiles usable in chat, more smiles per message, a
 * higher citizen weight in civil moderation. Each case skips itself when a plugin it needs is off
 * (`TEST_PLUGINS=store`).
 */

let t: StoreApp
let smiler: TestUser
beforeAll(async () => {
  t = await startStoreApp({ SMILES_PER_MESSAGE: '2', BAN_VOTE_THRESHOLD: '5' })
  smiler = await userWithRoles(t, { smiler: 1 })
}, 120_000)
afterAll(() => closeAll(t))

const on = (...names: string[]) => names.every((n) => t.app.plugins.some((p) => p.name === n))
const need = (ctx: TestContext, ...names: string[]) => {
  if (!on(...names)) ctx.skip()
}

const SEND = graphql(`
  mutation StoreEffectsSend($i: SendChatMessageInput!) {
    sendChatMessage(input: $i) { isSent message { databaseId from { databaseId nickColor } } }
  }
`)
const EDIT = graphql(
  `mutation StoreEffectsEdit($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId } }`,
)
const HISTORY = graphql(`
  query StoreEffectsHistory($c: String!) { chatHistory(channel: $c, limit: 20) { databaseId from { databaseId nickColor } } }
`)
const EVENTS = graphql(`
  subscription StoreEffectsEvents($c: String!) {
    chatEvents(channel: $c) { __typename ... on ChatMessageAdded { message { databaseId from { databaseId nickColor } } } }
  }
`)
const NICK = graphql(`query StoreEffectsNick($id: Int!) { user(databaseId: $id) { nickColor } }`)
const STATUS = graphql(`
  mutation StoreEffectsStatus($id: Int!, $a: Boolean!) { setStorePurchaseStatus(id: $id, active: $a) { active inEffect } }
`)

const send = (u: TestUser, text: string, channel = 'main') => gql(t.url, SEND, { i: { channel, text } }, u.token)
const sent = async (u: TestUser, text: string, channel = 'main') => {
  const r = await ok(send(u, text, channel))
  expect(r.sendChatMessage.isSent).toBe(true)
  return r.sendChatMessage.message!
}
const nickOf = async (u: TestUser) => (await ok(gql(t.url, NICK, { id: u.id }))).user.nickColor

/** A buyer of a fresh bonus: returns the purchase. */
async function buyer(spec: Parameters<typeof createBonus>[1]) {
  const u = await registerUser(t)
  const bonus = await createBonus(t, { pekoins: 1, ...spec })
  await fund(t, u.id, { pekoins: 1 })
  const p = (await ok(buy(t, u, bonus))).buyBonus.purchase
  return { u, purchase: p, bonus }
}

/** Waits until a purchase's end has passed (bonuses of 2 seconds). */
const pastEnd = (expiresAt: string | null | undefined) =>
  until(() => Date.now() > Date.parse(expiresAt!) + 50, WAIT, 'the bonus to expire')

const setActive = (u: TestUser, id: number, a: boolean) => ok(gql(t.url, STATUS, { id, a }, u.token))

/** A public smile (a smiler's upload): its code. */
async function smile(): Promise<string> {
  const code = freshCode('st')
  const r = await gqlUpload(t.url, ADD_SMILE, { name: `${code}.png`, bytes: smilePng() }, smiler.token)
  if (r.errors) throw new Error(JSON.stringify(r.errors))
  return code
}

describe('nickColor', () => {
  it('shows on chat messages (live and in history) and on the user, and stops when switched off', async (ctx) => {
    need(ctx, 'chat')
    const { u, purchase } = await buyer({ type: 'NICK_COLOR', config: { color: '#0A0' } })
    const channel = `stream/${u.id}`
    const watcher = await live(t, undefined, EVENTS, { c: channel })
    try {
      const m1 = await sent(u, 'in colour', channel)
      expect(m1.from?.nickColor).toBe('#00aa00')
      const ev = await watcher.next((d) => d.chatEvents.__typename === 'ChatMessageAdded')
      expect(ev.chatEvents.__typename === 'ChatMessageAdded' && ev.chatEvents.message.from?.nickColor).toBe('#00aa00')
      expect(await nickOf(u)).toBe('#00aa00')
      await setActive(u, purchase.databaseId, false)
      expect(await nickOf(u)).toBeNull()
      await sent(u, 'plain', channel)
      const ev2 = await watcher.next((d) => d.chatEvents.__typename === 'ChatMessageAdded')
      expect(ev2.chatEvents.__typename === 'ChatMessageAdded' && ev2.chatEvents.message.from?.nickColor).toBeNull()
      // the colour belongs to the author now: history shows the current one
      const h = (await ok(gql(t.url, HISTORY, { c: channel }))).chatHistory
      expect(h.map((m) => m.from?.nickColor)).toEqual([null, null])
      await setActive(u, purchase.databaseId, true)
      expect(await nickOf(u)).toBe('#00aa00')
    } finally {
      await watcher.close()
    }
  })

  it('stops when the bonus expires, with no timer involved', async (ctx) => {
    need(ctx, 'chat')
    const { u, purchase } = await buyer({ type: 'NICK_COLOR', config: { color: '#123456' }, duration: 2 })
    expect(await nickOf(u)).toBe('#123456')
    expect((await sent(u, 'soon grey')).from?.nickColor).toBe('#123456')
    await pastEnd(purchase.expiresAt)
    expect(await nickOf(u)).toBeNull()
    expect((await sent(u, 'grey')).from?.nickColor).toBeNull()
  })

  it('the newest colour wins; a user without a colour has none', async () => {
    const { u } = await buyer({ type: 'NICK_COLOR', config: { color: '#111111' } })
    const second = await createBonus(t, { pekoins: 1, type: 'NICK_COLOR', config: { color: '#222222' } })
    await fund(t, u.id, { pekoins: 1 })
    await ok(buy(t, u, second))
    expect(await nickOf(u)).toBe('#222222')
    expect(await nickOf(await registerUser(t))).toBeNull()
  })
})

describe('smiles', () => {
  it('a smile a bonus sells is for its buyers only; others stay free; switching off or expiry takes it back', async (ctx) => {
    need(ctx, 'chat', 'smiles')
    const sold = await smile()
    const free = await smile()
    const bonus = await createBonus(t, { pekoins: 1, type: 'SMILES', config: { smiles: [sold] }, duration: 2 })
    const u = await registerUser(t)
    expect((await sent(u, `free :${free}: for all`)).databaseId).toBeGreaterThan(0)
    const refused = await send(u, `look :${sold}:`)
    expect(codeOf(refused)).toBe('SMILE_NOT_AVAILABLE')
    expect(refused.errors?.[0].extensions?.field).toBe('text')
    expect(refused.errors?.[0].message).toContain(`:${sold.toLowerCase()}:`)
    // an edit cannot sneak it in either
    const plain = await sent(u, 'plain')
    expect(codeOf(await gql(t.url, EDIT, { id: plain.databaseId, text: `:${sold}:` }, u.token))).toBe(
      'SMILE_NOT_AVAILABLE',
    )
    await fund(t, u.id, { pekoins: 1 })
    const p = (await ok(buy(t, u, bonus))).buyBonus.purchase
    await sent(u, `mine now :${sold.toUpperCase()}:`)
    expect(
      (await ok(gql(t.url, EDIT, { id: plain.databaseId, text: `:${sold}:` }, u.token))).editChatMessage,
    ).toBeTruthy()
    await setActive(u, p.databaseId, false)
    expect(codeOf(await send(u, `:${sold}:`))).toBe('SMILE_NOT_AVAILABLE')
    await setActive(u, p.databaseId, true)
    await sent(u, `:${sold}: again`)
    await pastEnd(p.expiresAt)
    expect(codeOf(await send(u, `:${sold}:`))).toBe('SMILE_NOT_AVAILABLE')
  })
})

describe('smilesPerMessage', () => {
  it('raises the smiles-per-message limit while in effect', async (ctx) => {
    need(ctx, 'chat', 'smiles')
    const s = await smile()
    const three = `:${s}: :${s}: :${s}:`
    const { u, purchase } = await buyer({ type: 'SMILES_PER_MESSAGE', config: { amount: 4 }, duration: 2 })
    const other = await registerUser(t)
    const r = await send(other, three)
    expect(codeOf(r)).toBe('TOO_MANY_SMILES')
    expect(r.errors?.[0].message).toBe('text: at most 2 smiles in a message (it has 3)')
    await sent(u, three)
    expect(codeOf(await send(u, `${three} :${s}: :${s}:`))).toBe('TOO_MANY_SMILES')
    // words between colons that are no smile do not count
    await sent(other, ':not_a_smile: :nor_this: :nope:')
    await pastEnd(purchase.expiresAt)
    expect(codeOf(await send(u, three))).toBe('TOO_MANY_SMILES')
  })
})

describe('citizenMinLevel', () => {
  it('raises the citizen weight of votes while in effect; a revoked citizenship stays revoked', async (ctx) => {
    need(ctx, 'chat', 'moderation')
    // threshold 5: an ordinary citizen (2) does not ban alone; a citizen of level 5 does
    const plain = await registerUser(t)
    const target1 = await registerUser(t)
    expect((await accuse(t, plain.token, { userId: target1.id, reasonId: REASON.spam })).status).toBe(200)
    expect((await check(t, target1.id)).banned).toBe(false)

    const { u, purchase } = await buyer({ type: 'CITIZEN_MIN_LEVEL', config: { level: 5 } })
    const target2 = await registerUser(t)
    expect((await accuse(t, u.token, { userId: target2.id, reasonId: REASON.spam })).status).toBe(200)
    expect((await check(t, target2.id)).banned).toBe(true)

    await setActive(u, purchase.databaseId, false)
    const target3 = await registerUser(t)
    expect((await accuse(t, u.token, { userId: target3.id, reasonId: REASON.spam })).status).toBe(200)
    expect((await check(t, target3.id)).banned).toBe(false)

    const revoked = await userWithRoles(t, { citizen: 0 })
    const bonus = await createBonus(t, { pekoins: 1, type: 'CITIZEN_MIN_LEVEL', config: { level: 5 } })
    await fund(t, revoked.id, { pekoins: 1 })
    await ok(buy(t, revoked, bonus))
    const r = await accuse(t, revoked.token, { userId: target3.id, reasonId: REASON.flood })
    expect(r.status).toBe(500)
  })
})
