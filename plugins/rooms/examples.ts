/** GraphiQL's rooms examples (src/app/graphiql-examples.ts). */
export const ROOMS_EXAMPLES = /* GraphQL */ `
  # rooms: the rooms you belong to, entering one (signed in), and what happens in it
  query RoomsMine {
    myRooms {
      role
      room {
        databaseId
        name
        occupantCount
      }
    }
  }

  mutation RoomsEnter($roomId: Int!) {
    enterRoom(roomId: $roomId) {
      databaseId
      name
    }
  }

  subscription RoomsSubscribe($roomId: Int!) {
    roomChanged(roomId: $roomId) {
      change
      time
      user {
        name
      }
    }
  }
`
