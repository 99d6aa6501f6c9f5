import type { LogLevel } from './config.js'

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

/** One JSON object per line on stdout/stderr: easy to grep locally and to ship to any log store. */
export function createLogger(level: LogLevel, out: (line: string, lvl: LogLevel) => void = defaultOut): Logger {
  const at = ORDER[level]
  const write = (lvl: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < at) return
    out(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }), lvl)
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

function defaultOut(line: string, lvl: LogLevel) {
  if (lvl === 'error' || lvl === 'warn') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
}

/** The stack of a thrown value, when it has one (anything can be thrown, null included). */
export const stackOf = (err: unknown): string | undefined => (err as Error | null | undefined)?.stack
