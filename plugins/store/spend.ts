import type { Context } from '../../src/context.js'
import { AppError } from '../../src/errors.js'
import { announceEntry } from './events.js'
import { CURRENCY_NAME, payout, REVENUE, transfer, wallet } from './ledger/accounts.js'
import { runLocked } from './ledger/idempotency.js'
import { postEntry } from './ledger/post.js'
import type { SpendInput, SpendResult } from './public.js'

/**
 * Another plugin's sale (a paid poll vote): one journal entry from the payer's wallet to the payee's payout account
 * (the store's revenue without one), in one transaction with the payer locked and the caller's own writes. Short of
 * money: INSUFFICIENT_FUNDS, and neither the entry nor the caller's rows are written. Wallets are announced after
 * the commit.
 */
export async function spend<T>(ctx: Context, input: SpendInput<T>): Promise<SpendResult<T>> {
  const { userId, amount, currency } = input
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`a price must be a positive integer, got ${amount}`)
  const { value, entry } = await runLocked(ctx, [userId], async (tx) => {
    const posted = await postEntry(tx, {
      kind: 'SPEND',
      userId,
      reason: input.reason,
      legs: transfer(wallet(userId), input.payeeId === null ? REVENUE : payout(input.payeeId), currency, amount),
    }).catch((e: unknown) => {
      // the ledger's refusal names no price: say what was asked
      if (e instanceof AppError && e.code === 'INSUFFICIENT_FUNDS')
        throw new AppError('INSUFFICIENT_FUNDS', `Not enough ${CURRENCY_NAME[currency]}: this costs ${amount}`, {
          currency,
          price: amount,
        })
      throw e
    })
    return { value: await input.alsoWrite(tx, posted.id), entry: posted }
  })
  await announceEntry(ctx, entry)
  return { value, entryId: entry.id }
}
