/**
 * What smiles offers the plugins that cooperate with it: rules of who may use which smile in chat and how many
 * smiles a message may hold, and scoped sets — another plugin's own smiles (a room's emojis and stickers) stored and
 * served as smiles are, recognised in chat only in the channels its scope resolver maps to that scope. Other plugins
 * import this file only — never smiles' others.
 */

/** Of these smile codes (lower case, each an existing smile) the ones this user may NOT use; [] lets all through. */
export type SmileUsageRule = (userId: number, codes: string[]) => Promise<string[]>

/** Smiles this user may write in one chat message, when a plugin grants more than SMILES_PER_MESSAGE; null: none. */
export type SmileAllowance = (userId: number) => Promise<number | null>

/** Maps a chat channel to the scoped set used there besides the site's ('room/5/12' → 'room/5'); null: none. */
export type ScopeResolver = (channel: string) => string | null

/** A smile of a scoped set, JSON-safe. */
export interface ScopedSmile {
  id: number
  scope: string
  /** chat writes it as :code:, matched without regard to case */
  code: string
  /** the full URL of the stored PNG (the clean copy, content-addressed, cached forever) */
  url: string
  width: number
  height: number
  sticker: boolean
  description: string | null
  createdById: number | null
  /** ISO 8601 */
  createdAt: string
}

export interface ScopedSmileInput {
  /** the set, e.g. 'room/<id>'; never '' (the site's set has its own rules) */
  scope: string
  /** 1–32 of A–Z a–z 0–9 _ - (INVALID_SMILE_CODE naming `code`); unique in the scope (SMILE_CODE_TAKEN naming `code`) */
  code: string
  /**
   * the uploaded file: a PNG of at most 256 KB (FILE_EMPTY, FILE_TOO_LARGE, INVALID_IMAGE) and 320×320 px
   * (INVALID_IMAGE_SIZE); JPEG, GIF and WebP are INVALID_FILE_TYPE — all naming `file`
   */
  bytes: Uint8Array
  sticker: boolean
  description: string | null
  createdById: number | null
  /** at most this many of its kind (stickers or not) in the scope, counted under a lock; more: SMILE_LIMIT_REACHED */
  max?: number
}

export interface SmilesApi {
  /** adds a rule every smile in a chat message passes; returns what removes it again */
  addUsageRule(rule: SmileUsageRule): () => void
  /** adds a source of larger per-message smile limits (the largest answer wins); returns its remover */
  addAllowance(allowance: SmileAllowance): () => void
  /** adds a scoped smile (validated and cleaned as smiles are); errors as ScopedSmileInput says */
  addScopedSmile(input: ScopedSmileInput): Promise<ScopedSmile>
  /** one scoped smile by id (any scope but the site's), or null */
  scopedSmile(id: number): Promise<ScopedSmile | null>
  /** removes one smile of the scope; false when the scope has none of that id */
  removeScopedSmile(scope: string, id: number): Promise<boolean>
  /** removes every smile of the scope (its owner is gone); returns how many */
  removeScope(scope: string): Promise<number>
  /** a scope's smiles (or only its stickers / only the rest), oldest first, at most SCOPED_LIST_MAX */
  scopedSmiles(scope: string, filter?: { sticker?: boolean }): Promise<ScopedSmile[]>
  /** adds a mapping of chat channels to scopes (chat then also recognises that scope's codes there); its remover */
  addScopeResolver(resolver: ScopeResolver): () => void
}

/** The most smiles scopedSmiles returns. */
export const SCOPED_LIST_MAX = 500

declare module '../../src/plugin-system/apis.js' {
  interface PluginApis {
    smiles: SmilesApi
  }
}
