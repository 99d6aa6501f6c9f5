// Paid votes in donate polls: each one a store ledger entry from the voter's wallet to the channel owner's payout, in
// one transaction with the vote; short of money, nothing is written. And donate polls without the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gqlRaw } from '../helpers/clients.js'
import { registerUser, type TestUser } from '../helpers/users.js'
import { expectLedgerSound, fund, startStoreApp, walletOf, type StoreApp } from '../store/support.js'
import { okData, readPoll, startPoll, startPollRaw, voteRaw, type PollOut } from './support.js'

const PRICE = 10

let t: StoreApp
beforeAll(async () => {
  // explicit plugins: whatever TEST_PLUGINS a CI combination sets, this file needs the store on
  t = await startStoreApp({ PLUGINS: 'chat,store,polls', POLLS_VOTE_PRICE: String(PRICE) })
}, 120_000)
afterAll(() => closeAll(t), 120_000)

/** The pekoins in a streamer's payout account (the store shows it in no GraphQL field: read from the ledger). */
async function payoutOf(userId: number): Promise<number> {
  const row = await t.app.services.prisma.storeBalance.findUnique({
    where: { accountKind_accountOwner_currency: { accountKind: 'PAYOUT', accountOwner: userId, currency: 'PEKOINS' } },
  })
  return Number(row?.balance ?? 0)
}

const spendEntries = (userId: number) =>
  t.app.services.prisma.storeTransaction.findMany({ where: { userId, kind: 'SPEND' }, select: { id: true } })

const VOTE_CHANNEL = `mutation($c: String!, $p: Int!, $paid: Boolean) {
  voteChannelPoll(channel: $c, position: $p, paid: $paid) { poll { viewerVotes viewerPaidVotes } }
}`
const voteInChannel = (u: TestUser, channel: string, position: number, paid?: boolean) =>
  gqlRaw(t.url, VOTE_CHANNEL, { c: channel, p: position, paid: paid ?? null }, u.token)

async function donatePoll(): Promise<{ streamer: TestUser; channel: string; poll: PollOut }> {
  const streamer = await registerUser(t)
  const channel = `stream/${streamer.id}`
  const poll = await startPoll(t, streamer, channel, { donate: true })
  expect(poll).toMatchObject({ donate: true, votePrice: PRICE })
  return { streamer, channel, poll }
}

