import { int, type Env } from '../../src/config.js'

export interface DmsConfig {
  /** seconds after sending during which the author may edit a direct message (DM_EDIT_WINDOW_SECONDS) */
  editWindowSeconds: number
  /** an account younger than this many days is "new" (DM_NEW_ACCOUNT_DAYS) */
  newAccountDays: number
  /** conversations a new account may start in 24 hours (DM_NEW_RECIPIENTS_PER_DAY) */
  newRecipientsPerDay: number
}

/** The direct messages' settings, read only when the plugin is enabled. */
export const readDmsConfig = (env: Env): DmsConfig => ({
  editWindowSeconds: int(env, 'DM_EDIT_WINDOW_SECONDS', 48 * 3600, 0, 365 * 24 * 3600),
  newAccountDays: int(env, 'DM_NEW_ACCOUNT_DAYS', 7, 0, 365),
  newRecipientsPerDay: int(env, 'DM_NEW_RECIPIENTS_PER_DAY', 10, 1, 10_000),
})
