/**
 * A path or query value as the integer it names (`/api/guilds/12` → 12). Anything else is passed on unchanged, so
 * the variable check answers `field: must be an integer …` for it.
 */
export const int = (v: unknown): unknown => (typeof v === 'string' && /^-?\d{1,10}$/.test(v) ? Number(v) : v)

/** An optional integer: absent (undefined or '') → null. */
export const optInt = (v: unknown): unknown => (v === undefined || v === '' ? null : int(v))
