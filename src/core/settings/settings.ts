import type { Prisma } from '../../generated/prisma/client.js'
import { invalid } from '../../errors.js'
import { fits, isJsonObject, sectionValues, type Setting, type SettingsSection, type SettingValue } from './sections.js'

/** The section of the core: a user's stream (player, autostart …). */
export const STREAM_SETTINGS: SettingsSection = {
  autostart: { type: 'boolean', default: true, description: "Start the stream's player on opening its page" },
  player: { type: 'string', default: '', description: 'Preferred player; empty prefers the twitch.tv player' },
  skipmain: {
    type: 'boolean',
    default: false,
    description: 'Skip the front page when the site is opened from a direct link',
  },
  videopreview: { type: 'boolean', default: true, description: 'Show a video preview of a stream on hover in lists' },
}

export type SettingsSections = ReadonlyMap<string, SettingsSection>

export type SettingsObject = Record<string, Record<string, SettingValue>>

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

function check(path: string, setting: Setting, v: unknown): SettingValue {
  if (fits(setting, v)) return v
  const want =
    setting.type === 'int'
      ? `an integer from ${setting.min} to ${setting.max}`
      : setting.type === 'oneOf'
        ? `one of ${setting.values.join(', ')}`
        : setting.type
  throw invalid(`settings.${path}`, `must be ${want}`)
}

/** The settings of the enabled sections, documented defaults filling what a user never set. */
export function withDefaults(sections: SettingsSections, stored: Prisma.JsonValue): SettingsObject {
  const out: SettingsObject = {}
  for (const [name, section] of sections)
    out[name] = sectionValues(section, isJsonObject(stored) ? stored[name] : undefined)
  return out
}

/**
 * Validates a partial update against the enabled sections' documented fields (unknown sections and fields, wrong types
 * are refused) and returns what to store: the update over the current values, sections of disabled plugins untouched.
 */
export function mergeSettings(
  sections: SettingsSections,
  current: Prisma.JsonValue,
  patch: unknown,
): { stored: Prisma.InputJsonObject; shown: SettingsObject } {
  const base = withDefaults(sections, current)
  const kept: Prisma.JsonObject = {}
  if (isJsonObject(current))
    for (const [name, values] of Object.entries(current)) if (!sections.has(name)) kept[name] = values
  if (patch === undefined || patch === null) return { stored: { ...kept, ...base }, shown: base }
  if (!isObject(patch)) throw invalid('settings', 'must be an object')
  for (const [name, values] of Object.entries(patch)) {
    const section = sections.get(name)
    if (!section)
      throw invalid(`settings.${name}`, `is not a known settings section (${[...sections.keys()].join(', ')})`)
    if (!isObject(values)) throw invalid(`settings.${name}`, 'must be an object')
    for (const [key, v] of Object.entries(values)) {
      if (!Object.hasOwn(section, key)) throw invalid(`settings.${name}.${key}`, 'is not a known setting')
      base[name][key] = check(`${name}.${key}`, section[key], v)
    }
  }
  return { stored: { ...kept, ...base }, shown: base }
}
