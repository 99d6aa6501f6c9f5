import { createHash } from 'node:crypto'
import { Kind, getOperationAST, parse, type GraphQLSchema } from 'graphql'
import { ACCESS_ROLE } from '../../auth/roles.js'
import { createErrorRegistry, type ErrorRegistry } from '../../errors.js'
import { DIALECTS } from '../dialects.js'
import { BULK_MAX } from '../engine.js'
import { pageSizeOf } from '../pages.js'
import { isPattern } from '../path-pattern.js'
import type { Access, Dialect, Method, RestRoute, SessionCookie } from '../route.js'
import { sessionCookieOf } from '../session-cookie.js'
import { DIALECT_DOCS, type Security } from './dialect-docs.js'
import { mergeObjectSchemas, SchemaBook, schemaOfValue, type JsonSchema } from './json-schema.js'
import { routeInput, type InputField, type RouteInput } from './route-input.js'

/** An OpenAPI 3.1 document as plain data. */
export type OpenApiDocument = {
  openapi: string
  info: { title: string; version: string; description?: string }
} & Record<string, unknown>
type Json = Record<string, unknown>

export interface OpenApiOptions {
  /** the app's GraphQL schema: the types of the routes' variables */
  schema: GraphQLSchema
  /** the app's error codes, for each dialect's error statuses (default: the core's) */
  errors?: ErrorRegistry
}

/**
 * One OpenAPI 3.1 document per dialect of `routes` (in the order the dialects first appear), generated from the route
 * table itself: paths and methods, path and query parameters, request bodies as the routes' mapping functions and
 * operations show them (src/rest/openapi/route-input.ts), each dialect's success and error forms and sign-in schemes.
 */
export function openApiDocuments(routes: readonly RestRoute[], opts: OpenApiOptions): Map<Dialect, OpenApiDocument> {
  const registry = opts.errors ?? createErrorRegistry([])
  const dialects = [...new Set(routes.map((r) => r.dialect))]
  return new Map(
    dialects.map((d) => [
      d,
      dialectDocument(
        d,
        routes.filter((r) => r.dialect === d),
        opts.schema,
        registry,
      ),
    ]),
  )
}

/** `/api/guilds/:id` → `/api/guilds/{id}` */
const openApiPath = (path: string) =>
  path
    .split('/')
    .map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s))
    .join('/')
const paramsOf = (path: string) =>
  path
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1))

/** The tag of a path: its first segment after /api, or its first segment (`/init/reg` → init). */
function tagOf(path: string): string {
  const segments = path.split('/').filter(Boolean)
  const rest = segments[0] === 'api' && segments.length > 1 ? segments.slice(1) : segments
  return rest.find((s) => !s.startsWith(':')) ?? 'api'
}

function dialectDocument(
  dialect: Dialect,
  routes: RestRoute[],
  schema: GraphQLSchema,
  registry: ErrorRegistry,
): OpenApiDocument {
  const doc = DIALECT_DOCS[dialect]
  const book = new SchemaBook()
  const errors = errorForms(dialect, registry)
  const paths: Record<string, Record<string, Json>> = {}
  const tags: string[] = []
  const ids = new Set<string>()
  for (const route of routes) {
    const method = route.method ?? 'POST'
    const path = openApiPath(route.path)
    const tag = tagOf(route.path)
    if (!tags.includes(tag)) tags.push(tag)
    let id = `${method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+/g, '_')}`
    while (ids.has(id)) id += '_'
    ids.add(id)
    const input = safeInput(route, schema, book)
    const open = [route.access, ...(route.orAccess ?? [])].some((a) => a === 'P' || a === 'C')
    const security: Security = [...(open ? [{}] : []), ...doc.security(method)]
    paths[path] ??= {}
    paths[path][method.toLowerCase()] = {
      tags: [tag],
      summary: summaryOf(route),
      description: descriptionOf(route, schema),
      operationId: id,
      ...requestOf(route, method, input, !open),
      security,
      responses: { ...successOf(route), ...errors.refs },
    }
  }
  if (dialect === 'peka2') addBulk(routes, paths, tags, errors.refs)
  const body = {
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...book.schemas, Error: errors.schema },
      responses: errors.responses,
      securitySchemes: doc.securitySchemes,
    },
  }
  // the version names this very description: it changes with the route table (and the schema behind it)
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12)
  return { openapi: '3.1.0', info: { title: doc.title, version, description: doc.description }, ...body }
}

/** A route whose mapping cannot be followed is documented with a generic body rather than failing the document. */
function safeInput(route: RestRoute, schema: GraphQLSchema, book: SchemaBook): RouteInput {
  try {
    return routeInput(route, schema, book)
  } catch {
    return { fields: [] }
  }
}

