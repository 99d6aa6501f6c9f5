import type { Prisma } from '../../generated/prisma/client.js'

/**
 * A user's settings (peka2 /api/user/settings) are sections of documented fields. The core declares its own section;
 * a plugin declares the sections of its domain (`definePlugin({ userSettings })`), so a disabled plugin's section is
 * neither shown nor accepted — and what a user stored in it is kept for when the plugin is on again.
 */
export type Setting = {
  /** what it changes, for the schema's description (bounds and default are added) */ description?: string
} & (
  | { type: 'boolean'; default: boolean }
  | { type: 'string'; default: string }
  | { type: 'string[]'; default: readonly string[] }
  | { type: 'int'; min: number; max: number; default: number }
  | { type: 'oneOf'; values: readonly string[]; default: string }
)

/** field name → setting, in the documented order */
export type SettingsSection = Readonly<Record<string, Setting>>

export type SettingValue = boolean | string | number | string[]

type ValueOf<S extends Setting> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'string[]' }
    ? string[]
    : S extends { type: 'int' }
      ? number
      : string

export type SectionValues<S extends SettingsSection> = { [K in keyof S]: ValueOf<S[K]> }

/** A section declared with its literal types kept, so readSection can type what it returns. */
export const defineSettingsSection = <const S extends SettingsSection>(section: S): S => section

export const isJsonObject = (v: Prisma.JsonValue | undefined): v is Prisma.JsonObject =>
  !!v && typeof v === 'object' && !Array.isArray(v)

/** Does `v` fit the setting (type and bounds)? */
export function fits(setting: Setting, v: unknown): v is SettingValue {
  switch (setting.type) {
    case 'boolean':
      return typeof v === 'boolean'
    case 'string':
      return typeof v === 'string' && v.length <= 64
    case 'string[]':
      return Array.isArray(v) && v.length <= 100 && v.every((x) => typeof x === 'string' && x.length <= 64)
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= setting.min && v <= setting.max
    case 'oneOf':
      return typeof v === 'string' && setting.values.includes(v)
  }
}

/**
 * A section's values in a stored settings object, the documented defaults filling what is missing (or no longer
 * fits).
 */
export function sectionValues(
  section: SettingsSection,
  stored: Prisma.JsonValue | undefined,
): Record<string, SettingValue> {
  const values: Record<string, SettingValue> = {}
  for (const [key, setting] of Object.entries(section)) {
    const v = isJsonObject(stored) ? stored[key] : undefined
    values[key] = fits(setting, v) ? v : setting.type === 'string[]' ? [...setting.default] : setting.default
  }
  return values
}

/** The same, typed, for the plugin that owns the section (reading one user's value of one of its settings). */
export function readSection<S extends SettingsSection>(
  section: S,
  name: string,
  settings: Prisma.JsonValue,
): SectionValues<S> {
  // sectionValues gives every field of the section a value of its declared type
  return sectionValues(section, isJsonObject(settings) ? settings[name] : undefined) as SectionValues<S>
}
