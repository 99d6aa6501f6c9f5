import type { Context, Viewer } from '../../src/context.js'
import { AppError } from '../../src/errors.js'

/**
 * The viewer of a write. The schema's `authenticated` scope lets only signed-in callers reach these services; a guest
 * who reaches one anyway is told to sign in, not handed a crash.
 */
export function signedIn(ctx: Context): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED')
  return ctx.viewer
}
