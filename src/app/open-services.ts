import type { Config } from '../config.js'
import type { Logger } from '../log.js'
import { openDatabase, type Database } from '../db/index.js'
import { poolStats } from '../db/client.js'
import type { Embedded } from '../db/embedded.js'
import { createRedisHealth, type RedisHealth } from '../redis-health.js'
import { createMetrics } from '../http/metrics.js'
import { createAppPubSub } from '../pubsub/index.js'
import { createRateLimits } from '../http/rate-limit.js'
import { createNotifier } from '../auth/notifier.js'
import { createCaptchaVerifier } from '../auth/captcha.js'
import type { Services } from '../services.js'
import { unstartedSwitch } from '../plugin-system/switch.js'

/**
 * Opens the long-lived parts every request shares: the database (migrations applied), pub/sub, rate limits, metrics,
 * the notifier and the captcha check. `topics` are the only pub/sub topics the app may use.
 */
export async function openServices(
  config: Config,
  log: Logger,
  topics: ReadonlySet<string>,
  /** the embedded database, already starting */
  embedded?: Promise<Embedded>,
): Promise<{ services: Services; database: Database; redisHealth: RedisHealth }> {
  const database = await openDatabase(config, log, embedded)
  // one outage log and one readiness signal for every Redis connection
  const redisHealth = createRedisHealth(log)
  const metrics = createMetrics({
    token: config.metricsToken,
    redisHealth: config.redisUrl ? redisHealth : undefined,
    topics,
  })
  metrics.watchPool(() => poolStats(database.prisma))
  const pubsub = createAppPubSub({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    allowed: topics,
    log,
    health: redisHealth,
    outageQueue: config.pubsubOutageQueue,
    metrics,
  })
  metrics.watchOutageQueue(() => pubsub.waiting())
  const limits = createRateLimits({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    perMinute: config.rateLimitPerMinute,
    loginAttempts: config.loginAttemptsPerWindow,
    timeoutMs: config.redisTimeoutMs,
    log,
    health: redisHealth,
    onFallback: () => metrics.fallback('rate_limit'),
    refusals: (limiter) => metrics.rateLimitRefusals(limiter),
  })
  const services: Services = {
    config,
    prisma: database.prisma,
    pubsub,
    limits,
    metrics,
    log,
    notifier: createNotifier(config.notifyWebhookUrl, log),
    captcha: createCaptchaVerifier(config.captchaVerifyUrl, config.captchaSecret),
    plugins: unstartedSwitch,
  }
  return { services, database, redisHealth }
}
