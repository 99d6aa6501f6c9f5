/**
 * What smiles offers the plugins that cooperate with it: rules of who may use which smile in chat and how many
 * smiles a message may hold. Other plugins import this file only — never smiles' others.
 */

/** Of these smile codes (lower case, each an existing smile) the ones this user may NOT use; [] lets all through. */
export type SmileUsageRule = (userId: number, codes: string[]) => Promise<string[]>

/** Smiles this user may write in one chat message, when a plugin grants more than SMILES_PER_MESSAGE; null: none. */
export type SmileAllowance = (userId: number) => Promise<number | null>

export interface SmilesApi {
  /** adds a rule every smile in a chat message passes; returns what removes it again */
  addUsageRule(rule: SmileUsageRule): () => void
  /** adds a source of larger per-message smile limits (the largest answer wins); returns its remover */
  addAllowance(allowance: SmileAllowance): () => void
}

declare module '../../src/plugin-system/apis.js' {
  interface PluginApis {
    smiles: SmilesApi
  }
}
