import { defineRoutes } from '../../src/rest/route.js'

interface Ch {
  id: string
  name: string
  owner: { databaseId: number; name: string; slug: string } | null
}

/**
 * /api/channel/data answers per id: every documented kind (chat.md "Каналы чата", those of the enabled plugins), in the
 * order asked. An id that does not resolve — malformed, of no kind, not existing, or not the caller's to read (answered
 * alike, so nothing tells which private channels exist) — is left out, as /api/user/list leaves out unknown users: a
 * client maps the answer by `id`. An empty list is still an error.
 */
export const chatRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/channel/data',
    access: 'P',
    operation: `query($ids: [String!]!) { chatChannels(ids: $ids, skipMissing: true) { id name owner { databaseId name slug } } }`,
    variables: (b) => ({ ids: b.channels }),
    // the document gives the list no size
    pageBy: 'ids',
    result: (d: { chatChannels: Ch[] }) =>
      d.chatChannels.map((c) => ({
        id: c.id,
        name: c.name,
        user: c.owner ? { id: c.owner.databaseId, name: c.owner.name, slug: c.owner.slug } : null,
      })),
  },
])
