import { randomUUID } from 'node:crypto'
import type { ConfiguredPlugin, Plugin } from '../plugin-system/contract.js'
import type { ApiRegistry } from '../plugin-system/apis.js'
import type { PluginStateView, PluginSwitch } from '../plugin-system/switch.js'
import { resolvePlugins } from '../plugin-system/registry.js'
import type { Services } from '../services.js'
import { AppError } from '../errors.js'
import { stackOf } from '../log.js'
import { PLUGIN_SWITCH_KEY } from '../pubsub/topics.js'
import { composePlugins, type Composition } from './select-plugins.js'
import type { SchemaSwitch } from './schema-switch.js'
import { checkSwitch, dependentsOf } from './plugin-requirements.js'

/** What one set of enabled plugins serves, built once per set and kept (switching back costs nothing). */
export interface Generation<Extra> extends Composition {
  /** the enabled plugins' names (the core is not one), in start order */
  names: string[]
  /** what the app builds on top of a composition (its REST engine) */
  extra: Extra
  /** HTTP requests being answered with it: plugins switched off stop once these finish */
  active: number
}

export interface LivePluginsOptions<Extra> {
  available: readonly Plugin[]
  services: Services
  /** the start-up set, already composed and started */
  initial: Composition
  /** the plugins configured at start-up (the core's included), by name */
  configured: Map<string, ConfiguredPlugin>
  apis: ApiRegistry
  /** the pub/sub's allowed topics: kept to the enabled plugins' */
  topics: Set<string>
  schemas: SchemaSwitch
  build(composition: Composition): Extra
}

const DRAIN_MS = 5_000

/**
 * Plugins switched on and off while the app runs. The stored choices (PluginSetting rows) over PLUGINS make the set
 * every instance serves; a switch is stored, applied here, and announced on `core.plugins` so that the others read
 * and apply it too. Applying a set: plugins switched on start first; then the set's composition (schema, routes,
 * errors — built once per set) becomes current for new requests, live subscriptions it can no longer answer end with a
 * PLUGIN_DISABLED error, and once the requests of the previous set are done the plugins switched off stop.
 */
export class LivePlugins<Extra> implements PluginSwitch {
  readonly instanceId = randomUUID()
  private readonly byName: Map<string, Plugin>
  private readonly generations = new Map<string, Generation<Extra>>()
  private gen: Generation<Extra>
  /** switches apply one at a time, in the order they were asked for */
  private queue: Promise<unknown> = Promise.resolve()
  private listening: Promise<void> | null = null
  private events: AsyncIterableIterator<unknown> | null = null

  constructor(private readonly opts: LivePluginsOptions<Extra>) {
    this.byName = new Map(opts.available.map((p) => [p.name, p]))
    this.gen = this.remember(opts.initial)
  }

  current(): Generation<Extra> {
    return this.gen
  }

  enabledNames(): string[] {
    return [...this.gen.names]
  }

  isOn(name: string): boolean {
    return name === 'core' || this.gen.names.includes(name)
  }

  /** listens for other instances' switches (and applies what was stored while this one was starting) */
  async listen(): Promise<void> {
    const events = this.opts.services.pubsub.subscribe('core.plugins', PLUGIN_SWITCH_KEY)
    this.events = events
    this.listening = (async () => {
      for await (const e of events) {
        if (e.from !== this.instanceId) await this.sync()
      }
    })().catch((err: unknown) =>
      this.opts.services.log.error('plugin switch listener stopped', { error: String(err), stack: stackOf(err) }),
    )
    await this.sync()
  }

  /** stops listening, lets a switch under way finish, then stops the enabled plugins (the last started first) */
  async close(): Promise<void> {
    await this.events?.return?.()
    await this.listening
    await this.queue.catch(() => undefined)
    for (const p of [...this.gen.plugins].reverse()) await this.stopOne(p)
  }

  async states(): Promise<PluginStateView[]> {
    const rows = await this.opts.services.prisma.pluginSetting.findMany()
    const stored = new Map(rows.map((r) => [r.name, r]))
    const enabled = new Set(this.gen.names)
    return [...this.byName.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({
        name: p.name,
        enabled: enabled.has(p.name),
        requires: p.requires,
        requiredBy: enabled.has(p.name) ? dependentsOf(this.byName, p.name, enabled).map((d) => d.name) : [],
        changedAt: stored.get(p.name)?.changedAt ?? null,
        changedBy: stored.get(p.name)?.changedBy ?? null,
      }))
  }

