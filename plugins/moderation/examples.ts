/** GraphiQL's moderation examples (src/app/graphiql-examples.ts). */
export const MODERATION_EXAMPLES = /* GraphQL */ `
  # moderation: the ban reasons, whether a user is banned, and the audit log as it grows (moderators)
  query ModerationBanReasons {
    banReasons {
      databaseId
      code
      name
      durationSeconds
    }
  }

  query ModerationBanStatus($userId: Int!) {
    banStatus(userId: $userId) {
      banned
      endAt
      reason {
        name
      }
    }
  }

  subscription ModerationSubscribe {
    moderationAuditEvents {
      __typename
    }
  }
`
