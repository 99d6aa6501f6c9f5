import type { RoleName } from '../../src/auth/roles.js'
import type { Fixtures } from './fixtures.js'
import { casesOf, rolesNamed, type Case, type Rule } from './rules.js'
import { randomHex } from './requests.js'

/**
 * THE declared scope rules: who may call what, written down independently of the code that enforces them. The
 * matrices list every field and route from the running app and fail on one this table does not name, and on an entry
 * naming something that no longer exists. A new query, mutation, subscription, guarded field or REST route needs its
 * line here — what it admits, and the arguments that let a refusal show (ids of real things where the rule is decided
 * on one). Arguments left out are generated from their types; they name nothing that exists.
 *
 * `admits`: 'everyone' | 'signed-in' | the callers admitted — 'owner' (of the fixtures: their message, question …)
 * and role names (one caller holds each role). Others get `refusal` (default INSUFFICIENT_PERMISSIONS), a guest
 * UNAUTHENTICATED (or `guest`). Callers: guest, a plain user, the owner where named, a holder of each role.
 */

const everyone: Case = { admits: 'everyone' }
const signedIn: Case = { admits: 'signed-in' }
const only = (...who: (RoleName | 'owner')[]): Case => ({ admits: who })
const STAFF = ['moderator', 'support'] as const
/** the owner's own stream channel: they moderate it, as site moderators do */
const ownStream = (f: Fixtures) => `stream/${f.owner.id}`

/** The owner's private channel with another user (dms). */
const dmWith = (f: Fixtures, peer: number) => `private/${Math.min(f.owner.id, peer)}/${Math.max(f.owner.id, peer)}`

/** A channel-reading field on every kind of channel: public, staff-only, a support question, the owner's stream. */
const onChannels = (
  arg: string,
  refusal: string | undefined,
  wrap: (channel: string) => unknown = (c) => c,
): { cases: Record<string, Case> } => ({
  cases: {
    main: { admits: 'everyone', args: () => ({ [arg]: wrap('main') }) },
    admin: { admits: [...STAFF], refusal, args: () => ({ [arg]: wrap('admin') }) },
    // someone else's question is a channel that does not exist, for guests too
    'support question': {
      admits: ['owner', 'support'],
      refusal: 'CHANNEL_NOT_FOUND',
      args: async (f) => ({ [arg]: wrap((await f.ticket()).channel) }),
    },
  },
})

/** A channel moderator's power, in main (site moderators) and in the owner's stream (the owner too). */
const moderates = (
  args: (f: Fixtures, channel: string) => Promise<Record<string, unknown>> | Record<string, unknown>,
) => ({
  cases: {
    main: { admits: ['moderator'], args: (f: Fixtures) => args(f, 'main') } as Case,
    'own stream': { admits: ['owner', 'moderator'], args: (f: Fixtures) => args(f, ownStream(f)) } as Case,
  },
})

/** A store query about a user: the viewer's own (A), or the owner's (the owner, or store support: StS). */
const ofUser = (): Rule => ({
  cases: {
    own: signedIn,
    "the owner's": { admits: ['owner', 'storeSupport'], args: (f) => ({ userId: f.owner.id }) },
  },
})

/** The store's things of the owner, made once per fixtures by store staff through the API. */
const storeMade = new WeakMap<Fixtures, Map<string, Promise<number>>>()
const storeOnce = (f: Fixtures, key: string, make: () => Promise<number>): Promise<number> => {
  const memo = storeMade.get(f) ?? new Map<string, Promise<number>>()
  storeMade.set(f, memo)
  if (!memo.has(key)) memo.set(key, make())
  return memo.get(key)!
}
const ownerPurchase = (f: Fixtures) =>
  storeOnce(f, 'purchase', async () => {
    const bonus = await f.must(
      `mutation($i: StoreBonusInput!) { saveStoreBonus(input: $i) { databaseId } }`,
      {
        i: {
          type: 'NICK_COLOR',
          config: { color: '#00ff00' },
          duration: 3600,
          name: 'access matrix',
          price: { canBePurchased: true, pekoins: 1, points: 0 },
          view: { category: 0, position: 0, linked: false },
        },
      },
      await f.callers.token('storeAdmin'),
    )
    const d = await f.must(
      'mutation($u: Int!, $b: Int!) { grantStoreBonus(userId: $u, bonusId: $b, reason: "access matrix") { databaseId } }',
      { u: f.owner.id, b: bonus.saveStoreBonus.databaseId },
      await f.callers.token('storeSupport'),
    )
    return d.grantStoreBonus.databaseId as number
  })
const ownerSubscription = (f: Fixtures) =>
  storeOnce(f, 'subscription', async () => {
    const streamer = await f.userId('streamer')
    // test setup: the streamer's role straight in the database
    await f.t.app.services.prisma.userRole.create({ data: { userId: streamer, role: 'masterstreamer', value: 1 } })
    const d = await f.must(
      `mutation($i: StoreSubscriptionInput!) { saveStoreSubscription(input: $i) { databaseId } }`,
      { i: { userId: f.owner.id, streamerId: streamer, active: true, reason: 'access matrix' } },
      await f.callers.token('storeSupport'),
    )
    return d.saveStoreSubscription.databaseId as number
  })

// rooms: rooms
/** A room admin's mutation on the fixture room (closed, the owner's): a stranger is ROOM_NOT_ADMIN. */
const roomAdmin = (more: () => Record<string, unknown>): Case => ({
  admits: ['owner', 'moderator'],
  refusal: 'ROOM_NOT_ADMIN',
  guest: 'UNAUTHENTICATED',
  args: async (f) => ({ roomId: await f.room(), ...more() }),
})
/** A fresh room of the owner's, straight in the database (test setup). */
const spareRoom = async (f: Fixtures) => {
  const slug = `spare-${randomHex()}`
  return (await f.t.app.services.prisma.room.create({ data: { name: slug, slug, ownerId: f.owner.id } })).id
}
/** A text channel of the fixture room, made once per fixtures in the database (test setup). */
const roomChannels = new WeakMap<Fixtures, Promise<number>>()
const roomTextChannel = (f: Fixtures) => {
  if (!roomChannels.has(f))
    roomChannels.set(
      f,
      f.room().then(async (roomId) => {
        const row = await f.t.app.services.prisma.roomChannel.create({ data: { roomId, name: 'matrix' } })
        return row.id
      }),
    )
  return roomChannels.get(f)!
}

