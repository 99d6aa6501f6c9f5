import { ConfigError, int, type Env } from '../../src/config.js'

export interface StoreConfig {
  /** monthly price of a subscription to a streamer without a price of their own (STORE_SUBSCRIPTION_PRICE) */
  subscriptionPrice: number
  /** percent of a subscription's price posted to the streamer's payout account (STORE_STREAMER_SHARE_PERCENT) */
  streamerSharePercent: number
  /** pekoins one free-coins claim gives (STORE_FREE_COINS) */
  freeCoins: number
  /** how often expired purchases and subscriptions are announced (STORE_SWEEP_SECONDS); expiry itself needs no timer */
  sweepSeconds: number
  /** HMAC-SHA256 key of the GraphQL top-up for trusted back-ends (STORE_TOPUP_SECRET); unset: top-ups refused */
  topUpSecret: string | undefined
  /** JustChat's legacy MD5 top-up secret (STORE_LEGACY_TOPUP_SECRET); unset: /user/updateBalance refused */
  legacyTopUpSecret: string | undefined
}

/**
 * A secret setting: unset → undefined; else at least `min` printable characters without spaces. A refused value is
 * shown only when it is too short to be anyone's secret (a long one may be a real secret with a typo).
 */
function secret(env: Env, name: string, min: number): string | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  if (raw.length < min || !/^[\x21-\x7e]+$/.test(raw))
    throw new ConfigError(
      name,
      `at least ${min} printable characters without spaces`,
      raw.length < 12 ? raw : '<hidden>',
    )
  return raw
}

/** The store's settings, read only when it is enabled. */
export const readStoreConfig = (env: Env): StoreConfig => ({
  subscriptionPrice: int(env, 'STORE_SUBSCRIPTION_PRICE', 100, 1, 1_000_000),
  streamerSharePercent: int(env, 'STORE_STREAMER_SHARE_PERCENT', 50, 0, 100),
  freeCoins: int(env, 'STORE_FREE_COINS', 10, 1, 1_000_000),
  sweepSeconds: int(env, 'STORE_SWEEP_SECONDS', 30, 1, 3600),
  topUpSecret: secret(env, 'STORE_TOPUP_SECRET', 32),
  legacyTopUpSecret: secret(env, 'STORE_LEGACY_TOPUP_SECRET', 16),
})
