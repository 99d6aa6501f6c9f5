import type { Context } from '../../../src/context.js'
import type { Limiter } from '../../../src/http/rate-limit.js'
import { AppError } from '../../../src/errors.js'
import { perApp } from '../../../src/plugin-system/app-state.js'

/** messenger-api.md: "Максимальное количество друзей: 1000". */
export const MAX_FRIENDS = 1000
/** Outgoing requests one user may have waiting for an answer; also the longest pending list answered. */
export const MAX_PENDING = 100
/** Friend requests one user may send in REQUEST_WINDOW_SECONDS (spam control; the spec names no number). */
export const REQUESTS_PER_WINDOW = 20
export const REQUEST_WINDOW_SECONDS = 600

const requestLimiter = perApp((services): Limiter =>
  services.limits.make('dms-friend-requests', REQUESTS_PER_WINDOW, REQUEST_WINDOW_SECONDS),
)

/** Spends one of the user's requests: TOO_MANY_FRIEND_REQUESTS, with retryAfter, when the window's budget is gone. */
export async function spendRequest(ctx: Context, userId: number) {
  try {
    await requestLimiter(ctx.services).consume(String(userId))
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'RATE_LIMIT_EXCEEDED') throw e
    const retryAfter = e.retryAfter ?? REQUEST_WINDOW_SECONDS
    throw new AppError(
      'TOO_MANY_FRIEND_REQUESTS',
      `At most ${REQUESTS_PER_WINDOW} friend requests in ${REQUEST_WINDOW_SECONDS / 60} minutes: retry in ${retryAfter} s`,
      { retryAfter },
    )
  }
}
