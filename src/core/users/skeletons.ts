import type { Db } from '../../db/client.js'
import type { Logger } from '../../log.js'
import { nameSkeletons } from './validation.js'
import { isUniqueViolation } from '../../db/errors.js'

/**
 * Fills the look-alike keys of users created before those columns existed (SQL cannot compute TR39 skeletons, so the
 * migration adds the columns and start-up fills them, once, in batches). Two old names that already look alike keep
 * the second one's key empty: both accounts stay, and new names are still checked against the first.
 */
export async function backfillNameSkeletons(prisma: Db, log: Logger): Promise<number> {
  let last = 0
  let filled = 0
  for (;;) {
    const rows = await prisma.user.findMany({
      where: { id: { gt: last }, OR: [{ nameSkeleton: null }, { nameSkeletonFolded: null }] },
      select: { id: true, name: true, nameSkeleton: true, nameSkeletonFolded: true },
      orderBy: { id: 'asc' },
      take: 500,
    })
    if (!rows.length) break
    for (const row of rows) {
      const keys = nameSkeletons(row.name)
      for (const [column, value] of Object.entries(keys) as [keyof typeof keys, string][]) {
        if (row[column] !== null) continue
        try {
          await prisma.user.update({ where: { id: row.id }, data: { [column]: value } })
          filled++
        } catch (e) {
          if (!isUniqueViolation(e)) throw e
          log.warn('user name looks like an older one: its look-alike key stays empty', { userId: row.id, column })
        }
      }
    }
    last = rows[rows.length - 1].id
  }
  if (filled) log.info('look-alike keys of user names filled', { filled })
  return filled
}
