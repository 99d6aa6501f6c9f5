/** One plugin as operators see it (GraphQL `PluginState`). */
export interface PluginStateView {
  name: string
  enabled: boolean
  requires: readonly string[]
  /** enabled plugins that require it, directly or through others */
  requiredBy: readonly string[]
  /** null: the start-up default (PLUGINS) */
  changedAt: Date | null
  changedBy: string | null
}

/**
 * Switching plugins on and off while the app runs (src/app/live-plugins.ts), as the operators' GraphQL fields and the
 * CLI use it. The choice is stored, so every instance (and the next start) follows it.
 */
export interface PluginSwitch {
  /** every available plugin (the core is not one: it is always on), in name order */
  states(): Promise<PluginStateView[]>
  /** stores the choice, applies it on this instance and tells the others; refused with the requirement chain named */
  set(name: string, enabled: boolean, by: string): Promise<PluginStateView[]>
  /** the enabled plugins of this instance, in start order */
  enabledNames(): string[]
  /** reads the stored choices and applies them here (resolves once they serve new requests) */
  sync(): Promise<void>
}

/** The switch before the app has made its own (services exist first): any use is a programming error. */
export const unstartedSwitch: PluginSwitch = {
  states: () => Promise.reject(new Error('plugin switch used before the app started')),
  set: () => Promise.reject(new Error('plugin switch used before the app started')),
  enabledNames: () => [],
  sync: () => Promise.resolve(),
}
