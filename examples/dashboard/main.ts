/**
 * A minimal live view of one chat channel, built on the typed SDK: its recent messages (ChatHistoryQuery), then new
 * ones as they arrive (ChatEventsSubscription over graphql-ws). `?api=<graphql url>&channel=<name>`; the defaults are
 * this page's origin and `main`.
 */
import { ChatEventsSubscription, ChatHistoryQuery, createClient, StreamhubError } from '../../client/src/index.js'

const params = new URLSearchParams(location.search)
const api = params.get('api') ?? new URL('/graphql', location.origin).href
const channel = params.get('channel') ?? 'main'

const list = must('messages')
const status = must('status')
must('channel').textContent = channel

function must(id: string): HTMLElement {
  const el = document.getElementById(id)
  if (!el) throw new Error(`#${id} is missing from the page`)
  return el
}

const shown = new Set<number>()
/** textContent only: message text is user input and must never become markup */
function append(m: { databaseId: number; text: string; from?: { name: string } | null }) {
  // the subscription may deliver a message the history already listed
  if (shown.has(m.databaseId)) return
  shown.add(m.databaseId)
  const li = document.createElement('li')
  li.dataset.id = String(m.databaseId)
  const from = document.createElement('span')
  from.className = 'from'
  from.textContent = m.from?.name ?? '—'
  const text = document.createElement('span')
  text.className = 'text'
  text.textContent = m.text
  li.append(from, text)
  list.append(li)
}

function setStatus(state: string, text: string) {
  status.dataset.state = state
  status.textContent = text
}

const client = createClient({ url: api })

// subscribe first, so nothing sent between the history and the subscription is lost (duplicates are skipped)
client.subscribe(
  ChatEventsSubscription,
  { channel },
  {
    next: ({ chatEvents }) => {
      if (chatEvents.__typename === 'ChatMessageAdded') append(chatEvents.message)
    },
    error: (e) => setStatus('error', `live updates failed: ${e.code} ${e.message}`),
  },
)

try {
  const { chatHistory } = await client.query(ChatHistoryQuery, { channel, limit: 50 })
  // oldest first, as a chat reads
  for (const m of [...chatHistory].sort((a, b) => a.databaseId - b.databaseId)) append(m)
  setStatus('live', `live — ${api}`)
} catch (e) {
  setStatus('error', e instanceof StreamhubError ? `${e.code}: ${e.message}` : String(e))
}
