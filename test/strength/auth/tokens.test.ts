import { describe, expect, it } from 'vitest'
import { hashToken, newToken } from '../../../src/auth/tokens.js'

describe('tokens', () => {
  it('a new token is 256 random bits in base64url (43 characters), never the same twice', () => {
    const tokens = Array.from({ length: 50 }, newToken)
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(t, 'base64url')).toHaveLength(32)
    }
    expect(new Set(tokens).size).toBe(50)
  })

  it('is stored as HMAC-SHA256(secret, token) in hex (RFC 4231-style vector)', () => {
    expect(hashToken('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    )
  })

  it('the hash depends on both the secret and the token', () => {
    const h = hashToken('secret-a', 'token')
    expect(hashToken('secret-a', 'token')).toBe(h)
    expect(hashToken('secret-b', 'token')).not.toBe(h)
    expect(hashToken('secret-a', 'token2')).not.toBe(h)
  })
})
