import type { PluginSeedContext } from '../../src/plugin-system/contract.js'

/** A running poll on alice's stream channel and a finished one before it (README demo data), on an empty database. */
export async function seedPolls({ prisma }: PluginSeedContext) {
  if ((await prisma.poll.count()) > 0) return
  const alice = await prisma.user.findFirst({ where: { nameLower: 'alice' } })
  if (!alice) return
  const channel = `stream/${alice.id}`
  const day = 24 * 3600_000
  const now = Date.now()
  await prisma.poll.create({
    data: {
      channel,
      question: 'What do we play first?',
      startedById: alice.id,
      startedAt: new Date(now - 2 * day),
      endsAt: new Date(now - 2 * day + 600_000),
      options: {
        create: [
          { position: 1, text: 'Chess' },
          { position: 2, text: 'Go' },
        ],
      },
    },
  })
  await prisma.poll.create({
    data: {
      channel,
      question: 'Which game next?',
      donate: true,
      startedById: alice.id,
      endsAt: new Date(now + day),
      options: {
        create: [
          { position: 1, text: 'Tetris' },
          { position: 2, text: 'Doom' },
          { position: 3, text: 'Myst' },
        ],
      },
    },
  })
}
