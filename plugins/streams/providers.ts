/**
 * The streaming services a stream's players live on (common.md, "Список возможных стрим сервисов"): the stored and
 * peka2 value, the GraphQL enum name, and how a channel's page and preview picture are addressed there.
 */
export const PROVIDERS = {
  PEKA2: { value: 'peka2.tv', url: (c: string) => `https://peka2.tv/${c}`, preview: () => '' },
  TWITCH: {
    value: 'twitch.tv',
    url: (c: string) => `https://www.twitch.tv/${c}`,
    preview: (c: string) => `https://static-cdn.jtvnw.net/previews-ttv/live_user_${c.toLowerCase()}-320x180.jpg`,
  },
  YOUTUBE: {
    value: 'youtube.com',
    url: (c: string) => `https://www.youtube.com/watch?v=${c}`,
    preview: (c: string) => `https://i.ytimg.com/vi/${c}/mqdefault.jpg`,
  },
  CYBERGAME: { value: 'cybergame.tv', url: (c: string) => `https://cybergame.tv/${c}`, preview: () => '' },
  GOODGAME: { value: 'goodgame.ru', url: (c: string) => `https://goodgame.ru/channel/${c}`, preview: () => '' },
} as const

export type ProviderName = keyof typeof PROVIDERS
export type ProviderValue = (typeof PROVIDERS)[ProviderName]['value']

const BY_VALUE = new Map<string, (typeof PROVIDERS)[ProviderName]>(Object.values(PROVIDERS).map((p) => [p.value, p]))

export const providerOf = (value: string) => BY_VALUE.get(value)

/** A channel name as services spell them: it goes into URLs, so nothing that could change their meaning. */
export const CHANNEL_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/
