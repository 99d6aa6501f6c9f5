import type { UserObjectPart } from '../../../src/rest/route.js'
import { jcId } from '../../../src/rest/justchat.js'

/**
 * JustChat's user `gifts` (the received gifts' ids) and `balance` (pekoins): the User fields of schema/user-fields.ts,
 * so the same rules decide who sees them; another user's balance shows as the model's default, 0.
 */
export const justchatUserStore: UserObjectPart = {
  selection: 'pekoins receivedGiftIds',
  render: (u: { pekoins: number | null; receivedGiftIds: number[] }) => ({
    gifts: u.receivedGiftIds.map((id) => jcId(id)),
    balance: u.pekoins ?? 0,
  }),
}
