import { gql, subscribe, wsClient } from './clients.js'
import { graphql } from '../generated/index.js'
const EDIT = graphql(`mutation EditChatMessageLive($id: Int!, $text: String!) { editChatMessage(id: $id, text: $text) { databaseId text editedAt } }`)
export async function f() {
  await gql('x', EDIT) // missing required variables
  await gql('x', EDIT, { id: 1 }) // missing text
  await gql('x', EDIT, { id: '1', text: 'a' }) // wrong type
  const r = await gql('x', EDIT, { id: 1, text: 'a' }, 'tok')
  const n: number = r.data!.editChatMessage.text // wrong result type
  subscribe(wsClient('x'), EDIT)
  return n
}
