/**
 * How a key's reported permissions become report lines, the same on every exchange that reports
 * them (Binance, Bybit, OKX, KuCoin): withdrawal proven on is a failure (the verdict becomes
 * unsafe), proven off a pass, unreadable `unknown`; the IP list must hold every egress IP.
 */
import type { ReportBuilder } from './report.js'

/**
 * Sets the `withdraw` check. `on`: the exchange's names of the switches that move funds out and
 * are on; `known`: every such switch was read. Any on → fail WITHDRAW_ENABLED naming them; none
 * on and all read → pass; otherwise unknown WITHDRAW_UNVERIFIED, never a pass.
 */
export function setWithdrawCheck(report: ReportBuilder, on: readonly string[] | undefined, known = on !== undefined): void {
  if (on && on.length > 0) report.set('withdraw', 'fail', 'WITHDRAW_ENABLED', { permissions: on.join(', ') })
  else if (known) report.set('withdraw', 'pass')
  else report.set('withdraw', 'unknown', 'WITHDRAW_UNVERIFIED')
}

/**
 * Sets the `ip` check from the key's bound IPs (undefined = unreadable → unknown): none → warn
 * IP_WHITELIST_MISSING; every egress IP listed → pass; else fail IP_NOT_ALLOWED naming the
 * missing ones. Returns whether the key is bound at all (undefined when unknown).
 */
export function setWhitelistCheck(report: ReportBuilder, list: readonly string[] | undefined, egressIps: readonly string[]): boolean | undefined {
  const ips = egressIps.join(', ')
  if (list === undefined) {
    report.set('ip', 'unknown', 'IP_UNVERIFIED', { ips })
    return undefined
  }
  const wl = evaluateWhitelist(list, egressIps)
  if (wl.state === 'pass') report.set('ip', 'pass')
  else if (wl.state === 'missing') report.set('ip', 'warn', 'IP_WHITELIST_MISSING', { ips })
  else report.set('ip', 'fail', 'IP_NOT_ALLOWED', { ips: wl.missing.join(', ') })
  return wl.state !== 'missing'
}

/** Whitelist verdict against our egress IPs: missing = none set, pass = all ours listed. */
export type WhitelistResult = { state: 'pass' } | { state: 'missing' } | { state: 'fail'; missing: string[] }

/**
 * Compares the key's whitelist with our egress IPs. An empty list is `missing`. With no egress
 * IPs configured, a non-empty list is a pass: the call we just made came through it.
 */
export function evaluateWhitelist(whitelist: readonly string[], egressIps: readonly string[]): WhitelistResult {
  if (whitelist.length === 0) return { state: 'missing' }
  const missing = egressIps.filter((ip) => !whitelist.some((entry) => ipMatches(entry, ip)))
  return missing.length === 0 ? { state: 'pass' } : { state: 'fail', missing }
}

/** Exact match, or a masked entry (`203.**.7`) whose visible ends match the IP's. */
export function ipMatches(entry: string, ip: string): boolean {
  const e = entry.trim().toLowerCase()
  const target = ip.trim().toLowerCase()
  if (!e.includes('*')) return e === target
  // A mask must show both ends: a bare `*` or `**` proves nothing about which IP is listed (F12).
  const [head, tail] = e.split(/\*+/, 2) as [string, string | undefined]
  if (!head || !tail) return false
  return target.startsWith(head) && target.endsWith(tail) && target.length > head.length + tail.length
}
