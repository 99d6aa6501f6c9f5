import { invalid } from '../../errors.js'

/** The documented settings object of /api/user/settings with its defaults. */
export const DEFAULT_SETTINGS = {
  stream: { autostart: true, player: '', skipmain: false, videopreview: true },
  chat: {
    smiles: true,
    images: false,
    fontsize: 12,
    namecolor: 0,
    mychannels: [] as string[],
    theme: 'sc2tv',
    disablenamecolor: false,
    thirdparty: true,
    favoritesmiles: [] as string[],
    thirdpartydontmask: false,
    imagesgif: true,
    submode: 'none',
    totalignore: false,
    thirdpartysmiles: true,
    displayannounce: true,
    forcewss: false,
    smilesgif: true,
  },
}

export type Settings = typeof DEFAULT_SETTINGS

type Rule = 'boolean' | 'string' | 'string[]' | { int: [number, number] } | { oneOf: string[] }

const RULES: { [S in keyof Settings]: { [K in keyof Settings[S]]: Rule } } = {
  stream: { autostart: 'boolean', player: 'string', skipmain: 'boolean', videopreview: 'boolean' },
  chat: {
    smiles: 'boolean',
    images: 'boolean',
    fontsize: { int: [8, 32] },
    namecolor: { int: [0, 255] },
    mychannels: 'string[]',
    theme: 'string',
    disablenamecolor: 'boolean',
    thirdparty: 'boolean',
    favoritesmiles: 'string[]',
    thirdpartydontmask: 'boolean',
    imagesgif: 'boolean',
    submode: { oneOf: ['none', 'level'] },
    totalignore: 'boolean',
    thirdpartysmiles: 'boolean',
    displayannounce: 'boolean',
    forcewss: 'boolean',
    smilesgif: 'boolean',
  },
}

function check(path: string, rule: Rule, v: unknown) {
  const ok =
    rule === 'boolean' ? typeof v === 'boolean'
    : rule === 'string' ? typeof v === 'string' && v.length <= 64
    : rule === 'string[]' ? Array.isArray(v) && v.length <= 100 && v.every((x) => typeof x === 'string' && x.length <= 64)
    : 'int' in rule ? Number.isInteger(v) && (v as number) >= rule.int[0] && (v as number) <= rule.int[1]
    : typeof v === 'string' && rule.oneOf.includes(v)
  if (!ok) {
    const want = typeof rule === 'string' ? rule : 'int' in rule ? `an integer from ${rule.int[0]} to ${rule.int[1]}` : `one of ${rule.oneOf.join(', ')}`
    throw invalid(`settings.${path}`, `must be ${want}`)
  }
}

/** Validates a partial update against the documented fields; unknown fields and wrong types are refused. */
export function mergeSettings(current: unknown, patch: unknown): Settings {
  const base = withDefaults(current)
  if (patch === undefined || patch === null) return base
  if (typeof patch !== 'object' || Array.isArray(patch)) throw invalid('settings', 'must be an object')
  for (const [section, values] of Object.entries(patch)) {
    if (!(section in RULES)) throw invalid(`settings.${section}`, 'is not a known settings section (stream, chat)')
    if (values === null || typeof values !== 'object' || Array.isArray(values)) throw invalid(`settings.${section}`, 'must be an object')
    const rules = RULES[section as keyof Settings] as Record<string, Rule>
    for (const [key, v] of Object.entries(values)) {
      if (!(key in rules)) throw invalid(`settings.${section}.${key}`, 'is not a known setting')
      check(`${section}.${key}`, rules[key], v)
      ;(base[section as keyof Settings] as Record<string, unknown>)[key] = v
    }
  }
  return base
}

export function withDefaults(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Settings>
  return {
    stream: { ...DEFAULT_SETTINGS.stream, ...(s.stream ?? {}) },
    chat: { ...DEFAULT_SETTINGS.chat, ...(s.chat ?? {}) },
  }
}
