import type { PluginSeedContext } from '../../src/plugin-system/contract.js'
import { refreshStream } from './live.js'
import { ROOT_SLUG } from './categories.js'

/** The root category every tree starts from (peka2: slug `top`); made at start-up when missing. */
export async function ensureRoot(prisma: PluginSeedContext['prisma']) {
  // ON CONFLICT DO NOTHING: instances starting together on a new database both ask
  await prisma.streamCategory.createMany({ data: [{ slug: ROOT_SLUG, name: 'Все стримы' }], skipDuplicates: true })
}

/**
 * Demo content on an empty database (README): categories under the root, and the streams of alice and bob with
 * players — alice's live on two services, bob's offline — so /api/content and /api/stream answer something.
 */
export async function seedStreams({ prisma }: PluginSeedContext) {
  if ((await prisma.liveStream.count()) > 0) return
  const [alice, bob] = await Promise.all(
    ['alice', 'bob'].map((name) => prisma.user.findFirst({ where: { nameLower: name }, select: { id: true } })),
  )
  if (!alice || !bob) return
  await ensureRoot(prisma)
  const root = await prisma.streamCategory.findUniqueOrThrow({ where: { slug: ROOT_SLUG } })
  const games = await prisma.streamCategory.create({ data: { slug: 'games', name: 'Игры', parentId: root.id } })
  await prisma.streamCategory.create({ data: { slug: 'strategy', name: 'Стратегии', parentId: games.id } })
  const talk = await prisma.streamCategory.create({
    data: { slug: 'talk', name: 'Общение', parentId: root.id, position: 1 },
  })
  const now = new Date()
  await prisma.liveStream.create({
    data: {
      id: alice.id,
      name: 'Alice plays StarCraft',
      description: 'Ladder games every evening',
      categoryId: games.id,
      players: {
        create: [
          { provider: 'peka2.tv', channel: 'alice', online: true, viewers: 120, title: 'Ladder', onlineSince: now },
          { provider: 'twitch.tv', channel: 'alice_sc', online: true, viewers: 30, onlineSince: now, position: 1 },
        ],
      },
    },
  })
  await prisma.liveStream.create({
    data: {
      id: bob.id,
      name: 'Bob talks',
      categoryId: talk.id,
      players: { create: [{ provider: 'youtube.com', channel: 'bobLive01' }] },
    },
  })
  for (const id of [alice.id, bob.id]) await refreshStream(prisma, id)
}
