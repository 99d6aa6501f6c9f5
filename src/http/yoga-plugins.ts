import type { IncomingMessage } from 'node:http'
import { GraphQLError, NoSchemaIntrospectionCustomRule, getOperationAST, type DocumentNode } from 'graphql'
import type { FetchAPI, Plugin as YogaPlugin } from 'graphql-yoga'
import { EnvelopArmor } from '@escape.tech/graphql-armor'
import type { Config } from '../config.js'
import type { Logger } from '../log.js'
import { declaredCostLimit } from './field-cost.js'

/** GraphQL Armor's depth, alias, token, directive and cost limits; field suggestions hidden in production. */
export function armorPlugins(config: Config) {
  const armor = new EnvelopArmor({
    maxDepth: { n: config.armor.maxDepth },
    maxAliases: { n: config.armor.maxAliases },
    maxTokens: { n: config.armor.maxTokens },
    costLimit: { maxCost: config.armor.costLimit },
    blockFieldSuggestion: { enabled: config.production },
  })
  // Armor counts a query's shape; fields that declare a cost (`extensions: { cost }`) are charged against the same
  // limit.
  return [...armor.protect().plugins, declaredCostLimit(config.armor.costLimit)]
}

/** Introspection is refused in production (graphql-js' own rule). */
export function noIntrospection(): YogaPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule)
    },
  }
}

/**
 * BODY_LIMIT_BYTES on /graphql, in the error form GraphQL clients read. A POST that declares a larger body is refused
 * before a byte of it is read; bodies that declare no length or lie about it are cut off as they come in (Yoga's own
 * `maxRequestBodySize` is off: it would pass every body through two more web streams). File uploads must declare their
 * length, since Yoga buffers a multipart request whole before parsing it; they may be up to `multipartLimit`, and only
 * fields that take large files are served more than `limit` (src/uploads/body-limit.ts). A GET carries its operation
 * in the URL: a URL over the limit is refused too.
 */
export function bodyLimit(limit: number, multipartLimit = limit): YogaPlugin {
  const message = (max: number) => `Request body is larger than ${max} bytes`
  const refuse = (status: number, text: string) =>
    new Response(JSON.stringify({ errors: [{ message: text, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
  const isMultipart = (request: Request) => /^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')
  return {
    onRequest(payload) {
      const { request } = payload
      if (request.method === 'GET') {
        if (request.url.length > limit) payload.endResponse(refuse(414, `Request URL is longer than ${limit} bytes`))
        return
      }
      if (request.method !== 'POST') return
      const max = isMultipart(request) ? multipartLimit : limit
      const declared = request.headers.get('content-length')
      if (declared !== null && Number(declared) > max) {
        payload.endResponse(refuse(413, message(max)))
        return
      }
      if (declared === null && isMultipart(request))
        payload.endResponse(refuse(411, 'File uploads must declare Content-Length'))
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      if (!requestParser || request.method !== 'POST') return
      const multipart = isMultipart(request)
      const req = (serverContext as { req?: IncomingMessage } | undefined)?.req
      if (!multipart && req) {
        // Node's request read straight into one string, which Yoga's parser takes without a web stream in between;
        // the fast path (graphql-fast-path.ts) hands over a body it has read already
        const read = (serverContext as { bodyText?: string }).bodyText
        setRequestParser((r) =>
          (read === undefined ? readText(req, limit) : Promise.resolve(read)).then((body) =>
            requestParser(new fetchAPI.Request(r.url, { method: r.method, headers: r.headers, body })),
          ),
        )
        return
      }
      if (!request.body) return
      const max = multipart ? multipartLimit : limit
      setRequestParser((r) => requestParser(cutOff(r, max, message(max), fetchAPI)))
    },
  }
}

/** The request's body as text; fails (413 PAYLOAD_TOO_LARGE) once more than `limit` bytes have come in. */
export function readText(req: IncomingMessage, limit: number): Promise<string> {
  const message = `Request body is larger than ${limit} bytes`
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let read = 0
    const onData = (chunk: Buffer) => {
      read += chunk.length
      if (read <= limit) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      req.pause()
      reject(new GraphQLError(message, { extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } } }))
    }
    req.on('data', onData)
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0].toString() : Buffer.concat(chunks).toString()))
    req.once('error', reject)
    // closed before its end (the client went away): nothing to answer
    req.once('close', () => {
      if (!req.complete) reject(new Error('request closed before its body was read'))
    })
  })
}

/**
 * The request with a body that fails (413 PAYLOAD_TOO_LARGE) once more than `limit` bytes have streamed in. Made with
 * the server's own fetch API, as Yoga's cut-off is: the body may be a native stream or whatwg-node's.
 */
function cutOff(request: Request, limit: number, message: string, fetchAPI: FetchAPI): Request {
  let read = 0
  const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream
  const body = request.body?.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength
        if (read > limit)
          controller.error(
            new GraphQLError(message, { extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } } }),
          )
        else controller.enqueue(chunk)
      },
    }),
  )
  // `duplex` (a streamed request body) is missing from the DOM typings of RequestInit
  const init = { method: request.method, headers: request.headers, signal: request.signal, body, duplex: 'half' }
  return new fetchAPI.Request(request.url, init)
}

/** One structured log line per GraphQL request: operation name, status, duration. */
export function requestLog(log: Logger): YogaPlugin {
  const started = new WeakMap<Request, { t: number; op?: string }>()
  // Clients that send no operationName (curl, GraphiQL) still name the operation in the document.
  const nameFromDocument = ({
    contextValue,
    document,
    operationName,
  }: {
    contextValue: unknown
    document: DocumentNode
    operationName?: string | null
  }) => {
    const request = (contextValue as { request?: Request } | null | undefined)?.request
    const s = request && started.get(request)
    if (s && !s.op) s.op = getOperationAST(document, operationName)?.name?.value
  }
  return {
    onRequest({ request }) {
      started.set(request, { t: performance.now() })
    },
    onParams({ params, request }) {
      const s = started.get(request)
      if (s) s.op = params.operationName ?? undefined
    },
    onExecute: ({ args }) => nameFromDocument(args),
    onSubscribe: ({ args }) => nameFromDocument(args),
    onResponse({ request, response, serverContext }) {
      const s = started.get(request)
      if (!s) return
      logGraphQLRequest(log, {
        requestId: (serverContext as { requestId?: string } | null | undefined)?.requestId,
        operation: s.op ?? null,
        status: response.status,
        started: s.t,
      })
    },
  }
}

/** The one log line of a GraphQL request, whichever path answered it (Yoga, or src/http/graphql-fast-path.ts). */
export function logGraphQLRequest(
  log: Logger,
  r: { requestId?: string; operation: string | null; status: number; started: number },
) {
  log.info('graphql request', {
    requestId: r.requestId,
    operation: r.operation,
    status: r.status,
    ms: Math.round((performance.now() - r.started) * 10) / 10,
  })
}