// rooms: emojis
/** A mutation only the fixture room's owner (and site moderators) may make. */
const roomOwner = (more: () => Record<string, unknown>): Case => ({
  admits: ['owner', 'moderator'],
  guest: 'UNAUTHENTICATED',
  args: async (f) => ({ roomId: await f.room(), ...more() }),
})
/** A fresh emoji of the fixture room, straight in the database (test setup; its file is not needed). */
const roomEmoji = async (f: Fixtures) => {
  const code = `m${randomHex()}`
  const scope = `room/${await f.room()}`
  const data = { scope, code, codeLower: code, hash: '0'.repeat(64), bytes: 1, width: 1, height: 1 }
  return (await f.t.app.services.prisma.smile.create({ data })).id
}

// rooms: members
/** A fresh access request for the fixture room, by a fresh user (in the database: test setup). */
const roomInvite = async (f: Fixtures) => {
  const userId = await f.userId(`invite ${randomHex()}`)
  return (await f.t.app.services.prisma.roomInvite.create({ data: { roomId: await f.room(), userId } })).id
}
/** A fresh invite link (in the database: test setup) of the fixture room, or of a spare room to join. */
const roomLink = async (f: Fixtures, roomId: number) => {
  const code = `matrix-${randomHex()}`
  await f.t.app.services.prisma.roomInviteLink.create({ data: { code, roomId, creatorId: f.owner.id } })
  return code
}
const roomInviteAdmin = (): Case => ({
  admits: ['owner', 'moderator'],
  refusal: 'ROOM_NOT_ADMIN',
  guest: 'UNAUTHENTICATED',
  args: async (f) => ({ inviteId: await roomInvite(f) }),
})

// polls: polls made once per fixtures through the API, as clients make them
const pollsMade = new WeakMap<Fixtures, Map<string, Promise<unknown>>>()
const pollOnce = <T>(f: Fixtures, key: string, make: () => Promise<T>): Promise<T> => {
  const memo = pollsMade.get(f) ?? new Map<string, Promise<unknown>>()
  pollsMade.set(f, memo)
  if (!memo.has(key)) memo.set(key, make())
  return memo.get(key) as Promise<T>
}
const POLL_OPTIONS = [{ text: 'a' }, { text: 'b' }]
/** A message poll on a new message of the owner's, in main or in their support question (`key`: one per use). */
const ownerMessagePoll = (f: Fixtures, where: 'main' | 'support question', key: string) =>
  pollOnce(f, `${where}: ${key}`, async () => {
    const channel = where === 'main' ? 'main' : (await f.ticket()).channel
    const messageId = await f.message(channel, f.owner)
    const d = await f.must(
      `mutation($m: Int!) {
        createMessagePoll(messageId: $m, question: "access matrix", options: ["a", "b"]) { databaseId options { databaseId } }
      }`,
      { m: messageId },
      f.owner.token,
    )
    const poll = d.createMessagePoll as { databaseId: number; options: { databaseId: number }[] }
    return { messageId, pollId: poll.databaseId, optionIds: poll.options.map((o) => o.databaseId) }
  })
/** A running channel poll in a stream no caller owns, started by a site moderator (test setup through the API). */
const runningChannelPoll = (f: Fixtures) =>
  pollOnce(f, 'channel poll', async () => {
    const channel = `stream/${await f.userId('poll streamer')}`
    const d = await f.must(
      `mutation($c: String!, $o: [PollOptionInput!]!) {
        startChannelPoll(channel: $c, question: "access matrix", options: $o, durationSeconds: 3600) { databaseId }
      }`,
      { c: channel, o: POLL_OPTIONS },
      await f.callers.token('moderator'),
    )
    return { channel, pollId: d.startChannelPoll.databaseId as number }
  })
/** A poll-by-id rule: one in main (everyone may read it), one in the owner's support question (its readers only). */
const onPolls = (
  admitsMain: Case['admits'],
  args: (poll: { pollId: number; optionIds: number[] }) => Record<string, unknown>,
  key: string,
): { cases: Record<string, Case> } => ({
  cases: {
    'in main': { admits: admitsMain, args: async (f) => args(await ownerMessagePoll(f, 'main', key)) },
    // someone else's question is a channel that does not exist: so is its poll
    'in a support question': {
      admits: ['owner', 'support'],
      refusal: 'POLL_NOT_FOUND',
      guest: admitsMain === 'everyone' ? 'POLL_NOT_FOUND' : 'UNAUTHENTICATED',
      args: async (f) => args(await ownerMessagePoll(f, 'support question', key)),
    },
  },
})
// polls: end

