import { ConfigError, url, type Env } from '../../../config.js'
import { appState } from '../../../plugin-system/app-state.js'

/** An OAuth 2.0 provider people may sign in with (thirdparty.md: Twitch, VK, Google …): its endpoints and our client. */
export interface ThirdPartyProvider {
  name: string
  authorizeUrl: string
  tokenUrl: string
  userinfoUrl: string
  clientId: string
  clientSecret: string
}

export interface ThirdPartyConfig {
  providers: ReadonlyMap<string, ThirdPartyProvider>
}

/**
 * THIRDPARTY_PROVIDERS (a comma list of names, e.g. `twitch,vk`; unset: none) and, per name in upper case,
 * THIRDPARTY_<NAME>_AUTHORIZE_URL, _TOKEN_URL, _USERINFO_URL, _CLIENT_ID and _CLIENT_SECRET — all required.
 */
export function readThirdPartyConfig(env: Env): ThirdPartyConfig {
  const providers = new Map<string, ThirdPartyProvider>()
  const list = env.THIRDPARTY_PROVIDERS ?? ''
  for (const name of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!/^[a-z][a-z0-9]{0,31}$/.test(name))
      throw new ConfigError('THIRDPARTY_PROVIDERS', 'a comma list of lower-case names (letters, digits)', list)
    const key = (part: string) => `THIRDPARTY_${name.toUpperCase()}_${part}`
    const need = (part: string, value: string | undefined) => {
      if (!value) throw new ConfigError(key(part), `required for provider ${name}`, value ?? '')
      return value
    }
    const link = (part: string) => need(part, url(env, key(part), ['https:', 'http:']))
    providers.set(name, {
      name,
      authorizeUrl: link('AUTHORIZE_URL'),
      tokenUrl: link('TOKEN_URL'),
      userinfoUrl: link('USERINFO_URL'),
      clientId: need('CLIENT_ID', env[key('CLIENT_ID')]),
      clientSecret: need('CLIENT_SECRET', env[key('CLIENT_SECRET')]),
    })
  }
  return { providers }
}

export const thirdPartyState = appState<ThirdPartyConfig>('core.thirdparty')
