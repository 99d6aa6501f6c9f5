import { defineErrors } from '../../errors.js'

/**
 * The OAuth server's error codes (the core's: always in the registry). Code problems are the core's INVALID_CODE, a
 * wrong client secret INVALID_CREDENTIALS.
 */
export const OAUTH_ERRORS = defineErrors('core', {
  OAUTH_APP_NOT_FOUND: { status: 404, message: 'Application not found' },
  OAUTH_SCOPE_DENIED: { status: 403, message: 'The application may not ask for this scope' },
  OAUTH_SCOPE_MISSING: { status: 403, message: "The token's scopes do not allow this" },
  OAUTH_FIRST_PARTY_ONLY: { status: 403, message: 'Not with an OAuth token: sign in on the site itself' },
  OAUTH_PROVIDER_FAILED: { status: 502, message: 'The provider did not confirm the sign-in' },
})

type OAuthErrors = typeof OAUTH_ERRORS

declare module '../../errors.js' {
  interface ErrorCodes extends OAuthErrors {}
}
