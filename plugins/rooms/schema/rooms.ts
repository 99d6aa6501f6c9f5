import type { Builder } from '../../../src/schema/builder.js'
import { addFileScalar } from '../../../src/uploads/file.js'
import { previewUrl, setPreview } from '../preview.js'
import { createRoom, deleteRoom, updateRoom } from '../rooms.js'
import { findRoom, myRooms, roomCategories, searchRooms, DEFAULT_PAGE, MAX_PAGE, type RoomOrder } from '../search.js'
import { signedIn } from '../access.js'
import type { RoomTypes } from './room-type.js'
import { addRoomChannelFields } from './room-channels.js'
import { addRoomEvents } from './room-events.js'

const AUTH = { authenticated: true } as const

/** Rooms themselves: lookups, lists and search, create / update / delete, preview, text channels, roomChanged. */
export function addRoomsFields(builder: Builder, T: RoomTypes) {
  addFileScalar(builder)
  const { Room, Role, Mode, Category } = T

  builder.objectFields(Room, (t) => ({
    imageUrl: t.string({
      nullable: true,
      description: "the preview's full URL (peka2 image and thumbnail); null: none",
      resolve: (r, _a, ctx) => previewUrl(ctx, r),
    }),
  }))

  const Order = builder.enumType('RoomOrder', {
    values: {
      CREATED_AT_DESC: { description: 'newest first (the default)' },
      CREATED_AT_ASC: { description: 'oldest first' },
      NAME_ASC: { description: 'by name, A to Z' },
      NAME_DESC: { description: 'by name, Z to A' },
      RATING_DESC: { description: 'highest rating first' },
      RATING_ASC: { description: 'lowest rating first' },
      OCCUPANTS_DESC: { description: 'most people inside first' },
      OCCUPANTS_ASC: { description: 'fewest people inside first' },
    } as const satisfies Record<RoomOrder, { description: string }>,
    description: 'How rooms are sorted (ties by id, in the same direction); OCCUPANTS: how many are inside now',
  })
  const Access = builder.objectRef<{ room: (typeof Room)['$inferType']; role: 'OWNER' | 'ADMIN' | 'MEMBER' }>(
    'RoomAccess',
  )
  Access.implement({
    description: 'A room the viewer belongs to and their standing there (peka2 /api/room/my: admin | user)',
    fields: (t) => ({
      room: t.field({ type: Room, description: 'the room', resolve: (a) => a.room }),
      role: t.field({ type: Role, description: "the viewer's standing there", resolve: (a) => a.role }),
    }),
  })

  builder.queryFields((t) => ({
    room: t.field({
      type: Room,
      nullable: true,
      description: 'A room by databaseId or by slug (exactly one); null when there is none. Hidden rooms are found too',
      args: {
        databaseId: t.arg.int({ description: "the room's databaseId; give this or slug" }),
        slug: t.arg.string({ description: "the room's slug; give this or databaseId" }),
      },
      resolve: (_p, a, ctx) => findRoom(ctx, a.databaseId, a.slug),
    }),
    rooms: t.connection(
      {
        type: Room,
        description:
          `Rooms (JustChat /room/get): filters, one order, pages of first (default ${DEFAULT_PAGE}, at most ` +
          `${MAX_PAGE}) after a cursor and an offset; forward only. Hidden rooms only with includeHidden: site staff ` +
          'get all of them, others their own',
        args: {
          name: t.arg.string({ description: 'a part of the name, case-insensitive' }),
          filled: t.arg.boolean({ description: 'true: only full rooms (occupants = maxUsers); false: only not full' }),
          closed: t.arg.boolean({ description: 'true: only closed rooms (PRIVATE or a password); false: only open' }),
          categoryId: t.arg.int({ description: 'only rooms of this category (RoomCategory.databaseId)' }),
          ownerId: t.arg.int({ description: "only rooms this user owns (the user's databaseId)" }),
          includeHidden: t.arg.boolean({
            description: 'true: hidden rooms too (site staff: all of them; others: their own); default false',
          }),
          orderBy: t.arg({
            type: Order,
            defaultValue: 'CREATED_AT_DESC',
            required: true,
            description: 'the order, ties by id in the same direction',
          }),
          offset: t.arg.int({
            description: 'rows skipped (after `after`, when given), 0–1,000,000, default 0; JustChat (page-1)*per_page',
          }),
        },
        resolve: (_p, a, ctx) =>
          searchRooms(
            ctx,
            {
              name: a.name,
              filled: a.filled,
              closed: a.closed,
              categoryId: a.categoryId,
              ownerId: a.ownerId,
              includeHidden: a.includeHidden,
            },
            a.orderBy,
            a,
          ),
      },
      {
        name: 'RoomConnection',
        fields: (c) => ({
          totalCount: c.int({
            description: 'every room that matches, on every page (JustChat countOnly)',
            resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount,
          }),
        }),
      },
      { name: 'RoomEdge' },
    ),
    myRooms: t.field({
      type: [Access],
      authScopes: AUTH,
      description: 'Rooms the viewer owns, administers or is on the access list of (peka2 /api/room/my)',
      resolve: (_p, _a, ctx) => myRooms(ctx, signedIn(ctx).id),
    }),
    roomCategories: t.field({
      type: [Category],
      description: 'What rooms can be about (peka2 content categories)',
      resolve: (_p, _a, ctx) => roomCategories(ctx),
    }),
  }))

  const roomFields = (f: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0], create: boolean) => ({
    name: f.string({ required: create, description: '1–100 characters' }),
    slug: f.string({ description: 'the name in links: 1–64 of a–z, 0–9, -; made from the name when absent' }),
    categoryId: f.int({
      description: create
        ? 'RoomCategory.databaseId (ROOM_CATEGORY_NOT_FOUND otherwise); absent: no category'
        : 'RoomCategory.databaseId (ROOM_CATEGORY_NOT_FOUND otherwise); null: no category',
    }),
    mode: f.field({ type: Mode, description: create ? 'who may read it; default PUBLIC' : 'who may read it' }),
    hidden: f.boolean({
      description: `true: left out of room lists (still found by id or slug)${create ? '; default false' : ''}`,
    }),
    password: f.string({
      description:
        '4–128 characters: entering needs it (the room becomes closed); stored as a hash, never returned.' +
        (create ? '' : ' null: no password. Owner and site staff only'),
    }),
    maxUsers: f.int({ description: `how many may be inside at once, 1–10000 (default 255)${create ? '' : '; owner'}` }),
    settings: f.field({ type: 'JSON', description: 'a JSON object of at most 4 KB' }),
  })
  const CreateRoomInput = builder.inputType('CreateRoomInput', {
    description: 'A new room: only name is required',
    fields: (f) => roomFields(f, true),
  })
  const UpdateRoomInput = builder.inputType('UpdateRoomInput', {
    description: 'Absent fields are kept',
    fields: (f) => roomFields(f, false),
  })

  builder.mutationFields((t) => ({
    createRoom: t.field({
      type: Room,
      authScopes: AUTH,
      description:
        'A new room owned by the viewer (peka2 /api/room/create); signed-in users, at most ROOMS_PER_USER rooms each ' +
        '(ROOM_LIMIT_REACHED). Errors: INVALID_INPUT, ROOM_SLUG_TAKEN, ROOM_CATEGORY_NOT_FOUND',
      args: { input: t.arg({ type: CreateRoomInput, required: true, description: "the new room's fields" }) },
      resolve: (_p, a, ctx) => createRoom(ctx, { ...a.input, name: a.input.name ?? '' }),
    }),
    updateRoom: t.field({
      type: Room,
      authScopes: AUTH,
      description:
        "Room admins (and site staff) change a room's settings; password and maxUsers are the owner's " +
        '(INSUFFICIENT_PERMISSIONS naming the field) (peka2 /api/room/settings). Errors: ROOM_NOT_FOUND, ' +
        'ROOM_NOT_ADMIN, INVALID_INPUT, ROOM_SLUG_TAKEN, ROOM_CATEGORY_NOT_FOUND',
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        input: t.arg({ type: UpdateRoomInput, required: true, description: 'the fields to change' }),
      },
      resolve: (_p, a, ctx) => updateRoom(ctx, a.roomId, a.input),
    }),
    deleteRoom: t.boolean({
      authScopes: AUTH,
      description:
        'The owner (or site staff) deletes a room with everything in it; subscribers of roomChanged hear DELETED. ' +
        'Errors: ROOM_NOT_FOUND, INSUFFICIENT_PERMISSIONS',
      args: { roomId: t.arg.int({ required: true, description: "the room's databaseId" }) },
      resolve: (_p, a, ctx) => deleteRoom(ctx, a.roomId),
    }),
    setRoomPreview: t.field({
      type: Room,
      authScopes: AUTH,
      description:
        "A room admin (or site staff) sets the room's preview: a PNG of exactly 534×300 (peka2 /api/room/preview). " +
        'Errors: ROOM_NOT_FOUND, ROOM_NOT_ADMIN, FILE_EMPTY, FILE_TOO_LARGE, INVALID_IMAGE, INVALID_IMAGE_SIZE',
      args: {
        roomId: t.arg.int({ required: true, description: "the room's databaseId" }),
        file: t.arg({ type: 'File', required: true, description: 'a PNG of exactly 534×300 px, at most 1 MiB' }),
      },
      resolve: (_p, a, ctx) => setPreview(ctx, a.roomId, a.file),
    }),
  }))

  addRoomChannelFields(builder, T)
  addRoomEvents(builder, T)
}
