/** GraphiQL's direct message examples (src/app/graphiql-examples.ts). */
export const DMS_EXAMPLES = /* GraphQL */ `
  # dms: your conversations, writing to a user, and your direct message events (signed in)
  query DmsDialogs {
    directDialogs(first: 20) {
      edges {
        node {
          peerId
          unreadCount
          lastMessage {
            text
            time
          }
        }
      }
    }
  }

  mutation DmsSend($to: Int!, $text: String! = "Hi") {
    sendDirectMessage(input: { to: $to, text: $text }) {
      isSent
      message {
        databaseId
      }
    }
  }

  subscription DmsSubscribe {
    directMessageEvents {
      type
      channel
    }
  }
`
