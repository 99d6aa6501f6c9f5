import { int, type Env } from '../../src/config.js'

export interface ModerationConfig {
  /** summed citizen weight of open votes for one user and reason that bans (BAN_VOTE_THRESHOLD) */
  banVoteThreshold: number
}

/** Moderation's settings, read only when it is enabled. */
export const readModerationConfig = (env: Env): ModerationConfig => ({
  banVoteThreshold: int(env, 'BAN_VOTE_THRESHOLD', 10, 1, 100_000),
})
