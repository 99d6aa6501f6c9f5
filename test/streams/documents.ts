import { graphql } from '../generated/index.js'

/** The GraphQL faces behind peka2's stream endpoints that the tests set data up with. */
export const SAVE_CATEGORY = graphql(`
  mutation StreamsSaveCategory($input: ContentCategoryInput!) { saveContentCategory(input: $input) { databaseId slug } }
`)
export const SAVE_STREAM = graphql(`
  mutation StreamsSaveStream($input: LiveStreamInput!) {
    saveLiveStream(input: $input) { databaseId title online rating players { provider channel url } }
  }
`)
export const PLAYER_STATUS = graphql(`
  mutation StreamsPlayerStatus($provider: StreamProvider!, $channel: String!, $online: Boolean!, $viewers: Int!) {
    setStreamPlayerStatus(provider: $provider, channel: $channel, online: $online, viewers: $viewers, title: "live")
  }
`)
