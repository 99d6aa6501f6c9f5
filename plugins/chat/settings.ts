import type { Prisma } from '../../src/generated/prisma/client.js'
import { defineSettingsSection, readSection } from '../../src/core/settings/sections.js'

/** Chat's section of a user's settings (peka2 /api/user/settings `chat`), with the documented defaults. */
export const CHAT_SETTINGS = defineSettingsSection({
  smiles: { type: 'boolean', default: true },
  images: { type: 'boolean', default: false },
  fontsize: { type: 'int', min: 8, max: 32, default: 12 },
  namecolor: { type: 'int', min: 0, max: 255, default: 0 },
  mychannels: { type: 'string[]', default: [] },
  theme: { type: 'string', default: 'sc2tv' },
  disablenamecolor: { type: 'boolean', default: false },
  thirdparty: { type: 'boolean', default: true },
  favoritesmiles: { type: 'string[]', default: [] },
  thirdpartydontmask: { type: 'boolean', default: false },
  imagesgif: { type: 'boolean', default: true },
  submode: { type: 'oneOf', values: ['none', 'level'], default: 'none' },
  totalignore: { type: 'boolean', default: false },
  thirdpartysmiles: { type: 'boolean', default: true },
  displayannounce: { type: 'boolean', default: true },
  forcewss: { type: 'boolean', default: false },
  smilesgif: { type: 'boolean', default: true },
})

export const CHAT_SETTINGS_SECTION = 'chat'

/** A user's chat settings from their stored settings object. */
export const chatSettings = (settings: Prisma.JsonValue) => readSection(CHAT_SETTINGS, CHAT_SETTINGS_SECTION, settings)
