/** A plugin selection or wiring that cannot start: unknown names, missing requirements, cycles, an API not required. */
export class PluginError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PluginError'
  }
}
