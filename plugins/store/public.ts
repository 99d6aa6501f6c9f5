/**
 * What the store offers other plugins (registered as `store` in the plugin API map): taking a price from a user's
 * wallet for something another plugin sells (a paid poll vote). Other plugins import this file only.
 */
import type { Context } from '../../src/context.js'
import type { Prisma } from '../../src/generated/prisma/client.js'

export type StoreCurrencyName = 'PEKOINS' | 'POINTS'

export interface SpendInput<T> {
  /** who pays */
  userId: number
  /** a positive whole amount */
  amount: number
  currency: StoreCurrencyName
  /** whose payout account receives it (a streamer's); null: the store's revenue */
  payeeId: number | null
  /** shown in the ledger, e.g. "poll 12: vote for option 3" */
  reason: string
  /** the caller's own rows, written in the same transaction (rolled back with the payment); given the entry's id */
  alsoWrite(tx: Prisma.TransactionClient, entryId: number): Promise<T>
}

export interface SpendResult<T> {
  value: T
  /** the store's journal entry that moved the money */
  entryId: number
}

export interface StoreApi {
  /**
   * One ledger entry moving `amount` from the payer's wallet, together with the caller's writes: all or nothing.
   * Short of money: the store's INSUFFICIENT_FUNDS error, and nothing written.
   */
  spend<T>(ctx: Context, input: SpendInput<T>): Promise<SpendResult<T>>
}

declare module '../../src/plugin-system/apis.js' {
  interface PluginApis {
    store: StoreApi
  }
}