export const GRAPHQL: Record<string, Rule> = {
  // ------------------------------------------------------------------ core
  'Query.viewer': everyone,
  'Query.viewerByToken': everyone,
  'Query.user': { admits: 'everyone', args: (f) => ({ databaseId: f.owner.id }) },
  'Query.users': { admits: 'everyone', args: (f) => ({ databaseIds: [f.owner.id] }) },
  'Query.userDirectory': signedIn,
  'Query.usersWithRole': { admits: ['roleAdmin'], args: () => ({ role: 'moderator' }) },
  'Query.defaultRoles': everyone,
  'Query.defaultSettings': everyone,
  'Query.node': everyone,
  'Query.nodes': everyone,
  'Query.isFollowing': { admits: 'signed-in', args: (f) => ({ content: 'STREAM', id: f.owner.id }) },
  'Query.followedStreams': signedIn,
  'Query.followedCount': signedIn,
  'Query.followers': signedIn,
  'Query.isIgnored': { admits: 'signed-in', args: (f) => ({ content: 'CHAT', item: f.owner.id }) },
  'Query.ignoreList': signedIn,
  'Mutation.register': everyone,
  'Mutation.login': everyone,
  'Mutation.loginWithPhone': everyone,
  'Mutation.registerPhone': everyone,
  'Mutation.requestPasswordReset': everyone,
  'Mutation.resetPassword': everyone,
  'Mutation.logout': { admits: 'signed-in', freshSession: true },
  'Mutation.updateSettings': signedIn,
  'Mutation.updateProfile': signedIn,
  'Mutation.invitePhones': signedIn,
  'Mutation.setUserBlocked': {
    admits: ['blocker'],
    args: async (f) => ({ userId: await f.userId('blocked'), state: false }),
  },
  'Mutation.setRole': {
    admits: ['roleAdmin'],
    args: async (f) => ({ userId: await f.userId('role'), role: 'moderator', value: false }),
  },
  'Mutation.follow': {
    admits: 'signed-in',
    args: async (f) => ({ content: 'STREAM', id: await f.userId('followed') }),
  },
  'Mutation.unfollow': {
    admits: 'signed-in',
    args: async (f) => ({ content: 'STREAM', id: await f.userId('followed') }),
  },
  'Mutation.ignore': { admits: 'signed-in', args: async (f) => ({ content: 'CHAT', item: await f.userId('ignored') }) },
  'Mutation.unignore': {
    admits: 'signed-in',
    args: async (f) => ({ content: 'CHAT', item: await f.userId('ignored') }),
  },
  'Subscription.notifications': signedIn,
  // operators: plugin switches (an admitted call names the core, which is refused as no plugin: nothing is switched)
  'Query.plugins': only('roleAdmin'),
  'Mutation.setPluginEnabled': { admits: ['roleAdmin'], args: () => ({ name: 'core', enabled: true }) },
  'Subscription.pluginsChanged': only('roleAdmin'),
  // uploads (files)
  'Mutation.uploadFile': signedIn,

  // ------------------------------------------------------------------ chat
  'Query.chatChannel': onChannels('id', undefined),
  // an unreadable channel is one that does not exist (for guests too)
  'Query.chatChannels': onChannels('ids', 'CHANNEL_NOT_FOUND', (c) => [c]),
  'Query.chatHistory': onChannels('channel', undefined),
  'Query.searchChatMessages': everyone,
  'Mutation.sendChatMessage': { admits: 'signed-in', args: () => ({ input: { channel: 'main', text: 'matrix' } }) },
  'Mutation.editChatMessage': {
    admits: ['owner'],
    args: async (f) => ({ id: await f.ownerMessage(), text: 'edited by the matrix' }),
  },
  'Mutation.removeChatMessage': {
    cases: {
      'own message': { admits: ['owner', 'moderator'], args: async (f) => ({ id: await f.message('main', f.owner) }) },
      "someone's in main": { admits: ['moderator'], args: async (f) => ({ id: await f.message() }) },
    },
  },
  'Mutation.pinChatMessage': moderates(async (f, ch) => ({ id: await f.message(ch) })),
  'Mutation.unpinChatMessage': moderates(async (f, ch) => ({ id: await f.message(ch) })),
  'Mutation.addChatReaction': { admits: 'signed-in', args: async (f) => ({ id: await f.ownerMessage(), emoji: '👍' }) },
  'Mutation.removeChatReaction': {
    admits: 'signed-in',
    args: async (f) => ({ id: await f.ownerMessage(), emoji: '👍' }),
  },
  'Mutation.sendChatTyping': { admits: 'signed-in', args: () => ({ channel: 'main' }) },
  'Mutation.setChatSlowMode': moderates((_f, channel) => ({ channel, seconds: 0 })),
  'Subscription.chatEvents': onChannels('channel', undefined),

  // ------------------------------------------------------------------ moderation
  'Query.banReasons': everyone,
  'Query.banStatus': { admits: 'everyone', args: (f) => ({ userId: f.owner.id }) },
  'Query.bans': signedIn,
  'Query.complaints': only('moderator'),
  'Query.moderationAudit': only('moderator'),
  'Query.channelSanctions': moderates((_f, channel) => ({ channel })),
  'Query.channelModerators': { admits: 'everyone', args: () => ({ channel: 'main' }) },
  'Query.supportCategories': everyone,
  'Query.supportChannels': signedIn,
  'Query.supportTickets': only('support'),
  'Mutation.accuseUser': {
    cases: {
      "a citizen's reason": {
        admits: 'signed-in',
        args: async (f) => ({ userId: await f.userId('accused'), reasonId: await f.reason('citizen') }),
      },
      "a moderator's reason": {
        admits: ['moderator'],
        refusal: 'REASON_NOT_ALLOWED',
        guest: 'UNAUTHENTICATED',
        args: async (f) => ({ userId: await f.userId('accused'), reasonId: await f.reason('moderator') }),
      },
    },
  },
  'Mutation.undoBan': only('moderator'),
  'Mutation.blockUser': {
    admits: ['blocker'],
    args: async (f) => ({ userId: await f.userId('blocked'), state: false }),
  },
  'Mutation.kickFromChannel': moderates(async (f, channel) => ({ channel, userId: await f.userId('sanctioned') })),
  'Mutation.silenceInChannel': moderates(async (f, channel) => ({ channel, userId: await f.userId('sanctioned') })),
  'Mutation.banFromChannel': moderates(async (f, channel) => ({ channel, userId: await f.userId('sanctioned') })),
  'Mutation.liftChannelSanction': moderates(async (f, channel) => ({
    channel,
    userId: await f.userId('sanctioned'),
  })),
  'Mutation.rejoinChannel': { admits: 'signed-in', args: () => ({ channel: 'main' }) },
  'Mutation.addChannelModerator': {
    admits: ['owner'],
    args: async (f) => ({ channel: ownStream(f), userId: await f.userId('appointed') }),
  },
  'Mutation.removeChannelModerator': {
    admits: ['owner'],
    args: async (f) => ({ channel: ownStream(f), userId: await f.userId('appointed') }),
  },
  'Mutation.fileComplaint': { admits: 'signed-in', args: async (f) => ({ messageId: await f.message() }) },
  // someone else's report is one that does not exist, unless you may handle it
  'Mutation.resolveComplaint': {
    admits: ['moderator'],
    refusal: 'COMPLAINT_NOT_FOUND',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ id: await f.complaint(), status: 'REJECTED' }),
  },
  'Mutation.askSupport': {
    admits: 'signed-in',
    args: async (f) => ({ categoryId: await f.category(), question: 'from the access matrix' }),
  },
  'Mutation.banFromSupport': only('support'),
  'Subscription.moderationAuditEvents': only('moderator'),

  // ------------------------------------------------------------------ smiles
  'Query.smiles': everyone,
  'Query.smileApprovalQueue': only('smiler'),
  'Query.mySmileChanges': only('masterstreamer'),
  'Mutation.addSmile': only('masterstreamer', 'smiler'),
  'Mutation.addIcon': only('masterstreamer'),
  'Mutation.updateSmiles': only('masterstreamer', 'smiler'),
  'Mutation.removeSmiles': only('masterstreamer', 'smiler'),
  'Mutation.removeIcons': only('masterstreamer'),
  'Mutation.submitSmileChanges': only('masterstreamer'),
  'Mutation.revertSmileChanges': only('masterstreamer'),
  'Mutation.approveSmileChanges': only('smiler'),
  'Mutation.rejectSmileChanges': only('smiler'),
  'Subscription.smileQueueChanged': only('smiler'),
  'Subscription.smilesChanged': everyone,

  // ------------------------------------------------------------------ store (store.md letters; README for the rest)
  'Query.storeBonuses': {
    cases: {
      'for sale': everyone,
      // the whole catalogue is bonus/list's: StA
      all: { admits: ['storeAdmin'], args: () => ({ all: true }) },
    },
  },
  'Query.storeGifts': {
    cases: { 'on offer': everyone, withdrawn: { admits: ['storeAdmin'], args: () => ({ all: true }) } },
  },
  'Query.subscriptionPrice': { admits: 'everyone', args: (f) => ({ streamerId: f.owner.id }) },
  // purchase/my, points/my, subscription/my: A; purchase/list, points/get, subscription/list of another user: StS
  'Query.wallet': ofUser(),
  'Query.storePoints': ofUser(),
  'Query.storePurchases': ofUser(),
  'Query.storeSubscriptions': ofUser(),
  'Query.receivedGifts': { admits: 'signed-in', args: (f) => ({ userId: f.owner.id }) },
  'Query.storeAudit': only('storeSupport'),
  'Query.storeLedgerCheck': only('storeAdmin'),
  'Mutation.saveStoreBonus': only('storeAdmin'),
  'Mutation.buyBonus': signedIn,
  // A/StS: someone else's purchase or subscription is one that does not exist, unless you are store support
  'Mutation.setStorePurchaseStatus': {
    admits: ['owner', 'storeSupport'],
    refusal: 'PURCHASE_NOT_FOUND',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ id: await ownerPurchase(f), active: true, reason: 'access matrix' }),
  },
  'Mutation.updateStorePurchase': only('storeSupport'),
  'Mutation.removeStorePurchase': only('storeSupport'),
  'Mutation.grantStoreBonus': only('storeSupport'),
  'Mutation.refundStorePurchase': only('storeSupport'),
  'Mutation.setStorePoints': only('storeSupport'),
  'Mutation.adjustStoreBalance': {
    cases: {
      points: { admits: ['storeSupport'], args: () => ({ currency: 'POINTS' }) },
      // the README: pekoins are granted or taken back by store admins
      pekoins: { admits: ['storeAdmin'], args: () => ({ currency: 'PEKOINS' }) },
    },
  },
  'Mutation.buyStreamerSubscription': signedIn,
  'Mutation.saveStoreSubscription': only('storeSupport'),
  'Mutation.removeStoreSubscription': only('storeSupport'),
  'Mutation.setStoreSubscriptionStatus': {
    admits: ['owner', 'storeSupport'],
    refusal: 'SUBSCRIPTION_NOT_FOUND',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ id: await ownerSubscription(f), active: true, reason: 'access matrix' }),
  },
  'Mutation.setSubscriptionPrice': only('storeAdmin'),
  'Mutation.saveStoreGift': only('storeAdmin'),
  'Mutation.sendGift': signedIn,
  'Mutation.claimFreeCoins': signedIn,
  // a back-end's: the HMAC signature is its credential (refused as TOPUP_DISABLED here, no access code)
  'Mutation.topUp': everyone,
  'Mutation.legacyTopUp': signedIn,
  'Subscription.walletChanged': signedIn,
  'Subscription.bonusPurchased': signedIn,
  'Subscription.subscriptionChanged': signedIn,
  'Subscription.giftReceived': signedIn,
  // rooms: video — the fixture room is closed and the owner's: its admins are the owner and site moderators
  'Query.randomStream': signedIn,
  'Mutation.setRoomPlaylist': {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_NOT_ADMIN',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ roomId: await f.room(), items: [] }),
  },
  'Mutation.setRoomCurrentVideo': {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_NOT_ADMIN',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ roomId: await f.room(), position: 0 }),
  },
  // rooms: rooms — the fixture room is closed and the owner's: its admins are the owner and site moderators
  'Query.room': { admits: 'everyone', args: async (f) => ({ databaseId: await f.room() }) },
  'Query.rooms': everyone,
  'Query.myRooms': signedIn,
  // a channel of a room the caller may not read does not exist to them
  'Query.roomChannel': {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_CHANNEL_NOT_FOUND',
    args: async (f) => ({ channelId: await roomTextChannel(f) }),
  },
  'Query.roomCategories': everyone,
  'Mutation.createRoom': signedIn,
  'Mutation.updateRoom': roomAdmin(() => ({ input: { name: 'access matrix' } })),
  'Mutation.deleteRoom': {
    admits: ['owner', 'moderator'],
    guest: 'UNAUTHENTICATED',
    // a room of the owner's for every call (test setup in the database: the owner's room limit stays out of it)
    args: async (f) => ({ roomId: await spareRoom(f) }),
  },
  'Mutation.setRoomPreview': roomAdmin(() => ({})),
  'Mutation.createRoomChannel': roomAdmin(() => ({ name: `matrix ${randomHex()}` })),
  'Mutation.updateRoomChannel': {
    admits: ['owner', 'moderator'],
    // the channel of a closed room is not there for those who may not read the room
    refusal: 'ROOM_CHANNEL_NOT_FOUND',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ channelId: await roomTextChannel(f), readOnly: false }),
  },
  'Subscription.roomChanged': {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_NO_ACCESS',
    guest: 'ROOM_NO_ACCESS',
    args: async (f) => ({ roomId: await f.room() }),
  },
  // rooms: emojis — the fixture room's owner and site moderators; a closed room's emoji is not there for strangers
  'Mutation.addRoomEmoji': roomOwner(() => ({ name: `m${randomHex()}` })),
  'Mutation.addRoomSticker': roomOwner(() => ({ name: `m${randomHex()}`, description: 'access matrix' })),
  'Mutation.removeRoomEmoji': {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_EMOJI_NOT_FOUND',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ emojiId: await roomEmoji(f) }),
  },
  // rooms: members — the fixture room is closed and the owner's: its admins are the owner and site moderators
  'Query.roomMembers': roomAdmin(() => ({})),
  'Query.roomInvites': roomAdmin(() => ({})),
  'Query.roomInviteLinks': roomAdmin(() => ({})),
  'Query.myRoomInvite': { admits: 'signed-in', args: async (f) => ({ roomId: await f.room() }) },
  'Mutation.setRoomMember': {
    ...roomAdmin(() => ({ role: 'MEMBER' })),
    args: async (f) => ({ roomId: await f.room(), userId: await f.userId('room member'), role: 'MEMBER' }),
  },
  'Mutation.removeRoomMember': {
    ...roomAdmin(() => ({})),
    args: async (f) => ({ roomId: await f.room(), userId: await f.userId('room member') }),
  },
  // asking is everyone's; the owner is told they have access already (no refusal)
  'Mutation.requestRoomAccess': { admits: 'signed-in', args: async (f) => ({ roomId: await f.room() }) },
  'Mutation.acceptRoomInvite': roomInviteAdmin(),
  'Mutation.rejectRoomInvite': roomInviteAdmin(),
  'Mutation.blacklistRoomInvite': roomInviteAdmin(),
  'Mutation.createRoomInviteLink': roomAdmin(() => ({ expiresHours: 1, maxUses: 1 })),
  'Mutation.revokeRoomInviteLink': {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_NOT_ADMIN',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ code: await roomLink(f, await f.room()) }),
  },
  // a spare room's link: joining it leaves the fixture room closed to the callers
  'Mutation.joinRoomByCode': {
    admits: 'signed-in',
    args: async (f) => ({ code: await roomLink(f, await spareRoom(f)) }),
  },
  'Mutation.enterRoom': {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_NO_ACCESS',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ roomId: await f.room() }),
  },
  'Mutation.leaveRoom': signedIn,
  'Subscription.myRoomInvites': signedIn,
  'Subscription.viewerRoom': signedIn,
  // dms: friends — the viewer's own friends and requests; the generated userId names nobody (USER_NOT_FOUND …)
  'Query.friends': signedIn,
  'Mutation.sendFriendRequest': signedIn,
  'Mutation.acceptFriendRequest': signedIn,
  'Mutation.declineFriendRequest': signedIn,
  'Mutation.cancelFriendRequest': signedIn,
  'Mutation.removeFriend': signedIn,
  'Subscription.friendEvents': signedIn,
  // dms: direct messages — the viewer's own conversations; a message of someone else's is one that does not exist
  'Query.directDialogs': signedIn,
  'Query.directDialog': { admits: 'signed-in', args: async (f) => ({ user: await f.userId('dm-peer') }) },
  'Query.directMessages': { admits: 'signed-in', args: () => ({ limit: 10, offset: 0 }) },
  'Query.directConversation': { admits: 'signed-in', args: async (f) => ({ user: await f.userId('dm-peer') }) },
  'Query.directUnreadCount': signedIn,
  'Query.privateChatChannels': signedIn,
  'Mutation.sendDirectMessage': {
    admits: 'signed-in',
    args: async (f) => ({ input: { to: await f.userId('dm-peer'), text: 'matrix' } }),
  },
  'Mutation.markDirectMessagesRead': {
    admits: ['owner'],
    refusal: 'MESSAGE_NOT_FOUND',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ message: await f.message(dmWith(f, await f.userId('dm-read-peer')), f.owner) }),
  },
  'Mutation.removeDirectMessageForMe': {
    admits: ['owner'],
    refusal: 'MESSAGE_NOT_FOUND',
    guest: 'UNAUTHENTICATED',
    args: async (f) => ({ message: await f.message(dmWith(f, await f.userId('dm-hide-peer')), f.owner) }),
  },
  'Mutation.removeDirectDialog': {
    admits: 'signed-in',
    args: async (f) => ({ user: await f.userId('dm-clear-peer') }),
  },
  'Subscription.directMessageEvents': signedIn,
  // polls: whoever may read a poll's channel sees the poll and votes; its channel's moderators start and end it
  'Query.channelPoll': onChannels('channel', 'CHANNEL_NOT_FOUND'),
  'Query.channelPolls': onChannels('channel', 'CHANNEL_NOT_FOUND'),
  // a message's poll where the message is not readable is no poll (null)
  'Query.messagePoll': {
    cases: {
      'in main': {
        admits: 'everyone',
        args: async (f) => ({ messageId: (await ownerMessagePoll(f, 'main', 'read')).messageId }),
      },
      'in a support question': {
        admits: ['owner', 'support'],
        refusal: 'null',
        guest: 'null',
        args: async (f) => ({ messageId: (await ownerMessagePoll(f, 'support question', 'read')).messageId }),
      },
    },
  },
  'Mutation.startChannelPoll': moderates((_f, channel) => ({
    channel,
    question: 'access matrix',
    options: POLL_OPTIONS,
    durationSeconds: 600,
  })),
  // the message's author only (a new message of the owner's, once: its poll is made by the one call admitted)
  'Mutation.createMessagePoll': {
    admits: ['owner'],
    args: async (f) => ({
      messageId: await pollOnce(f, 'message to attach to', () => f.message('main', f.owner)),
      question: 'access matrix',
      options: ['a', 'b'],
    }),
  },
  // its starter (the owner: a poll on their message) or a moderator of its channel (main: site moderators)
  'Mutation.endPoll': {
    admits: ['owner', 'moderator'],
    args: async (f) => ({ pollId: (await ownerMessagePoll(f, 'main', 'end')).pollId }),
  },
  'Mutation.votePoll': onPolls('signed-in', (p) => ({ pollId: p.pollId, optionIds: [p.optionIds[0]] }), 'vote'),
  'Mutation.retractPollVote': onPolls('signed-in', (p) => ({ pollId: p.pollId }), 'vote'),
  'Mutation.voteChannelPoll': {
    cases: {
      'a running poll': {
        admits: 'signed-in',
        args: async (f) => ({ channel: (await runningChannelPoll(f)).channel, position: 1 }),
      },
      admin: {
        admits: [...STAFF],
        refusal: 'CHANNEL_NOT_FOUND',
        guest: 'UNAUTHENTICATED',
        args: () => ({ channel: 'admin' }),
      },
      'support question': {
        admits: ['owner', 'support'],
        refusal: 'CHANNEL_NOT_FOUND',
        guest: 'UNAUTHENTICATED',
        args: async (f) => ({ channel: (await f.ticket()).channel }),
      },
    },
  },
  'Subscription.pollUpdated': {
    cases: {
      ...onChannels('channel', 'CHANNEL_NOT_FOUND').cases,
      ...onPolls('everyone', (p) => ({ pollId: p.pollId }), 'follow').cases,
    },
  },
  // polls: end
  // streams: everything is public but changing streams (their owner, stream admins) and categories (stream admins)
  'Query.liveStream': everyone,
  'Query.liveStreams': { admits: 'everyone', args: () => ({ category: { slug: 'top' }, filter: 'ALL' }) },
  'Query.liveStreamsByIds': { admits: 'everyone', args: (f) => ({ ids: [f.owner.id] }) },
  'Query.contentCategory': { admits: 'everyone', args: () => ({ content: 'STREAM', slug: 'top' }) },
  'Query.playerLive': { admits: 'everyone', args: () => ({ channels: ['matrix'] }) },
  'Mutation.saveLiveStream': { admits: 'signed-in', args: () => ({ input: { title: 'access matrix' } }) },
  'Mutation.setStreamPlayerStatus': only('streamAdmin'),
  'Mutation.saveContentCategory': only('streamAdmin'),
  'Mutation.removeContentCategory': only('streamAdmin'),
  // streams: end
  // oauth (core): codes are public steps of the flow; the user's own application and grants need a session
  'Query.myOAuthApp': signedIn,
  'Query.oauthCode': everyone,
  'Query.oauthGrants': signedIn,
  'Query.thirdPartyProviders': everyone,
  'Query.thirdPartyAuthorizeUrl': everyone,
  'Mutation.saveOAuthApp': signedIn,
  'Mutation.resetOAuthClientSecret': signedIn,
  'Mutation.removeOAuthApp': signedIn,
  'Mutation.approveOAuthApp': only('roleAdmin'),
  'Mutation.requestOAuthCode': everyone,
  'Mutation.grantOAuthCode': signedIn,
  'Mutation.exchangeOAuthCode': everyone,
  'Mutation.revokeOAuthGrant': signedIn,
  'Mutation.signInWithThirdParty': everyone,
  'Mutation.registerWithThirdParty': everyone,
  // oauth: end
  // operators (the console's live figures): role admins, or the OPERATOR_TOKEN (test/operators/ops-api.test.ts)
  'Query.opsOverview': only('roleAdmin'),
  'Subscription.opsStats': only('roleAdmin'),
}

