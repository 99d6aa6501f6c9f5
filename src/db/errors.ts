/** Prisma's unique-constraint violation: a concurrent writer got there first. */
export const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null | undefined)?.code === 'P2002'
