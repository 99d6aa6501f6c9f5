/**
 * What plugins offer each other, by plugin name: a plugin with an API declares it in its public.ts —
 *   declare module './apis.js' { interface PluginApis { things: ThingsApi } }
 * — and returns that value from its `start`. Another plugin gets it, typed, through the accessor its own `start` is
 * handed: `api(name)` for a plugin it requires, `optionalApi(name)` for one it cooperates with when that one is on.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, one entry a plugin
export interface PluginApis {}

export type ApiName = keyof PluginApis

/** The APIs the started plugins of one app returned, by plugin name. */
export class ApiRegistry {
  private readonly apis = new Map<string, unknown>()

  provide(plugin: string, api: unknown) {
    if (this.apis.has(plugin)) throw new Error(`plugin "${plugin}" offered its API twice`)
    this.apis.set(plugin, api)
  }

  /** forgets a plugin's API: it was switched off */
  remove(plugin: string) {
    this.apis.delete(plugin)
  }

  /** That plugin's API, or undefined when it is not enabled (or offers none). */
  find<N extends ApiName>(name: N): PluginApis[N] | undefined {
    // What is stored under a name is what that plugin's start returned, which definePlugin types as PluginApis[name].
    return this.apis.get(name) as PluginApis[N] | undefined
  }
}
