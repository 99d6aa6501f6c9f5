import type { Builder } from '../../schema/builder.js'
import type { Setting } from './sections.js'
import type { SettingsObject, SettingsSections } from './settings.js'

const cap = (s: string) => s[0].toUpperCase() + s.slice(1)

/** A setting's description with the bounds and default the server enforces, so the schema says what is accepted. */
export function settingDescription(s: Setting): string {
  const what = s.description ?? ''
  const bounds =
    s.type === 'int'
      ? `An integer from ${s.min} to ${s.max}`
      : s.type === 'oneOf'
        ? `One of ${s.values.map((v) => `"${v}"`).join(', ')}`
        : s.type === 'string'
          ? 'At most 64 characters'
          : s.type === 'string[]'
            ? 'At most 100 strings of at most 64 characters'
            : ''
  const fallback = Array.isArray(s.default)
    ? s.default.length
      ? JSON.stringify(s.default)
      : 'empty'
    : JSON.stringify(s.default)
  return [what, bounds, `default ${fallback}`].filter(Boolean).join('. ').replace(/\.\. /g, '. ') + '.'
}

function sectionOutput(builder: Builder, name: string, fields: [string, Setting][]) {
  return builder.objectRef<Record<string, unknown>>(`${cap(name)}Settings`).implement({
    description: `The viewer's \`${name}\` settings section; defaults fill what was never set`,
    fields: (t) =>
      Object.fromEntries(
        fields.map(([k, s]) => [
          k,
          s.type === 'string[]'
            ? t.stringList({ description: settingDescription(s), resolve: (p) => p[k] as string[] })
            : s.type === 'boolean'
              ? t.boolean({ description: settingDescription(s), resolve: (p) => p[k] as boolean })
              : s.type === 'int'
                ? t.int({ description: settingDescription(s), resolve: (p) => p[k] as number })
                : t.string({ description: settingDescription(s), resolve: (p) => p[k] as string }),
        ]),
      ),
  })
}

function sectionInput(builder: Builder, name: string, fields: [string, Setting][]) {
  return builder.inputType(`${cap(name)}SettingsInput`, {
    description: `A partial update of the \`${name}\` section: omitted fields keep their value`,
    fields: (t) =>
      Object.fromEntries(
        fields.map(([k, s]) => [
          k,
          s.type === 'string[]'
            ? t.stringList({ required: false, description: settingDescription(s) })
            : s.type === 'boolean'
              ? t.boolean({ required: false, description: settingDescription(s) })
              : s.type === 'int'
                ? t.int({ required: false, description: settingDescription(s) })
                : t.string({ required: false, description: settingDescription(s) }),
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
    fields: (t) =>
      Object.fromEntries(
        [...outputs].map(([s, type]) => [
          s,
          t.field({ type, description: `The \`${s}\` section`, resolve: (p) => p[s] }),
        ]),
      ),
  })
  const SettingsInput = builder.inputType('SettingsInput', {
    description: 'A partial settings update: omitted fields keep their value',
    fields: (t) =>
      Object.fromEntries(
        [...inputs].map(([s, type]) => [
          s,
          t.field({ type, required: false, description: `Changes to the \`${s}\` section` }),
        ]),
      ),
  })
  return { Settings, SettingsInput }
}

/** The GraphQL selection of every settings field, for REST routes that return the whole object. */
export const settingsSelection = (sections: SettingsSections) =>
  [...sections].map(([name, fields]) => `${name} { ${Object.keys(fields).join(' ')} }`).join(' ')
