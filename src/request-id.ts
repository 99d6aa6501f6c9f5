import { randomUUID } from 'node:crypto'

/**
 * A random UUID stored flat: `crypto.randomUUID()` builds its text from 16 pieces, which V8 keeps as a chain of
 * concatenations (~490 bytes) until something reads it; held for the life of a subscription, that is per-socket
 * memory for nothing. `normalize()` hands back one flat string (~65 bytes).
 */
export const newRequestId = (): string => randomUUID().normalize()
