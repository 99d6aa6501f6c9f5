import { int, type Env } from '../../src/config.js'

export interface PollsConfig {
  /** pekoins one paid vote costs in a donate poll (POLLS_VOTE_PRICE) */
  votePrice: number
  /** how many live updates a poll sends per second at most, per instance, under a vote storm (POLLS_UPDATES_PER_SECOND) */
  updatesPerSecond: number
  /** a message poll's life when its author gives none, in hours (POLLS_DEFAULT_HOURS) */
  defaultHours: number
  /** how many logged-in watchers of a channel get peka2's poll/update notification at most (POLLS_NOTIFY_MAX) */
  notifyMax: number
}

/** The polls' settings, read only when the plugin is enabled. */
export const readPollsConfig = (env: Env): PollsConfig => ({
  votePrice: int(env, 'POLLS_VOTE_PRICE', 10, 1, 1_000_000),
  updatesPerSecond: int(env, 'POLLS_UPDATES_PER_SECOND', 4, 1, 50),
  defaultHours: int(env, 'POLLS_DEFAULT_HOURS', 24, 1, 168),
  notifyMax: int(env, 'POLLS_NOTIFY_MAX', 1000, 0, 100_000),
})
