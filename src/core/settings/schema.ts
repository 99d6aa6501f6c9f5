import type { Builder } from '../../schema/builder.js'
import { DEFAULT_SETTINGS, type Settings } from './settings.js'

const cap = (s: string) => s[0].toUpperCase() + s.slice(1)

/** GraphQL types mirror the documented settings object; built from the defaults so the two cannot drift. */
export function addSettingsTypes(builder: Builder) {
  const sections = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]
  const outputs = {} as Record<keyof Settings, any>
  const inputs = {} as Record<keyof Settings, any>
  for (const section of sections) {
    const defaults = DEFAULT_SETTINGS[section] as Record<string, unknown>
    outputs[section] = builder.objectRef<Record<string, unknown>>(`${cap(section)}Settings`).implement({
      fields: (t) =>
        Object.fromEntries(
          Object.entries(defaults).map(([k, v]) => [
            k,
            Array.isArray(v)
              ? t.stringList({ resolve: (p) => p[k] as string[] })
              : typeof v === 'boolean'
                ? t.boolean({ resolve: (p) => p[k] as boolean })
                : typeof v === 'number'
                  ? t.int({ resolve: (p) => p[k] as number })
                  : t.string({ resolve: (p) => p[k] as string }),
          ]),
        ),
    })
    inputs[section] = builder.inputType(`${cap(section)}SettingsInput`, {
      fields: (t) =>
        Object.fromEntries(
          Object.entries(defaults).map(([k, v]) => [
            k,
            Array.isArray(v) ? t.stringList({ required: false }) : typeof v === 'boolean' ? t.boolean({ required: false }) : typeof v === 'number' ? t.int({ required: false }) : t.string({ required: false }),
          ]),
        ),
    })
  }
  const Settings = builder.objectRef<Settings>('Settings').implement({
    description: 'Per-user site settings (peka2 /api/user/settings), with documented defaults',
    fields: (t) => Object.fromEntries(sections.map((s) => [s, t.field({ type: outputs[s], resolve: (p) => p[s] as never })])),
  })
  const SettingsInput = builder.inputType('SettingsInput', {
    description: 'A partial settings update: omitted fields keep their value',
    fields: (t) => Object.fromEntries(sections.map((s) => [s, t.field({ type: inputs[s], required: false })])),
  })
  return { Settings, SettingsInput }
}

/** The GraphQL selection of every settings field, for REST routes that return the whole object. */
export const SETTINGS_SELECTION = Object.entries(DEFAULT_SETTINGS)
  .map(([section, fields]) => `${section} { ${Object.keys(fields).join(' ')} }`)
  .join(' ')
