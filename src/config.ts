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

/** True for a host name that never leaves this machine (plain http to it cannot be sniffed on a network). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/** Variables that carry API traffic: plain http is allowed only to loopback (local fakes, a local Bot API server). */
const TRANSPORT_URLS = ['TELEGRAM_API_ROOT', 'EXCHANGE_URL_BINANCE', 'EXCHANGE_URL_BYBIT', 'EXCHANGE_URL_OKX', 'EXCHANGE_URL_MEXC', 'EXCHANGE_URL_KUCOIN', 'EXCHANGE_URL_KUCOIN_FUTURES', 'PLATFORM_WEBHOOK_URL'] as const

const flag = () =>
  z.string().trim().toLowerCase().optional().transform((v, ctx) => {
    if (v === undefined || v === '' || v === 'false' || v === '0') return false
    if (v === 'true' || v === '1') return true
    ctx.addIssue({ code: 'custom', message: `must be true or false` })
    return z.NEVER
  })

const hostName = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/

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
export const SECRET_ENV = new Set(['BOT_TOKEN', 'MASTER_KEY', 'MASTER_KEY_PREVIOUS', 'WEBHOOK_SECRET', 'PLATFORM_WEBHOOK_SECRET'])

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
  EXCHANGE_URL_BINANCE: origin('EXCHANGE_URL_BINANCE').optional(),
  EXCHANGE_URL_BYBIT: origin('EXCHANGE_URL_BYBIT').optional(),
  EXCHANGE_URL_OKX: origin('EXCHANGE_URL_OKX').optional(),
  EXCHANGE_URL_MEXC: origin('EXCHANGE_URL_MEXC').optional(),
  EXCHANGE_URL_KUCOIN: origin('EXCHANGE_URL_KUCOIN').optional(),
  EXCHANGE_URL_KUCOIN_FUTURES: origin('EXCHANGE_URL_KUCOIN_FUTURES').optional(),
  EXCHANGE_URL_BITGET: origin('EXCHANGE_URL_BITGET').optional(),
  EXCHANGE_URL_BINGX: origin('EXCHANGE_URL_BINGX').optional(),
  EXCHANGE_URL_HTX: origin('EXCHANGE_URL_HTX').optional(),
  EXCHANGE_URL_HTX_FUTURES: origin('EXCHANGE_URL_HTX_FUTURES').optional(),
  EXCHANGE_URL_COINBASE: origin('EXCHANGE_URL_COINBASE').optional(),
  EXCHANGE_URL_GATE: origin('EXCHANGE_URL_GATE').optional(),
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
  WEBHOOK_HOST: z.string().trim().refine((v) => ipv4.test(v) || (v.includes(':') && ipv6.test(v)) || hostName.test(v), {
    message: 'must be an IP address or host name to listen on, such as 127.0.0.1 or 0.0.0.0',
  }).default('127.0.0.1'),
  ALLOW_UNREADABLE_CONNECTIONS: flag(),
  ALLOW_PLAIN_HTTP: flag(),
  PLATFORM_API_PORT: intIn(0, 65_535, -1),
  PLATFORM_API_HOST: z.string().trim().min(1).default('127.0.0.1'),
  PLATFORM_CREDENTIALS_PER_MINUTE: intIn(1, 100_000, 60),
  PLATFORM_WEBHOOK_URL: origin('PLATFORM_WEBHOOK_URL').optional(),
  PLATFORM_WEBHOOK_SECRET: z.string().trim().regex(/^[\x21-\x7e]{32,256}$/, 'must be 32-256 printable characters without spaces (openssl rand -hex 32)').optional(),
  PLATFORM_EVENTS_KEEP_DAYS: intIn(1, 3650, 30),
})

