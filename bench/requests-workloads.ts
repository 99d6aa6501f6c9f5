/**
 * The workloads of the request-cost suite and how each target is asked: the same GraphQL document and variables to
 * this server and to Mercurius, the same body to the raw handler's path for that workload. Writes rotate over the
 * writer accounts (see requests-seed.ts) and check every answer; reads are checked once before the runs.
 */
import type { RequestSpec } from './load.js'
import { HISTORY_CHANNEL, WRITER_PASSWORD, writerName, type BenchTokens } from './requests-seed.js'

/** The processes a run talks to: this server, the two peers, and (PostgreSQL runs) this server on its embedded database. */
export type ProcessName = 'server' | 'raw' | 'mercurius' | 'embedded'

export interface Variant {
  /** a column of the tables */
  label: string
  process: ProcessName
  request: RequestSpec
}

export interface Workload {
  name: string
  title: string
  variants: Variant[]
  /** what a sample answer must hold (checked once per variant before the runs): `items` times `key` */
  sample?: { key: string; items: number }
}

const gql = (query: string, variables?: unknown) => JSON.stringify({ query, variables })
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

const HISTORY = `query History($channel: String!, $limit: Int) {
  chatHistory(channel: $channel, limit: $limit) { databaseId text type time from { databaseId name color } }
}`
// the REST shim's own selection (plugins/smiles/rest.ts): GraphQL and /api/smile do the same work
const SMILES =
  'query { smiles { databaseId code url tab position width height level masterStreamerLevel siteLevel icon user { databaseId name slug } } }'
const SEND = 'mutation($i: SendChatMessageInput!) { sendChatMessage(input: $i) { isSent message { databaseId } } }'
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }'

export const LABELS = {
  server: 'this server',
  rest: 'this server, REST shim',
  raw: 'raw node:http',
  mercurius: 'Mercurius + JIT',
  embedded: 'this server, embedded database',
} as const

/** The same request to this server and Mercurius (/graphql) and to the raw handler's own path. */
function trio(rawPath: string, request: Omit<RequestSpec, 'path'>): Variant[] {
  return [
    { label: LABELS.server, process: 'server', request: { ...request, path: '/graphql' } },
    { label: LABELS.raw, process: 'raw', request: { ...request, path: rawPath } },
    { label: LABELS.mercurius, process: 'mercurius', request: { ...request, path: '/graphql' } },
  ]
}

/** Round-robin over the writer accounts: a fresh body (and token) for every request. */
function rotating(count: number, make: (i: number, n: number) => { body: string; headers?: Record<string, string> }) {
  let n = 0
  return () => {
    n++
    return make(n % count, n)
  }
}

export function workloads(opts: { tokens: BenchTokens; writeChannel: string; withEmbedded: boolean }): Workload[] {
  const { tokens, writeChannel } = opts
  const history = gql(HISTORY, { channel: HISTORY_CHANNEL, limit: 50 })
  const sendBody = (i: number, n: number) => ({
    body: gql(SEND, { i: { channel: writeChannel, text: `bench message ${n}` } }),
    headers: bearer(tokens.writers[i]),
  })
  const loginBody = (i: number) => ({
    body: gql(LOGIN, { i: { login: writerName(i), password: WRITER_PASSWORD } }),
  })
  const writers = tokens.writers.length
  return [
    {
      name: 'typename',
      title: '`{ __typename }`',
      variants: trio('/typename', { body: gql('{ __typename }') }),
    },
    {
      name: 'history-guest',
      title: 'chat history, 50 messages with authors, guest',
      sample: { key: '"text":', items: 50 },
      variants: [
        ...trio('/history', { body: history }),
        ...(opts.withEmbedded
          ? [{ label: LABELS.embedded, process: 'embedded' as const, request: { path: '/graphql', body: history } }]
          : []),
      ],
    },
    {
      name: 'history-user',
      title: 'same, logged in',
      sample: { key: '"text":', items: 50 },
      variants: trio('/history', { body: history, headers: bearer(tokens.reader) }),
    },
    {
      name: 'smiles',
      title: '50 smiles (GraphQL, REST shim)',
      sample: { key: '"code":', items: 50 },
      variants: [
        ...trio('/smiles', { body: gql(SMILES) }),
        { label: LABELS.rest, process: 'server', request: { path: '/api/smile', body: '{}' } },
      ],
    },
    {
      name: 'send-message',
      title: 'send a chat message (mutation)',
      variants: trio('/send', {
        body: sendBody(0, 0).body,
        next: rotating(writers, sendBody),
        expect: '"isSent":true',
      }),
    },
    {
      name: 'login',
      title: 'login (argon2id verify, session)',
      variants: trio('/login', { body: loginBody(0).body, next: rotating(writers, loginBody), expect: '"token"' }),
    },
  ]
}
