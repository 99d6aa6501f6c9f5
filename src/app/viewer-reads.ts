/**
 * What one execution read of its request's context, so that its result can be handed to another subscriber whose
 * context gives the same answers (src/app/shared-subscriptions.ts). A read is a path and the value it gave:
 * `viewer` (signed in or not), `viewer.id`, `viewer.roles.roleAdmin`, `ctx.ip` … The services (config, prisma,
 * pubsub, services) are the same for every request and are not recorded.
 *
 * Exactness rests on determinism: an execution whose every viewer-dependent read gives the same value in another
 * context takes the same path there and produces the same result. Reads that cannot be compared by value (an object
 * other than the viewer and its roles, or enumerating the context) are recorded with the identity of the object,
 * which no other request shares.
 */
import type { Context } from '../context.js'

/** path → the value it read, as a string */
export type Reads = Map<string, string>

const SHARED = new Set<PropertyKey>(['config', 'prisma', 'pubsub', 'services'])

const ids = new WeakMap<object, number>()
let lastId = 0
/** a key equal only for the same object */
function identity(o: object): string {
  let id = ids.get(o)
  if (id === undefined) ids.set(o, (id = ++lastId))
  return `#${id}`
}

function keyOf(value: unknown): string {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
    return `${typeof value}:${String(value)}`
  return identity(value)
}

type Bag = Record<PropertyKey, unknown>

/** The value `path` has in `ctx`: the same function records a read and checks it against another context. */
export function readAt(ctx: Context, path: string): string {
  const viewer = ctx.viewer
  if (path === 'viewer') return viewer ? 'user' : 'guest'
  if (path === 'viewer.*') return viewer ? JSON.stringify(viewer) : 'guest'
  if (path === 'viewer.roles') return viewer ? JSON.stringify(viewer.roles) : 'guest'
  if (path.startsWith('viewer.roles.')) return keyOf((viewer?.roles as Bag | undefined)?.[path.slice(13)])
  if (path.startsWith('viewer.')) return keyOf((viewer as Bag | null)?.[path.slice(7)])
  if (path === 'ctx.*') return identity(ctx)
  return keyOf((ctx as unknown as Bag)[path.slice(4)])
}

/**
 * A view of `ctx` that records into `reads` every read whose answer may differ between requests. Writes go to `ctx`.
 */
export function tracked(ctx: Context, reads: Reads): Context {
  const note = (path: string) => {
    if (!reads.has(path)) reads.set(path, readAt(ctx, path))
  }
  const viewer = ctx.viewer
  const roles = viewer && recording(viewer.roles, 'viewer.roles', note, (prop) => note(`viewer.roles.${prop}`))
  const viewerView =
    viewer &&
    recording(viewer, 'viewer.*', note, (prop) => {
      if (prop === 'roles') return roles
      note(`viewer.${prop}`)
    })
  return recording(ctx, 'ctx.*', note, (prop) => {
    if (SHARED.has(prop)) return
    if (prop === 'viewer') {
      note('viewer')
      return viewerView
    }
    note(`ctx.${prop}`)
  })
}

/**
 * A view of `target` whose string-keyed reads go through `read` (which records them, and may answer instead of the
 * target by returning a value); enumerating it or asking `in` records `whole`.
 */
function recording<T extends object>(
  target: T,
  whole: string,
  note: (path: string) => void,
  read: (prop: string) => unknown,
): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const answer = typeof prop === 'string' ? read(prop) : undefined
      return answer ?? (Reflect.get(t, prop, receiver) as unknown)
    },
    has(t, prop) {
      note(whole)
      return Reflect.has(t, prop)
    },
    ownKeys(t) {
      note(whole)
      return Reflect.ownKeys(t)
    },
  })
}
