import { createHmac, randomBytes } from 'node:crypto'

/** Opaque bearer tokens: 256 random bits, stored only as an HMAC so a database leak yields no usable token. */
export const newToken = () => randomBytes(32).toString('base64url')

export const hashToken = (secret: string, token: string) => createHmac('sha256', secret).update(token).digest('hex')
