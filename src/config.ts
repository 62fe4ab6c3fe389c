import { z } from 'zod'

/** Thrown by {@link parseConfig}: one line per problem, naming the variable, never a secret value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

const origin = (name: string) =>
  z.string().trim().refine((v) => {
    try {
      const u = new URL(v)
      return u.protocol === 'http:' || u.protocol === 'https:'
    } catch {
      return false
    }
  }, `${name} must be an http(s) URL such as https://api.example.com`).transform((v) => v.replace(/\/+$/, ''))

const intIn = (min: number, max: number, dflt: number) =>
  z.string().trim().optional().transform((v, ctx) => {
    if (v === undefined || v === '') return dflt
    const n = Number(v)
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` })
      return z.NEVER
    }
    return n
  })

const base64Key = z.string().trim().refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32, {
  message: 'must be the base64 of exactly 32 bytes (44 characters); generate one with: openssl rand -base64 32',
})

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const ipv6 = /^[0-9a-fA-F:]+$/

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const

/** Names of variables whose values are secret: their values never appear in an error line. */
export const SECRET_ENV = new Set(['BOT_TOKEN', 'MASTER_KEY', 'MASTER_KEY_PREVIOUS', 'WEBHOOK_SECRET'])

const schema = z.object({
  BOT_TOKEN: z.string().trim().regex(/^\d+:[A-Za-z0-9_-]{30,}$/, 'must look like 123456:ABC-DEF... (from @BotFather)').optional(),
  TELEGRAM_API_ROOT: origin('TELEGRAM_API_ROOT').default('https://api.telegram.org'),
  DATABASE_PATH: z.string().trim().min(1).default('db/bot.sqlite'),
  MASTER_KEY: base64Key.optional(),
  MASTER_KEY_FILE: z.string().trim().min(1).default('db/master.key'),
  MASTER_KEY_PREVIOUS: z.string().trim().optional().transform((v, ctx) => {
    const keys = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    for (const k of keys) {
      if (!base64Key.safeParse(k).success) {
        ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of base64 32-byte keys' })
        return z.NEVER
      }
    }
    return keys
  }),
  EXCHANGE_URL_MEXC: origin('EXCHANGE_URL_MEXC').optional(),
  EXCHANGE_URL_KUCOIN: origin('EXCHANGE_URL_KUCOIN').optional(),
  EXCHANGE_URL_KUCOIN_FUTURES: origin('EXCHANGE_URL_KUCOIN_FUTURES').optional(),
  EXCHANGE_TIMEOUT_MS: intIn(500, 60_000, 10_000),
  TEST_TIMEOUT_MS: intIn(1_000, 120_000, 25_000),
  CHECK_INTERVAL_SECONDS: intIn(1, 86_400, 300),
  OFFLINE_AFTER_FAILURES: intIn(1, 100, 3),
  OFFLINE_REMINDER_HOURS: intIn(0, 24 * 30, 24),
  MONITOR_CONCURRENCY: intIn(1, 256, 8),
  MONITOR_EXCHANGE_RPS: intIn(1, 10_000, 20),
  NOTIFY_RATE_PER_SECOND: intIn(1, 30, 25),
  NOTIFY_MAX_ATTEMPTS: intIn(1, 100, 10),
  HISTORY_KEEP: intIn(1, 10_000, 50),
  MAX_CONNECTIONS_PER_USER: intIn(1, 1_000, 20),
  CONNECT_PER_HOUR: intIn(1, 1_000, 10),
  TEST_PER_HOUR: intIn(1, 10_000, 30),
  MONITOR_STOP_AFTER_INVALID: intIn(1, 1_000, 3),
  EGRESS_IPS: z.string().trim().optional().transform((v, ctx) => {
    const ips = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    for (const ip of ips) {
      if (!ipv4.test(ip) && !(ip.includes(':') && ipv6.test(ip))) {
        ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of IP addresses; "${ip.slice(0, 40)}" is not one` })
        return z.NEVER
      }
    }
    return ips
  }),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  WEBHOOK_URL: origin('WEBHOOK_URL').optional(),
  WEBHOOK_SECRET: z.string().trim().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ or -').optional(),
  WEBHOOK_PORT: intIn(1, 65_535, 8080),
})

/** The whole typed configuration; nothing else in the app reads `process.env`. */
export interface Config {
  botToken: string | undefined
  telegramApiRoot: string
  databasePath: string
  masterKey: string | undefined
  masterKeyFile: string
  previousMasterKeys: string[]
  exchangeUrls: { mexc?: string; kucoin?: string; kucoinFutures?: string }
  exchangeTimeoutMs: number
  testTimeoutMs: number
  checkIntervalSeconds: number
  offlineAfterFailures: number
  offlineReminderHours: number
  monitorConcurrency: number
  /** Requests per second the monitor may send to each exchange (a token bucket per exchange). */
  monitorExchangeRps: number
  /** Notifications per second over all chats, under Telegram's broadcast limit of about 30. */
  notifyRatePerSecond: number
  /** Failed sends (429 waits excluded) before a notification is dead-lettered. */
  notifyMaxAttempts: number
  historyKeep: number
  /** Per-user limits against junk load: stored connections, key tests per hour, manual tests per hour. */
  maxConnectionsPerUser: number
  connectPerHour: number
  testPerHour: number
  /** Monitor tests in a row with the key, secret or passphrase refused before the monitor stops testing that key. */
  monitorStopAfterInvalid: number
  egressIps: string[]
  logLevel: (typeof LOG_LEVELS)[number]
  webhook: { url: string; secret: string | undefined; port: number } | undefined
}

/**
 * Pure parser from an environment-like map to {@link Config}; throws {@link ConfigError} with
 * one readable line per problem so a bad start is a sentence, not a stack trace.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const r = schema.safeParse(cleaned)
  if (!r.success) {
    const problems = r.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment')
      return `${name} ${i.message}`
    })
    throw new ConfigError([...new Set(problems)])
  }
  const e = r.data
  if (e.WEBHOOK_SECRET && !e.WEBHOOK_URL) throw new ConfigError(['WEBHOOK_SECRET is set but WEBHOOK_URL is not'])
  const urls: Config['exchangeUrls'] = {}
  if (e.EXCHANGE_URL_MEXC) urls.mexc = e.EXCHANGE_URL_MEXC
  if (e.EXCHANGE_URL_KUCOIN) urls.kucoin = e.EXCHANGE_URL_KUCOIN
  if (e.EXCHANGE_URL_KUCOIN_FUTURES) urls.kucoinFutures = e.EXCHANGE_URL_KUCOIN_FUTURES
  return {
    botToken: e.BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    databasePath: e.DATABASE_PATH,
    masterKey: e.MASTER_KEY,
    masterKeyFile: e.MASTER_KEY_FILE,
    previousMasterKeys: e.MASTER_KEY_PREVIOUS,
    exchangeUrls: urls,
    exchangeTimeoutMs: e.EXCHANGE_TIMEOUT_MS,
    testTimeoutMs: e.TEST_TIMEOUT_MS,
    checkIntervalSeconds: e.CHECK_INTERVAL_SECONDS,
    offlineAfterFailures: e.OFFLINE_AFTER_FAILURES,
    offlineReminderHours: e.OFFLINE_REMINDER_HOURS,
    monitorConcurrency: e.MONITOR_CONCURRENCY,
    monitorExchangeRps: e.MONITOR_EXCHANGE_RPS,
    notifyRatePerSecond: e.NOTIFY_RATE_PER_SECOND,
    notifyMaxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    historyKeep: e.HISTORY_KEEP,
    maxConnectionsPerUser: e.MAX_CONNECTIONS_PER_USER,
    connectPerHour: e.CONNECT_PER_HOUR,
    testPerHour: e.TEST_PER_HOUR,
    monitorStopAfterInvalid: e.MONITOR_STOP_AFTER_INVALID,
    egressIps: e.EGRESS_IPS,
    logLevel: e.LOG_LEVEL,
    webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.WEBHOOK_PORT } : undefined,
  }
}

/** Reads `process.env`; the single place the app touches the environment. */
export function loadConfig(): Config {
  return parseConfig(process.env)
}
