import type { Prisma } from '../../src/generated/prisma/client.js'
import { defineSettingsSection, readSection } from '../../src/core/settings/sections.js'

/** Who may start or continue a conversation with a user: their `messages.allowFrom` setting. */
export const DM_SETTINGS = defineSettingsSection({
  allowFrom: {
    type: 'oneOf',
    values: ['everyone', 'friends', 'nobody'],
    default: 'everyone',
    description:
      'Who may send the user direct messages: everyone, friends only, or nobody; a conversation the user started may always be answered',
  },
})

export const DM_SETTINGS_SECTION = 'messages'

export const dmSettings = (settings: Prisma.JsonValue) => readSection(DM_SETTINGS, DM_SETTINGS_SECTION, settings)
