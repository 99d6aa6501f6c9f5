import { ROLE_DEFAULTS, ROLE_NAMES, type RoleName, type Roles } from '../../auth/roles.js'
import type { Context, Viewer } from '../../context.js'
import { AppError, invalid } from '../../errors.js'

/**
 * What a user lets an application do, in the API's own terms (its scope-auth scopes):
 * - `read`: act as the user in every query and subscription (always granted);
 * - `write`: mutations as the user (peka2's "extra capability", e.g. writing on their behalf);
 * - a role name (`support`, `roleAdmin` …): that role, when the user holds it.
 * Everything beyond `read` needs an application staff approved. The site's own sessions have every scope.
 */
export const BASE_SCOPES = ['read', 'write'] as const
/** Roles that are powers (off by default): an OAuth token carries them only when granted. */
export const ROLE_SCOPES: readonly RoleName[] = ROLE_NAMES.filter((r) => ROLE_DEFAULTS[r] === 0)
export const ALL_SCOPES: readonly string[] = [...BASE_SCOPES, ...ROLE_SCOPES]

/** An OAuth token's identity: the application it acts for and its scopes in force. */
export interface OAuthViewer {
  appId: number
  scopes: readonly string[]
}

/** Scopes as asked (GraphQL enum values or peka2 words): known ones, `read` always among them, no repeats. */
export function normalizeScopes(asked: readonly string[] | null | undefined, field = 'scopes'): string[] {
  const out = new Set<string>(['read'])
  for (const [i, s] of (asked ?? []).entries()) {
    if (!ALL_SCOPES.includes(s)) throw invalid(`${field}[${i}]`, `must be one of ${ALL_SCOPES.join(', ')}`)
    out.add(s)
  }
  return ALL_SCOPES.filter((s) => out.has(s))
}

/** What a token may use now: beyond `read` only while its application stays approved (approval can be taken back). */
export const scopesInForce = (granted: readonly string[], approved: boolean): string[] =>
  approved ? normalizeScopes(granted.filter((s) => ALL_SCOPES.includes(s))) : ['read']

/** The user's roles as a token sees them: every power role not among its scopes is off. */
export function rolesInScope(roles: Roles, scopes: readonly string[]): Roles {
  const out: Roles = { ...roles }
  for (const r of ROLE_SCOPES) if (!scopes.includes(r)) out[r] = 0
  return out
}

/** The viewer of an operation only the site's own sessions may run (grants, applications): no OAuth token. */
export function firstParty(ctx: Pick<Context, 'viewer'>): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED')
  if (ctx.viewer.oauth) throw new AppError('OAUTH_FIRST_PARTY_ONLY')
  return ctx.viewer
}

/** GraphQL enum name of a scope (`roleAdmin` → ROLE_ADMIN) and back. */
export const scopeEnumName = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()
