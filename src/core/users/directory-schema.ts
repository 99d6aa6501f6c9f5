import type { Builder } from '../../schema/builder.js'
import { directory, DIRECTORY_MAX, type DirectoryEntry } from './directory.js'

/** Query.userDirectory: the messenger's user list and user search (src/core/users/directory.ts). */
export function addDirectorySchema(builder: Builder) {
  const Entry = builder.objectRef<DirectoryEntry>('DirectoryUser').implement({
    description: 'A user as the directory lists them: name, photo and whether they are signed in somewhere',
    fields: (t) => ({
      databaseId: t.exposeInt('id', { description: 'The integer user id' }),
      name: t.exposeString('name', { description: 'The user name' }),
      photo: t.exposeString('photo', { nullable: true, description: 'Avatar URL; null when none was set' }),
      status: t.exposeString('status', { description: 'online (signed in somewhere) or offline' }),
    }),
  })
  builder.queryFields((t) => ({
    userDirectory: t.field({
      type: [Entry],
      authScopes: { authenticated: true },
      description: `Users by name (blocked ones left out), at most ${DIRECTORY_MAX} a page; \`search\`: part of the name, at least 2 characters`,
      args: {
        search: t.arg.string({ description: 'Part of the name, at least 2 characters; omit to list everyone' }),
        first: t.arg.int({ defaultValue: 50, description: `How many, 1 to ${DIRECTORY_MAX}` }),
        offset: t.arg.int({ defaultValue: 0, description: 'How many to skip, 0 to 100000' }),
      },
      resolve: (_p, a, ctx) => directory(ctx, { search: a.search, first: a.first ?? 50, offset: a.offset ?? 0 }),
    }),
  }))
}
