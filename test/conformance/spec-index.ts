import fs from 'node:fs'
import path from 'node:path'

/**
 * The "documented" column: every endpoint and socket event the spec files document, read from the markdown at test
 * time (the files are the ground truth; a table that misses one of them fails the suite).
 *
 * Keys, per dialect:
 * - peka2 (peka2-full/*.md): `POST /api/user`, `GET /api/player/live`, `WS /chat/join` (client events and the server
 *   events `/chat/message`, `/notifier/message`), `notification roomModify` (the `type`s of `/notifier/message`).
 *   peka2-api-index.md adds what it lists without a section of its own (filed under the file it links to); the older
 *   copies peka2-admin.md and peka2-smiles.md add nothing (each endpoint counts once, by its peka2-full file).
 * - JustChat (justchat-api.md): `POST /init/reg` (each path once, however many request variants the document shows),
 *   `server message`, `server service-message` … (`[socket] '…'` blocks and `socket.on('…')`), `client init`.
 * - messenger (messenger-api.md): `GET /api/users`, `POST /api/guilds/1/channels` — the path as the document writes it,
 *   query string dropped — and `client join_room` / `server new_message` (socket.emit / socket.on).
 */

export type ItemKind = 'http' | 'client' | 'server' | 'notification'

export interface DocumentedItem {
  key: string
  kind: ItemKind
  /** false: only the index names it (no request or response documented) */
  detailed: boolean
}

/** The spec files with endpoints, by table name (tables/<name>.ts). */
export const PEKA2_FILES = [
  'common',
  'chat',
  'notification',
  'admin',
  'poll',
  'room',
  'smile',
  'store',
  'oauth',
  'player',
  'thirdparty',
] as const
export const SPEC_FILES = [...PEKA2_FILES, 'justchat-api', 'messenger-api'] as const
export type SpecFile = (typeof SPEC_FILES)[number]

/** The spec file a table is written from, relative to the spec directory. */
export const specPath = (file: SpecFile) => (file.endsWith('-api') ? `${file}.md` : `peka2-full/${file}.md`)

const REPO = path.resolve(import.meta.dirname, '../..')

/** Where the spec files are: SPEC_DIR, else the copy in the repository (docs/spec). */
export function specDir(): string {
  const candidates = [process.env.SPEC_DIR, 'docs/spec'].filter((d): d is string => !!d)
  for (const c of candidates) {
    const dir = path.resolve(REPO, c)
    if (fs.existsSync(path.join(dir, 'peka2-api-index.md'))) return dir
  }
  throw new Error(`no spec files (peka2-api-index.md …) in ${candidates.join(', ')}: set SPEC_DIR`)
}

const PEKA2_HTTP = /^#####\s*\[`(GET|POST)`\s*`[^`]+`\s*`(\/[^`]+)`\]/
const PEKA2_WS = /^#####\s*`WS`\s*`[^`]+`\s*`(\/[^`]+)`/
const PEKA2_NOTIFICATION = /^#####\s*`([A-Za-z][\w/]*)`\s*$/

/** The items of one peka2-full file. */
function peka2Items(text: string): DocumentedItem[] {
  const out: DocumentedItem[] = []
  // chat.md: events after "Оповещение клиента" are the server's; notification.md's /notifier/message too
  let serverSide = false
  for (const line of text.split('\n')) {
    if (/^(Оповещение клиента|Событие уведомления)\s*$/.test(line)) serverSide = true
    if (/^Оповещение сервера\s*$/.test(line)) serverSide = false
    let m = PEKA2_HTTP.exec(line)
    if (m) {
      out.push({ key: `${m[1]} ${m[2]}`, kind: 'http', detailed: true })
      continue
    }
    m = PEKA2_WS.exec(line)
    if (m) {
      out.push({ key: `WS ${m[1]}`, kind: serverSide ? 'server' : 'client', detailed: true })
      continue
    }
    m = PEKA2_NOTIFICATION.exec(line)
    if (m) out.push({ key: `notification ${m[1]}`, kind: 'notification', detailed: true })
  }
  return out
}