describe('paid votes', () => {
  it('paid votes with funds for 5 of 20 attempts → exactly 5 paid votes and 5 ledger entries', async () => {
    const { streamer, poll } = await donatePoll()
    const option = poll.options[1].databaseId
    const voter = await registerUser(t)
    await fund(t, voter.id, { pekoins: 5 * PRICE })
    const results = await Promise.all(
      Array.from({ length: 20 }, () => voteRaw(t, voter, poll.databaseId, [option], true)),
    )
    const codes = results.map((r) => codeOf(r) ?? 'OK')
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5)
    expect(codes.filter((c) => c === 'INSUFFICIENT_FUNDS')).toHaveLength(15)
    const refused = results.find((r) => codeOf(r) === 'INSUFFICIENT_FUNDS')!
    expect(refused.errors?.[0].message).toContain(String(PRICE))

    const seen = await readPoll(t, poll.databaseId, voter)
    expect(seen.options.map((o) => o.donateVotes)).toEqual([0, 5, 0])
    expect(seen.totalDonateVotes).toBe(5)
    // paid votes are counted apart: the free vote is still the voter's to give
    expect(seen.totalVotes).toBe(0)
    expect(seen.viewerPaidVotes).toBe(5)
    const { prisma } = t.app.services
    const paid = await prisma.pollPaidVote.findMany({ where: { pollId: poll.databaseId } })
    expect(paid).toHaveLength(5)
    expect(paid.every((p) => p.userId === voter.id && p.optionId === option && p.price === PRICE)).toBe(true)
    const entries = await spendEntries(voter.id)
    expect(entries).toHaveLength(5)
    // each paid vote is one ledger entry, and each entry one paid vote
    expect(paid.map((p) => p.entryId).sort((x, y) => x - y)).toEqual(entries.map((e) => e.id).sort((x, y) => x - y))
    expect(await walletOf(t, voter)).toEqual({ pekoins: 0, points: 0 })
    expect(await payoutOf(streamer.id)).toBe(5 * PRICE)
    const tallies = await prisma.pollTally.aggregate({
      where: { pollId: poll.databaseId },
      _sum: { donateVotes: true },
    })
    expect(tallies._sum.donateVotes).toBe(5)
    await expectLedgerSound(t)

    // the free vote beside them still works, once
    okData(await voteRaw(t, voter, poll.databaseId, [option]))
    expect((await readPoll(t, poll.databaseId)).options.map((o) => [o.votes, o.donateVotes])).toEqual([
      [0, 0],
      [1, 5],
      [0, 0],
    ])
  })

  it('a paid vote in a poll that takes none is refused, and no money moves', async () => {
    const streamer = await registerUser(t)
    const poll = await startPoll(t, streamer, `stream/${streamer.id}`)
    expect(poll).toMatchObject({ donate: false, votePrice: null })
    const voter = await registerUser(t)
    await fund(t, voter.id, { pekoins: PRICE })
    const r = await voteRaw(t, voter, poll.databaseId, [poll.options[0].databaseId], true)
    expect(codeOf(r)).toBe('POLL_PAID_VOTES_OFF')
    expect(r.errors?.[0].extensions?.field).toBe('paid')
    expect(await walletOf(t, voter)).toEqual({ pekoins: PRICE, points: 0 })
    expect(await spendEntries(voter.id)).toEqual([])
    expect((await readPoll(t, poll.databaseId)).totalDonateVotes).toBe(0)
  })

  it('a paid vote for several options at once is refused', async () => {
    const { poll } = await donatePoll()
    const voter = await registerUser(t)
    await fund(t, voter.id, { pekoins: 2 * PRICE })
    const ids = poll.options.map((o) => o.databaseId)
    // a channel poll is single-choice: two options are refused before any price is asked
    expect(codeOf(await voteRaw(t, voter, poll.databaseId, [ids[0], ids[1]], true))).toBe('INVALID_INPUT')
    expect(await walletOf(t, voter)).toEqual({ pekoins: 2 * PRICE, points: 0 })
  })

  it('a paid vote in an ended poll is refused with POLL_ENDED, and no money moves', async () => {
    const { streamer, poll } = await donatePoll()
    const voter = await registerUser(t)
    await fund(t, voter.id, { pekoins: PRICE })
    // its time passes (no waiting: the end is compared on write)
    await t.app.services.prisma.poll.update({
      where: { id: poll.databaseId },
      data: { endsAt: new Date(Date.now() - 1000) },
    })
    expect(codeOf(await voteRaw(t, voter, poll.databaseId, [poll.options[0].databaseId], true))).toBe('POLL_ENDED')
    expect(await walletOf(t, voter)).toEqual({ pekoins: PRICE, points: 0 })
    expect(await spendEntries(voter.id)).toEqual([])
    expect(await payoutOf(streamer.id)).toBe(0)
    expect(await t.app.services.prisma.pollPaidVote.count({ where: { pollId: poll.databaseId } })).toBe(0)
    await expectLedgerSound(t)
  })

  it('peka2-style voteChannelPoll in a donate poll: the first vote is free, the second paid', async () => {
    const { streamer, channel, poll } = await donatePoll()
    const voter = await registerUser(t)
    await fund(t, voter.id, { pekoins: PRICE })
    const position = poll.options[2].position

    const first = okData(await voteInChannel(voter, channel, position)).voteChannelPoll as {
      poll: { viewerVotes: number[]; viewerPaidVotes: number }
    }
    expect(first.poll).toEqual({ viewerVotes: [poll.options[2].databaseId], viewerPaidVotes: 0 })
    expect(await walletOf(t, voter)).toEqual({ pekoins: PRICE, points: 0 })

    const second = okData(await voteInChannel(voter, channel, position)).voteChannelPoll as typeof first
    expect(second.poll.viewerPaidVotes).toBe(1)
    expect(await walletOf(t, voter)).toEqual({ pekoins: 0, points: 0 })
    expect(await payoutOf(streamer.id)).toBe(PRICE)

    // a third would be paid too: no money left
    expect(codeOf(await voteInChannel(voter, channel, position))).toBe('INSUFFICIENT_FUNDS')
    // `paid: false` asks for the free vote only, which was given
    expect(codeOf(await voteInChannel(voter, channel, position, false))).toBe('POLL_ALREADY_VOTED')
    const seen = await readPoll(t, poll.databaseId)
    expect(seen.options.map((o) => [o.votes, o.donateVotes])).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
    ])
    expect(await spendEntries(voter.id)).toHaveLength(1)
    await expectLedgerSound(t)
  })
})

