import type { PluginSeedContext } from '../../src/plugin-system/contract.js'
import { ADJUSTMENT, TOPUP, transfer, wallet } from './ledger/accounts.js'
import { lockUsers } from './ledger/locks.js'
import { postEntry } from './ledger/post.js'

/** A small catalogue (one bonus of each type, a linked pair), three gifts, and money for the demo users. */
export async function seedStore({ prisma }: PluginSeedContext) {
  if ((await prisma.storeBonus.count()) > 0) return
  const day = 24 * 60 * 60
  await prisma.storeBonus.createMany({
    data: [
      {
        type: 'NICK_COLOR',
        config: { color: '#e040fb' },
        duration: 30 * day,
        name: 'Purple nick',
        pricePekoins: 50,
        pricePoints: 500,
        category: 1,
        position: 0,
      },
      {
        type: 'NICK_COLOR',
        config: { color: '#ffab00' },
        duration: 30 * day,
        name: 'Golden nick',
        pricePekoins: 100,
        category: 1,
        position: 1,
        linked: true,
      },
      {
        type: 'SMILES',
        config: { smiles: ['peka'] },
        duration: 0,
        name: 'The peka smile',
        pricePekoins: 30,
        pricePoints: 300,
        category: 2,
        position: 0,
      },
      {
        type: 'SMILES_PER_MESSAGE',
        config: { amount: 20 },
        duration: 30 * day,
        name: '20 smiles a message',
        pricePoints: 200,
        category: 2,
        position: 1,
      },
      {
        type: 'CITIZEN_MIN_LEVEL',
        config: { level: 4 },
        duration: 7 * day,
        name: 'Citizen 4 for a week',
        pricePekoins: 70,
        category: 3,
        position: 0,
      },
    ],
  })
  await prisma.storeGift.createMany({
    data: [
      { name: 'Rose', image: '/uploads/gifts/rose.png', price: 5 },
      { name: 'Cake', image: '/uploads/gifts/cake.png', price: 20 },
      { name: 'Star', image: '/uploads/gifts/star.png', price: 100 },
    ],
  })
  const demo = await prisma.user.findMany({ where: { nameLower: { in: ['alice', 'bob'] } }, select: { id: true } })
  for (const { id } of demo) {
    await prisma.$transaction(async (tx) => {
      await lockUsers(tx, [id])
      await postEntry(tx, { kind: 'TOPUP', userId: id, legs: transfer(TOPUP, wallet(id), 'PEKOINS', 200) })
      await postEntry(tx, {
        kind: 'ADJUSTMENT',
        userId: id,
        reason: 'demo data',
        legs: transfer(ADJUSTMENT, wallet(id), 'POINTS', 1000),
      })
    })
  }
}
