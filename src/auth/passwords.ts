import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id at OWASP's first recommended setting (19 MiB, t=2, p=1): ~22 ms a hash on a 2-core VM (bench/auth.ts),
 * a fair trade between login latency and an attacker's cost. Changing these rehashes on the next login.
 * (@node-rs/argon2 rather than node-argon2: the latter's prebuilt binary crashes on load on our Debian image.)
 */
export const ARGON2_PARAMS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

const PARAMS_TAG = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`

export const hashPassword = (password: string) => hash(password, ARGON2_PARAMS)

/** A hash made with other parameters (or another algorithm) is replaced on the next successful login. */
export const needsRehash = (stored: string) => !stored.startsWith(PARAMS_TAG)

/** A valid hash of a random password: unknown users are verified against it so both failures cost the same. */
let dummy: Promise<string> | undefined
const dummyHash = () => (dummy ??= hashPassword(`dummy-${Math.random()}`))

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<{ ok: boolean; rehash: boolean }> {
  const target = stored ?? (await dummyHash())
  let ok = false
  try {
    ok = await verify(target, password)
  } catch {
    ok = false
  }
  if (!stored) return { ok: false, rehash: false }
  return { ok, rehash: ok && needsRehash(stored) }
}

/** messenger-api.md: WEAK_PASSWORD. At least 8 characters with a letter and a digit, at most 128. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'must be at least 8 characters'
  if (password.length > 128) return 'must be at most 128 characters'
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'must contain a letter and a digit'
  return null
}
