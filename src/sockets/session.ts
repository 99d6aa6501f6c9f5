import type { IncomingMessage } from 'node:http'
import { parse, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql'
import type { AppYoga, EnvelopedGraphQL } from '../app/graphql.js'
import type { Context, ContextInput, Viewer } from '../context.js'
import { AppError } from '../errors.js'
import type { Logger } from '../log.js'
import { stackOf } from '../log.js'
import { newRequestId } from '../request-id.js'
import type { SocketDialect, SocketSession, SocketStream } from './events.js'

/** What every session of one server shares. */
export interface SessionDeps {
  yoga: AppYoga
  log: Logger
  /** the dialects' user streams, started when a socket signs in through that dialect */
  streams: readonly SocketStream[]
  /** the stream's plugin is on now */
  isOn: (stream: SocketStream) => boolean
  maxFollows: number
  /** a session signed in or out: the server's index of sockets by user follows it */
  onViewer(session: LegacySession, previous: Viewer | null): void
}

interface Follow {
  operation: string
  variables: Record<string, unknown>
  emit: (data: unknown) => void
  /** the running subscription; replaced when the socket signs in or out */
  stream?: AsyncGenerator<ExecutionResult, void, void>
}

/** Parsed once per process: the handlers' operations are constants. */
const documents = new Map<string, DocumentNode>()
function documentOf(operation: string): DocumentNode {
  let doc = documents.get(operation)
  if (!doc) documents.set(operation, (doc = parse(operation)))
  return doc
}

/** A service error reaches an operation's result wrapped in a GraphQLError; anything else is unexpected. */
function errorOf(errors: readonly GraphQLError[]): Error {
  const first = errors[0]
  const original = first.originalError
  if (original instanceof AppError) return original
  // errors of the operation itself (validation, variables) name the handler's mistake or the client's value
  if (!original || original.name === 'GraphQLError') return new AppError('INVALID_INPUT', first.message)
  return original
}

const isAsyncGenerator = (v: unknown): v is AsyncGenerator<ExecutionResult, void, void> =>
  typeof (v as AsyncGenerator | null)?.[Symbol.asyncIterator] === 'function'

/**
 * One legacy socket: its token, and the GraphQL subscriptions it follows (channels it joined, the streams of the user it
 * signed in as). Operations run through the app's envelop with a context built from the socket's handshake request
 * and its token, as REST calls and graphql-ws operations are.
 */
export class LegacySession {
  viewer: Viewer | null = null
  private token: string | null = null
  private readonly follows = new Map<string, Follow>()
  /** the dialect whose streams run for the signed-in user */
  private streamsOf: SocketDialect | null = null
  closed = false

  /** the dialect the socket signed in through (its user streams'), or null */
  get dialect(): SocketDialect | null {
    return this.streamsOf
  }

  constructor(
    readonly id: string,
    private readonly req: IncomingMessage,
    private readonly deps: SessionDeps,
    private readonly send: (event: string, payload: unknown) => void,
  ) {}

  private enveloped(): EnvelopedGraphQL {
    const initial: ContextInput = { req: this.req, restToken: this.token, socket: true, requestId: newRequestId() }
    return this.deps.yoga.getEnveloped(initial)
  }

  private async prepare(operation: string) {
    const graphql = this.enveloped()
    const document = documentOf(operation)
    const errors = graphql.validate(graphql.schema, document)
    if (errors.length) throw new Error(`socket handler operation is invalid: ${errors[0].message}`)
    const contextValue: Context = await graphql.contextFactory()
    return { graphql, document, contextValue }
  }

  async run<T>(operation: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { graphql, document, contextValue } = await this.prepare(operation)
    const result = await graphql.execute({ schema: graphql.schema, document, contextValue, variableValues: variables })
    if (result.errors?.length) throw errorOf(result.errors)
    return result.data as T
  }

  /** The facade a handler of `dialect` is given. */
  as(dialect: SocketDialect): SocketSession {
    const viewerOf = () => this.viewer
    return {
      id: this.id,
      get viewer() {
        return viewerOf()
      },
      run: (operation, variables) => this.run(operation, variables),
      signIn: (token) => this.signIn(dialect, token),
      follow: (key, operation, variables, emit) => this.follow(key, operation, variables, emit),
      unfollow: (key) => this.unfollow(key),
      emit: (event, payload) => this.send(event, payload),
    }
  }

  async signIn(dialect: SocketDialect, token: string | null): Promise<Viewer | null> {
    let viewer: Viewer | null = null
    if (token) {
      const input: ContextInput = { req: this.req, restToken: token, socket: true }
      viewer = (await this.deps.yoga.getEnveloped(input).contextFactory()).viewer
      if (!viewer) throw new AppError('UNAUTHENTICATED')
    }
    await this.become(viewer ? token : null, viewer, viewer ? dialect : null)
    return viewer
  }

  /** Signs out (session revoked or expired) or re-reads the user's rights (a role taken away). */
  async refresh(signedOut: boolean) {
    if (signedOut) await this.become(null, null, null)
    else await this.become(this.token, this.viewer, this.streamsOf)
  }

  private async become(token: string | null, viewer: Viewer | null, streamsOf: SocketDialect | null) {
    const previous = this.viewer
    this.token = token
    this.viewer = viewer
    this.streamsOf = streamsOf
    this.deps.onViewer(this, previous)
    for (const key of [...this.follows.keys()]) if (key.startsWith('stream:')) this.unfollow(key)
    // What the socket follows runs as its user: joined channels restart with the new rights (a private channel the
    // new user may not read is dropped).
    for (const [key, f] of [...this.follows]) {
      await f.stream?.return()
      await this.start(key, f).catch(() => this.follows.delete(key))
    }
    if (!viewer || !streamsOf) return
    for (const s of this.deps.streams) {
      if (s.dialect !== streamsOf || !this.deps.isOn(s)) continue
      const facade = this.as(streamsOf)
      await this.follow(`stream:${s.name}`, s.operation, {}, (data) => s.emit(facade, data)).catch((err: unknown) =>
        this.deps.log.warn('legacy socket stream refused', { stream: s.name, error: String(err) }),
      )
    }
  }

  async follow(key: string, operation: string, variables: Record<string, unknown>, emit: (data: unknown) => void) {
    const old = this.follows.get(key)
    if (!old && this.follows.size >= this.deps.maxFollows) {
      throw new AppError(
        'TOO_MANY_SUBSCRIPTIONS',
        `Too many subscriptions on this socket: at most ${this.deps.maxFollows}`,
        {
          limit: this.deps.maxFollows,
        },
      )
    }
    const follow: Follow = { operation, variables, emit }
    await this.start(key, follow)
    if (old) await old.stream?.return()
    this.follows.set(key, follow)
  }

  private async start(key: string, follow: Follow) {
    const { graphql, document, contextValue } = await this.prepare(follow.operation)
    const out = await graphql.subscribe({
      schema: graphql.schema,
      document,
      contextValue,
      variableValues: follow.variables,
    })
    if (!isAsyncGenerator(out)) throw errorOf(out.errors ?? [])
    follow.stream = out
    void this.pump(key, follow, out)
  }

  private async pump(key: string, follow: Follow, stream: AsyncGenerator<ExecutionResult, void, void>) {
    try {
      for await (const result of stream) {
        if (this.closed) break
        if (result.data) follow.emit(result.data)
        else if (result.errors?.length)
          this.deps.log.debug('legacy socket event refused', { key, error: result.errors[0].message })
      }
    } catch (err) {
      this.deps.log.warn('legacy socket subscription failed', { key, error: String(err), stack: stackOf(err) })
    }
    // a stream that ended by itself (what it followed was deleted …) is no longer followed
    if (this.follows.get(key)?.stream === stream) this.follows.delete(key)
  }

  unfollow(key: string): boolean {
    const f = this.follows.get(key)
    if (!f) return false
    this.follows.delete(key)
    void f.stream?.return()
    return true
  }

  close() {
    this.closed = true
    for (const key of [...this.follows.keys()]) this.unfollow(key)
    const previous = this.viewer
    this.viewer = null
    this.deps.onViewer(this, previous)
  }
}
