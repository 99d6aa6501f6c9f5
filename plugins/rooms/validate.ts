import { AppError, invalid } from '../../src/errors.js'
import type { Prisma } from '../../src/generated/prisma/client.js'

/** Limits of a room's own fields (peka2 and JustChat name none; these are ours, in the README). */
export const LIMITS = {
  name: 100,
  slug: 64,
  passwordMin: 4,
  passwordMax: 128,
  maxUsers: 10_000,
  settingsBytes: 4096,
} as const

export const SLUG = /^[a-z0-9-]{1,64}$/

/** A room name: trimmed, 1–100 characters, no control characters. */
export function roomName(v: string, field = 'name'): string {
  const name = v.trim()
  if (name.length < 1 || name.length > LIMITS.name) throw invalid(field, `must be 1–${LIMITS.name} characters`)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalid(field, 'must not contain control characters')
  return name
}

export function roomSlug(v: string): string {
  if (!SLUG.test(v)) throw invalid('slug', `must be 1–${LIMITS.slug} characters of a–z, 0–9 and -`)
  return v
}

export function roomPassword(v: string): string {
  if (v.length < LIMITS.passwordMin || v.length > LIMITS.passwordMax)
    throw invalid('password', `must be ${LIMITS.passwordMin}–${LIMITS.passwordMax} characters`)
  return v
}

export function maxUsers(v: number): number {
  if (!Number.isInteger(v) || v < 1 || v > LIMITS.maxUsers) throw invalid('maxUsers', `must be 1–${LIMITS.maxUsers}`)
  return v
}

/** Settings: a JSON object of at most 4 KB (UTF-8, as serialized). */
export function roomSettings(v: unknown): Prisma.InputJsonObject {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalid('settings', 'must be a JSON object')
  const text = JSON.stringify(v)
  if (Buffer.byteLength(text) > LIMITS.settingsBytes)
    throw new AppError('INVALID_INPUT', `settings: must be at most ${LIMITS.settingsBytes} bytes as JSON`, {
      field: 'settings',
    })
  return JSON.parse(text) as Prisma.InputJsonObject
}

const CYRILLIC: Record<string, string> = Object.fromEntries(
  'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:h ц:ts ч:ch ш:sh щ:sch ъ: ы:y ь: э:e ю:yu я:ya'
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
)

/** A slug made from a room's name: Russian transliterated, every other run of non [a-z0-9] a single "-". */
export function slugOfName(name: string): string {
  const latin = name.toLowerCase().replace(/[а-яё]/g, (c) => CYRILLIC[c] ?? c)
  const slug = latin
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slug - 6)
    .replace(/-+$/, '')
  return slug || 'room'
}
