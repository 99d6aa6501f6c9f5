/**
 * JustChat documents its ids as 24-hex MongoDB ObjectIds ("52ee29b565e203779f2e37f3"). Ours are integers: a dialect
 * shows an id as its zero-padded hex, 24 characters, and reads it back exactly; a plain integer is read as well, so
 * clients that kept the ids of earlier answers still work.
 */
const OBJECT_ID = /^[0-9a-f]{24}$/i

export function encodeObjectId(id: number): string {
  return id.toString(16).padStart(24, '0')
}

/** an ObjectId-shaped string or a positive integer (number or digits) → the id; anything else → null */
export function decodeObjectId(value: unknown): number | null {
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value !== 'string') return null
  else if (OBJECT_ID.test(value)) n = parseInt(value, 16)
  else if (/^\d{1,10}$/.test(value)) n = Number(value)
  else return null
  return Number.isSafeInteger(n) && n > 0 && n <= 2147483647 ? n : null
}
