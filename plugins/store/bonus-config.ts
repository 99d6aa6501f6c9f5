import type { StoreBonusType } from '../../src/generated/prisma/client.js'
import { invalid } from '../../src/errors.js'

/** What each bonus type does (store.md "Типы бонусов и их параметры"), as its `config` object. */
export interface CitizenMinLevelConfig {
  /** the least citizen weight the owner votes with (moderation) */
  level: number
}
export interface NickColorConfig {
  /** '#rrggbb' */
  color: string
}
export interface SmilesConfig {
  /** smile codes the owner may use in chat */
  smiles: string[]
}
export interface SmilesPerMessageConfig {
  /** smiles the owner may write in one chat message */
  amount: number
}
export type BonusConfig = CitizenMinLevelConfig | NickColorConfig | SmilesConfig | SmilesPerMessageConfig

/** The input a client gives: the one field its type reads (peka2 sends the documented object). */
export interface BonusConfigInput {
  level?: number | null
  color?: string | null
  smiles?: readonly string[] | null
  amount?: number | null
}

/** peka2's names of the types. */
export const PEKA2_BONUS_TYPES: Record<StoreBonusType, string> = {
  CITIZEN_MIN_LEVEL: 'citizenMinLevel',
  NICK_COLOR: 'nickColor',
  SMILES: 'smiles',
  SMILES_PER_MESSAGE: 'smilesPerMessage',
}

export const BONUS_TYPE_OF_PEKA2 = new Map(
  Object.entries(PEKA2_BONUS_TYPES).map(([k, v]) => [v, k as StoreBonusType] as const),
)

export const LIMITS = {
  /** citizen weights run 0–100 (src/core/roles) */
  level: 100,
  amount: 100,
  smiles: 50,
} as const

/** Chat writes smiles as :code: — the smiles plugin's code rule. */
export const SMILE_CODE = /^[A-Za-z0-9_-]{1,32}$/

const intIn = (v: unknown, field: string, min: number, max: number): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw invalid(field, `must be an integer from ${min} to ${max}`)
  return v
}

/** '#abc' or '#aabbcc' (any case) → '#aabbcc'. */
function color(v: unknown, field: string): string {
  if (typeof v !== 'string' || !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v))
    throw invalid(field, 'must be a colour in #HEX form (#rgb or #rrggbb)')
  const hex = v.slice(1).toLowerCase()
  return `#${hex.length === 3 ? hex.replace(/./g, '$&$&') : hex}`
}

function smiles(v: unknown, field: string): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > LIMITS.smiles)
    throw invalid(field, `must list 1 to ${LIMITS.smiles} smile codes`)
  const seen = new Set<string>()
  return v.map((code: unknown, i) => {
    if (typeof code !== 'string' || !SMILE_CODE.test(code))
      throw invalid(`${field}[${i}]`, 'must be a smile code: 1–32 letters, digits, _ or -')
    if (seen.has(code.toLowerCase())) throw invalid(`${field}[${i}]`, `repeats the code "${code}"`)
    seen.add(code.toLowerCase())
    return code
  })
}

/** A bonus config as given → the type's documented object, or INVALID_INPUT naming the field (`config.color`). */
export function checkBonusConfig(type: StoreBonusType, input: BonusConfigInput, field = 'config'): BonusConfig {
  switch (type) {
    case 'CITIZEN_MIN_LEVEL':
      return { level: intIn(input.level, `${field}.level`, 1, LIMITS.level) }
    case 'NICK_COLOR':
      return { color: color(input.color, `${field}.color`) }
    case 'SMILES':
      return { smiles: smiles(input.smiles, `${field}.smiles`) }
    case 'SMILES_PER_MESSAGE':
      return { amount: intIn(input.amount, `${field}.amount`, 1, LIMITS.amount) }
  }
}

/** A stored config (written by checkBonusConfig) → its typed object. */
export function parseBonusConfig(type: StoreBonusType, json: unknown): BonusConfig {
  const o = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {}
  switch (type) {
    case 'CITIZEN_MIN_LEVEL':
      return { level: typeof o.level === 'number' ? o.level : 0 }
    case 'NICK_COLOR':
      return { color: typeof o.color === 'string' ? o.color : '#000000' }
    case 'SMILES':
      return { smiles: Array.isArray(o.smiles) ? o.smiles.filter((s): s is string => typeof s === 'string') : [] }
    case 'SMILES_PER_MESSAGE':
      return { amount: typeof o.amount === 'number' ? o.amount : 0 }
  }
}
