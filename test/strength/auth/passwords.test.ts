import argon2 from 'argon2'
import { describe, expect, it } from 'vitest'
import {
  ARGON2_PARAMS,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from '../../../src/auth/passwords.js'

describe('passwords: what is hashed and how', () => {
  it('uses argon2id (not argon2i or argon2d) with the OWASP parameters', () => {
    expect(ARGON2_PARAMS).toEqual({ type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 })
  })

  it('a new hash is a full PHC string in the order m,t,p that argon2 itself verifies', async () => {
    const h = await hashPassword('correct horse 9')
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
    expect(await argon2.verify(h, 'correct horse 9')).toBe(true)
    expect(needsRehash(h)).toBe(false)
  })

  it('a hash that starts like argon2id but cannot be parsed needs a rehash (no throw)', () => {
    expect(needsRehash('$argon2id$')).toBe(true)
    expect(needsRehash('$argon2id$v=19$garbage')).toBe(true)
    expect(needsRehash('')).toBe(true)
  })

  it('an unknown user costs a real argon2 verification, as a known one does', async () => {
    const stored = await hashPassword('correct horse 9')
    const time = async (fn: () => Promise<unknown>) => {
      let best = Infinity
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now()
        await fn()
        best = Math.min(best, performance.now() - t0)
      }
      return best
    }
    await verifyPassword(null, 'x') // the dummy hash is made once, on first use
    const known = await time(() => verifyPassword(stored, 'wrong horse 9'))
    const unknown = await time(() => verifyPassword(null, 'wrong horse 9'))
    const missing = await time(() => verifyPassword(undefined, 'wrong horse 9'))
    expect(unknown).toBeGreaterThan(known * 0.3)
    expect(missing).toBeGreaterThan(known * 0.3)
    expect(await verifyPassword(null, 'wrong horse 9')).toEqual({ ok: false, rehash: false })
  })

  it('a stored empty string is a failure like a missing hash', async () => {
    expect(await verifyPassword('', 'correct horse 9')).toEqual({ ok: false, rehash: false })
  })
})

describe('passwordProblem (WEAK_PASSWORD)', () => {
  it('8 to 128 characters', () => {
    expect(passwordProblem('abcdef1')).toBe('must be at least 8 characters')
    expect(passwordProblem('')).toBe('must be at least 8 characters')
    expect(passwordProblem('abcdefg1')).toBeNull()
    expect(passwordProblem(`a1${'x'.repeat(126)}`)).toBeNull()
    expect(passwordProblem(`a1${'x'.repeat(127)}`)).toBe('must be at most 128 characters')
  })

  it('at least one letter (of any script) and one digit', () => {
    expect(passwordProblem('abcdefgh')).toBe('must contain a letter and a digit')
    expect(passwordProblem('12345678')).toBe('must contain a letter and a digit')
    expect(passwordProblem('!@#$%^&*()')).toBe('must contain a letter and a digit')
    expect(passwordProblem('1234567a')).toBeNull()
    expect(passwordProblem('пароль12')).toBeNull()
    expect(passwordProblem('密码密码密码密码1')).toBeNull()
    expect(passwordProblem('!!!!!!!a1')).toBeNull()
    expect(passwordProblem('a!!!!!!!!1')).toBeNull()
  })
})
