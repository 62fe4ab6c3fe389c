import type { CheckResult, CheckState, ConnectionStatus, ExchangeId, TestReport } from '../../domain/types.js'
import type { ConnectionView } from '../../services/connection-view.js'
import { escapeHtml, escapeParams } from '../html.js'

/** The translate function as renderers need it (bound to the user's locale). */
export type Translate = (key: string, params?: Record<string, string | number>) => string

const ICON: Record<CheckState, string> = { pass: '✅', warn: '⚠️', fail: '❌', unknown: '❔' }
/** The badge shown beside a connection's name everywhere. */
export const STATUS_ICON: Record<ConnectionStatus, string> = { online: '🟢', checking: '🟡', offline: '🔴', unsafe: '⛔', untested: '⚪' }

function params(check: CheckResult, report: TestReport, egressIps: readonly string[]): Record<string, string | number> {
  const detail = check.detail ?? {}
  return escapeParams({ ...detail, ips: egressIps.join(', ') || '-', exchange: report.exchange })
}

/** One check as a line, plus its cause and step-by-step fix when it did not pass. */
export function renderCheck(check: CheckResult, report: TestReport, t: Translate, egressIps: readonly string[]): string {
  const p = params(check, report, egressIps)
  const skipped = check.detail?.skipped !== undefined
  const label = t(`check-${check.id}`, p)
  if (skipped) return `${ICON.unknown} ${label}: ${t('check-skipped', { skipped: t(`check-${String(check.detail!.skipped)}`) })}`
  const line = `${ICON[check.state]} ${label}${check.state === 'pass' && check.id === 'reachable' && check.detail?.latencyMs !== undefined ? ` (${check.detail.latencyMs} ms)` : ''}`
  if (check.state === 'pass' || !check.code) return line
  const indent = (text: string) => text.split('\n').map((l) => `   ${l}`).join('\n')
  return [line, indent(`<i>${t(`diag-${check.code}-cause`, p)}</i>`), indent(t(`diag-${check.code}-fix-${report.exchange as ExchangeId}`, p))].join('\n')
}

/** The whole report: verdict first, then every check in order. */
export function renderReport(report: TestReport, t: Translate, egressIps: readonly string[]): string {
  const head = t(`verdict-${report.verdict}${report.transient ? '-transient' : ''}`)
  return [`<b>${head}</b>`, '', ...report.checks.map((c) => renderCheck(c, report, t, egressIps))].join('\n')
}

/** A connection's one-line identity: badge, name, exchange, market (used by lists and cards alike). */
export function renderHeadline(c: ConnectionView, t: Translate): string {
  return `${STATUS_ICON[c.status]} <b>${escapeHtml(c.name)}</b> · ${escapeHtml(c.exchange.toUpperCase())} · ${t(`market-${c.market}`)}`
}

const utcMinute = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/** A connection's card: name, exchange, market, masked key, state and last test. */
export function renderConnection(c: ConnectionView, t: Translate, egressIps: readonly string[], withChecks: boolean): string {
  const lines = [
    renderHeadline(c, t),
    t('connection-key', { key: escapeHtml(c.maskedKey) }),
    t('connection-status', { status: t(`status-${c.status}`) }),
    c.lastTestedAt ? t('connection-tested', { when: utcMinute(c.lastTestedAt) }) : t('connection-never-tested'),
    // Whether the platform is using it: paused, when it last read the key, or not yet.
    c.pausedAt ? t('connection-platform-paused') : c.lastCredentialReadAt ? t('connection-platform-used', { when: utcMinute(c.lastCredentialReadAt) }) : t('connection-platform-unused'),
  ]
  if (withChecks && c.report) {
    const failing = c.report.checks.filter((x) => x.state !== 'pass')
    lines.push('', ...(failing.length ? failing.map((x) => renderCheck(x, c.report!, t, egressIps)) : [t('connection-all-pass')]))
  }
  return lines.join('\n')
}
