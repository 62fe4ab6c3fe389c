import type { CheckResult, CheckState, ConnectionStatus, ExchangeId, TestReport } from '../../domain/types.js'
import type { ConnectionView } from '../../services/connection-view.js'
import { escapeHtml, escapeParams } from '../html.js'

/** The translate function as renderers need it (bound to the user's locale). */
export type Translate = (key: string, params?: Record<string, string | number>) => string

/** An exchange's brand label ("KuCoin", never "KUCOIN"): renderers never spell an exchange themselves. */
export type ExchangeLabel = (id: ExchangeId) => string

const ICON: Record<CheckState, string> = { pass: '✅', warn: '⚠️', fail: '❌', unknown: '❔' }
/** The badge shown beside a connection's name everywhere. */
export const STATUS_ICON: Record<ConnectionStatus, string> = { online: '🟢', checking: '🟡', offline: '🔴', unsafe: '⛔', untested: '⚪' }

function params(check: CheckResult, report: TestReport, egressIps: readonly string[]): Record<string, string | number> {
  const detail = check.detail ?? {}
  return escapeParams({ ...detail, ips: egressIps.join(', ') || '-', exchange: report.exchange })
}

const isSkipped = (c: CheckResult) => c.detail?.skipped !== undefined

/** A passed check's name, with the one fact worth seeing (latency). */
function passedLabel(check: CheckResult, report: TestReport, t: Translate, egressIps: readonly string[]): string {
  const label = t(`check-${check.id}`, params(check, report, egressIps))
  return check.id === 'reachable' && check.detail?.latencyMs !== undefined ? `${label} (${check.detail.latencyMs} ms)` : label
}

/** One check as a line, plus its cause and step-by-step fix when it did not pass. */
export function renderCheck(check: CheckResult, report: TestReport, t: Translate, egressIps: readonly string[]): string {
  const p = params(check, report, egressIps)
  const label = t(`check-${check.id}`, p)
  if (isSkipped(check)) return `${ICON.unknown} ${label}: ${t('check-skipped', { skipped: t(`check-${String(check.detail!.skipped)}`) })}`
  if (check.state === 'pass' || !check.code) return `${ICON[check.state]} ${passedLabel(check, report, t, egressIps)}`
  const line = `${ICON[check.state]} ${label}`
  const indent = (text: string) => text.split('\n').map((l) => `   ${l}`).join('\n')
  return [line, indent(`<i>${t(`diag-${check.code}-cause`, p)}</i>`), indent(t(`diag-${check.code}-fix-${report.exchange}`, p))].join('\n')
}

/**
 * What needs the trader, in reading order: failures with their fixes, then warnings and
 * unproven checks, then ONE line for the checks an earlier failure kept from running.
 * Empty when everything passed.
 */
export function renderProblems(report: TestReport, t: Translate, egressIps: readonly string[]): string[] {
  const shown = report.checks.filter((c) => !isSkipped(c))
  const failures = shown.filter((c) => c.state === 'fail')
  const attention = shown.filter((c) => c.state === 'warn' || (c.state === 'unknown' && c.code))
  const blocks = [...failures, ...attention].map((c) => renderCheck(c, report, t, egressIps))
  const skipped = report.checks.filter(isSkipped)
  if (skipped.length > 0) {
    const blocker = t(`check-${String(skipped[0]!.detail!.skipped)}`)
    const names = skipped.map((c) => t(`check-${c.id}`)).join(', ')
    blocks.push(`${ICON.unknown} ${t('report-skipped', { blocker, checks: names, count: skipped.length })}`)
  }
  return blocks
}

/** The passed checks folded into one line ("✅ Passed: Exchange reachable (98 ms) · API key · …"), or ''. */
export function renderPasses(report: TestReport, t: Translate, egressIps: readonly string[]): string {
  const passed = report.checks.filter((c) => !isSkipped(c) && c.state === 'pass')
  if (passed.length === 0) return ''
  return `${ICON.pass} ${t('report-passed', { checks: passed.map((c) => passedLabel(c, report, t, egressIps)).join(' · '), count: passed.length })}`
}

/**
 * The whole report as a trader reads it on a phone: what is wrong first (each with its fix),
 * the checks that could not run in one line, the passes in one line, and the verdict last, so
 * the caller's one next step follows it directly.
 */
export function renderReport(report: TestReport, t: Translate, egressIps: readonly string[]): string {
  const head = t(`verdict-${report.verdict}${report.transient ? '-transient' : ''}`)
  const body = [...renderProblems(report, t, egressIps), renderPasses(report, t, egressIps)].filter(Boolean)
  return [...body, '', `<b>${head}</b>`].join('\n')
}

/** A connection's one-line identity: badge, name, exchange, market (used by lists and cards alike). */
export function renderHeadline(c: ConnectionView, t: Translate, label: ExchangeLabel): string {
  return `${STATUS_ICON[c.status]} <b>${escapeHtml(c.name)}</b> · ${escapeHtml(label(c.exchange))} · ${t(`market-${c.market}`)}`
}

/** "2026-11-30 10:49 UTC": one format for every timestamp the bot shows. */
export function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** One line per connection for lists (/status, /start): badge, name, exchange, state, last test. */
export function renderListLine(c: ConnectionView, t: Translate, label: ExchangeLabel): string {
  const tested = c.lastTestedAt ? t('list-tested', { when: utcTime(c.lastTestedAt) }) : t('connection-never-tested')
  const paused = c.pausedAt ? ` · ${t('connection-paused-badge')}` : ''
  return `${renderHeadline(c, t, label)} · ${t(`status-short-${c.status}`)}${paused} · ${tested}`
}

/** A connection's card: name, exchange, market, masked key, state, last test and what to fix. */
export function renderConnection(c: ConnectionView, t: Translate, egressIps: readonly string[], withChecks: boolean, label: ExchangeLabel): string {
  const lines = [
    renderHeadline(c, t, label),
    t('connection-key', { key: escapeHtml(c.maskedKey) }),
    t('connection-status', { status: t(`status-${c.status}`) }),
    c.lastTestedAt ? t('connection-tested', { when: utcTime(c.lastTestedAt) }) : t('connection-never-tested'),
    // Whether the platform is using it: paused, when it last read the key, or not yet.
    c.pausedAt ? t('connection-platform-paused') : c.lastCredentialReadAt ? t('connection-platform-used', { when: utcTime(c.lastCredentialReadAt) }) : t('connection-platform-unused'),
  ]
  if (withChecks && c.report) {
    const problems = renderProblems(c.report, t, egressIps)
    lines.push('', ...(problems.length ? problems : [t('connection-all-pass')]))
  }
  return lines.join('\n')
}
