import type { Builder } from '../../schema/builder.js'
import { NUMERIC_ROLES, ROLE_DESCRIPTIONS, ROLE_NAMES, ROLES_DESCRIPTION, type Roles } from '../../auth/roles.js'

export function addRolesType(builder: Builder) {
  return builder.objectRef<Roles>('Roles').implement({
    description: ROLES_DESCRIPTION,
    fields: (t) =>
      Object.fromEntries(
        ROLE_NAMES.map((r) => {
          const description = ROLE_DESCRIPTIONS[r]
          return [
            r,
            NUMERIC_ROLES.has(r)
              ? t.exposeInt(r, { description })
              : t.boolean({ description, resolve: (p) => p[r] > 0 }),
          ]
        }),
      ),
  })
}

export const ROLES_SELECTION = ROLE_NAMES.join(' ')

/** The roles as the Roles type shows them (counted ones as numbers, the others whether held), for an event's data. */
export const shownRoles = (roles: Roles) =>
  Object.fromEntries(ROLE_NAMES.map((r) => [r, NUMERIC_ROLES.has(r) ? roles[r] : roles[r] > 0]))
