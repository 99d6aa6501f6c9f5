/** GraphiQL's smiles examples (src/app/graphiql-examples.ts). */
export const SMILES_EXAMPLES = /* GraphQL */ `
  # smiles: the public set, and its changes as they happen
  query SmilesList {
    smiles {
      databaseId
      code
      url
      width
      height
    }
  }

  subscription SmilesSubscribe {
    smilesChanged {
      kind
      removedIds
      smiles {
        code
        url
      }
    }
  }
`
