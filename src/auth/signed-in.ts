import type { Context, Viewer } from '../context.js'
import { AppError } from '../errors.js'

/**
 * The viewer of an operation that only signed-in callers reach (the `authenticated` scope, REST letter A): a guest
 * who reaches one anyway is told to sign in, not handed a crash.
 */
export function signedIn(ctx: Pick<Context, 'viewer'>): Viewer {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED')
  return ctx.viewer
}