/**
 * Fields of objects that not everyone may read, looked at on the owner's object (`of`: its global id). Fields the
 * schema marks with scopes must be here; fields guarded in their resolver (User.phone) are listed by hand.
 */
export interface FieldRule extends Case {
  of: (f: Fixtures) => Promise<string> | string
}

const ownerNode = (f: Fixtures) => Buffer.from(`User:${f.owner.id}`).toString('base64')
// rooms: video
const closedRoomField = (): FieldRule => ({
  admits: ['owner', 'moderator'],
  refusal: 'ROOM_NO_ACCESS',
  guest: 'ROOM_NO_ACCESS',
  of: async (f) => Buffer.from(`Room:${await f.room()}`).toString('base64'),
})

export const OBJECT_FIELDS: Record<string, FieldRule> = {
  'User.email': { admits: ['owner', 'roleAdmin'], of: ownerNode },
  'User.roles': { admits: ['owner', 'roleAdmin'], of: ownerNode },
  'User.settings': { admits: ['owner', 'roleAdmin'], of: ownerNode },
  'User.loginHistory': { admits: ['owner'], of: ownerNode },
  'User.recentSignIns': { admits: ['owner'], of: ownerNode },
  // phones are private, shown as null rather than refused (JustChat's getUser answers for anyone)
  'User.phone': { admits: ['owner'], refusal: 'null', guest: 'null', of: ownerNode },
  // rooms: video — where a user went is theirs (and site staff's); a closed room's video only for those with access
  'User.visitedRooms': { admits: ['owner', 'moderator'], refusal: 'null', guest: 'null', of: ownerNode },
  'Room.currentVideo': closedRoomField(),
  'Room.playlist': closedRoomField(),
  'Room.playbackHistory': closedRoomField(),
  // rooms: members — the access list is its admins'
  'Room.members': {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_NOT_ADMIN',
    guest: 'UNAUTHENTICATED',
    of: async (f) => Buffer.from(`Room:${await f.room()}`).toString('base64'),
  },
}

