import { defineRoutes } from '../../src/rest/route.js'

interface Ch {
  id: string
  name: string
  owner: { databaseId: number; name: string; slug: string } | null
}

export const chatRoutes = defineRoutes([
  {
    dialect: 'peka2',
    path: '/api/channel/data',
    access: 'P',
    operation: `query($ids: [String!]!) { chatChannels(ids: $ids) { id name owner { databaseId name slug } } }`,
    variables: (b) => ({ ids: b.channels }),
    result: (d: { chatChannels: Ch[] }) =>
      d.chatChannels.map((c) => ({
        id: c.id,
        name: c.name,
        user: c.owner ? { id: c.owner.databaseId, name: c.owner.name, slug: c.owner.slug } : null,
      })),
  },
])
