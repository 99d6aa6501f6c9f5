import type { PluginSeedContext } from '../../src/plugin-system/contract.js'
import { hashPassword } from '../../src/auth/passwords.js'

const CATEGORIES = [
  { slug: 'games', name: 'Игры' },
  { slug: 'music', name: 'Музыка' },
  { slug: 'movies', name: 'Кино' },
  { slug: 'talk', name: 'Общение' },
]

/** peka2 content categories and a few rooms of the demo users (README), on an empty database. */
export async function seedRooms({ prisma }: PluginSeedContext) {
  if ((await prisma.roomCategory.count()) > 0) return
  const categories = new Map<string, number>()
  for (const c of CATEGORIES) categories.set(c.slug, (await prisma.roomCategory.create({ data: c })).id)
  const users = await prisma.user.findMany({ where: { nameLower: { in: ['alice', 'bob'] } } })
  const alice = users.find((u) => u.nameLower === 'alice')
  const bob = users.find((u) => u.nameLower === 'bob')
  if (!alice || !bob) return
  const movies = await prisma.room.create({
    data: { name: 'Movie night', slug: 'movie-night', ownerId: alice.id, categoryId: categories.get('movies') },
  })
  await prisma.roomChannel.createMany({
    data: [
      { roomId: movies.id, name: 'general', position: 0 },
      { roomId: movies.id, name: 'announcements', position: 1, readOnly: true },
    ],
  })
  const club = await prisma.room.create({
    data: {
      name: "Bob's club",
      slug: 'bobs-club',
      ownerId: bob.id,
      mode: 'PRIVATE',
      categoryId: categories.get('talk'),
    },
  })
  await prisma.roomMember.create({ data: { roomId: club.id, userId: alice.id, role: 'ADMIN' } })
  await prisma.room.create({
    data: {
      name: 'Password room',
      slug: 'password-room',
      ownerId: bob.id,
      categoryId: categories.get('games'),
      // the demo room's password is room-demo-1 (README)
      passwordHash: await hashPassword('room-demo-1'),
    },
  })
}