/**
 * REST routes, every dialect: the access letters the route must declare (peka2-api-index.md; `MS/Sm` is either), who
 * passes (by default what the letters say; the GraphQL field behind a route may narrow it), and a body.
 */
export interface RestRule extends Case {
  letters: string
  body?: (f: Fixtures) => unknown
}

/** The letters' roles, as the peka2 index documents them: P and C are open, A needs a session. */
export const LETTER_ROLE: Record<string, RoleName | 'everyone' | 'signed-in'> = {
  P: 'everyone',
  C: 'everyone',
  A: 'signed-in',
  M: 'moderator',
  S: 'support',
  B: 'blocker',
  Sm: 'smiler',
  MS: 'masterstreamer',
  RA: 'roleAdmin',
  Sc: 'schedule',
  Se: 'seasoner',
  StA: 'storeAdmin',
  StS: 'storeSupport',
}

const route = (letters: string, more: Partial<RestRule> = {}): RestRule => {
  const roles = letters.split('/').map((l) => LETTER_ROLE[l])
  const admits: Case['admits'] = roles.includes('everyone')
    ? 'everyone'
    : roles.includes('signed-in')
      ? 'signed-in'
      : (roles as RoleName[])
  return { letters, admits, ...more }
}

// rooms: video
const closedRoomRoute = (): Partial<RestRule> => ({
  admits: ['owner', 'moderator'],
  refusal: 'ROOM_NO_ACCESS',
  guest: 'ROOM_NO_ACCESS',
  body: async (f) => ({ roomId: await f.room() }),
})
const roomAdminRoute = (more: Record<string, unknown>): Partial<RestRule> => ({
  admits: ['owner', 'moderator'],
  refusal: 'ROOM_NOT_ADMIN',
  guest: 'UNAUTHENTICATED',
  body: async (f) => ({ roomId: await f.room(), ...more }),
})

