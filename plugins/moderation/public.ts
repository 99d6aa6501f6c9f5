/**
 * What moderation offers the plugins that cooperate with it. Other plugins import this file only — never
 * moderation's others.
 */

/**
 * The least citizen weight a user votes with, when a plugin raises it (a bought bonus …); null: no opinion. A user
 * whose citizenship was taken away (citizen 0) stays without a vote whatever a provider says.
 */
export type CitizenWeightProvider = (userId: number) => Promise<number | null>

export interface ModerationApi {
  /** adds a source of raised citizen weights (the largest answer wins); returns what removes it again */
  addCitizenWeightProvider(provider: CitizenWeightProvider): () => void
}

declare module '../../src/plugin-system/apis.js' {
  interface PluginApis {
    moderation: ModerationApi
  }
}
