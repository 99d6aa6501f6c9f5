/** GraphiQL's polls examples (src/app/graphiql-examples.ts). */
export const POLLS_EXAMPLES = /* GraphQL */ `
  # polls: a channel's running poll, voting in it (signed in), and its live results
  query PollsCurrent($channel: String! = "main") {
    channelPoll(channel: $channel) {
      databaseId
      question
      endsAt
      options {
        position
        text
        votes
      }
    }
  }

  mutation PollsVote($channel: String! = "main", $position: Int!) {
    voteChannelPoll(channel: $channel, position: $position) {
      pollId
      poll {
        totalVotes
      }
    }
  }

  subscription PollsSubscribe($channel: String! = "main") {
    pollUpdated(channel: $channel) {
      change
      poll {
        totalVotes
        options {
          position
          votes
        }
      }
    }
  }
`
