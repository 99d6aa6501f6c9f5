import type { Config } from '../config.js'
import type { Logger } from '../log.js'
import { startEmbedded, type Embedded } from './embedded.js'

/**
 * The embedded database of DATA_DIR (or in memory): its thread started, serving on its socket. A file of its own, so
 * that `npm start` can start it before the rest of the app (the Prisma client …) has loaded.
 */
export function startEmbeddedFor(config: Config, log: Logger): Promise<Embedded> {
  return startEmbedded({
    dataDir: config.dataDir === ':memory:' ? undefined : config.dataDir,
    templateFile: config.embeddedTemplate,
    // its socket is gone: every query and /readyz fail from here on
    onCrash: (e) => log.error('embedded database stopped', { error: e.message }),
  })
}