  async set(name: string, enabled: boolean, by: string): Promise<PluginStateView[]> {
    if (!this.byName.has(name))
      throw new AppError(
        'PLUGIN_UNKNOWN',
        name === 'core'
          ? 'core is always on'
          : `No plugin named "${name}"; known: ${[...this.byName.keys()].sort().join(', ')}`,
        { field: 'name' },
      )
    const { prisma, pubsub } = this.opts.services
    const target = await prisma.$transaction(async (tx) => {
      // one switch at a time across instances: each checks the requirements against what the others stored
      await tx.$executeRawUnsafe('LOCK TABLE "PluginSetting" IN SHARE ROW EXCLUSIVE MODE')
      const desired = this.desired(await tx.pluginSetting.findMany())
      if (enabled) desired.add(name)
      else desired.delete(name)
      checkSwitch(this.byName, name, enabled, desired)
      await tx.pluginSetting.upsert({
        where: { name },
        create: { name, enabled, changedBy: by },
        update: { enabled, changedBy: by },
      })
      return desired
    })
    await this.apply(target)
    pubsub.publish('core.plugins', PLUGIN_SWITCH_KEY, { from: this.instanceId })
    this.opts.services.log.info('plugin switched', { plugin: name, enabled, by })
    return this.states()
  }

  /** reads the stored choices and applies them (another instance switched; a subscriber asks for the latest) */
  async sync(): Promise<void> {
    const desired = this.desired(await this.opts.services.prisma.pluginSetting.findMany())
    try {
      await this.apply(desired)
    } catch (err) {
      this.opts.services.log.error('stored plugin choices not applied', {
        wanted: [...desired].sort(),
        error: String(err),
      })
    }
  }

  /** PLUGINS, with the operators' stored choices over it */
  private desired(rows: readonly { name: string; enabled: boolean }[]): Set<string> {
    const base = this.opts.services.config.plugins
    const out = new Set(base === 'all' ? this.byName.keys() : base)
    for (const r of rows) {
      if (!this.byName.has(r.name)) continue
      if (r.enabled) out.add(r.name)
      else out.delete(r.name)
    }
    return out
  }

  /** resolves once `target` serves new requests (the plugins it leaves out stop after that, in the queue) */
  private apply(target: ReadonlySet<string>): Promise<void> {
    const swapped = this.queue.then(() => this.swapTo(target))
    this.queue = swapped.then(
      (stopping) => this.stopAfterDrain(stopping),
      () => undefined,
    )
    return swapped.then(() => undefined)
  }

  private async swapTo(target: ReadonlySet<string>): Promise<{ previous: Generation<Extra>; plugins: Plugin[] }> {
    const previous = this.gen
    const now = new Set(previous.names)
    if (now.size === target.size && [...target].every((n) => now.has(n))) return { previous, plugins: [] }
    const { services, apis, topics } = this.opts
    const order = resolvePlugins([...this.opts.available], [...target])
    const starting = order.filter((p) => !now.has(p.name))
    const stopping = previous.plugins.slice(1).filter((p) => !target.has(p.name))
    const next = this.generation(order)
    for (const t of next.topics) topics.add(t)
    const started: Plugin[] = []
    for (const p of starting) {
      try {
        let configured = this.opts.configured.get(p.name)
        if (!configured) this.opts.configured.set(p.name, (configured = p.configure(services.config.env)))
        await configured.start(services, apis)
        started.push(p)
      } catch (err) {
        for (const s of started.reverse()) await this.stopOne(s)
        this.keepTopics(previous)
        throw new AppError('PLUGIN_START_FAILED', `${p.name} could not start: ${(err as Error).message}`, {
          field: 'name',
        })
      }
    }
    this.gen = next
    const off = stopping.map((p) => p.name)
    const ended = this.opts.schemas.swap(
      next.schema,
      () =>
        new AppError('PLUGIN_DISABLED', `Switched off by an operator: ${off.join(', ')}`, {
          plugins: off,
        }),
    )
    services.log.info('plugins applied', {
      enabled: next.names,
      started: starting.map((p) => p.name),
      stopping: off,
      subscriptionsEnded: ended,
    })
    return { previous, plugins: stopping }
  }

  private async stopAfterDrain({ previous, plugins }: { previous: Generation<Extra>; plugins: Plugin[] }) {
    if (!plugins.length) return
    const until = Date.now() + DRAIN_MS
    while (previous.active > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
    for (const p of [...plugins].reverse()) await this.stopOne(p)
    this.keepTopics(this.gen)
  }

  private async stopOne(p: Plugin) {
    try {
      await this.opts.configured.get(p.name)?.stop(this.opts.services)
    } catch (err) {
      this.opts.services.log.error('plugin did not stop cleanly', { plugin: p.name, error: String(err) })
    }
    this.opts.apis.remove(p.name)
  }

  /** the pub/sub takes the topics of `gen` only */
  private keepTopics(gen: Generation<Extra>) {
    const { topics } = this.opts
    for (const t of [...topics]) if (!gen.topics.has(t)) topics.delete(t)
    for (const t of gen.topics) topics.add(t)
  }

  private generation(order: readonly Plugin[]): Generation<Extra> {
    const key = keyOf(order.map((p) => p.name))
    return this.generations.get(key) ?? this.remember(composePlugins(order))
  }

  private remember(composition: Composition): Generation<Extra> {
    const names = composition.plugins.slice(1).map((p) => p.name)
    const gen: Generation<Extra> = { ...composition, names, extra: this.opts.build(composition), active: 0 }
    this.generations.set(keyOf(names), gen)
    return gen
  }
}

const keyOf = (names: readonly string[]) => [...names].sort().join(',')
