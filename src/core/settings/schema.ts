import type { Builder } from '../../schema/builder.js'
import type { Setting } from './sections.js'
import type { SettingsObject, SettingsSections } from './settings.js'

const cap = (s: string) => s[0].toUpperCase() + s.slice(1)

function sectionOutput(builder: Builder, name: string, fields: [string, Setting][]) {
  return builder.objectRef<Record<string, unknown>>(`${cap(name)}Settings`).implement({
    fields: (t) =>
      Object.fromEntries(
        fields.map(([k, s]) => [
          k,
          s.type === 'string[]'
            ? t.stringList({ resolve: (p) => p[k] as string[] })
            : s.type === 'boolean'
              ? t.boolean({ resolve: (p) => p[k] as boolean })
              : s.type === 'int'
                ? t.int({ resolve: (p) => p[k] as number })
                : t.string({ resolve: (p) => p[k] as string }),
        ]),
      ),
  })
}

function sectionInput(builder: Builder, name: string, fields: [string, Setting][]) {
  return builder.inputType(`${cap(name)}SettingsInput`, {
    fields: (t) =>
      Object.fromEntries(
        fields.map(([k, s]) => [
          k,
          s.type === 'string[]'
            ? t.stringList({ required: false })
            : s.type === 'boolean'
              ? t.boolean({ required: false })
              : s.type === 'int'
                ? t.int({ required: false })
                : t.string({ required: false }),
        ]),
      ),
  })
}

/** GraphQL types mirror the enabled settings sections, built from their declarations so the two cannot drift. */
export function addSettingsTypes(builder: Builder, sections: SettingsSections) {
  const outputs = new Map<string, ReturnType<typeof sectionOutput>>()
  const inputs = new Map<string, ReturnType<typeof sectionInput>>()
  for (const [name, section] of sections) {
    outputs.set(name, sectionOutput(builder, name, Object.entries(section)))
    inputs.set(name, sectionInput(builder, name, Object.entries(section)))
  }
  const Settings = builder.objectRef<SettingsObject>('Settings').implement({
    description: 'Per-user site settings (peka2 /api/user/settings), with documented defaults',
    fields: (t) => Object.fromEntries([...outputs].map(([s, type]) => [s, t.field({ type, resolve: (p) => p[s] })])),
  })
  const SettingsInput = builder.inputType('SettingsInput', {
    description: 'A partial settings update: omitted fields keep their value',
    fields: (t) => Object.fromEntries([...inputs].map(([s, type]) => [s, t.field({ type, required: false })])),
  })
  return { Settings, SettingsInput }
}

/** The GraphQL selection of every settings field, for REST routes that return the whole object. */
export const settingsSelection = (sections: SettingsSections) =>
  [...sections].map(([name, fields]) => `${name} { ${Object.keys(fields).join(' ')} }`).join(' ')
