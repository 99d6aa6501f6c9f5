import { ACCESS_LETTERS, ROLE_NAMES, type Access } from '../../../src/auth/roles.js'
import { definePlugin } from '../../../src/plugin-system/contract.js'
import { defineRoutes, type RestRoute } from '../../../src/rest/route.js'

/**
 * A plugin whose fields and routes do nothing but ask for access: a query field per scope (every role, `public`,
 * `internal`, `authenticated`), a subscription that only moderators may start, and a JustChat route per access letter
 * (JustChat answers 440 to a guest and 403 to a caller without the role, so the two refusals can be told apart).
 */
export const SCOPES = [...ROLE_NAMES, 'public', 'internal', 'authenticated'] as const
export type Scope = (typeof SCOPES)[number]

export const fieldOf = (scope: Scope) => `scope_${scope}`
export const pathOf = (letters: Access[]) => `/strength-access/${letters.join('-')}`

/** every letter alone, and a route that admits either of two roles (peka2's `MS/Sm`), and one P among role letters */
export const ROUTES: Access[][] = [...ACCESS_LETTERS.map((a) => [a]), ['MS', 'Sm'], ['M', 'P'], ['S', 'C']]

const route = (letters: Access[]): RestRoute => ({
  dialect: 'justchat',
  path: pathOf(letters),
  access: letters[0],
  ...(letters.length > 1 ? { orAccess: letters.slice(1) } : {}),
  operation: '{ strengthOpen }',
  result: (d: { strengthOpen: string }) => ({ data: d.strengthOpen }),
})

export const strengthAccess = definePlugin({
  name: 'strength-access',
  schema(builder) {
    builder.queryField('strengthOpen', (t) => t.string({ resolve: () => 'open' }))
    for (const scope of SCOPES)
      builder.queryField(fieldOf(scope), (t) =>
        t.string({ nullable: true, authScopes: { [scope]: true }, resolve: () => scope }),
      )
    builder.subscriptionField('strengthModeratorsOnly', (t) =>
      t.string({
        authScopes: { moderator: true },
        subscribe: (_p, _a, ctx) => ctx.pubsub.subscribe('core.notification', 0),
        resolve: () => 'event',
      }),
    )
  },
  rest: defineRoutes(ROUTES.map(route)),
})
