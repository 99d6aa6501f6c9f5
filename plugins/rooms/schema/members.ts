import { resolveCursorConnection } from '@pothos/plugin-relay'
import type { Builder } from '../../../src/schema/builder.js'
import { AppError, invalid } from '../../../src/errors.js'
import { RoomInviteStatus, RoomMemberRole } from '../../../src/generated/prisma/client.js'
import { isRoomAdmin } from '../access.js'
import { accessList, membersPage, removeRoomMember, setRoomMember } from '../members.js'
import {
  acceptRoomInvite,
  blacklistRoomInvite,
  myRoomInvite,
  rejectRoomInvite,
  requestRoomAccess,
  roomInvites,
} from '../invites.js'
import { createRoomInviteLink, joinRoomByCode, revokeRoomInviteLink, roomInviteLinks } from '../invite-links.js'
import { enterRoom, leaveRoom } from '../presence.js'
import { moderatorIds, occupantCount, occupantIds, roomSanctions, visitorIds } from '../room-people.js'
import type { RoomTypes } from './room-type.js'
import type { Prisma } from '../../../src/generated/prisma/client.js'
import { addInviteSubscription } from './invite-events.js'
import { addViewerRoomSubscription } from './viewer-room.js'

const A = { authenticated: true } as const
/** pages of the access list, as other lists (roomMembers gives it whole) */
const MEMBERS_PAGE_MAX = 100

type MemberRow = Prisma.RoomMemberGetPayload<object>

const cursorUser = (c: string, field: string) => {
  if (!/^[1-9]\d{0,9}$/.test(c) || Number(c) > 2_147_483_647) throw invalid(field, 'is not a cursor of this list')
  return Number(c)
}