const parameter = (f: InputField, where: 'path' | 'query'): Json => ({
  name: f.name,
  in: where,
  required: where === 'path' || f.required,
  schema: Object.keys(f.schema).length ? f.schema : { type: 'string' },
})

/** Parameters and request body, where the engine reads each field (src/rest/engine.ts `handle`). */
function requestOf(route: RestRoute, method: Method, input: RouteInput, signedIn: boolean): Json {
  const params = paramsOf(route.path)
  const byName = new Map(input.fields.map((f) => [f.name, f]))
  const parameters = params.map((name) =>
    parameter(byName.get(name) ?? { name, schema: { type: 'string' }, required: true }, 'path'),
  )
  const rest = input.fields.filter((f) => !params.includes(f.name))
  // GET and DELETE carry no body; GET routes (and every messenger route) read the query string into their fields
  const hasBody = method !== 'GET' && method !== 'DELETE'
  const readsQuery = route.dialect === 'messenger' || method === 'GET'
  if (!hasBody && readsQuery) parameters.push(...rest.map((f) => parameter(f, 'query')))
  const out: Json = parameters.length ? { parameters } : {}
  if (!hasBody) return out

  const sessionField = DIALECT_DOCS[route.dialect].sessionField
  const fields: InputField[] = [
    ...rest,
    ...(sessionField && !byName.has(sessionField)
      ? [{ name: sessionField, schema: { type: 'string', description: 'the session' }, required: signedIn }]
      : []),
  ]
  const required = fields.filter((f) => f.required).map((f) => f.name)
  const object: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, f.schema])),
    ...(required.length ? { required } : {}),
  }
  const schema =
    route.body === 'json-array' ? (input.whole ?? { type: 'array', items: input.items ?? {} }) : (input.whole ?? object)
  const mediaType = route.body === 'multipart' ? 'multipart/form-data' : 'application/json'
  out.requestBody = {
    required: required.length > 0 || route.body === 'json-array' || input.whole !== undefined,
    content: { [mediaType]: { schema } },
  }
  return out
}

/** The root fields the route's operation runs: `mutation login`. */
function rootFields(operation: string): string {
  try {
    const op = getOperationAST(parse(operation))
    if (!op) return 'operation'
    const names = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))
    return `${op.operation} ${names.join(', ')}`
  } catch {
    return 'operation'
  }
}

const summaryOf = (route: RestRoute) => rootFields(route.operation)

const ACCESS_TEXT: Partial<Record<Access, string>> = {
  P: 'public',
  C: "public (the site's own sign-in)",
  A: 'signed in',
}
const accessText = (a: Access) => {
  const role = ACCESS_ROLE[a]
  return `\`${a}\` (${ACCESS_TEXT[a] ?? (role ? `role ${role}` : a)})`
}

function descriptionOf(route: RestRoute, schema: GraphQLSchema): string {
  const letters: Access[] = [route.access, ...(route.orAccess ?? [])]
  const lines = [
    `Access: ${letters.map(accessText).join(' or ')}.`,
    `Runs the GraphQL ${rootFields(route.operation)}` +
      (route.lookup ? `, after ${rootFields(route.lookup.operation)} for a value it needs.` : '.'),
  ]
  if (route.pageBy) {
    let size = ''
    try {
      size = ` in pages of ${pageSizeOf(schema, parse(route.operation), route.pageBy)}`
    } catch {
      // the engine reads it on first use; the document does without
    }
    lines.push(`Its list \`${route.pageBy}\` takes any number of items: they are run${size} and the answers joined.`)
  }
  if (route.bulk === false) lines.push('Not allowed inside POST /api/bulk.')
  if (route.withPlugins?.length) lines.push(`Present while the plugins ${route.withPlugins.join(', ')} are enabled.`)
  if (route.replaces) lines.push("Takes the place of the core's route of this path while its plugin is enabled.")
  if (route.largeUploads) lines.push('The body may be as large as the upload limit (UPLOAD_MAX_BYTES).')
  if (route.sessionCookie === 'clear') lines.push('Ends the session; the answer clears its cookies.')
  else if (route.sessionCookie) lines.push('Signs in; the answer sets the session cookies.')
  return lines.join('\n\n')
}

