import type { Access } from '../auth/roles.js'

/** peka2 access letters (src/auth/roles.ts), also used for the JustChat levels: documentation and the authorization matrix. */
export type { Access }

export type Dialect = 'peka2' | 'justchat'

/**
 * A legacy REST endpoint as data: a GraphQL operation plus two mapping functions. No business rules here: the
 * resolvers behind the operation own them, so REST and GraphQL cannot disagree.
 */
export interface RestRoute<Vars = any, Data = any> {
  dialect: Dialect
  path: string
  access: Access
  /** further letters that also admit the caller: peka2 writes `MS/Sm` for "either role" */
  orAccess?: Access[]
  /**
   * How the request body is read: a JSON object (default); a JSON array (peka2 routes whose body is a bare list,
   * passed to `variables` as is); multipart/form-data (uploads: text fields by name plus every file part in `files`).
   */
  body?: 'json' | 'json-array' | 'multipart'
  /** a GraphQL document with one operation */
  operation: string
  /** request body → operation variables (shape only; validation lives in the service) */
  variables?: (body: Record<string, any>) => Vars
  /**
   * GraphQL variable or argument name → the body field it is read from, where the two differ and `variables` does
   * not pass the body's value through as is (`{ phones: 'phons' }`): input errors then name the field the client sent.
   */
  fields?: Record<string, string>
  /** operation data → the documented response body */
  result: (data: Data, body: Record<string, any>) => unknown
  /** success status (JustChat answers 201 for some creations) */
  status?: (data: Data, body: Record<string, any>) => number
}

export const defineRoutes = <T extends RestRoute[]>(routes: T) => routes