/**
 * A route's key in REST: its path, and `METHOD path` for the messenger's routes and any other method than POST
 * (several methods on one path).
 */
export const restKey = (r: { dialect: string; path: string; method?: string }) =>
  r.dialect === 'messenger' || (r.method && r.method !== 'POST') ? `${r.method ?? 'POST'} ${r.path}` : r.path

export const REST: Record<string, RestRule> = {
  // ------------------------------------------------------------------ core
  '/api/user': route('P', { body: (f) => ({ id: f.owner.id }) }),
  '/api/user/list': route('P', { body: (f) => ({ ids: [f.owner.id] }) }),
  '/api/user/current': route('P'),
  '/api/user/full': route('RA', { body: (f) => ({ id: f.owner.id }) }),
  '/api/user/login': route('C'),
  '/api/user/login/bytoken': route('P'),
  '/api/user/logout': route('A', { freshSession: true }),
  '/api/user/settings': route('A'),
  '/api/user/roles/list': route('RA', { body: () => ({ role: 'moderator' }) }),
  '/api/user/roles/set': route('RA', {
    body: async (f) => ({ userId: await f.userId('role'), role: 'moderator', value: false }),
  }),
  '/api/user/forgot': route('P'),
  '/api/user/restore': route('P'),
  '/api/security/user': route('A'),
  '/init/reg': route('P'),
  '/init/auth': route('P'),
  '/init/invite': route('A'),
  '/init/edit': route('A'),
  '/init/getUser': route('A', { body: (f) => ({ user_id: String(f.owner.id) }) }),
  '/init/exit': route('A', { freshSession: true }),
  '/api/subscribe/add': route('A', { body: async (f) => ({ content: 'stream', id: await f.userId('followed') }) }),
  '/api/subscribe/remove': route('A', { body: async (f) => ({ content: 'stream', id: await f.userId('followed') }) }),
  '/api/subscribe/check': route('A', { body: async (f) => ({ content: 'stream', id: await f.userId('followed') }) }),
  '/api/subscribe/amount': route('A'),
  '/api/subscribe/list': route('A'),
  '/api/subscribe/subscribers': route('A'),
  '/api/ignore/add': route('A', { body: async (f) => ({ content: 'chat', item: await f.userId('ignored') }) }),
  '/api/ignore/remove': route('A', { body: async (f) => ({ content: 'chat', item: await f.userId('ignored') }) }),
  '/api/ignore/check': route('A', { body: async (f) => ({ content: 'chat', item: await f.userId('ignored') }) }),
  '/api/ignore/list': route('A'),
  // uploads (files)
  '/upload': route('A'),
  // ------------------------------------------------------------------ chat
  '/api/channel/data': route('P', { body: () => ({ channels: ['main'] }) }),
  // ------------------------------------------------------------------ moderation
  '/api/moderation/accuse': route('A', {
    body: async (f) => ({ userId: await f.userId('accused'), reasonId: await f.reason('citizen') }),
  }),
  '/api/moderation/block': route('B', { body: async (f) => ({ userId: await f.userId('blocked'), state: false }) }),
  '/api/moderation/check': route('P', { body: (f) => ({ userId: f.owner.id }) }),
  '/api/moderation/list': route('A'),
  '/api/moderation/reasons': route('P', { body: () => ({ content: 'chat' }) }),
  '/api/moderation/undo': route('M'),
  '/api/support/ask': route('A', {
    body: async (f) => ({ category: await f.category(), question: 'from the matrix' }),
  }),
  // the route is A; banFromSupport behind it is support staff's
  '/api/support/ban': route('A', { admits: ['support'] }),
  '/api/support/channels': route('A'),
  '/api/support/list': route('S', { body: async (f) => ({ category: await f.category() }) }),
  '/complaints/new': route('A'),
  // ------------------------------------------------------------------ smiles
  '/api/smile': route('P'),
  '/api/smile/add': route('MS/Sm'),
  '/api/smile/approve': route('Sm'),
  '/api/smile/pending': route('Sm'),
  '/api/smile/reject': route('Sm'),
  '/api/smile/remove': route('MS/Sm'),
  '/api/smile/update': route('MS/Sm'),
  '/api/smile/ms/pending': route('MS'),
  '/api/smile/ms/prepare': route('MS'),
  '/api/smile/ms/revert': route('MS'),
  '/api/icon/add': route('MS'),
  '/api/icon/list': route('P'),
  '/api/icon/remove': route('MS'),
  // ------------------------------------------------------------------ store (letters as peka2-api-index.md gives them)
  '/api/store/bonus/modify': route('StA'),
  '/api/store/bonus/list': route('StA'),
  '/api/store/purchase/list': route('StS'),
  '/api/store/purchase/my': route('A'),
  '/api/store/purchase/remove': route('StS'),
  '/api/store/purchase/modify': route('StS'),
  '/api/store/purchase/setStatus': route('A/StS'),
  '/api/store/buy/pekoins': route('A'),
  '/api/store/buy/points': route('A'),
  '/api/store/points/get': route('StS'),
  '/api/store/points/my': route('A'),
  '/api/store/points/set': route('StS'),
  '/api/store/subscription/purchase': route('A'),
  '/api/store/subscription/list': route('StS'),
  '/api/store/subscription/my': route('A'),
  '/api/store/subscription/modify': route('StS'),
  '/api/store/subscription/remove': route('StS'),
  '/api/store/subscription/setStatus': route('A/StS'),
  // ------------------------------------------------------------------ store, JustChat (session_key in every body)
  '/gifts': route('A'),
  '/gifts/send': route('A'),
  '/user/free-coins': route('A'),
  '/user/updateBalance': route('A'),
  // rooms: video (room.md) — reading a closed room's: its owner and site moderators; writing: its admins
  '/api/room/getCurrentVideo': route('P/A', closedRoomRoute()),
  '/api/room/playlist': route('P/A', closedRoomRoute()),
  '/api/room/playlist/history': route('P/A', closedRoomRoute()),
  '/api/room/periscopeRandom': route('A'),
  '/api/room/setCurrentVideo': route('A', roomAdminRoute({ position: 0 })),
  '/api/room/playlist/set': route('A', roomAdminRoute({ playlist: [] })),
  // rooms: rooms (room.md, "Основное")
  '/api/room': route('P', { body: async (f) => ({ roomId: await f.room() }) }),
  '/api/room/create': route('A'),
  '/api/room/my': route('A'),
  '/api/room/preview': route('A', roomAdminRoute({})),
  '/api/room/settings': route('A', roomAdminRoute({ name: 'access matrix' })),
  // rooms: members (room.md, Пользователи / Инвайты) — room admins: the owner and site moderators
  '/api/room/user/admin': route('P', { body: async (f) => ({ roomId: await f.room() }) }),
  '/api/room/user/list': route('A', roomAdminRoute({})),
  '/api/room/user/remove': route('A', {
    ...roomAdminRoute({}),
    body: async (f) => ({ roomId: await f.room(), userId: await f.userId('room member') }),
  }),
  '/api/room/user/set': route('A', {
    ...roomAdminRoute({}),
    body: async (f) => ({ roomId: await f.room(), userId: await f.userId('room member'), type: 'user' }),
  }),
  '/api/room/invite': route('A', { body: async (f) => ({ roomId: await f.room() }) }),
  '/api/room/invite/accept': route('A', {
    ...roomAdminRoute({}),
    body: async (f) => ({ inviteId: await roomInvite(f) }),
  }),
  '/api/room/invite/blacklist': route('A', {
    ...roomAdminRoute({}),
    body: async (f) => ({ inviteId: await roomInvite(f) }),
  }),
  '/api/room/invite/reject': route('A', {
    ...roomAdminRoute({}),
    body: async (f) => ({ inviteId: await roomInvite(f) }),
  }),
  '/api/room/invite/list': route('A', roomAdminRoute({})),
  '/api/room/invite/status': route('A', { body: async (f) => ({ roomId: await f.room() }) }),
  // rooms: members, JustChat (justchat-api.md) — the fixture room is closed: its chat is its members' and staff's
  '/room/create': route('A', { body: () => ({ room: { name: '' } }) }),
  '/room/enter': route('A', {
    admits: ['owner', 'moderator'],
    refusal: 'ROOM_NO_ACCESS',
    guest: 'UNAUTHENTICATED',
    body: async (f) => ({ room: { id: String(await f.room()) } }),
  }),
  '/room/get': route('A'),
  '/room/remove': route('A'),
  '/room/sendMessage': route('A', {
    admits: ['owner', 'moderator'],
    body: async (f) => ({ message: { room_id: String(await f.room()), text: 'access matrix' } }),
  }),
  '/room/chat': route('A', { admits: ['owner', 'moderator'], body: async (f) => ({ room: String(await f.room()) }) }),
  '/room/kick': route('A', {
    admits: ['owner', 'moderator'],
    body: async (f) => ({ room_id: String(await f.room()), user_id: String(await f.userId('sanctioned')) }),
  }),
  '/room/silence': route('A', {
    admits: ['owner', 'moderator'],
    body: async (f) => ({
      room_id: String(await f.room()),
      user_id: String(await f.userId('sanctioned')),
      finished: Date.now() + 60_000,
    }),
  }),
  '/room/ban': route('A', {
    admits: ['owner', 'moderator'],
    body: async (f) => ({ room_id: String(await f.room()), user_id: String(await f.userId('sanctioned')) }),
  }),
  '/room/add-moderator': route('A', {
    admits: ['owner'],
    body: async (f) => ({ room_id: String(await f.room()), user_id: String(await f.userId('appointed')) }),
  }),
  '/room/remove-moderator': route('A', {
    admits: ['owner'],
    body: async (f) => ({ room_id: String(await f.room()), user_id: String(await f.userId('appointed')) }),
  }),
  // dms: REST — the viewer's own conversations; ids the matrix generates name nobody (USER_NOT_FOUND, MESSAGE_NOT_FOUND)
  '/api/channel/private': route('A'),
  '/user/sendMessage': route('A'),
  '/user/messages': route('A'),
  '/user/dialogs': route('A'),
  '/user/dialog': route('A'),
  '/user/remove-dialog': route('A'),
  '/user/messages/mark-as-read': route('A'),
  '/user/messages/remove': route('A'),
  // dms: REST end
  // polls: peka2 (poll.md) — info is P, start is the channel's moderators' (the owner's stream), vote is A
  '/api/poll/info': route('P', { body: async (f) => ({ channel: (await runningChannelPoll(f)).channel }) }),
  '/api/poll/start': route('A', {
    admits: ['owner', 'moderator'],
    body: (f) => ({
      channel: ownStream(f),
      description: 'access matrix',
      duration: 600,
      donate: false,
      variants: [
        { position: 1, name: 'a' },
        { position: 2, name: 'b' },
      ],
    }),
  }),
  '/api/poll/vote': route('A', {
    body: async (f) => ({ channel: (await runningChannelPoll(f)).channel, position: 1 }),
  }),
  // polls: end
  // streams: peka2 (common.md, player.md) — all P; `my` of /api/content is refused to guests by its resolver
  '/api/category': route('P', { body: () => ({ content: 'stream', slug: 'top' }) }),
  '/api/stream': route('P'),
  '/api/content': route('P', { body: () => ({ content: 'stream', type: 'all', category: { slug: 'top' } }) }),
  '/api/content/top': route('P', { body: () => ({ content: 'stream', category: { slug: 'top' }, amount: 5 }) }),
  '/api/player/live': route('P', { body: () => ({ channels: 'matrix' }) }),
  'GET /api/player/live': route('P', { body: () => ({ channels: 'matrix' }) }),
  // streams: end
  // oauth (core): oauth.md, thirdparty.md (C: served publicly)
  '/api/oauth/app': route('A'),
  '/api/oauth/app/set': route('A'),
  '/api/oauth/request': route('P'),
  '/api/oauth/check': route('P'),
  '/api/oauth/grant': route('A'),
  '/api/oauth/exchange': route('P'),
  '/api/oauth/list': route('A'),
  '/api/oauth/reject': route('A'),
  '/api/oauth/thirdparty/register': route('C'),
  // the index's GoodGame entry: links the signed-in user's account there (no provider here: a refusal of the input)
  '/api/oauth/thirdparty/goodgame': route('A', { body: () => ({ redirectUri: 'https://site.example/done' }) }),
  // oauth: end
  // messenger (messenger-api.md): sign-up and login are open, the rest needs a session; ids the matrix generates name
  // nothing (GUILD_NOT_FOUND …), so a signed-in caller passes access and a guest is refused first
  'POST /api/register': route('P'),
  'POST /api/login': route('P'),
  'POST /api/logout': route('A', { freshSession: true }),
  'GET /api/users': route('A'),
  'GET /api/search/users': route('A', { body: () => ({ q: 'matrix' }) }),
  'POST /api/upload': route('A'),
  'POST /api/guilds': route('A', { body: () => ({ name: `matrix ${randomHex()}` }) }),
  'GET /api/guilds': route('A'),
  'DELETE /api/guilds/:id': route('A'),
  'POST /api/guilds/:id/invites': route('A'),
  'POST /api/invites/:code/join': route('A'),
  'POST /api/guilds/:id/channels': route('A'),
  'GET /api/guilds/:id/channels': route('A'),
  'PUT /api/channels/:id': route('A'),
  'GET /api/channels/:id/messages': route('A'),
  'POST /api/channels/:id/messages': route('A'),
  'PUT /api/messages/:id': route('A'),
  'DELETE /api/messages/:id': route('A'),
  'POST /api/messages/:id/pin': route('A'),
  'POST /api/messages/:id/unpin': route('A'),
  'GET /api/search/messages': route('A', { body: () => ({ q: 'matrix' }) }),
  'GET /api/guilds/:id/emojis': route('A'),
  'POST /api/guilds/:id/emojis': route('A'),
  'DELETE /api/emojis/:id': route('A'),
  'GET /api/guilds/:id/stickers': route('A'),
  'POST /api/guilds/:id/stickers': route('A'),
  'POST /api/friends/request': route('A'),
  'POST /api/friends/accept': route('A'),
  'POST /api/friends/decline': route('A'),
  'POST /api/friends/remove': route('A'),
  'GET /api/friends/status': route('A'),
  'POST /api/messages/:id/poll': route('A'),
  'POST /api/polls/:id/vote': route('A'),
  'GET /api/messages/:id/poll': route('A'),
  // messenger: end
}

/** The roles the rules name: each gets a caller of its own, the rest one caller holding them all. */
export const NAMED_ROLES = rolesNamed([
  ...Object.values(GRAPHQL).flatMap((r) => casesOf(r).map(([, c]) => c)),
  ...Object.values(OBJECT_FIELDS),
  ...Object.values(REST),
])
