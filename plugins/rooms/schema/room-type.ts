import type { Builder } from '../../../src/schema/builder.js'
import { RoomMode } from '../../../src/generated/prisma/client.js'
import { hasAccess, isClosed, roleIn, type RoomRow } from '../access.js'

/**
 * The Room node and its own fields. Each part of the plugin adds its fields to Room in its own file
 * (builder.objectFields(T.Room, …)): membership, video, channels.
 */
export function addRoomType(builder: Builder) {
  const Mode = builder.enumType('RoomMode', {
    values: {
      PUBLIC: {
        value: RoomMode.PUBLIC,
        description: 'anyone reads it, signed-in users write (unless it has a password)',
      },
      PRIVATE: { value: RoomMode.PRIVATE, description: 'only its members (and site staff) read and write it' },
    } as const,
    description: 'PUBLIC: anyone reads; PRIVATE: members',
  })
  const Role = builder.enumType('RoomRole', {
    values: {
      OWNER: { description: 'created the room (Room.ownerId): manages it, makes admins, deletes it' },
      ADMIN: { description: 'on the access list as ADMIN: manages the room (peka2 admin)' },
      MEMBER: { description: 'on the access list as MEMBER: may enter and read it when closed (peka2 user)' },
    } as const,
    description: "A user's standing in a room: its owner, an administrator (peka2 admin), or a member (peka2 user)",
  })
  const Category = builder.prismaObject('RoomCategory', {
    description: 'What a room is about (peka2 /api/category)',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "the category's number (createRoom's categoryId)" }),
      name: t.exposeString('name', { description: 'its display name' }),
      slug: t.exposeString('slug', { description: 'its name in links, unique' }),
    }),
  })
  const Room = builder.node(builder.objectRef<RoomRow>('Room'), {
    description: 'A room: a video room (peka2), a password room (JustChat) or a community with channels (messenger)',
    id: { description: 'Global id (node / nodes)', resolve: (r) => r.id },
    loadMany: async (ids, ctx) => {
      const nums = ids.map(Number)
      const rows = await ctx.prisma.room.findMany({ where: { id: { in: nums } } })
      const byId = new Map(rows.map((r) => [r.id, r]))
      return nums.map((id) => byId.get(id) ?? null)
    },
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: "the room's number (roomId in arguments)" }),
      name: t.exposeString('name', { description: '1–100 characters' }),
      slug: t.exposeString('slug', { description: 'the name in links, /room/<slug>' }),
      ownerId: t.exposeInt('ownerId', { description: "the owner's databaseId" }),
      owner: t.prismaField({
        type: 'User',
        nullable: true,
        description: 'who created the room; null once their account is gone',
        resolve: (q, r, _a, ctx) => ctx.prisma.user.findUnique({ ...q, where: { id: r.ownerId } }),
      }),
      category: t.field({
        type: Category,
        nullable: true,
        description: 'what the room is about; null: no category',
        resolve: (r, _a, ctx) =>
          r.categoryId === null ? null : ctx.prisma.roomCategory.findUnique({ where: { id: r.categoryId } }),
      }),
      mode: t.field({ type: Mode, description: 'who may read it (with hasPassword: closed)', resolve: (r) => r.mode }),
      hasPassword: t.boolean({
        description: 'entering needs a password (JustChat is_private); the password itself is never returned',
        resolve: (r) => r.passwordHash !== null,
      }),
      closed: t.boolean({ description: 'only members read it: PRIVATE, or a password', resolve: isClosed }),
      hidden: t.exposeBoolean('hidden', { description: 'left out of room lists (still found by id or slug)' }),
      rating: t.exposeInt('rating', {
        description: "the room's rating (peka2 rating; 0 for a new room), a sort key of rooms",
      }),
      image: t.exposeString('image', { nullable: true, description: "the preview's URL path; null: none" }),
      settings: t.field({
        type: 'JSON',
        description: "free-form settings object the room's admins set (at most 4 KB; {} when none)",
        resolve: (r) => r.settings,
      }),
      maxUsers: t.exposeInt('maxUsers', { description: 'how many may be inside at once (JustChat max_users)' }),
      createdAt: t.expose('createdAt', { type: 'DateTime', description: 'when it was created' }),
      available: t.boolean({
        description: 'the viewer may read and write its chat (peka2 available)',
        resolve: (r, _a, ctx) => hasAccess(ctx, r),
      }),
      viewerRole: t.field({
        type: Role,
        nullable: true,
        description: "the viewer's standing in the room; null: none",
        resolve: (r, _a, ctx) => roleIn(ctx.prisma, r, ctx.viewer?.id),
      }),
    }),
  })
  return { Room, Role, Mode, Category }
}

export type RoomTypes = ReturnType<typeof addRoomType>
