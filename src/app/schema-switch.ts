import { validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql'
import type { Plugin as YogaPlugin } from 'graphql-yoga'
import { AppError } from '../errors.js'

/**
 * The schema of new requests, swapped while the app runs (plugins switched on or off). Envelop hands each request the
 * schema current when it starts (`getEnveloped`), so a request in flight finishes on the schema it started with.
 */
export class SchemaSwitch {
  private setSchema: ((schema: GraphQLSchema) => void) | null = null
  private readonly live = new Set<EndableStream>()

  constructor(private schema: GraphQLSchema) {}

  current(): GraphQLSchema {
    return this.schema
  }

  /** the Yoga plugin: holds envelop's schema setter, and tracks live subscriptions so that a swap can end them */
  plugin(): YogaPlugin {
    return {
      onPluginInit: ({ setSchema }) => {
        this.setSchema = setSchema
        setSchema(this.schema)
      },
      onSubscribe: ({ args }) => {
        const schema = args.schema as GraphQLSchema
        const document = args.document as DocumentNode
        return {
          onSubscribeResult: ({ result, setResult }) => {
            if (!isAsyncIterable(result)) return
            const stream = new EndableStream(result[Symbol.asyncIterator](), document, schema, () =>
              this.live.delete(stream),
            )
            this.live.add(stream)
            setResult(stream)
          },
        }
      },
    }
  }

  /**
   * New requests get `schema`. A live subscription whose document is no longer valid against it (its fields belong to
   * a plugin now off) ends with one last result carrying `reason`. Returns how many ended.
   */
  swap(schema: GraphQLSchema, reason: () => AppError): number {
    this.schema = schema
    this.setSchema?.(schema)
    const verdicts = new Map<DocumentNode, boolean>()
    let ended = 0
    for (const stream of this.live) {
      if (stream.schema === schema) continue
      let valid = verdicts.get(stream.document)
      if (valid === undefined) verdicts.set(stream.document, (valid = validate(schema, stream.document).length === 0))
      if (valid) continue
      stream.end(reason())
      ended++
    }
    return ended
  }

  /** live subscriptions tracked (tests, the operator console) */
  get subscriptions(): number {
    return this.live.size
  }
}

const isAsyncIterable = (v: unknown): v is AsyncIterable<ExecutionResult> =>
  typeof v === 'object' && v !== null && Symbol.asyncIterator in v

/**
 * A subscription's results that can be ended from outside with a final error: the waiting `next()` answers that
 * error at once (the source is returned), the one after it is done. Hand-written, not an async generator, so that the
 * end does not wait for the source's next event.
 */
class EndableStream implements AsyncIterableIterator<ExecutionResult> {
  private final: ExecutionResult | null = null
  private finished = false
  private wake: (() => void) | null = null

  constructor(
    private readonly source: AsyncIterator<ExecutionResult>,
    readonly document: DocumentNode,
    readonly schema: GraphQLSchema,
    private readonly onDone: () => void,
  ) {}

  end(error: AppError) {
    if (this.finished || this.final) return
    this.final = { errors: [error] }
    this.wake?.()
    void this.source.return?.()
  }

  async next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    if (this.final) return this.finish()
    if (this.finished) return { done: true, value: undefined }
    const ended = new Promise<null>((resolve) => (this.wake = () => resolve(null)))
    const step = await Promise.race([this.source.next(), ended])
    this.wake = null
    // end() may have run while the source was awaited
    if (this.endedWhileWaiting()) return this.finish()
    if (!step || step.done) {
      this.close()
      return { done: true, value: undefined }
    }
    return step
  }

  private endedWhileWaiting() {
    return this.final !== null
  }

  private finish(): IteratorResult<ExecutionResult, undefined> {
    const final = this.final
    this.final = null
    if (this.finished || !final) return { done: true, value: undefined }
    this.close()
    return { done: false, value: final }
  }

  private close() {
    if (this.finished) return
    this.finished = true
    this.onDone()
  }

  async return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.final = null
    this.close()
    this.wake?.()
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
