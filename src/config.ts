import * as z from 'zod/mini'

/** Thrown by {@link parseConfig}: one line per problem, naming the variable, never a secret value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

/**
 * zod/mini rather than zod's classic API: the same parser in functional form, tree-shaken to
 * ~30 KB in the bundle where the classic API is 770 KB, which cost ~60 ms of every start.
 */
type Ctx = z.core.ParsePayload<unknown>
/** Records a problem from inside a transform; the object parser puts the variable's name on it. */
function fail(ctx: Ctx, input: unknown, message: string): never {
  ctx.issues.push({ code: 'custom', message, input })
  return z.NEVER
}
const text = () => z.string().check(z.trim())

const origin = () =>
  z.pipe(
    text().check(
      z.refine((v) => {
        try {
          const u = new URL(v)
          return u.protocol === 'http:' || u.protocol === 'https:'
        } catch {
          return false
        }
      }, 'must be an http(s) URL such as https://api.example.com'),
    ),
    z.transform((v: string) => v.replace(/\/+$/, '')),
  )

/** True for a host name that never leaves this machine (plain http to it cannot be sniffed on a network). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/** Variables that carry API traffic: plain http is allowed only to loopback (local fakes, a local Bot API server). */
const TRANSPORT_URLS = ['TELEGRAM_API_ROOT', 'EXCHANGE_URL_BINANCE', 'EXCHANGE_URL_BYBIT', 'EXCHANGE_URL_OKX', 'EXCHANGE_URL_MEXC', 'EXCHANGE_URL_KUCOIN', 'EXCHANGE_URL_KUCOIN_FUTURES', 'PLATFORM_WEBHOOK_URL'] as const

const flag = () =>
  z.pipe(
    z.optional(text().check(z.toLowerCase())),
    z.transform((v: string | undefined, ctx) => {
      if (v === undefined || v === '' || v === 'false' || v === '0') return false
      if (v === 'true' || v === '1') return true
      return fail(ctx, v, 'must be true or false')
    }),
  )

const hostName = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/

const intIn = (min: number, max: number, dflt: number) =>
  z.pipe(
    z.optional(text()),
    z.transform((v: string | undefined, ctx) => {
      if (v === undefined || v === '') return dflt
      const n = Number(v)
      if (!Number.isInteger(n) || n < min || n > max) return fail(ctx, v, `must be a whole number from ${min} to ${max}`)
      return n
    }),
  )

const base64Key = text().check(
  z.refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32, {
    message: 'must be the base64 of exactly 32 bytes (44 characters); generate one with: openssl rand -base64 32',
  }),
)

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const ipv6 = /^[0-9a-fA-F:]+$/

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const

/** Names of variables whose values are secret: their values never appear in an error line. */
export const SECRET_ENV = new Set(['BOT_TOKEN', 'MASTER_KEY', 'MASTER_KEY_PREVIOUS', 'WEBHOOK_SECRET', 'PLATFORM_WEBHOOK_SECRET'])

const nonEmpty = (dflt: string) => z._default(text().check(z.minLength(1, 'must not be blank')), dflt)
const matching = (re: RegExp, message: string) => z.optional(text().check(z.regex(re, message)))

const schema = z.object({
  BOT_TOKEN: matching(/^\d+:[A-Za-z0-9_-]{30,}$/, 'must look like 123456:ABC-DEF... (from @BotFather)'),
  TELEGRAM_API_ROOT: z._default(origin(), 'https://api.telegram.org'),
  DATABASE_PATH: nonEmpty('db/bot.sqlite'),
  MASTER_KEY: z.optional(base64Key),
  MASTER_KEY_FILE: nonEmpty('db/master.key'),
  MASTER_KEY_PREVIOUS: z.pipe(
    z.optional(text()),
    z.transform((v: string | undefined, ctx) => {
      const keys = (v ?? '').split(',').map((k) => k.trim()).filter(Boolean)
      // The value is secret: the problem line names the variable only.
      for (const k of keys) if (!base64Key.safeParse(k).success) return fail(ctx, '', 'must be a comma-separated list of base64 32-byte keys')
      return keys
    }),
  ),
  EXCHANGE_URL_BINANCE: z.optional(origin()),
  EXCHANGE_URL_BYBIT: z.optional(origin()),
  EXCHANGE_URL_OKX: z.optional(origin()),
  EXCHANGE_URL_MEXC: z.optional(origin()),
  EXCHANGE_URL_KUCOIN: z.optional(origin()),
  EXCHANGE_URL_KUCOIN_FUTURES: z.optional(origin()),
  EXCHANGE_URL_BITGET: z.optional(origin()),
  EXCHANGE_URL_BINGX: z.optional(origin()),
  EXCHANGE_URL_HTX: z.optional(origin()),
  EXCHANGE_URL_HTX_FUTURES: z.optional(origin()),
  EXCHANGE_URL_COINBASE: z.optional(origin()),
  EXCHANGE_URL_GATE: z.optional(origin()),
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
  EGRESS_IPS: z.pipe(
    z.optional(text()),
    z.transform((v: string | undefined, ctx) => {
      const ips = (v ?? '').split(',').map((ip) => ip.trim()).filter(Boolean)
      for (const ip of ips) {
        if (!ipv4.test(ip) && !(ip.includes(':') && ipv6.test(ip))) return fail(ctx, ip, `must be a comma-separated list of IP addresses; "${ip.slice(0, 40)}" is not one`)
      }
      return ips
    }),
  ),
  LOG_LEVEL: z._default(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }), 'info'),
  WEBHOOK_URL: z.optional(origin()),
  WEBHOOK_SECRET: matching(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ or -'),
  WEBHOOK_PORT: intIn(1, 65_535, 8080),
  WEBHOOK_HOST: z._default(
    text().check(
      z.refine((v) => ipv4.test(v) || (v.includes(':') && ipv6.test(v)) || hostName.test(v), {
        message: 'must be an IP address or host name to listen on, such as 127.0.0.1 or 0.0.0.0',
      }),
    ),
    '127.0.0.1',
  ),
  ALLOW_UNREADABLE_CONNECTIONS: flag(),
  ALLOW_PLAIN_HTTP: flag(),
  PLATFORM_API_PORT: intIn(0, 65_535, -1),
  PLATFORM_API_HOST: nonEmpty('127.0.0.1'),
  PLATFORM_CREDENTIALS_PER_MINUTE: intIn(1, 100_000, 60),
  PLATFORM_WEBHOOK_URL: z.optional(origin()),
  PLATFORM_WEBHOOK_SECRET: matching(/^[\x21-\x7e]{32,256}$/, 'must be 32-256 printable characters without spaces (openssl rand -hex 32)'),
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
