/**
 * Shared subscription execution. A pub/sub event reaches every subscriber of its channel as the same object
 * (src/pubsub/local-listeners.ts); each subscriber's own stream filters it (ignores, access) and may hand on that
 * object or its own variant (anonymity rewrites make a new object). Executing the selection set on it is then the
 * same work for every subscriber with the same document and variables whose context answers the execution's reads
 * the same way (src/app/viewer-reads.ts): the first one executes, the others reuse its result and its JSON, and over
 * graphql-ws each socket only gets the frame envelope with its own operation id (`frames`). A subscriber handed
 * another object (its own variant) never meets a result made for a different one: results are kept per event
 * object.
 */
import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql'
import type { Plugin as YogaPlugin } from 'graphql-yoga'
import type { Context } from '../context.js'
import { readAt, tracked, type Reads } from './viewer-reads.js'

/** Where a graphql-ws operation's results can be written as frames directly (src/http/ws.ts). */
export interface FrameSink {
  /** sends `{"id":…,"type":"next","payload":<payload>}`; false once the operation is over */
  next(payloadJson: string): boolean
}

/** Counts for /metrics: executions run, and results reused by another subscriber. */
export interface SharingStats {
  executed: number
  shared: number
}

interface Variant {
  paths: string[]
  result: ExecutionResult
  json?: string
}

/** The results made from one event object for one operation key. */
interface Slot {
  /** by the paths an execution read (a few shapes), then by the values read */
  shapes: Map<string, { paths: string[]; byValues: Map<string, Variant> }>
  /** the first execution, while it runs: the others wait for it to learn what it reads */
  first?: Promise<unknown>
}

const documentIds = new WeakMap<DocumentNode | GraphQLSchema, number>()
let lastDocumentId = 0
const idOf = (o: DocumentNode | GraphQLSchema) => {
  let id = documentIds.get(o)
  if (id === undefined) documentIds.set(o, (id = ++lastDocumentId))
  return id
}

/** Same key = same schema, document (Yoga's parse cache hands out one object per text), operation and variables. */
function operationKey(args: ExecutionArgs): string {
  return `${idOf(args.schema)}:${idOf(args.document)}:${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? null)}`
}

const valuesOf = (ctx: Context, paths: string[]) => paths.map((p) => readAt(ctx, p)).join('\u0000')

export class SharedResults {
  private readonly slots = new WeakMap<object, Map<string, Slot>>()
  readonly stats: SharingStats = { executed: 0, shared: 0 }

  /** The result of `args` on `event` for this context: reused when an earlier execution read the same answers. */
  async resultFor(event: unknown, key: string, args: ExecutionArgs): Promise<Variant> {
    const ctx = args.contextValue as Context
    if (typeof event !== 'object' || event === null) return this.run(event, args, ctx)
    let byKey = this.slots.get(event)
    if (!byKey) this.slots.set(event, (byKey = new Map<string, Slot>()))
    let slot = byKey.get(key)
    if (!slot) byKey.set(key, (slot = { shapes: new Map() }))
    else {
      if (slot.first) await slot.first
      const found = this.find(slot, ctx)
      if (found) {
        this.stats.shared++
        return found
      }
    }
    const running = this.run(event, args, ctx)
    if (slot.shapes.size === 0 && !slot.first) {
      const done = running.finally(() => (slot.first = undefined))
      slot.first = done.catch(() => undefined)
    }
    const variant = await running
    const signature = variant.paths.join('\u0000')
    let shape = slot.shapes.get(signature)
    if (!shape) slot.shapes.set(signature, (shape = { paths: variant.paths, byValues: new Map() }))
    shape.byValues.set(valuesOf(ctx, variant.paths), variant)
    return variant
  }

  private find(slot: Slot, ctx: Context): Variant | undefined {
    for (const shape of slot.shapes.values()) {
      const hit = shape.byValues.get(valuesOf(ctx, shape.paths))
      if (hit) return hit
    }
    return undefined
  }

  private async run(event: unknown, args: ExecutionArgs, ctx: Context): Promise<Variant> {
    this.stats.executed++
    const reads: Reads = new Map()
    const result = await execute({ ...args, rootValue: event, contextValue: tracked(ctx, reads) })
    return { paths: [...reads.keys()].sort(), result }
  }
}

const jsonOf = (v: Variant) => (v.json ??= JSON.stringify(v.result))

/**
 * The source stream of a subscription mapped through the shared results. Results without errors go straight to the
 * socket's frame sink when there is one; the others (and everything over SSE) are yielded as graphql-js would, so
 * error masking and the transports' own handling apply. A hand-written iterator, not an async generator: `return()`
 * must end the source at once even while it waits for the next event. A class: one per live subscription.
 */
class SharedStream implements AsyncIterableIterator<ExecutionResult> {
  private stopped = false
  private readonly key: string

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly shared: SharedResults,
    private readonly args: ExecutionArgs,
    private readonly frames: FrameSink | undefined,
  ) {
    this.key = operationKey(args)
  }

  /** read through a method: return() sets it while next() waits */
  private isStopped() {
    return this.stopped
  }

  async next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    for (;;) {
      const event = await this.source.next()
      if (event.done || this.isStopped()) return { done: true, value: undefined }
      const variant = await this.shared.resultFor(event.value, this.key, this.args)
      if (this.isStopped()) return { done: true, value: undefined }
      if (this.frames && !variant.result.errors) {
        if (!this.frames.next(jsonOf(variant))) return this.return()
        continue
      }
      return { done: false, value: variant.result }
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.stopped = true
    await this.source.return?.()
    return { done: true, value: undefined }
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult, undefined>> {
    await this.return()
    throw error
  }

  [Symbol.asyncIterator](): this {
    return this
  }
}

/** The envelop plugin: every subscription of the app executes through `shared`. */
export function sharedSubscriptions(shared: SharedResults): YogaPlugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args)
        if (!(Symbol.asyncIterator in source)) return source
        const frames = (args.contextValue as { frames?: FrameSink }).frames
        return new SharedStream(source[Symbol.asyncIterator](), shared, args, frames)
      })
    },
  }
}
