import type { Context } from '../../context.js'
import type { Services } from '../../services.js'
import { perApp } from '../../plugin-system/app-state.js'

/** The items among `ids` that are live now (a stream with an online player …). */
export type LiveItems = (ctx: Context, ids: number[]) => Promise<number[]>

const registry = perApp((): Map<string, LiveItems> => new Map())

/**
 * Which items of a followable kind are live: the plugin that knows (streams, for `stream`) registers it at start.
 * peka2 /api/subscribe/amount counts the followed items that are "active (online)"; a kind nobody registered has none.
 */
export function registerLiveItems(services: Services, content: string, live: LiveItems) {
  registry(services).set(content, live)
}

export const liveItemsOf = (services: Services, content: string): LiveItems | undefined =>
  registry(services).get(content)
