import type { AccessApp, Callers, TestUser } from './app.js'
import { registerUser } from './app.js'
import { ask, randomHex, UPLOAD } from './requests.js'
import type { Vars } from './rules.js'

/** Things the calls are about, made through the API as clients make them, each once unless it says otherwise. */
export interface Fixtures {
  t: AccessApp
  callers: Callers
  /** the owner caller: a plain user with a phone, a support question, a message and a complaint */
  owner: TestUser
  /** a user made once for `key`: the target of a block, a role, a sanction (never a caller) */
  userId(key: string): Promise<number>
  /** a new message (default: in main, by a user who is no caller) */
  message(channel?: string, author?: TestUser): Promise<number>
  /** the owner's message in main */
  ownerMessage(): Promise<number>
  /** a support category's id */
  category(): Promise<number>
  /** a ban reason citizens (or only moderators) may accuse with */
  reason(minRole: 'citizen' | 'moderator'): Promise<number>
  /** the owner's support question */
  ticket(): Promise<{ id: number; channel: string }>
  /** a complaint the owner filed about someone else's message */
  complaint(): Promise<number>
  /** a new active ban of a new user */
  ban(): Promise<number>
  /** a public smile (added by a smiler) */
  smile(): Promise<number>
  // rooms: rooms
  /** a closed (PRIVATE) room owned by the owner caller: its databaseId */
  room(): Promise<number>
  /** a GraphQL request that must succeed: its data */
  must(query: string, variables: Vars, token: string | undefined): Promise<Record<string, any>>
}

export async function makeFixtures(t: AccessApp, callers: Callers): Promise<Fixtures> {
  const memo = new Map<string, Promise<unknown>>()
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, make())
    return memo.get(key) as Promise<T>
  }
  const must = async (query: string, variables: Vars, token: string | undefined) => {
    const r = await ask(t, query, variables, token)
    if (r.errors?.length || !r.data) throw new Error(`fixture: ${query}: ${JSON.stringify(r.errors)}`)
    return r.data
  }
  const owner = callers.user('owner')!
  await t.app.services.prisma.user.update({
    where: { id: owner.id },
    data: { phone: `+7900${String(Date.now()).slice(-7)}` },
  })
  // a user may send 60 chat events a minute: a new author every 40 messages
  let written = 0
  const author = () => once(`author:${Math.floor(written++ / 40)}`, () => registerUser(t))
  const message = async (channel = 'main', by?: TestUser) => {
    const who = by ?? (await author())
    const d = await must(
      'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent dropReason message { databaseId } } }',
      { i: { channel, text: `access matrix ${randomHex()}` } },
      who.token,
    )
    if (!d.sendChatMessage.isSent) throw new Error(`fixture message dropped: ${d.sendChatMessage.dropReason}`)
    return d.sendChatMessage.message.databaseId as number
  }
  const f: Fixtures = {
    t,
    callers,
    owner,
    must,
    userId: (key) => once(`user:${key}`, async () => (await registerUser(t)).id),
    message,
    ownerMessage: () => once('ownerMessage', () => message('main', owner)),
    category: () =>
      once('category', async () => {
        const d = await must('{ supportCategories { databaseId } }', {}, undefined)
        return d.supportCategories[0].databaseId as number
      }),
    reason: (minRole) =>
      once(`reason:${minRole}`, async () => {
        const d = await must('{ banReasons { databaseId minRole content } }', {}, undefined)
        const r = d.banReasons.find((x: any) => x.minRole === minRole && x.content === 'chat')
        if (!r) throw new Error(`fixture: no ${minRole} ban reason`)
        return r.databaseId as number
      }),
    ticket: () =>
      once('ticket', async () => {
        const d = await must(
          'mutation($c: Int!, $q: String!) { askSupport(categoryId: $c, question: $q) { databaseId channel } }',
          { c: await f.category(), q: 'access matrix question' },
          owner.token,
        )
        return { id: d.askSupport.databaseId as number, channel: d.askSupport.channel as string }
      }),
    complaint: () =>
      once('complaint', async () => {
        const d = await must(
          'mutation($m: Int!) { fileComplaint(messageId: $m, text: "access matrix") { databaseId } }',
          { m: await message() },
          owner.token,
        )
        return d.fileComplaint.databaseId as number
      }),
    ban: async () => {
      const target = await registerUser(t)
      const voter = await registerUser(t)
      await must(
        'mutation($u: Int!, $r: Int!) { accuseUser(userId: $u, reasonId: $r) }',
        { u: target.id, r: await f.reason('citizen') },
        voter.token,
      )
      const d = await must('query($u: Int!) { banStatus(userId: $u) { banId } }', { u: target.id }, undefined)
      if (!d.banStatus.banId) throw new Error('fixture: the accusation did not ban')
      return d.banStatus.banId as number
    },
    smile: () =>
      once('smile', async () => {
        const d = await must(
          'mutation($file: File!) { addSmile(file: $file) { databaseId approved } }',
          { file: UPLOAD },
          await callers.token('smiler'),
        )
        return d.addSmile.databaseId as number
      }),
    // rooms: rooms
    room: () =>
      once('room', async () => {
        const d = await must(
          'mutation($i: CreateRoomInput!) { createRoom(input: $i) { databaseId } }',
          { i: { name: `access matrix room ${randomHex()}`, mode: 'PRIVATE' } },
          owner.token,
        )
        return d.createRoom.databaseId as number
      }),
  }
  return f
}
