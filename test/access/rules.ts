import { ROLE_DEFAULTS, ROLE_NAMES, type RoleName } from '../../src/auth/roles.js'
import type { Fixtures } from './fixtures.js'

/**
 * The vocabulary of the scope table: who calls, what a rule admits, what a call must come to, and the comparison of
 * what it came to with what the table declares.
 */

/** Roles a plain user does not hold already (citizen and canUseSupport are on by default). */
export const GRANTABLE_ROLES = ROLE_NAMES.filter((r) => ROLE_DEFAULTS[r] === 0)

/**
 * Who calls: nobody signed in, a plain user (a stranger to every fixture), the fixtures' owner, the holder of one role
 * a rule names, and `others`: one user holding every role no rule names (none of them may open anything).
 */
export type Caller = 'guest' | 'user' | 'owner' | 'others' | RoleName

/** The callers for rules that name these roles (the owner is added where a rule names it). */
export function callerSet(named: readonly RoleName[]): Caller[] {
  const others = GRANTABLE_ROLES.filter((r) => !named.includes(r))
  return [
    'guest',
    'user',
    ...GRANTABLE_ROLES.filter((r) => named.includes(r)),
    ...(others.length ? ['others' as const] : []),
  ]
}

/** The roles a set of rules names: each gets a caller of its own. */
export const rolesNamed = (cases: readonly Case[]): RoleName[] =>
  [...new Set(cases.flatMap((c) => (Array.isArray(c.admits) ? c.admits : [])))].filter(
    (r): r is RoleName => r !== 'owner',
  )

/**
 * What a call must come to. `allowed`: it passed access, whatever came after (data, or an error that is no refusal:
 * bad input, not found …). `null`: answered without error, the value hidden as null. Any other string is the error
 * code of the refusal (UNAUTHENTICATED, INSUFFICIENT_PERMISSIONS, CHANNEL_NOT_FOUND for "does not exist to you" …).
 */
export type Outcome = 'allowed' | 'null' | 'UNAUTHENTICATED' | 'INSUFFICIENT_PERMISSIONS' | (string & {})

/** The codes that always mean "refused for who you are", whatever a rule says. */
export const ACCESS_CODES: readonly string[] = ['UNAUTHENTICATED', 'INSUFFICIENT_PERMISSIONS']

export type Vars = Record<string, unknown>

/** One access rule and the call that tests it. */
export interface Case {
  /** who passes: everyone, anyone signed in, or these callers (the fixtures' owner, holders of these roles) */
  admits: 'everyone' | 'signed-in' | readonly (RoleName | 'owner')[]
  /** how the others are refused (default INSUFFICIENT_PERMISSIONS) */
  refusal?: Outcome
  /** how a guest is refused (default UNAUTHENTICATED, or `refusal` when that is neither access code) */
  guest?: Outcome
  /** argument values (the others are generated from their types); may create what the call needs */
  args?: (f: Fixtures, caller: Caller) => Vars | Promise<Vars>
  /** the call ends the caller's session (logout …): every call gets a session of its own */
  freshSession?: boolean
}

/** A rule: one case, or several (the same field called on different things). */
export type Rule = Case | { cases: Record<string, Case> }

export const casesOf = (rule: Rule): [string, Case][] => ('cases' in rule ? Object.entries(rule.cases) : [['', rule]])

/** The callers a case is tried with: all of them, and the owner where the rule names the owner. */
export const callersOf = (c: Case, all: readonly Caller[]): Caller[] =>
  Array.isArray(c.admits) && c.admits.includes('owner') ? [...all, 'owner'] : [...all]

/** The outcome the table declares for this caller. */
export function expected(c: Case, caller: Caller): Outcome {
  const admits = c.admits
  const admitted =
    admits === 'everyone' ||
    (admits === 'signed-in' && caller !== 'guest') ||
    (Array.isArray(admits) && (admits as string[]).includes(caller))
  if (admitted) return 'allowed'
  const refusal = c.refusal ?? 'INSUFFICIENT_PERMISSIONS'
  if (caller === 'guest') return c.guest ?? (ACCESS_CODES.includes(refusal) ? 'UNAUTHENTICATED' : refusal)
  return refusal
}

/** Outcomes that prove nothing either way: the call never ran, its fixture failed, or the server broke. */
const BROKEN = new Set(['not executed', 'fixture failed', 'INTERNAL_SERVER_ERROR', 'no code'])

/** What a call came to: an error code, `null`, or `value`; `detail` says more for a failure message. */
export interface Actual {
  outcome: string
  detail: string
}

/** Compares; null when they agree, else a line saying what differs. */
export function judge(c: Case, caller: Caller, actual: Actual, label: string): string | null {
  const want = expected(c, caller)
  if (want === 'allowed') {
    // passing access means none of the refusals this rule knows
    const refusals = new Set([...ACCESS_CODES, expected(c, 'guest'), expected(c, 'user')])
    refusals.delete('allowed')
    if (!refusals.has(actual.outcome) && !BROKEN.has(actual.outcome)) return null
  } else if (want === actual.outcome) return null
  return `${label} as ${caller}: expected ${want}, got ${actual.outcome} (${actual.detail})`
}