describe('paid votes under concurrency', () => {
  /** Two instances need a database server (PGlite's one backend serves one app, see test/store/concurrency.test.ts). */
  const SERVER = !!process.env.TEST_DATABASE_URL
  let other: TestApp | undefined
  beforeAll(async () => {
    if (SERVER)
      other = await startTestApp({ PLUGINS: 'chat,store,polls', POLLS_VOTE_PRICE: String(PRICE) }, { share: t })
  }, 120_000)
  afterAll(() => closeAll(other), 120_000)

  it('20 parallel peka2-style votes of one user with funds for 5: one free, 5 paid, the rest short of money', async () => {
    const { streamer, channel, poll } = await donatePoll()
    const voter = await registerUser(t)
    await fund(t, voter.id, { pekoins: 5 * PRICE })
    const results = await Promise.all(Array.from({ length: 20 }, () => voteInChannel(voter, channel, 1)))
    const codes = results.map((r) => codeOf(r) ?? 'OK')
    expect(codes.filter((c) => c === 'OK')).toHaveLength(6)
    expect(codes.filter((c) => c === 'INSUFFICIENT_FUNDS')).toHaveLength(14)
    const seen = await readPoll(t, poll.databaseId, voter)
    expect(seen.options[0]).toMatchObject({ votes: 1, donateVotes: 5 })
    expect(seen.viewerPaidVotes).toBe(5)
    expect(await spendEntries(voter.id)).toHaveLength(5)
    expect(await walletOf(t, voter)).toEqual({ pekoins: 0, points: 0 })
    expect(await payoutOf(streamer.id)).toBe(5 * PRICE)
    await expectLedgerSound(t)
  })

  it.skipIf(!SERVER)('paid votes with funds for 5 of 20 attempts over two instances → exactly 5', async () => {
    const { streamer, poll } = await donatePoll()
    const option = poll.options[0].databaseId
    const voter = await registerUser(t)
    await fund(t, voter.id, { pekoins: 5 * PRICE })
    const apps = [t, other!]
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => voteRaw(apps[i % 2], voter, poll.databaseId, [option], true)),
    )
    const codes = results.map((r) => codeOf(r) ?? 'OK')
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5)
    expect(codes.filter((c) => c === 'INSUFFICIENT_FUNDS')).toHaveLength(15)
    expect((await readPoll(t, poll.databaseId)).options[0].donateVotes).toBe(5)
    expect(await t.app.services.prisma.pollPaidVote.count({ where: { pollId: poll.databaseId } })).toBe(5)
    expect(await spendEntries(voter.id)).toHaveLength(5)
    expect(await walletOf(t, voter)).toEqual({ pekoins: 0, points: 0 })
    expect(await payoutOf(streamer.id)).toBe(5 * PRICE)
    await expectLedgerSound(t)
  })
})

describe('without the store', () => {
  let bare: TestApp | undefined
  beforeAll(async () => {
    bare = await startTestApp({ PLUGINS: 'chat,polls' })
  }, 120_000)
  afterAll(() => closeAll(bare), 120_000)

  it('a disabled store makes donate polls refused with a clear error', async () => {
    const app = bare!
    const streamer = await registerUser(app)
    const channel = `stream/${streamer.id}`
    const r = await startPollRaw(app, streamer, channel, { donate: true })
    expect(codeOf(r)).toBe('POLL_DONATE_UNAVAILABLE')
    expect(r.errors?.[0].extensions?.field).toBe('donate')
    expect(r.errors?.[0].message).toMatch(/store/)
    // nothing was started: a plain poll still works, and takes free votes but no paid ones
    const poll = await startPoll(app, streamer, channel)
    expect(poll).toMatchObject({ donate: false, votePrice: null, isActive: true })
    const voter = await registerUser(app)
    const option = poll.options[0].databaseId
    expect(codeOf(await voteRaw(app, voter, poll.databaseId, [option], true))).toBe('POLL_PAID_VOTES_OFF')
    okData(await voteRaw(app, voter, poll.databaseId, [option]))
    expect((await readPoll(app, poll.databaseId)).totalVotes).toBe(1)
  })
})
