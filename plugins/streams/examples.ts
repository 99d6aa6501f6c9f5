/** GraphiQL's streams examples (src/app/graphiql-examples.ts). */
export const STREAMS_EXAMPLES = /* GraphQL */ `
  # streams: the live streams of a category (its slug or databaseId), and one stream's players
  query StreamsLive($category: ContentCategoryRef!) {
    liveStreams(category: $category, first: 10) {
      edges {
        node {
          databaseId
          title
          online
          rating
        }
      }
    }
  }

  query StreamsOne($slug: String!) {
    liveStream(slug: $slug) {
      title
      online
      players {
        provider
        url
        viewers
      }
    }
  }
`
