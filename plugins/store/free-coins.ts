import type { Context } from '../../src/context.js'
import type { StoreNetwork } from '../../src/generated/prisma/client.js'
import { AppError } from '../../src/errors.js'
import { scopeOf, signedIn } from './access.js'
import { announceEntry } from './events.js'
import { FREE_COINS, transfer, wallet } from './ledger/accounts.js'
import { checkKey, idempotency, runMoney } from './ledger/idempotency.js'
import { postEntry } from './ledger/post.js'
import { storeConfig } from './state.js'
import { walletOf } from './wallet.js'
import type { WalletView } from './views.js'

/**
 * JustChat /user/free-coins: a user who published about the service on a network gets STORE_FREE_COINS pekoins, once
 * per 24 hours per network. The window is the database's clock, so every instance agrees; the claim and the coins
 * are one transaction.
 */
export async function claimFreeCoins(
  ctx: Context,
  input: { network: StoreNetwork; idempotencyKey?: string | null },
): Promise<WalletView> {
  const me = signedIn(ctx)
  const { network } = input
  const idem = idempotency(scopeOf(me), checkKey(input.idempotencyKey), 'claimFreeCoins', { network })
  const coins = storeConfig(ctx).freeCoins
  const out = await runMoney(ctx, [me.id], idem, async (tx) => {
    // one statement decides: a first claim inserts, a claim 24 h after the last one moves it, anything else changes nothing
    const claimed = await tx.$executeRaw`
      INSERT INTO "StoreFreeCoinClaim" ("userId", "network", "claimedAt")
      VALUES (${me.id}, ${network}::"StoreNetwork", now() AT TIME ZONE 'UTC')
      ON CONFLICT ("userId", "network") DO UPDATE SET "claimedAt" = EXCLUDED."claimedAt"
        WHERE "StoreFreeCoinClaim"."claimedAt" <= EXCLUDED."claimedAt" - interval '24 hours'`
    if (claimed === 0) {
      const [wait] = await tx.$queryRaw<{ seconds: number }[]>`
        SELECT CEIL(EXTRACT(EPOCH FROM ("claimedAt" + interval '24 hours' - now() AT TIME ZONE 'UTC')))::int AS seconds
        FROM "StoreFreeCoinClaim" WHERE "userId" = ${me.id} AND "network" = ${network}::"StoreNetwork"`
      throw new AppError('FREE_COINS_TOO_SOON', undefined, { field: 'type', retryAfter: Math.max(1, wait.seconds) })
    }
    return postEntry(tx, {
      kind: 'FREE_COINS',
      userId: me.id,
      idempotency: idem,
      result: { network },
      legs: transfer(FREE_COINS, wallet(me.id), 'PEKOINS', coins),
    })
  })
  if (out.fresh) await announceEntry(ctx, out.value)
  return walletOf(ctx.prisma, me.id)
}
