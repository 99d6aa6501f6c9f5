/** GraphiQL's first tab (src/app/graphiql-examples.ts): signing in and the signed-in user. */
export const CORE_EXAMPLES = /* GraphQL */ `
  # Sign in, then send the token as the header  Authorization: Bearer <token>  (Headers tab below)
  mutation Login($login: String!, $password: String!) {
    login(input: { login: $login, password: $password }) {
      token
      viewer {
        databaseId
        name
      }
    }
  }

  # Who the token signs in
  query Viewer {
    viewer {
      databaseId
      name
      slug
      roles {
        roleAdmin
      }
    }
  }
`
