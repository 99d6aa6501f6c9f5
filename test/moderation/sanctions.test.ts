import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, startTestApp, type TestApp } from '../helpers/app.js'
import { codeOf, gql } from '../helpers/clients.js'
import { registerUser, userWithRoles, type TestUser } from '../helpers/users.js'
import { channelEvents, history, nextEvent, say, trySay } from './support.js'
import { graphql } from '../generated/index.js'

let t: TestApp
let owner: TestUser
let mod: TestUser
let channel: string
beforeAll(async () => {
  t = await startTestApp()
  owner = await registerUser(t)
  mod = await registerUser(t)
  channel = `stream/${owner.id}`
  const r = await gql(
    t.url,
    graphql(`mutation AddChannelModerator($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }`),
    { c: channel, u: mod.id },
    owner.token,
  )
  expect(r.data).toEqual({ addChannelModerator: true })
})
afterAll(() => closeAll(t))

const KICK = graphql(
  `mutation KickFromChannelSanctions($c: String!, $u: Int!, $r: Int) { kickFromChannel(channel: $c, userId: $u, refMessage: $r) { databaseId kind channel refMessageId user { databaseId } actor { databaseId } } }`,
)
const SILENCE = graphql(
  `mutation SilenceInChannelSanctions($c: String!, $u: Int!, $until: DateTime!, $text: String, $r: Int) { silenceInChannel(channel: $c, userId: $u, until: $until, text: $text, refMessage: $r) { databaseId kind until text } }`,
)
const BAN = graphql(
  `mutation BanFromChannelSanctions($c: String!, $u: Int!, $until: DateTime, $r: Int) { banFromChannel(channel: $c, userId: $u, until: $until, refMessage: $r) { databaseId kind until } }`,
)
const LIFT = graphql(
  `mutation LiftChannelSanctionSanctions($c: String!, $u: Int!, $k: ChannelSanctionKind!) { liftChannelSanction(channel: $c, userId: $u, kind: $k) }`,
)
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString()
const lastService = async (type: string) => (await history(t, owner.token, channel)).find((m) => m.type === type)!

