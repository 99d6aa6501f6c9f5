/** GraphiQL's store examples (src/app/graphiql-examples.ts). */
export const STORE_EXAMPLES = /* GraphQL */ `
  # store: the bonuses for sale, your wallet (signed in), and its changes
  query StoreBonuses {
    storeBonuses {
      databaseId
      name
      price {
        pekoins
        points
        canBePurchased
      }
    }
  }

  query StoreWallet {
    wallet {
      pekoins
      points
    }
  }

  subscription StoreSubscribe {
    walletChanged {
      kind
      wallet {
        pekoins
        points
      }
    }
  }
`
