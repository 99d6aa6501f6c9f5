/** A database id as it appears in a channel id: 1 … 2^31 − 1, no leading zeros. */
const isId = (s: string | undefined) => !!s && /^[1-9]\d{0,9}$/.test(s) && Number(s) <= 2_147_483_647

/** private/<a>/<b> with a ≤ b: the one channel of a pair of users (peka2's private channels). */
export const conversationChannel = (a: number, b: number) => `private/${Math.min(a, b)}/${Math.max(a, b)}`

/** The two users of a private channel's parts, or null when malformed. */
export function parsePair(rest: string[]): [number, number] | null {
  if (rest.length !== 2 || !isId(rest[0]) || !isId(rest[1])) return null
  const [a, b] = [Number(rest[0]), Number(rest[1])]
  return a <= b ? [a, b] : null
}

/** The two users of a stored private channel id (parts already checked when it was stored). */
export const pairOf = (channel: string): [number, number] | null => parsePair(channel.split('/').slice(1))
