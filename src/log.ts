import { pino, type DestinationStream, type StreamEntry } from 'pino'
import type { LogLevel } from './config.js'

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const

/**
 * One JSON object per line — `time` (ISO), `level` (its name), `msg` and the fields — easy to grep locally and to ship
 * to a log store. pino builds the line without an intermediate object and writes it to the process's streams
 * (processStreams); `out` receives each line synchronously instead (tests).
 */
export function createLogger(level: LogLevel, out?: (line: string, lvl: LogLevel) => void): Logger {
  const destination = out ? linesTo(out) : processStreams()
  const p = pino(
    {
      level,
      base: undefined,
      timestamp: isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  )
  // `msg` ahead of the fields, as a reader scans a line (pino would put its message argument last)
  const method = (lvl: (typeof LEVELS)[number]) => (msg: string, fields?: Record<string, unknown>) => {
    p[lvl](fields ? { msg, ...fields } : { msg })
  }
  return { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') }
}

let lastMs = 0
let lastTime = ''
/** pino's ISO `time`, formatted once per millisecond: a busy server logs several lines in each. */
function isoTime(): string {
  const now = Date.now()
  if (now !== lastMs) {
    lastMs = now
    lastTime = `,"time":"${new Date(now).toISOString()}"`
  }
  return lastTime
}

/** Each level to its own stream (dedupe: a line goes only to the stream of its level). */
const byLevel = (streams: StreamEntry[]) => pino.multistream(streams, { dedupe: true })

/**
 * debug and info to stdout, warn and error to stderr, each line written as it is logged: nothing is lost at a crash or
 * an exit, and no exit waits on a flush (sonic-boom 4's asynchronous mode can retry forever on a closed pipe).
 */
function processStreams(): DestinationStream {
  return byLevel([
    { level: 'debug', stream: pino.destination({ fd: 1, sync: true }) },
    { level: 'warn', stream: pino.destination({ fd: 2, sync: true }) },
  ])
}

function linesTo(out: (line: string, lvl: LogLevel) => void): DestinationStream {
  return byLevel(LEVELS.map((lvl) => ({ level: lvl, stream: { write: (s: string) => out(s.trimEnd(), lvl) } })))
}

/** The stack of a thrown value, when it has one (anything can be thrown, null included). */
export const stackOf = (err: unknown): string | undefined => (err as Error | null | undefined)?.stack