describe('channel moderators', () => {
  it("an appointed moderator moderates in chat too: removes others' messages, pins, sets slow mode", async () => {
    const other = await registerUser(t)
    const id = await say(t, other.token, channel, 'a message to moderate')
    const pin = await gql(
      t.url,
      graphql(`mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }`),
      { id },
      mod.token,
    )
    expect(pin.data?.pinChatMessage).toEqual({ pinned: true })
    const slow = await gql(
      t.url,
      graphql(`mutation SetChatSlowModeSanctions($c: String!) { setChatSlowMode(channel: $c, seconds: 5) }`),
      { c: channel },
      mod.token,
    )
    expect(slow.data?.setChatSlowMode).toBe(5)
    await gql(
      t.url,
      graphql(`mutation SetChatSlowModeSanctions2($c: String!) { setChatSlowMode(channel: $c, seconds: 0) }`),
      { c: channel },
      mod.token,
    )
    const rm = await gql(
      t.url,
      graphql(`mutation RemoveChatMessageSanctions($id: Int!) { removeChatMessage(id: $id, reason: "offtopic") }`),
      { id },
      mod.token,
    )
    expect(rm.data?.removeChatMessage).toBe(true)
    // someone not appointed may not
    const id2 = await say(t, other.token, channel, 'another message')
    const stranger = await registerUser(t)
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`mutation PinChatMessage($id: Int!) { pinChatMessage(id: $id) { pinned } }`),
          { id: id2 },
          stranger.token,
        ),
      ),
    ).toBe('INSUFFICIENT_PERMISSIONS')
  })

  it("a moderator check another plugin adds to chat's one isChannelModerator gives sanction powers too, and exempts", async () => {
    // what a third plugin (a rooms plugin's room admins …) would register through chat's API
    const roomAdmin = await registerUser(t)
    const target = await registerUser(t)
    const check = (_ctx: unknown, ch: string, userId: number) =>
      Promise.resolve(ch === channel && userId === roomAdmin.id)
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: target.id }, roomAdmin.token))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
    const unregister = t.app.api('chat')!.addModeratorCheck(check)
    try {
      const kick = await gql(t.url, KICK, { c: channel, u: target.id }, roomAdmin.token)
      expect(kick.data?.kickFromChannel).toMatchObject({
        kind: 'KICK',
        user: { databaseId: target.id },
        actor: { databaseId: roomAdmin.id },
      })
      // and, being a moderator of the channel by that check, cannot be sanctioned in it
      expect(codeOf(await gql(t.url, KICK, { c: channel, u: roomAdmin.id }, mod.token))).toBe(
        'INSUFFICIENT_PERMISSIONS',
      )
      // the channel's complaints are theirs to list as well
      expect(
        (
          await gql(
            t.url,
            graphql(
              `query ComplaintsSanctions($c: String) { complaints(channel: $c) { edges { node { databaseId } } } }`,
            ),
            { c: channel },
            roomAdmin.token,
          )
        ).errors,
      ).toBeUndefined()
    } finally {
      unregister()
    }
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: target.id }, roomAdmin.token))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    )
  })

  it('the owner appoints and removes them, announced as service messages; nobody else may', async () => {
    const helper = await registerUser(t)
    const siteMod = await userWithRoles(t, { moderator: 1 })
    const add = graphql(
      `mutation AddChannelModerator($c: String!, $u: Int!) { addChannelModerator(channel: $c, userId: $u) }`,
    )
    expect(codeOf(await gql(t.url, add, { c: channel, u: helper.id }, mod.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, add, { c: channel, u: helper.id }, siteMod.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, add, { c: 'main', u: helper.id }, siteMod.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, add, { c: channel, u: 55_555_555 }, owner.token))).toBe('USER_NOT_FOUND')
    expect((await gql(t.url, add, { c: channel, u: helper.id }, owner.token)).data!.addChannelModerator).toBe(true)
    expect(await lastService('new moderator')).toMatchObject({
      to: { databaseId: helper.id },
      text: expect.stringContaining(helper.name),
    })
    const list = await gql(
      t.url,
      graphql(`query ChannelModerators($c: String!) { channelModerators(channel: $c) { databaseId } }`),
      {
        c: channel,
      },
    )
    expect(list.data!.channelModerators.map((u: any) => u.databaseId)).toEqual([mod.id, helper.id])
    // a removed moderator loses the power at once
    const victim = await registerUser(t)
    await gql(
      t.url,
      graphql(
        `mutation RemoveChannelModerator($c: String!, $u: Int!) { removeChannelModerator(channel: $c, userId: $u) }`,
      ),
      { c: channel, u: helper.id },
      owner.token,
    )
    expect(await lastService('remove moderator')).toMatchObject({ to: { databaseId: helper.id } })
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: victim.id }, helper.token))).toBe('INSUFFICIENT_PERMISSIONS')
  })
})

