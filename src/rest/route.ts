import type { Access } from '../auth/roles.js'
import type { MultipartBody } from '../http/body.js'
import type { JcUserOut } from './justchat.js'

/**
 * peka2 access letters (src/auth/roles.ts), also used for the JustChat levels: documentation and the authorization
 * matrix.
 */
export type { Access }

export type Dialect = 'peka2' | 'justchat' | 'messenger'
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** A JSON object body: the field names are whatever the client sent. */
export type JsonBody = Record<string, unknown>
/** A request body as read for its route: a JSON object, a bare JSON list, or multipart fields and files. */
export type RestBody = JsonBody | unknown[] | MultipartBody

interface RouteBase {
  dialect: Dialect
  /**
   * `:name` segments are path parameters (`/api/guilds/:id`). The messenger's routes get one merged object as their
   * body: `{ ...query, ...body, ...params }` (path and query values as strings).
   */
  path: string
  /** default POST */
  method?: Method
  /**
   * An operation run before the main one (same context) for a value only it gives (a user's id by name); what it
   * returns is merged into the body the main operation's `variables` and `result` see.
   */
  lookup?: Lookup
  access: Access
  /** further letters that also admit the caller: peka2 writes `MS/Sm` for "either role" */
  orAccess?: Access[]
  /** false: refused inside peka2's /api/bulk (a document that says "not inside a batch request") */
  bulk?: false
  /**
   * Plugins whose GraphQL fields the operation uses besides its own plugin's (which `optional` lists): the route
   * exists only while all of them are enabled, and is an unknown path otherwise.
   */
  withPlugins?: readonly string[]
  /**
   * A plugin's route that takes the place of the core's route of the same method and path while the plugin is on: the
   * core answers with what it has (defaults for another plugin's fields), the plugin with its own. Refused at start-up
   * on a core route, on one that matches no core route, and for a core route two plugins replace.
   */
  replaces?: true
  /** a multipart body of file uploads, read up to the upload limit (UPLOAD_MAX_BYTES and its form) */
  largeUploads?: true
  /** a GraphQL document with one operation */
  operation: string
  /**
   * GraphQL variable or argument name → the body field it is read from, where the two differ and `variables` does
   * not pass the body's value through as is (`{ phones: 'phons' }`): input errors then name the field the client sent.
   */
  fields?: Record<string, string>
  /**
   * A list variable the dialect documents without a size (peka2 `/api/user/list` ids): a body with more items than its
   * GraphQL argument takes is run in pages of that many, one execution each, and the answers (lists) are joined.
   * Queries only: pages of a mutation would not be one change.
   */
  pageBy?: string
  /**
   * peka2's http-only session cookie (common.md, login): `set` names the token a successful answer signs in with,
   * `clear` removes it (logout).
   */
  sessionCookie?: SessionCookie
  // Method syntax on purpose: a route states the shape of its operation's data (`(d: { user: U }) => …`), which the
  // engine hands over as the GraphQL result without checking it.
  /** operation data → the documented response body; `objects` renders objects the enabled plugins make together */
  result(data: unknown, body: RestBody, objects: RouteObjects): unknown
  /** success status (JustChat answers 201 for some creations) */
  status?(data: unknown, body: RestBody): number
}

export interface Lookup {
  /** a GraphQL document with one operation */
  operation: string
  /** null: this request needs no lookup (an optional field absent) */
  variables(body: JsonBody): Record<string, unknown> | null
  /** its variable → the body field it is read from, where they differ (errors name the field the client sent) */
  fields?: Record<string, string>
  // Method syntax, as `result` below
  /** its data → fields added to the body */
  result(data: unknown, body: JsonBody): JsonBody
}

export type SessionCookie =
  | {
      // Method syntax, as `result` below: the route states the shape of its operation's data
      /** the session token the answer carries (login), or the one the body gave (login by token) */
      set(data: unknown, body: RestBody): string
    }
  | 'clear'

/** request body → operation variables (shape only; validation lives in the service) */
type Mapper<B> = (body: B) => Record<string, unknown>

/*
 * How the request body is read: a JSON object (default); a JSON array (peka2 routes whose body is a bare list, passed
 * to `variables` as is); multipart/form-data (uploads: text fields by name plus every file part in `files`).
 */
interface JsonRoute extends RouteBase {
  body?: 'json'
  variables?: Mapper<JsonBody>
}
interface ListRoute extends RouteBase {
  body: 'json-array'
  variables?: Mapper<unknown[]>
}
interface MultipartRoute extends RouteBase {
  body: 'multipart'
  variables?: Mapper<MultipartBody>
}

/** A legacy REST endpoint as a plugin or the core writes it: its `body` kind types what `variables` is given. */
export type RouteDefinition = JsonRoute | ListRoute | MultipartRoute

/**
 * A legacy REST endpoint as data: a GraphQL operation plus two mapping functions. No business rules here: the
 * resolvers behind the operation own them, so REST and GraphQL cannot disagree.
 */
export interface RestRoute extends RouteBase {
  body?: RouteDefinition['body']
  // Method syntax: the engine passes the body it read by this route's own `body` kind, which the types cannot pair.
  variables?(body: RestBody): Record<string, unknown>
}

export const defineRoutes = (routes: RouteDefinition[]): RestRoute[] => routes

/**
 * Fields a plugin adds to a dialect's user object (JustChat's user: `/init/getUser`, `/init/auth`, `/init/edit`): a
 * selection of the plugin's own fields on the GraphQL User, and what the selected values become in the object.
 */
export interface UserObjectPart {
  /** a GraphQL selection on User, e.g. `badges { name }` */
  selection: string
  // Method syntax, as `result` above: the part states the shape its selection answers
  /** the user as the operation answered it (the part's selection included) → the fields it adds */
  render(user: unknown): Record<string, unknown>
}

/**
 * Objects of a dialect whose fields come from several plugins, rendered for the enabled ones: a route writes the
 * object's spread in its operation (the engine writes the whole selection there) and hands what it got to the renderer.
 */
export interface RouteObjects {
  /**
   * JustChat's user object (UserSchema) from a `User` selected as `{ ...JustChatUser }`: the core's fields and every
   * enabled plugin's `justchatUser` part.
   */
  justchatUser(user: JcUserOut): Record<string, unknown>
}
