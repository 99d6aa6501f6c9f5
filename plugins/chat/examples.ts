/** GraphiQL's chat examples (src/app/graphiql-examples.ts): history, sending, live events. */
export const CHAT_EXAMPLES = /* GraphQL */ `
  # chat: a channel's last messages, sending one (signed in), and the channel's live events
  query ChatHistory($channel: String! = "main") {
    chatHistory(channel: $channel, limit: 20) {
      databaseId
      text
      time
      from {
        name
      }
    }
  }

  mutation ChatSend($channel: String! = "main", $text: String! = "Hello") {
    sendChatMessage(input: { channel: $channel, text: $text }) {
      isSent
      dropReason
      retryAfter
      message {
        databaseId
      }
    }
  }

  subscription ChatSubscribe($channel: String! = "main") {
    chatEvents(channel: $channel) {
      __typename
      ... on ChatMessageAdded {
        message {
          databaseId
          text
          from {
            name
          }
        }
      }
      ... on ChatTyping {
        user {
          name
        }
      }
    }
  }
`
