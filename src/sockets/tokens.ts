import { AppError } from '../errors.js'
import type { SocketPayload } from './events.js'

/** A token as a legacy client sends it: a string, or null / nothing to go on as a guest. */
export function tokenIn(payload: SocketPayload, field: string): string | null {
  const v = payload[field]
  if (v === undefined || v === null || v === '') return null
  if (typeof v !== 'string') throw new AppError('INVALID_INPUT', `${field}: must be a string`, { field })
  return v
}