/** The headers a login or logout answer carries, by the dialect's own rule (names only). */
function sessionHeaders(dialect: Dialect, cookie: SessionCookie): Json {
  const rules = DIALECTS[dialect]
  const token = cookie === 'clear' ? null : 'token'
  let headers: Record<string, string | string[]>
  if (rules.sessionHeaders) headers = rules.sessionHeaders(token, 1, 'secret')
  else {
    const set = sessionCookieOf(cookie === 'clear' ? 'clear' : { set: () => 'token' }, null, {}, 1)
    headers = set ? { 'set-cookie': set } : {}
  }
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const cookies = name === 'set-cookie' ? [value].flat().map((c) => c.split('=')[0]) : []
      const what = cookies.length
        ? `${token ? 'sets' : 'clears'} the cookie${cookies.length > 1 ? 's' : ''} ${cookies.join(', ')}`
        : `handed out with the session it ${token ? 'starts' : 'ends'}`
      return [name === 'set-cookie' ? 'Set-Cookie' : name, { description: what, schema: { type: 'string' } }]
    }),
  )
}

function successOf(route: RestRoute): Json {
  let status = '200'
  if (route.status) {
    try {
      // most routes answer one status whatever the data (JustChat's 201 for a creation)
      const s = route.status(undefined, {})
      status = Number.isInteger(s) ? String(s) : '2XX'
    } catch {
      status = '2XX'
    }
  }
  return {
    [status]: {
      description: `The answer in the ${route.dialect} form the specification documents.`,
      ...(route.sessionCookie ? { headers: sessionHeaders(route.dialect, route.sessionCookie) } : {}),
      content: { 'application/json': { schema: {} } },
    },
  }
}

/**
 * The dialect's error form (src/rest/dialects.ts `error`) for every code of the registry: the body's schema, one
 * response per status it answers, naming the codes behind it.
 */
function errorForms(dialect: Dialect, registry: ErrorRegistry) {
  const rules = DIALECTS[dialect]
  const byStatus = new Map<number, { codes: string[]; example: unknown }>()
  let schema: JsonSchema | undefined
  for (const code of registry.codes()) {
    const plain = rules.error(code, 'What went wrong', registry.status)
    const named = rules.error(code, 'field: what is wrong with it', registry.status, 'field')
    const both = mergeObjectSchemas(schemaOfValue(plain.body), schemaOfValue(named.body))
    schema = schema ? mergeObjectSchemas(schema, both) : both
    // the code as the dialect shows it (the messenger names some its own way)
    const body = plain.body as Json | null
    const shown = body && typeof body.code === 'string' ? body.code : code
    const entry = byStatus.get(plain.status) ?? { codes: [], example: plain.body }
    if (!entry.codes.includes(shown)) entry.codes.push(shown)
    byStatus.set(plain.status, entry)
  }
  const responses: Record<string, Json> = {}
  const refs: Record<string, Json> = {}
  for (const [status, { codes, example }] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    const name = `Error${status}`
    responses[name] = {
      description: `Refused; the error codes answered with this status: ${codes.join(', ')}.`,
      ...(status === 429 ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, example } },
    }
    refs[String(status)] = { $ref: `#/components/responses/${name}` }
  }
  return { schema: schema ?? {}, responses, refs }
}

/** peka2's POST /api/bulk (src/rest/engine.ts `bulk`): the engine's own, over the routes a batch may run. */
function addBulk(routes: RestRoute[], paths: Record<string, Record<string, Json>>, tags: string[], errors: Json) {
  const urls = routes
    .filter((r) => (r.method ?? 'POST') === 'POST' && !isPattern(r.path) && r.body !== 'multipart' && r.bulk !== false)
    .map((r) => r.path)
  if (!urls.length || Object.hasOwn(paths, '/api/bulk')) return
  if (!tags.includes('bulk')) tags.push('bulk')
  paths['/api/bulk'] = {
    post: {
      tags: ['bulk'],
      summary: 'several requests in one',
      description:
        `Runs up to ${BULK_MAX} requests of this API in order, each as if sent alone (and charged so against the ` +
        'rate limit). Each is answered as `[url, params, result, ok]`; a failing one gives `{message}` and false ' +
        'without failing the others.',
      operationId: 'post_api_bulk',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['command'],
              properties: {
                command: {
                  type: 'array',
                  minItems: 1,
                  maxItems: BULK_MAX,
                  items: {
                    type: 'array',
                    prefixItems: [{ type: 'string', enum: urls }, {}],
                    minItems: 1,
                    maxItems: 2,
                  },
                },
              },
            },
          },
        },
      },
      security: [{}, ...DIALECT_DOCS.peka2.security('POST')],
      responses: {
        '200': {
          description: 'One answer per request, in order.',
          content: {
            'application/json': {
              schema: {
                type: 'array',
                items: {
                  type: 'array',
                  prefixItems: [{ type: 'string' }, {}, {}, { type: 'boolean' }],
                  minItems: 4,
                  maxItems: 4,
                },
              },
            },
          },
        },
        ...errors,
      },
    },
  }
}
