import unhomoglyph from 'unhomoglyph'
import { invalid } from '../../errors.js'
import { passwordProblem } from '../../auth/passwords.js'

const USERNAME = /^[\p{L}\p{N}_-]{3,32}$/u
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/

export function checkUsername(name: string, field = 'username'): string {
  const n = name.trim()
  if (!USERNAME.test(n)) throw invalid(field, 'must be 3–32 letters, digits, _ or -', 'INVALID_USERNAME')
  return n
}

export function checkEmail(email: string, field = 'email'): string {
  const e = email.trim().toLowerCase()
  if (e.length > 254 || !EMAIL.test(e)) throw invalid(field, 'is not a valid email address', 'INVALID_EMAIL')
  return e
}

export function checkPassword(password: string, field = 'password'): string {
  const problem = passwordProblem(password)
  if (problem) throw invalid(field, problem, 'WEAK_PASSWORD')
  return password
}

/** JustChat phones: digits with an optional leading +, 10–15 digits (E.164). Stored as +digits. */
export function checkPhone(phone: string, field = 'phone'): string {
  const digits = phone.trim().replace(/^\+/, '')
  if (!/^\d{10,15}$/.test(digits))
    throw invalid(field, 'must be 10–15 digits, optionally with a leading +', 'INVALID_PHONE')
  return `+${digits}`
}

export const slugOf = (name: string) => name.toLowerCase()

/** Unicode TR39 skeleton: NFD, each character replaced by its confusables.txt prototype (unhomoglyph ships Unicode's
 * table), NFD again. Two strings that look alike have one skeleton ("m" and "rn" → "rn", Cyrillic "а" → "a"). */
const skeleton = (s: string) => unhomoglyph(s.normalize('NFD')).normalize('NFD')

export interface NameSkeletons {
  nameSkeleton: string
  nameSkeletonFolded: string
}

/**
 * The look-alike keys of a user name, each stored in a unique column: a name whose key equals another name's key in
 * either column looks like that name and is refused. `nameSkeleton` is TR39's skeleton of the name as written
 * ("Ian" and "lan" → "lan"); names are also unique regardless of case, so `nameSkeletonFolded` is the skeleton of the
 * name in lower case, folded again since prototypes come in both cases ("аdmin" with a Cyrillic а, "ADMIN" and
 * "admin" → "adrnin").
 */
export function nameSkeletons(name: string): NameSkeletons {
  const n = name.normalize('NFKC')
  return { nameSkeleton: skeleton(n), nameSkeletonFolded: skeleton(n.toLowerCase()).toLowerCase() }
}