/** The whole typed configuration; nothing else in the app reads `process.env`. */
export interface Config {
  botToken: string | undefined
  telegramApiRoot: string
  databasePath: string
  masterKey: string | undefined
  masterKeyFile: string
  previousMasterKeys: string[]
  exchangeUrls: {
    binance?: string
    bybit?: string
    okx?: string
    mexc?: string
    kucoin?: string
    kucoinFutures?: string
    bitget?: string
    bingx?: string
    /** HTX spot host (api.huobi.pro); HTX signs the host, so the adapter signs with this one's. */
    htx?: string
    /** HTX contract host (api.hbdm.vn). */
    htxFutures?: string
    coinbase?: string
    gate?: string
  }
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
  /** Webhook mode; the secret is mandatory (without it anyone who finds the URL can act as any user). */
  webhook: { url: string; secret: string; host: string; port: number } | undefined
  /**
   * Start even though the database holds connections the loaded master keys cannot open
   * (a loud warning is logged). Off by default: a wrong or missing key stops the start.
   */
  allowUnreadableConnections: boolean
  /** The platform gate's HTTP API (issue 14); undefined (the default) keeps it off. */
  platformApi: { host: string; port: number; credentialsPerMinute: number } | undefined
  /** Where events are pushed, signed with HMAC-SHA256 under `secret`; undefined = feed only. */
  platformWebhook: { url: string; secret: string } | undefined
  /** Events older than this are pruned from the feed (a cursor that old gets 410 and resyncs). */
  platformEventsKeepDays: number
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
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) {
    throw new ConfigError(['WEBHOOK_URL is set but WEBHOOK_SECRET is not: without it anyone who finds the URL can send updates as any user (generate one with: openssl rand -hex 32)'])
  }
  if (!e.ALLOW_PLAIN_HTTP) {
    const plain = TRANSPORT_URLS.filter((name) => {
      const v = e[name]
      if (!v) return false
      const u = new URL(v)
      return u.protocol === 'http:' && !isLoopbackHost(u.hostname)
    })
    if (plain.length > 0) throw new ConfigError(plain.map((name) => `${name} uses plain http to a host that is not this machine: use https (or set ALLOW_PLAIN_HTTP=true for a trusted private network)`))
  }
  if (e.PLATFORM_WEBHOOK_URL && !e.PLATFORM_WEBHOOK_SECRET) throw new ConfigError(['PLATFORM_WEBHOOK_URL is set but PLATFORM_WEBHOOK_SECRET is not: pushed events must be signed'])
  if (e.PLATFORM_WEBHOOK_SECRET && !e.PLATFORM_WEBHOOK_URL) throw new ConfigError(['PLATFORM_WEBHOOK_SECRET is set but PLATFORM_WEBHOOK_URL is not'])
  const urls: Config['exchangeUrls'] = {}
  if (e.EXCHANGE_URL_BINANCE) urls.binance = e.EXCHANGE_URL_BINANCE
  if (e.EXCHANGE_URL_BYBIT) urls.bybit = e.EXCHANGE_URL_BYBIT
  if (e.EXCHANGE_URL_OKX) urls.okx = e.EXCHANGE_URL_OKX
  if (e.EXCHANGE_URL_MEXC) urls.mexc = e.EXCHANGE_URL_MEXC
  if (e.EXCHANGE_URL_KUCOIN) urls.kucoin = e.EXCHANGE_URL_KUCOIN
  if (e.EXCHANGE_URL_KUCOIN_FUTURES) urls.kucoinFutures = e.EXCHANGE_URL_KUCOIN_FUTURES
  if (e.EXCHANGE_URL_BITGET) urls.bitget = e.EXCHANGE_URL_BITGET
  if (e.EXCHANGE_URL_BINGX) urls.bingx = e.EXCHANGE_URL_BINGX
  if (e.EXCHANGE_URL_HTX) urls.htx = e.EXCHANGE_URL_HTX
  if (e.EXCHANGE_URL_HTX_FUTURES) urls.htxFutures = e.EXCHANGE_URL_HTX_FUTURES
  if (e.EXCHANGE_URL_COINBASE) urls.coinbase = e.EXCHANGE_URL_COINBASE
  if (e.EXCHANGE_URL_GATE) urls.gate = e.EXCHANGE_URL_GATE
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
    webhook: e.WEBHOOK_URL && e.WEBHOOK_SECRET ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, host: e.WEBHOOK_HOST, port: e.WEBHOOK_PORT } : undefined,
    allowUnreadableConnections: e.ALLOW_UNREADABLE_CONNECTIONS,
    platformApi: e.PLATFORM_API_PORT >= 0 ? { host: e.PLATFORM_API_HOST, port: e.PLATFORM_API_PORT, credentialsPerMinute: e.PLATFORM_CREDENTIALS_PER_MINUTE } : undefined,
    platformWebhook: e.PLATFORM_WEBHOOK_URL && e.PLATFORM_WEBHOOK_SECRET ? { url: e.PLATFORM_WEBHOOK_URL, secret: e.PLATFORM_WEBHOOK_SECRET } : undefined,
    platformEventsKeepDays: e.PLATFORM_EVENTS_KEEP_DAYS,
  }
}

/**
 * Reads `process.env`; the single place the app touches the environment. The secret variables
 * are then deleted from it, so they do not sit in the environment for the life of the process
 * (where a crash reporter, a child process or a `process.env` dump could pick them up).
 */
export function loadConfig(): Config {
  const config = parseConfig(process.env)
  for (const name of SECRET_ENV) delete process.env[name]
  return config
}
