/**
 * A route path with `:name` segments (`/api/guilds/:id/channels`) against a request path: the segments' values by
 * name, or null when it does not match. A segment value is never empty and is URI-decoded.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (const [i, w] of want.entries()) {
    const g = got[i]
    if (!w.startsWith(':')) {
      if (w !== g) return null
      continue
    }
    if (!g) return null
    try {
      params[w.slice(1)] = decodeURIComponent(g)
    } catch {
      return null
    }
  }
  return params
}

export const isPattern = (path: string) => path.split('/').some((s) => s.startsWith(':'))
