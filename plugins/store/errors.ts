import { defineErrors } from '../../src/errors.js'

/**
 * The store's error codes (in the app's registry while it is enabled). Statuses follow JustChat where it documents
 * one: 402 for a gift its sender cannot pay, 403 for a top-up whose signature does not match, 400 for free coins
 * claimed too soon; peka2 answers every error as 500 {message}.
 */
export const STORE_ERRORS = defineErrors('store', {
  INSUFFICIENT_FUNDS: { status: 402, message: 'Not enough money on the account' },
  WALLET_LIMIT_EXCEEDED: { status: 409, message: 'A wallet holds at most 1,000,000,000 of a currency' },
  BONUS_NOT_FOUND: { status: 404, message: 'Bonus not found' },
  BONUS_NOT_FOR_SALE: { status: 409, message: 'This bonus is not sold for this currency' },
  BONUS_LOCKED: { status: 409, message: 'Buy the previous bonus of this category first' },
  BONUS_ALREADY_OWNED: { status: 409, message: 'You own this bonus already, without an end' },
  PURCHASE_NOT_FOUND: { status: 404, message: 'Purchase not found' },
  PURCHASE_NOT_REFUNDABLE: { status: 409, message: 'This purchase was not paid for or is refunded already' },
  SUBSCRIPTION_NOT_FOUND: { status: 404, message: 'Subscription not found' },
  SUBSCRIPTION_PERMANENT: { status: 409, message: 'This subscription has no end: there is nothing to extend' },
  NOT_A_STREAMER: { status: 404, message: 'This user is not a streamer who takes subscriptions' },
  GIFT_NOT_FOUND: { status: 404, message: 'Gift not found' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: 'This idempotency key was used for a different request: use a new key for a new request',
  },
  TOPUP_DISABLED: { status: 403, message: 'Top-ups are not configured on this server' },
  INVALID_SIGNATURE: { status: 403, message: 'The signature does not match the amount' },
  FREE_COINS_TOO_SOON: {
    status: 400,
    message: 'Free coins of this network were claimed less than 24 hours ago',
  },
})

type StoreErrors = typeof STORE_ERRORS

declare module '../../src/errors.js' {
  interface ErrorCodes extends StoreErrors {}
}
