import argon2 from 'argon2'

/**
 * argon2id at OWASP's first recommended setting (19 MiB, t=2, p=1): ~20 ms of CPU a hash here (bench/auth.ts),
 * a fair trade between login latency and an attacker's cost. Changing these rehashes on the next login.
 * `argon2` (node-argon2): on Node 20 its bundled prebuilt binary needs Node-API 10 and crashes the process on load, so
 * its install script compiles it from source (README, Passwords). Hashes made earlier by @node-rs/argon2 are the same
 * PHC strings and still verify (test/core/passwords.test.ts).
 */
export const ARGON2_PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/**
 * argon2 0.45.1 writes the parameters as `m=…,p=…,t=…`. The PHC format fixes the order `m,t,p`, and libargon2's own
 * reference argon2id_verify rejects any other with "Decoding failed" (tested; ranisalt/node-argon2#559).
 * Stored hashes keep the standard order, as @node-rs/argon2 wrote them; argon2.verify accepts either.
 */
const canonicalOrder = (phc: string) =>
  phc.replace(/^(\$argon2(?:id|i|d)\$v=\d+\$)m=(\d+),p=(\d+),t=(\d+)\$/, '$1m=$2,t=$4,p=$3$')

export const hashPassword = async (password: string) => canonicalOrder(await argon2.hash(password, ARGON2_PARAMS))

/**
 * A hash made with other parameters (or another algorithm, or version) is replaced on the next successful login.
 * argon2's own needsRehash compares version, m, t and p but not the algorithm, and throws on a string it cannot parse.
 */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith('$argon2id$')) return true
  try {
    return argon2.needsRehash(stored, ARGON2_PARAMS)
  } catch {
    return true
  }
}

/** A valid hash of a random password: unknown users are verified against it so both failures cost the same. */
let dummy: Promise<string> | undefined
const dummyHash = () => (dummy ??= hashPassword(`dummy-${Math.random()}`))

export async function verifyPassword(
  stored: string | null | undefined,
  password: string,
): Promise<{ ok: boolean; rehash: boolean }> {
  const target = stored ?? (await dummyHash())
  let ok: boolean
  try {
    ok = await argon2.verify(target, password)
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
