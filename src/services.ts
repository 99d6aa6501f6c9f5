import type { Config } from './config.js'
import type { Db } from './db/client.js'
import type { AppPubSub } from './pubsub/index.js'
import type { RateLimits } from './http/rate-limit.js'
import type { Metrics } from './http/metrics.js'
import type { Logger } from './log.js'
import type { Notifier } from './auth/notifier.js'
import type { CaptchaVerifier } from './auth/captcha.js'
import type { PluginSwitch } from './plugin-system/switch.js'

/**
 * Long-lived parts shared by every request; plugins reach them through ctx.services. What a plugin keeps for itself
 * (its limiters, caches, the APIs it was handed) is its own typed per-app state (src/plugin-system/app-state.ts).
 */
export interface Services {
  config: Config
  prisma: Db
  pubsub: AppPubSub
  limits: RateLimits
  /** Prometheus counters (GET /metrics); plugins count their Redis fallbacks here */
  metrics: Metrics
  log: Logger
  notifier: Notifier
  captcha: CaptchaVerifier
  /** plugins on and off at run time (the app sets it once its plugins are composed) */
  plugins: PluginSwitch
}
