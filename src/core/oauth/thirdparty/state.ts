import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Context } from '../../../context.js'
import { invalid } from '../../../errors.js'

const sign = (ctx: Context, payload: string) =>
  createHmac('sha256', ctx.config.sessionSecret).update(`thirdparty-state:${payload}`).digest('base64url')

/** What a sign-in carries through the provider in its `state`. */
export interface SignInState {
  /** provider, redirect URI, expiry (ms), nonce */
  p?: string
  r?: string
  e?: number
  n?: string
  /** the legacy socket to notify of the outcome (peka2's `sid`) */
  s?: string
  /** the signed-in user linking the provider account to themselves */
  u?: number
}

/** The state as it travels: its JSON and our MAC of it. */
export function sealState(ctx: Context, state: SignInState) {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url')
  return `${payload}.${sign(ctx, payload)}`
}

/** The state a callback brought back, when this site signed it for that provider and redirect URI and it is fresh. */
export function checkState(ctx: Context, state: string, provider: string, redirectUri: string): SignInState {
  const [payload = '', mac = ''] = state.split('.')
  const expected = sign(ctx, payload)
  const bad = () => invalid('state', 'is not the state of a sign-in this site started, or it expired')
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) throw bad()
  const s = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignInState
  if (s.p !== provider || s.r !== redirectUri || typeof s.e !== 'number' || s.e < Date.now()) throw bad()
  return s
}
