/** The peka2 role set. Every role is an integer: booleans as 0/1, `citizen` as a vote weight. */
export const ROLE_DEFAULTS = {
  support: 0,
  canUseSupport: 1,
  moderator: 0,
  citizen: 2,
  twitch: 0,
  blocker: 0,
  masterstreamer: 0,
  smiler: 0,
  roleAdmin: 0,
  schedule: 0,
  seasoner: 0,
  storeAdmin: 0,
  storeSupport: 0,
  streamAdmin: 0,
} as const

export type RoleName = keyof typeof ROLE_DEFAULTS
export type Roles = Record<RoleName, number>

/** What the GraphQL `Roles` type says of them. */
export const ROLES_DESCRIPTION = "peka2 roles: flags, and `citizen`, the weight of the user's vote in civil moderation"

/** What each role lets its holder do (peka2 common.md), for the schema's descriptions. */
export const ROLE_DESCRIPTIONS: Record<RoleName, string> = {
  support: 'Support agent: answers support tickets',
  canUseSupport: 'May open support tickets and join their channels (held by default)',
  moderator: 'Chat moderator: bans, removes messages, handles complaints',
  citizen: "Weight of the user's vote in civil moderation (default 2; 0–100)",
  twitch: 'A twitch.tv account is linked',
  blocker: 'May block and unblock user accounts',
  masterstreamer: 'Partner streamer: has their own smiles and icon',
  smiler: 'May edit the public smiles',
  roleAdmin: "May change other users' roles; also an operator (plugin switches, console)",
  schedule: 'May edit their own stream schedule',
  seasoner: 'May manage competition seasons',
  storeAdmin: 'Store administrator: creates and changes bonuses',
  storeSupport: "Store support: users' points, bonuses and subscriptions",
  streamAdmin: 'Stream administrator',
}

/** Roles whose value is a number rather than a flag (type-checked on set). */
export const NUMERIC_ROLES: ReadonlySet<RoleName> = new Set(['citizen'])

export const ROLE_NAMES = Object.keys(ROLE_DEFAULTS) as RoleName[]

export const isRoleName = (s: string): s is RoleName => Object.hasOwn(ROLE_DEFAULTS, s)

export function rolesFromRows(rows: { role: string; value: number }[]): Roles {
  const roles: Roles = { ...ROLE_DEFAULTS }
  for (const r of rows) if (isRoleName(r.role)) roles[r.role] = r.value
  return roles
}

/**
 * peka2's access letters (peka2-api-index.md) → the role that admits a caller; P and C (the site's own login) are
 * open, A needs a session. `MS/Sm` routes list both letters.
 */
export const ACCESS_LETTERS = ['P', 'A', 'M', 'S', 'B', 'Sm', 'MS', 'RA', 'Sc', 'Se', 'StA', 'StS', 'C'] as const
export type Access = (typeof ACCESS_LETTERS)[number]

export const ACCESS_ROLE: Partial<Record<Access, RoleName>> = {
  M: 'moderator',
  S: 'support',
  B: 'blocker',
  Sm: 'smiler',
  MS: 'masterstreamer',
  RA: 'roleAdmin',
  Sc: 'schedule',
  Se: 'seasoner',
  StA: 'storeAdmin',
  StS: 'storeSupport',
}
