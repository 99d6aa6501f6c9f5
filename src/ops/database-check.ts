/**
 * Whether the database answers a trivial query (`SELECT 1`) within `timeoutMs`. One check serves every caller for
 * `reuseMs`: several consoles watching each second cost one query.
 */
export function databaseCheck(ping: () => Promise<void>, timeoutMs = 2_000, reuseMs = 1_000): () => Promise<boolean> {
  let last: { at: number; up: Promise<boolean> } | undefined
  const check = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs)
    })
    try {
      return await Promise.race([ping().then(() => true as const), late])
    } catch {
      return false
    } finally {
      clearTimeout(timer)
    }
  }
  return () => {
    const now = Date.now()
    if (!last || now - last.at >= reuseMs) last = { at: now, up: check() }
    return last.up
  }
}
