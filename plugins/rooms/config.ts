import { ConfigError, int, type Env } from '../../src/config.js'

export interface RoomsConfig {
  /** rooms one user may own (ROOMS_PER_USER; peka2: 3) */
  perUser: number
  /** longest playlist a room may set (ROOMS_PLAYLIST_MAX) */
  playlistMax: number
  /** the live streams periscopeRandom picks from (ROOMS_RANDOM_STREAMS, comma-separated https URLs): no outside calls */
  randomStreams: string[]
  /** emojis one room may have (ROOMS_EMOJI_MAX), when smiles is on */
  emojiMax: number
  /** stickers one room may have (ROOMS_STICKER_MAX), when smiles is on */
  stickerMax: number
}

function urls(env: Env, name: string): string[] {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return []
  const list = raw.split(',').map((s) => s.trim())
  for (const u of list) {
    if (!/^https:\/\/[^\s,]{1,500}$/.test(u)) throw new ConfigError(name, 'comma-separated https:// URLs', u)
  }
  return list
}

/** The rooms' settings, read only when the plugin is enabled. */
export const readRoomsConfig = (env: Env): RoomsConfig => ({
  perUser: int(env, 'ROOMS_PER_USER', 3, 1, 1000),
  playlistMax: int(env, 'ROOMS_PLAYLIST_MAX', 100, 1, 1000),
  randomStreams: urls(env, 'ROOMS_RANDOM_STREAMS'),
  emojiMax: int(env, 'ROOMS_EMOJI_MAX', 50, 0, 500),
  stickerMax: int(env, 'ROOMS_STICKER_MAX', 50, 0, 500),
})