const INDEX_ENDPOINT = /^\s*- \[`(GET|POST|WS)` `[^`]+` `(\/[^`]+)`[^\]]*\]\(([\w-]+)\.md/
const INDEX_NOTIFICATION = /^\s*- \[`([A-Za-z][\w/]*)` [^\]]*\]\(([\w-]+)\.md#/

/** What peka2-api-index.md lists, by the file it links to. */
function indexItems(text: string): { file: string; item: DocumentedItem }[] {
  const out: { file: string; item: DocumentedItem }[] = []
  for (const line of text.split('\n')) {
    const m = INDEX_ENDPOINT.exec(line)
    if (m) {
      const key = m[1] === 'WS' ? `WS ${m[2]}` : `${m[1]} ${m[2]}`
      const kind = m[1] === 'WS' ? 'client' : 'http'
      out.push({ file: m[3], item: { key, kind, detailed: false } })
      continue
    }
    const n = INDEX_NOTIFICATION.exec(line)
    if (n) out.push({ file: n[2], item: { key: `notification ${n[1]}`, kind: 'notification', detailed: false } })
  }
  return out
}

/** JustChat: `[POST] '/path'` and `[socket] 'event'` blocks, socket.emit / socket.on of the examples. */
function justchatItems(text: string): DocumentedItem[] {
  const out: DocumentedItem[] = []
  for (const m of text.matchAll(/\[POST\]\s*'([^']+)'/g))
    out.push({ key: `POST ${m[1]}`, kind: 'http', detailed: true })
  for (const m of text.matchAll(/\[socket\]\s*'([^']+)'/g))
    out.push({ key: `server ${m[1]}`, kind: 'server', detailed: true })
  out.push(...socketCalls(text))
  return out
}

/** messenger: ```http blocks (METHOD path) and the socket.io events of its examples. */
function messengerItems(text: string): DocumentedItem[] {
  const out: DocumentedItem[] = []
  for (const m of text.matchAll(/```http\s*\n(GET|POST|PUT|PATCH|DELETE) (\S+)/g))
    out.push({ key: `${m[1]} ${m[2].split('?')[0]}`, kind: 'http', detailed: true })
  out.push(...socketCalls(text))
  return out
}

/** socket.emit('x') → client x; socket.on('x') → server x (socket.io's own connect events left out). */
function socketCalls(text: string): DocumentedItem[] {
  const own = new Set(['connect', 'disconnect', 'connect_error', 'reconnect'])
  const out: DocumentedItem[] = []
  for (const m of text.matchAll(/\bsocket\.(emit|on)\(\s*'([^']+)'/g)) {
    if (own.has(m[2])) continue
    const kind = m[1] === 'emit' ? 'client' : 'server'
    out.push({ key: `${kind} ${m[2]}`, kind, detailed: true })
  }
  return out
}

const unique = (items: DocumentedItem[]) => {
  const seen = new Map<string, DocumentedItem>()
  for (const i of items) if (!seen.has(i.key)) seen.set(i.key, i)
  return [...seen.values()]
}

/** Every documented item, per spec file. */
export function documented(dir = specDir()): Record<SpecFile, DocumentedItem[]> {
  const read = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8')
  const out = {} as Record<SpecFile, DocumentedItem[]>
  for (const f of PEKA2_FILES) out[f] = peka2Items(read(specPath(f)))
  for (const { file, item } of indexItems(read('peka2-api-index.md'))) {
    const list = (out as Record<string, DocumentedItem[] | undefined>)[file]
    if (!list) throw new Error(`peka2-api-index.md links ${item.key} to ${file}.md, which has no table`)
    if (!list.some((i) => i.key === item.key)) list.push(item)
  }
  out['justchat-api'] = justchatItems(read(specPath('justchat-api')))
  out['messenger-api'] = messengerItems(read(specPath('messenger-api')))
  for (const f of SPEC_FILES) out[f] = unique(out[f])
  return out
}
