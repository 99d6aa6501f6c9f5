import type { DbLike } from '../../../src/db/client.js'

/** Are `a` and `b` friends (an accepted request; stored once per side)? */
export async function areFriends(db: DbLike, a: number, b: number): Promise<boolean> {
  return !!(await db.friendship.findUnique({
    where: { userId_friendId: { userId: a, friendId: b } },
    select: { userId: true },
  }))
}
