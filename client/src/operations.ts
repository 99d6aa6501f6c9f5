import { graphql } from './generated/index.js'

/** The SDK's ready-made operations; apps may write their own with `graphql()` from this package too. */
export const LoginMutation = graphql(`
  mutation SdkLogin($input: LoginInput!) {
    login(input: $input) {
      token
      viewer {
        databaseId
        name
      }
    }
  }
`)

export const ViewerQuery = graphql(`
  query SdkViewer {
    viewer {
      databaseId
      name
    }
  }
`)

export const ChatHistoryQuery = graphql(`
  query SdkChatHistory($channel: String!, $limit: Int, $skip: Int) {
    chatHistory(channel: $channel, limit: $limit, skip: $skip) {
      databaseId
      channel
      text
      time
      from {
        databaseId
        name
      }
    }
  }
`)

export const SendChatMessageMutation = graphql(`
  mutation SdkSendChatMessage($input: SendChatMessageInput!) {
    sendChatMessage(input: $input) {
      isSent
      dropReason
      retryAfter
      message {
        databaseId
        text
      }
    }
  }
`)

export const ChatEventsSubscription = graphql(`
  subscription SdkChatEvents($channel: String!) {
    chatEvents(channel: $channel) {
      __typename
      ... on ChatMessageAdded {
        channel
        message {
          databaseId
          text
          from {
            databaseId
            name
          }
        }
      }
    }
  }
`)