/** Membership: the access list, access requests, invite links, entering and leaving, myRoomInvites. */
export function addMembersFields(builder: Builder, T: RoomTypes) {
  const MemberRole = builder.enumType('RoomMemberRole', {
    values: {
      MEMBER: { value: RoomMemberRole.MEMBER, description: 'may enter and read the room when it is closed' },
      ADMIN: {
        value: RoomMemberRole.ADMIN,
        description: 'also manages the room; only the owner (or site staff) makes one',
      },
    } as const,
    description: 'A place on the access list: MEMBER (peka2 user) or ADMIN (peka2 admin)',
  })
  const InviteStatus = builder.enumType('RoomInviteStatus', {
    description: 'Where an access request stands (an accepted or rejected one is deleted)',
    values: {
      PENDING: { value: RoomInviteStatus.PENDING, description: "waiting for the room's admins" },
      BLACKLISTED: { value: RoomInviteStatus.BLACKLISTED, description: 'refused for good: its user cannot ask again' },
    } as const,
  })
  const SanctionKind = builder.enumType('RoomSanctionKind', {
    description: "A sanction in the room's chat (moderation)",
    values: {
      BAN: { description: 'kept out of the room: neither reads nor writes it' },
      SILENCE: { description: 'may read but not write in its chat' },
    } as const,
  })

  const user = { type: 'User', nullable: true } as const
  const Member = builder.prismaObject('RoomMember', {
    description: "A user on a room's access list",
    fields: (t) => ({
      userId: t.exposeInt('userId', { description: "the user's databaseId" }),
      user: t.prismaField({
        ...user,
        description: 'the user; null once their account is gone',
        resolve: (q, m, _a, ctx) => ctx.prisma.user.findUnique({ ...q, where: { id: m.userId } }),
      }),
      role: t.field({ type: MemberRole, description: 'their place on the list', resolve: (m) => m.role }),
      since: t.expose('createdAt', { type: 'DateTime', description: 'when they were put on the list' }),
    }),
  })
  const Invite = builder.prismaObject('RoomInvite', {
    description: 'A request for access to a room (peka2 /api/room/invite/status)',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'the inviteId of acceptRoomInvite, rejectRoomInvite …' }),
      roomId: t.exposeInt('roomId', { description: "the room's databaseId" }),
      room: t.field({
        type: T.Room,
        nullable: true,
        description: 'the room asked for; null once it is deleted',
        resolve: (i, _a, ctx) => ctx.prisma.room.findUnique({ where: { id: i.roomId } }),
      }),
      userId: t.exposeInt('userId', { description: "the asking user's databaseId" }),
      user: t.prismaField({
        ...user,
        description: 'the asking user; null once their account is gone',
        resolve: (q, i, _a, ctx) => ctx.prisma.user.findUnique({ ...q, where: { id: i.userId } }),
      }),
      status: t.field({ type: InviteStatus, description: 'pending or blacklisted', resolve: (i) => i.status }),
      blacklisted: t.boolean({
        description: 'status is BLACKLISTED (peka2 blacklisted)',
        resolve: (i) => i.status === 'BLACKLISTED',
      }),
      requestedAt: t.expose('requestedAt', { type: 'DateTime', description: 'when the user asked' }),
    }),
  })
  const Link = builder.prismaObject('RoomInviteLink', {
    description: 'An invite link (messenger): join by its code until it expires or is used up',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'the random code to share: joinRoomByCode, revokeRoomInviteLink' }),
      roomId: t.exposeInt('roomId', { description: "the room's databaseId" }),
      creatorId: t.exposeInt('creatorId', { description: 'the databaseId of the admin who made it' }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'null: never' }),
      maxUses: t.exposeInt('maxUses', { nullable: true, description: 'null: no limit' }),
      uses: t.exposeInt('uses', { description: 'how many joined by it (members already on the list spend none)' }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'when it was made' }),
    }),
  })
  const Sanction = builder.objectRef<Awaited<ReturnType<typeof roomSanctions>>[number]>('RoomSanction').implement({
    description: "A ban or silence in force in the room's chat (JustChat banned / silently)",
    fields: (t) => ({
      userId: t.exposeInt('userId', { description: "the sanctioned user's databaseId" }),
      user: t.prismaField({
        ...user,
        description: 'the sanctioned user; null once their account is gone',
        resolve: (q, s, _a, ctx) => ctx.prisma.user.findUnique({ ...q, where: { id: s.userId } }),
      }),
      kind: t.field({ type: SanctionKind, description: 'ban or silence', resolve: (s) => s.kind }),
      until: t.field({ type: 'DateTime', nullable: true, description: 'null: until lifted', resolve: (s) => s.until }),
    }),
  })

  builder.objectFields(T.Room, (t) => {
    /** Users by id, in the order of the ids: one query per list. */
    const users = (
      ids: (ctx: Parameters<typeof occupantIds>[0], room: Parameters<typeof occupantIds>[1]) => Promise<number[]>,
      description: string,
    ) =>
      t.prismaField({
        type: ['User'],
        description,
        resolve: async (q, room, _a, ctx) => {
          const list = await ids(ctx, room)
          const rows = await ctx.prisma.user.findMany({ ...q, where: { id: { in: list } } })
          const byId = new Map(rows.map((u) => [u.id, u]))
          return list.flatMap((id) => byId.get(id) ?? [])
        },
      })
    return {
      members: t.connection({
        type: Member,
        nullable: true,
        description: 'The access list in user-id order (room admins only; peka2 user/list)',
        resolve: (room, a, ctx) => {
          for (const field of ['first', 'last'] as const) {
            const n = a[field]
            if (n != null && (n < 0 || n > MEMBERS_PAGE_MAX))
              throw new AppError('INVALID_INPUT', `${field}: must be from 0 to ${MEMBERS_PAGE_MAX}`, { field })
          }
          return resolveCursorConnection<Promise<MemberRow[]>>(
            {
              args: { ...a, first: a.first ?? (a.last ? undefined : 100) },
              toCursor: (m: MemberRow) => String(m.userId),
            },
            (p) =>
              membersPage(ctx, room, {
                afterUserId: p.after ? cursorUser(p.after, 'after') : undefined,
                beforeUserId: p.before ? cursorUser(p.before, 'before') : undefined,
                take: p.limit,
                descending: p.inverted,
              }),
          )
        },
      }),
      viewerIsAdmin: t.boolean({
        description: 'the viewer manages the room: its owner, an admin, or site staff (peka2 user/admin)',
        resolve: (room, _a, ctx) => isRoomAdmin(ctx, room),
      }),
      occupants: users(occupantIds, 'Who is inside now (JustChat users); empty to those without access'),
      occupantCount: t.int({
        description: 'how many are inside now',
        resolve: (room, _a, ctx) => occupantCount(ctx, room),
      }),
      visitors: users(visitorIds, 'Who entered it, latest first (JustChat visiters); empty to those without access'),
      moderators: users(
        moderatorIds,
        "Moderators the owner appointed in the room's chat; empty while moderation is off, and to those without access",
      ),
      sanctions: t.field({
        type: [Sanction],
        description: 'Bans and silences in force in its chat, for those with access; empty while moderation is off',
        resolve: (room, _a, ctx) => roomSanctions(ctx, room),
      }),
    }
  })

  builder.queryFields((t) => ({
    roomMembers: t.field({
      type: [Member],
      authScopes: A,
      description:
        "A room's whole access list in user-id order, at most 1,000 (its admins and site staff; peka2 user/list). " +
        'Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN',
      args: { roomId: t.arg.int({ required: true, description: "the room's databaseId" }) },
      resolve: (_p, a, ctx) => accessList(ctx, a.roomId),
    }),
    roomInvites: t.field({
      type: [Invite],
      authScopes: A,
      description:
        "A room's access requests, pending and blacklisted, oldest first, at most 1,000 (its admins and site staff; " +
        'peka2 invite/list). Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN',
      args: { roomId: t.arg.int({ required: true, description: "the room's databaseId" }) },
      resolve: (_p, a, ctx) => roomInvites(ctx, a.roomId),
    }),
    myRoomInvite: t.field({
      type: Invite,
      nullable: true,
      authScopes: A,
      description:
        "The viewer's own request for access to a room; null: none (peka2 invite/status). Signed-in users; " +
        'ROOM_NOT_FOUND',
      args: { roomId: t.arg.int({ required: true, description: "the room's databaseId" }) },
      resolve: (_p, a, ctx) => myRoomInvite(ctx, a.roomId),
    }),
    roomInviteLinks: t.field({
      type: [Link],
      authScopes: A,
      description:
        "A room's invite links, newest first, at most 100, expired and used-up ones too (its admins and site staff). " +
        'Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN',
      args: { roomId: t.arg.int({ required: true, description: "the room's databaseId" }) },
      resolve: (_p, a, ctx) => roomInviteLinks(ctx, a.roomId),
    }),
  }))

  builder.mutationFields((t) => ({
    setRoomMember: t.field({
      type: Member,
      authScopes: A,
      description:
        'Puts a user on the access list as MEMBER or ADMIN, or changes their role (admins add members; the owner or ' +
        'site staff make and unmake admins; an admin may step down). Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN, ' +
        'ROOM_OWNER_FIXED, USER_NOT_FOUND, INSUFFICIENT_PERMISSIONS',
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        userId: t.arg.int({ required: true, description: "the user's databaseId (not the owner)" }),
        role: t.arg({ type: MemberRole, required: true, description: 'the role to give' }),
      },
      resolve: (_p, a, ctx) => setRoomMember(ctx, a.roomId, a.userId, a.role),
    }),
    removeRoomMember: t.boolean({
      authScopes: A,
      description:
        'Takes a user off the access list and out of the room; false when they were not on it (room admins; an ' +
        'admin only by the owner or site staff, or themselves). Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN, ' +
        'ROOM_OWNER_FIXED, INSUFFICIENT_PERMISSIONS',
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        userId: t.arg.int({ required: true, description: "the user's databaseId (not the owner)" }),
      },
      resolve: (_p, a, ctx) => removeRoomMember(ctx, a.roomId, a.userId),
    }),
    requestRoomAccess: t.field({
      type: Invite,
      authScopes: A,
      description:
        "Asks a room's admins for access (peka2 /api/room/invite); signed-in users; its admins hear INVITE_REQUESTED. " +
        'Errors: ROOM_NOT_FOUND, ROOM_ALREADY_MEMBER, ROOM_INVITE_EXISTS (pending or blacklisted)',
      args: { roomId: t.arg.int({ required: true, description: "the room's databaseId" }) },
      resolve: (_p, a, ctx) => requestRoomAccess(ctx, a.roomId),
    }),
    acceptRoomInvite: t.field({
      type: Member,
      authScopes: A,
      description:
        "Accepts an access request: its user becomes a member, the request is deleted (the room's admins and site " +
        'staff). Errors: ROOM_INVITE_NOT_FOUND, ROOM_NOT_ADMIN',
      args: { inviteId: t.arg.int({ required: true, description: 'the RoomInvite.databaseId' }) },
      resolve: (_p, a, ctx) => acceptRoomInvite(ctx, a.inviteId),
    }),
    rejectRoomInvite: t.boolean({
      authScopes: A,
      description:
        "Rejects an access request (deleted: its user may ask again) (the room's admins and site staff). Errors: " +
        'ROOM_INVITE_NOT_FOUND, ROOM_NOT_ADMIN',
      args: { inviteId: t.arg.int({ required: true, description: 'the RoomInvite.databaseId' }) },
      resolve: (_p, a, ctx) => rejectRoomInvite(ctx, a.inviteId),
    }),
    blacklistRoomInvite: t.field({
      type: Invite,
      authScopes: A,
      description:
        "Blacklists an access request: it stays, and its user cannot ask again (the room's admins and site staff). " +
        'Errors: ROOM_INVITE_NOT_FOUND, ROOM_NOT_ADMIN',
      args: { inviteId: t.arg.int({ required: true, description: 'the RoomInvite.databaseId' }) },
      resolve: (_p, a, ctx) => blacklistRoomInvite(ctx, a.inviteId),
    }),
    createRoomInviteLink: t.field({
      type: Link,
      authScopes: A,
      description:
        'An invite link for `expiresHours` (1–720; null: for good) and `maxUses` joins (1–1000; null: unlimited) ' +
        '(room admins and site staff). Errors: INVALID_INPUT, ROOM_NOT_FOUND, ROOM_NOT_ADMIN',
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        expiresHours: t.arg.int({ description: 'hours it lasts, 1–720; null or absent: it never expires' }),
        maxUses: t.arg.int({ description: 'joins it allows, 1–1000; null or absent: no limit' }),
      },
      resolve: (_p, a, ctx) => createRoomInviteLink(ctx, a.roomId, a.expiresHours, a.maxUses),
    }),
    revokeRoomInviteLink: t.boolean({
      authScopes: A,
      description:
        'Deletes an invite link (its room admins and site staff). Errors: ROOM_INVITE_LINK_INVALID, ROOM_NOT_ADMIN',
      args: { code: t.arg.string({ required: true, description: "the link's code" }) },
      resolve: (_p, a, ctx) => revokeRoomInviteLink(ctx, a.code),
    }),
    joinRoomByCode: t.field({
      type: T.Room,
      authScopes: A,
      description:
        "Joins an invite link's room as a member (signed-in users; its owner or a member already spends no use). " +
        'ROOM_INVITE_LINK_INVALID when it does not exist, has expired or is used up',
      args: { code: t.arg.string({ required: true, description: "the link's code" }) },
      resolve: (_p, a, ctx) => joinRoomByCode(ctx, a.code),
    }),
    enterRoom: t.field({
      type: T.Room,
      authScopes: A,
      description:
        'Goes inside a room (JustChat /room/enter), leaving the one the viewer was in; a right password makes the viewer a member. ' +
        'Signed-in users. Errors: ROOM_NOT_FOUND, ROOM_BANNED, ROOM_WRONG_PASSWORD, ROOM_NO_ACCESS (PRIVATE), ROOM_FULL',
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        password: t.arg.string({
          description: "the room's password, when it has one and the viewer is not on its access list or site staff",
        }),
      },
      resolve: (_p, a, ctx) => enterRoom(ctx, a.roomId, a.password),
    }),
    leaveRoom: t.boolean({
      authScopes: A,
      description: 'Leaves the room the viewer is inside; false when in none',
      resolve: (_p, _a, ctx) => leaveRoom(ctx),
    }),
  }))

  addInviteSubscription(builder, T)
  addViewerRoomSubscription(builder, T)
  return { Member, Invite, Link }
}
