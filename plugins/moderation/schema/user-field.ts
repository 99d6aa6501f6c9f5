import type { Builder } from '../../../src/schema/builder.js'
import { userById } from '../../../src/core/users/batched.js'

type Types = Builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never

/**
 * A related user (`Ban.user`, `Complaint.accused` …) the way every plugin loads one: `t.prismaField` hands Pothos'
 * selection (`query`) to the core's batched lookup by id, so fields that need relations (`roles`) find them, and the
 * lookups of one tick are one statement — a page of rows costs one user query, not one per row.
 */
export function userField<P>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>,
  id: (parent: P) => number | null,
  description?: string,
) {
  return t.prismaField({
    type: 'User',
    nullable: true,
    description,
    resolve: (query, parent, _a, ctx) => {
      const userId = id(parent)
      return userId === null ? null : userById(ctx, query, userId)
    },
  })
}
