import { AppError } from '../../../src/errors.js'
import { defineRoutes, type JsonBody } from '../../../src/rest/route.js'
import { peka2Room, peka2Type, ROOM_FIELDS, type RoomOut } from './room-object.js'

/** peka2's main room routes (room.md, "Основное"): the room, create, my rooms, preview, settings. */

/** peka2 modes are lower case (public | private); the GraphQL enum is upper case. Anything else is refused there. */
const mode = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v)

/** The fields of /api/room/create, as settings takes them too: only those go on (clients may post whole objects). */
const roomInput = (b: JsonBody) => ({
  name: b.name,
  categoryId: b.categoryId,
  mode: b.mode === undefined ? undefined : mode(b.mode),
  hidden: b.hidden,
  slug: b.slug,
})

/** A multipart text field holding an integer (roomId): its number; anything else goes on as is and is refused. */
const intField = (v: unknown) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : v)

/** "Принимает одиночный файл": a request with more or fewer file parts is refused. */
function singleFile(files: File[]): File {
  if (files.length !== 1) throw new AppError('FILE_COUNT_INVALID', `Exactly one file is required, got ${files.length}`)
  return files[0]
}

const room = (d: { room: RoomOut | null }) => {
  if (!d.room) throw new AppError('ROOM_NOT_FOUND', 'roomId: no such room', { field: 'roomId' })
  return peka2Room(d.room)
}

export const peka2RoomRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/room',
    access: 'P',
    operation: `query($roomId: Int!) { room(databaseId: $roomId) { ${ROOM_FIELDS} } }`,
    variables: (b) => ({ roomId: b.roomId }),
    result: room,
  },
  {
    dialect: 'peka2',
    path: '/api/room/create',
    access: 'A',
    operation: `mutation($input: CreateRoomInput!) { createRoom(input: $input) { ${ROOM_FIELDS} } }`,
    variables: (b) => ({ input: roomInput(b) }),
    fields: { input: '' },
    result: (d: { createRoom: RoomOut }) => peka2Room(d.createRoom),
  },
  {
    dialect: 'peka2',
    path: '/api/room/my',
    // the index says P, the section A: without a session there is nobody whose rooms to list
    access: 'A',
    operation: `query { myRooms { role room { ${ROOM_FIELDS} } } }`,
    result: (d: { myRooms: { role: 'OWNER' | 'ADMIN' | 'MEMBER'; room: RoomOut }[] }) =>
      d.myRooms.map((a) => ({ room: peka2Room(a.room), type: peka2Type(a.role) })),
  },
  {
    dialect: 'peka2',
    path: '/api/room/preview',
    access: 'A',
    body: 'multipart',
    operation: 'mutation($roomId: Int!, $file: File!) { setRoomPreview(roomId: $roomId, file: $file) { databaseId } }',
    variables: (b) => ({ roomId: intField(b.roomId), file: singleFile(b.files) }),
    result: () => ({}),
  },
  {
    dialect: 'peka2',
    path: '/api/room/settings',
    access: 'A',
    operation: `mutation($roomId: Int!, $input: UpdateRoomInput!) {
      updateRoom(roomId: $roomId, input: $input) { ${ROOM_FIELDS} }
    }`,
    variables: (b) => ({ roomId: b.roomId, input: roomInput(b) }),
    fields: { input: '' },
    result: (d: { updateRoom: RoomOut }) => peka2Room(d.updateRoom),
  },
])
