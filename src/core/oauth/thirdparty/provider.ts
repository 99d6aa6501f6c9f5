import { AppError } from '../../../errors.js'
import type { ThirdPartyProvider } from './config.js'

/** Who the provider says signed in: its own id for them and the name they go by there. */
export interface ProviderIdentity {
  id: string
  name: string
}

const failed = (why: string) =>
  new AppError('OAUTH_PROVIDER_FAILED', `The provider did not confirm the sign-in (${why})`, { field: 'code' })

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  if (!res.ok) throw failed(`${what} answered ${res.status}`)
  const body: unknown = await res.json().catch(() => null)
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw failed(`${what} sent no JSON object`)
  return body as Record<string, unknown>
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/**
 * The provider's code → its access token (RFC 6749 §4.1.3, our client id and secret) → its user info (OpenID
 * Connect's `sub` and `preferred_username`, or the common `id` and `login`/`name`).
 */
export async function identityOf(p: ThirdPartyProvider, code: string, redirectUri: string): Promise<ProviderIdentity> {
  const signal = AbortSignal.timeout(10_000)
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: p.clientId,
    client_secret: p.clientSecret,
  })
  let token: Record<string, unknown>
  let info: Record<string, unknown>
  try {
    token = await json(
      await fetch(p.tokenUrl, { method: 'POST', body: form, headers: { accept: 'application/json' }, signal }),
      'the token endpoint',
    )
    const access = text(token.access_token)
    if (!access) throw failed('no access token')
    info = await json(
      await fetch(p.userinfoUrl, {
        headers: { authorization: `Bearer ${access}`, accept: 'application/json' },
        signal,
      }),
      'the user info endpoint',
    )
  } catch (e) {
    if (e instanceof AppError) throw e
    throw failed('unreachable')
  }
  const id = text(info.sub) || text(info.id) || text(info.user_id)
  if (!id || id.length > 200) throw failed('no user id')
  const name = text(info.preferred_username) || text(info.login) || text(info.username) || text(info.name)
  return { id, name }
}
