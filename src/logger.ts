import pino, { type Logger } from 'pino'
import { scrub } from './secrets/redact.js'

/** The app's logger type, so layers depend on this module rather than on pino directly. */
export type AppLogger = Logger

/** Options for {@link createLogger}; `destination` lets tests capture the raw output bytes. */
export interface LoggerOptions {
  level: string
  pretty?: boolean
  destination?: pino.DestinationStream
}

/**
 * pino with every object argument deep-scrubbed (credential-named fields, errors, ccxt-like
 * request options), plus pino's own path redaction as a second net. JSON by default; pretty
 * when a person is watching a terminal.
 */
export function createLogger(opts: LoggerOptions): AppLogger {
  const options: pino.LoggerOptions = {
    level: opts.level,
    base: undefined,
    redact: {
      paths: ['apiKey', 'secret', 'passphrase', 'password', 'token', '*.apiKey', '*.secret', '*.passphrase', '*.password', '*.token', 'headers.authorization'],
      censor: '[redacted]',
    },
    serializers: { err: (e: unknown) => scrub(e), error: (e: unknown) => scrub(e) },
    formatters: {
      bindings: (b) => scrub(b) as Record<string, unknown>,
    },
    hooks: {
      // A message string is the one place the formatter does not reach: scrub it too.
      logMethod(args, method) {
        const scrubbed = args.map((a) => scrub(a)) as Parameters<typeof method>
        return method.apply(this, scrubbed)
      },
    },
  }
  if (opts.destination) return pino(options, opts.destination)
  if (opts.pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } })
  }
  return pino(options)
}
