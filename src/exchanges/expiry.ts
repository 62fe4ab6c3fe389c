/**
 * The `expiry` check, the same way on every exchange: a date the exchange states (Bybit's
 * `expiredAt`, Binance's trading-permission expiry) is `warn KEY_EXPIRES` with that date, which
 * the monitor turns into reminders; a documented rule with no date (no IP bound: MEXC 90 days,
 * Binance 30, KuCoin 30 or OKX 14 days unused) is `warn KEY_EXPIRY_RULE`, or `unknown` when the
 * binding cannot be seen. Only a key proven bound to IPs (and with no stated date) passes.
 */
import type { ReportBuilder } from './report.js'

const DAY_MS = 86_400_000

/** `2026-12-07` (UTC): how a date appears in texts, the same in every language. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The exchange states when the key stops working: warn with the date and the days left. */
export function setExpiryDate(report: ReportBuilder, expiresAt: number, now: number): void {
  const daysLeft = Math.max(0, Math.ceil((expiresAt - now) / DAY_MS))
  report.set('expiry', 'warn', 'KEY_EXPIRES', { date: isoDay(expiresAt), expiresAt, daysLeft })
}

/**
 * Applies the exchange's rule for keys without a bound IP: `bound` true = no expiry (pass),
 * false = the rule applies (warn), undefined = the binding cannot be seen (unknown).
 */
export function setExpiryRule(report: ReportBuilder, bound: boolean | undefined, days: number): void {
  if (bound === true) report.set('expiry', 'pass')
  else report.set('expiry', bound === false ? 'warn' : 'unknown', 'KEY_EXPIRY_RULE', { days })
}
