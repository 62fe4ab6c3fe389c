/**
 * The product's vocabulary, free of any library, so every layer (exchanges, storage, bot,
 * monitor) speaks the same words and none depends on another's library.
 */

/**
 * Every exchange the platform can connect; adding one here forces a registry entry (exhaustive).
 * The order is the order the bot offers them: the most used first.
 */
export const EXCHANGE_IDS = ['binance', 'bybit', 'okx', 'bitget', 'gate', 'kucoin', 'mexc', 'htx', 'bingx', 'coinbase'] as const
/** An exchange the platform can connect. */
export type ExchangeId = (typeof EXCHANGE_IDS)[number]

/** Which market a connection trades: the futures checks only run when the user wants futures. */
export const MARKETS = ['spot', 'futures', 'both'] as const
/** Which market a connection trades. */
export type Market = (typeof MARKETS)[number]

/** The credential fields an exchange may ask for; `passphrase` exists only on some exchanges. */
export const CREDENTIAL_FIELDS = ['apiKey', 'secret', 'passphrase'] as const
/** A credential field name; also used as the sealed column's associated-data label. */
export type CredentialField = (typeof CREDENTIAL_FIELDS)[number]

/** Plaintext credentials: live only in memory for the length of one exchange call. */
export interface Credentials {
  apiKey: string
  secret: string
  passphrase?: string
}

/** The checks a connection test reports, in the order the user reads them. */
export const CHECK_IDS = [
  'reachable',
  'key',
  'secret',
  'passphrase',
  'balance',
  'trade',
  'futures',
  'withdraw',
  'ip',
  // Right after the IP check: on most exchanges a key without a bound IP is the key that expires.
  'expiry',
] as const
/** One line of the connection report. */
export type CheckId = (typeof CHECK_IDS)[number]

/** `unknown` is for what the exchange cannot prove: never a pass the API did not earn. */
export type CheckState = 'pass' | 'warn' | 'fail' | 'unknown'

/** Every diagnosis the bot can explain; each has a cause and a per-exchange fix in the locales. */
export const DIAGNOSIS_CODES = [
  'INVALID_KEY',
  // Binance -2015 on the first signed call: a bad key, an IP not whitelisted or a missing permission.
  'KEY_REJECTED',
  // The key has expired (Bybit 33004, MEXC 402): a new one is needed.
  'KEY_EXPIRED',
  // KuCoin 400008/400009: a retired V1/V2 key (or key version) that needs a new V3 key.
  'KEY_OUTDATED',
  // OKX 50101/50119: a key made on another OKX site (EEA, US) or for demo trading.
  'KEY_WRONG_ENVIRONMENT',
  'INVALID_SECRET',
  'INVALID_PASSPHRASE',
  'NO_READ_PERMISSION',
  'NO_TRADE_PERMISSION',
  'NO_FUTURES_PERMISSION',
  'WITHDRAW_ENABLED',
  'WITHDRAW_UNVERIFIED',
  'FUTURES_UNVERIFIED',
  'IP_NOT_ALLOWED',
  'IP_WHITELIST_MISSING',
  'CLOCK_SKEW',
  'RATE_LIMITED',
  'EXCHANGE_UNAVAILABLE',
  'ACCOUNT_RESTRICTED',
  'UNKNOWN',
  'IP_UNVERIFIED',
  // The exchange states the day this key stops working (`detail.date`, `detail.expiresAt`).
  'KEY_EXPIRES',
  // The exchange's rule says this key will expire or lose trading (no bound IP), without a date.
  'KEY_EXPIRY_RULE',
  // The exchange would not show the key's permissions (Bitget Unified Trading Account, Gate without Account read).
  'PERMISSIONS_UNVERIFIED',
] as const
/** A machine-readable reason for a non-passing check, mapped to user text only at the edge. */
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number]

/** Faults of the exchange or the network, not of the key: the monitor applies hysteresis to these. */
export const TRANSIENT_CODES: ReadonlySet<DiagnosisCode> = new Set(['RATE_LIMITED', 'EXCHANGE_UNAVAILABLE'])

/** One check's outcome; `detail` carries non-secret facts for the fix text (latency, IP list...). */
export interface CheckResult {
  id: CheckId
  state: CheckState
  code?: DiagnosisCode
  detail?: Record<string, string | number>
}

/** What a connection test concludes: unsafe (withdrawal on) is worse than offline. */
export type Verdict = 'online' | 'offline' | 'unsafe'

/** A connection test's full outcome, the unit stored in history and shown to the user. */
export interface TestReport {
  exchange: ExchangeId
  market: Market
  verdict: Verdict
  /** True when every failure is the exchange's fault (timeouts, 5xx, 429, maintenance). */
  transient: boolean
  checks: CheckResult[]
  startedAt: number
  durationMs: number
  requestCount: number
}

/** A stored connection's state as the user sees it; `checking` is the monitor's grace state. */
export const CONNECTION_STATUSES = ['untested', 'online', 'checking', 'offline', 'unsafe'] as const
/** A stored connection's state. */
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number]

/** Supported UI languages; the first is the fallback. */
export const LOCALES = ['en', 'pt-BR'] as const
/** A supported UI language. */
export type Locale = (typeof LOCALES)[number]