describe('sanctions', () => {
  it('kick: a service message about the referenced message; KICKED until the user re-enters', async () => {
    const u = await registerUser(t)
    const ref = await say(t, u.token, channel, 'rude words')
    const live = await channelEvents(t, owner.token, channel)
    const r = await gql(t.url, KICK, { c: channel, u: u.id, r: ref }, mod.token)
    expect(r.errors).toBeUndefined()
    expect(r.data!.kickFromChannel).toMatchObject({
      kind: 'KICK',
      channel,
      refMessageId: ref,
      user: { databaseId: u.id },
      actor: { databaseId: mod.id },
    })
    const ev = await nextEvent(live, 'ChatMessageAdded', (e) => e.message.type === 'kick')
    expect(ev.message).toMatchObject({
      channel,
      type: 'kick',
      replyToId: ref,
      from: null,
      to: { databaseId: u.id },
      text: expect.stringContaining(u.name),
    })
    expect(await trySay(t, u.token, channel, 'hello?')).toMatchObject({ isSent: false, dropReason: 'KICKED' })
    expect((await trySay(t, u.token, 'main', 'elsewhere is fine')).isSent).toBe(true)
    expect(
      (
        await gql(
          t.url,
          graphql(`mutation RejoinChannel($c: String!) { rejoinChannel(channel: $c) }`),
          { c: channel },
          u.token,
        )
      ).data!.rejoinChannel,
    ).toBe(true)
    expect((await trySay(t, u.token, channel, 'back again')).isSent).toBe(true)
    await live.close()
  })

  it('silence: SILENCED with the time left until it ends or is lifted; needs a future end', async () => {
    const u = await registerUser(t)
    const r = await gql(t.url, SILENCE, { c: channel, u: u.id, until: inAnHour(), text: 'calm down' }, mod.token)
    expect(r.data!.silenceInChannel).toMatchObject({ kind: 'SILENCE', text: 'calm down' })
    expect(await lastService('silence')).toMatchObject({
      to: { databaseId: u.id },
      text: expect.stringContaining('calm down'),
    })
    const drop = await trySay(t, u.token, channel, 'hmm')
    expect(drop).toMatchObject({ isSent: false, dropReason: 'SILENCED' })
    expect(drop.retryAfter).toBeGreaterThan(3500)
    const mine = await gql(
      t.url,
      graphql(`query ChannelSanctions($c: String!) { channelSanctions(channel: $c) { kind user { databaseId } } }`),
      { c: channel },
      mod.token,
    )
    expect(mine.data!.channelSanctions).toContainEqual({ kind: 'SILENCE', user: { databaseId: u.id } })
    expect((await gql(t.url, LIFT, { c: channel, u: u.id, k: 'SILENCE' }, mod.token)).data!.liftChannelSanction).toBe(
      true,
    )
    expect((await trySay(t, u.token, channel, 'thanks')).isSent).toBe(true)
    expect((await gql(t.url, LIFT, { c: channel, u: u.id, k: 'SILENCE' }, mod.token)).data!.liftChannelSanction).toBe(
      false,
    )
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(
            `mutation SilenceInChannelSanctions2($c: String!, $u: Int!) { silenceInChannel(channel: $c, userId: $u, until: "2001-01-01T00:00:00Z") { databaseId } }`,
          ),
          { c: channel, u: u.id },
          mod.token,
        ),
      ),
    ).toBe('INVALID_INPUT')
  })

  it('ban: BANNED in that channel only, until lifted', async () => {
    const u = await registerUser(t)
    const ref = await say(t, u.token, channel, 'spam spam')
    const r = await gql(t.url, BAN, { c: channel, u: u.id, r: ref }, owner.token)
    expect(r.data!.banFromChannel).toMatchObject({ kind: 'BAN', until: null })
    expect(await lastService('ban')).toMatchObject({ to: { databaseId: u.id }, replyToId: ref })
    expect(await trySay(t, u.token, channel, 'x')).toMatchObject({ isSent: false, dropReason: 'BANNED' })
    expect((await trySay(t, u.token, 'main', 'y')).isSent).toBe(true)
    await gql(t.url, LIFT, { c: channel, u: u.id, k: 'BAN' }, owner.token)
    expect((await trySay(t, u.token, channel, 'z')).isSent).toBe(true)
  })

  it('refuses non-moderators, guests, exempt targets, foreign references and unknown channels', async () => {
    const u = await registerUser(t)
    const siteMod = await userWithRoles(t, { moderator: 1 })
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: u.id }, u.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: u.id }))).toBe('UNAUTHENTICATED')
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: owner.id }, mod.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: siteMod.id }, mod.token))).toBe('INSUFFICIENT_PERMISSIONS')
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: mod.id }, mod.token))).toBe('INVALID_INPUT')
    const elsewhere = await say(t, u.token, 'main', 'in main')
    expect(codeOf(await gql(t.url, KICK, { c: channel, u: u.id, r: elsewhere }, mod.token))).toBe('MESSAGE_NOT_FOUND')
    expect(codeOf(await gql(t.url, KICK, { c: 'stream/99999999', u: u.id }, mod.token))).toBe('CHANNEL_NOT_FOUND')
    expect(codeOf(await gql(t.url, KICK, { c: 'nonsense/1', u: u.id }, mod.token))).toBe('CHANNEL_NOT_FOUND')
    // site moderators moderate every public channel through the channel kind
    expect((await gql(t.url, KICK, { c: 'main', u: u.id }, siteMod.token)).data!.kickFromChannel.kind).toBe('KICK')
    expect(
      codeOf(
        await gql(
          t.url,
          graphql(`query ChannelSanctions2($c: String!) { channelSanctions(channel: $c) { kind } }`),
          { c: channel },
          u.token,
        ),
      ),
    ).toBe('INSUFFICIENT_PERMISSIONS')
  })
})
