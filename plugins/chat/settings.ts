import type { Prisma } from '../../src/generated/prisma/client.js'
import { defineSettingsSection, readSection } from '../../src/core/settings/sections.js'

/** Chat's section of a user's settings (peka2 /api/user/settings `chat`), with the documented defaults. */
export const CHAT_SETTINGS = defineSettingsSection({
  smiles: { type: 'boolean', default: true, description: 'Show smiles' },
  images: { type: 'boolean', default: false, description: 'Show thumbnails of images posted in chat' },
  fontsize: { type: 'int', min: 8, max: 32, default: 12, description: 'Chat font size' },
  namecolor: { type: 'int', min: 0, max: 255, default: 0, description: "Index of the user's nick colour" },
  mychannels: { type: 'string[]', default: [], description: 'Ids of the channels the user pinned' },
  theme: { type: 'string', default: 'sc2tv', description: 'Chat theme' },
  disablenamecolor: { type: 'boolean', default: false, description: 'Turn coloured nicks off' },
  thirdparty: { type: 'boolean', default: true, description: 'Show messages from Twitch and GoodGame' },
  favoritesmiles: { type: 'string[]', default: [], description: "Codes of the user's favourite smiles" },
  thirdpartydontmask: { type: 'boolean', default: false, description: 'Do not dim messages from other services' },
  imagesgif: { type: 'boolean', default: true, description: 'Show animated images' },
  submode: {
    type: 'oneOf',
    values: ['none', 'level'],
    default: 'none',
    description: "Sub mode of the chat of the user's own stream: none, or by level",
  },
  totalignore: { type: 'boolean', default: false, description: 'Total ignore mode' },
  thirdpartysmiles: { type: 'boolean', default: true, description: 'Show Twitch smiles' },
  displayannounce: { type: 'boolean', default: true, description: 'Show stream announcements' },
  forcewss: { type: 'boolean', default: false, description: 'Use a secure WebSocket (WSS) connection for chat' },
  smilesgif: { type: 'boolean', default: true, description: 'Show animated smiles' },
})

export const CHAT_SETTINGS_SECTION = 'chat'

/** A user's chat settings from their stored settings object. */
export const chatSettings = (settings: Prisma.JsonValue) => readSection(CHAT_SETTINGS, CHAT_SETTINGS_SECTION, settings)
