import { Buffer } from 'node:buffer'
import { defineSocketStreams } from '../../src/sockets/events.js'
import { encodeObjectId } from '../../src/rest/object-ids.js'
import { MESSAGE, jcMessage, type MessageOut } from './rest/shapes.js'

/**
 * JustChat's socket events of personal messages (justchat-api.md): `direct-message` when someone writes to the user,
 * `read-message` when the other side read the conversation up to a message.
 */

interface DmEvent {
  type: 'CHAT' | 'READ' | 'CLEARED'
  channel: string
  chatEvent: { __typename: string; message?: MessageOut & { to: { databaseId: number } | null } } | null
  read: { userId: number; upToId: number } | null
}

export const dmSocketStreams = defineSocketStreams([
  {
    dialect: 'justchat',
    name: 'dms',
    operation: `subscription { directMessageEvents { type channel read { userId upToId }
      chatEvent { __typename ... on ChatMessageAdded { message { ${MESSAGE} } } } } }`,
    emit(session, data) {
      const e = (data as { directMessageEvents: DmEvent }).directMessageEvents
      const me = session.viewer?.id
      if (e.type === 'CHAT' && e.chatEvent?.__typename === 'ChatMessageAdded' && e.chatEvent.message) {
        const m = e.chatEvent.message
        // what the user wrote themselves is in the answer of their own request
        if (!m.from || me === undefined || m.from.databaseId === me) return
        session.emit('direct-message', {
          error: null,
          type: 'direct-message',
          author: encodeObjectId(m.from.databaseId),
          user: encodeObjectId(me),
          text: m.text,
          created_at: m.time,
        })
        return
      }
      if (e.type !== 'READ' || !e.read || e.read.userId === me) return
      const id = Buffer.from(`ChatMessage:${e.read.upToId}`).toString('base64')
      void session
        .run<{ node: MessageOut | null }>(`query($id: ID!) { node(id: $id) { ... on ChatMessage { ${MESSAGE} } } }`, {
          id,
        })
        .then((d) => {
          if (d.node?.databaseId) session.emit('read-message', { error: null, data: jcMessage(d.node) })
        })
        .catch(() => undefined)
    },
  },
])
