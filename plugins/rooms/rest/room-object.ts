/**
 * peka2's room object (room.md, /api/room), the one shape every room route answers with (/api/room, create,
 * settings, my, user/*) and roomModify carries. Routes select ROOM_FIELDS on a Room and map it with peka2Room.
 */
export const ROOM_FIELDS =
  'databaseId name slug mode hidden rating imageUrl available owner { databaseId name slug } category { databaseId name slug }'

export interface RoomOut {
  databaseId: number
  name: string
  slug: string
  mode: 'PUBLIC' | 'PRIVATE'
  hidden: boolean
  rating: number
  imageUrl: string | null
  available: boolean
  owner: { databaseId: number; name: string; slug: string } | null
  category: { databaseId: number; name: string; slug: string } | null
}

/** /api/category's object: rooms' categories have no sub-categories, and no count was asked for. */
const category = (c: NonNullable<RoomOut['category']>) => ({
  id: c.databaseId,
  slug: c.slug,
  name: c.name,
  subCategories: null,
  contentAmount: null,
})

/** The documented room object; `image` and `thumbnail` are the preview's full URL ("" while it has none: room.md types them strings). */
export const peka2Room = (r: RoomOut) => ({
  id: r.databaseId,
  name: r.name,
  owner: r.owner && { id: r.owner.databaseId, name: r.owner.name, slug: r.owner.slug },
  category: r.category && category(r.category),
  mode: r.mode === 'PRIVATE' ? 'private' : 'public',
  hidden: r.hidden,
  rating: r.rating,
  image: r.imageUrl ?? '',
  thumbnail: r.imageUrl ?? '',
  slug: r.slug,
  available: r.available,
})

/** peka2 access types: user | admin (the owner is listed as admin). */
export const peka2Type = (role: 'OWNER' | 'ADMIN' | 'MEMBER') => (role === 'MEMBER' ? 'user' : 'admin')
