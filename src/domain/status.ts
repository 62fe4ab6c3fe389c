import type { ConnectionStatus, TestReport } from './types.js'

/** A connection's state before a test, as the status rules need it. */
export interface StatusState {
  status: ConnectionStatus
  consecutiveFailures: number
}

/**
 * True when the report does not prove the key's withdrawal permission off (MEXC and Gate.io never
 * can; others when a permission field was unreadable): such a key is never Online on the
 * exchange's word alone, the trader must confirm it (DEVELOPERS.md: "say unknown and ask").
 */
export function withdrawalUnproven(report: TestReport): boolean {
  return !report.checks.some((c) => c.id === 'withdraw' && c.state === 'pass')
}

/**
 * The hysteresis rules, shared by the monitor and manual tests: a key-level failure changes the
 * state at once (Offline, or Unsafe when withdrawal is on); a transient one (timeouts, 5xx, 429,
 * maintenance) shows "Checking" until `threshold` failures in a row; one pass brings it back:
 * to Online, or to Needs-your-confirmation while withdrawal is unproven and the trader has not
 * confirmed it for this key (`withdrawConfirmed`).
 */
export function nextStatus(prev: StatusState, report: TestReport, threshold: number, withdrawConfirmed = false): StatusState {
  if (report.verdict === 'online') {
    const status = withdrawalUnproven(report) && !withdrawConfirmed ? 'needs_confirmation' : 'online'
    return { status, consecutiveFailures: 0 }
  }
  const failures = prev.consecutiveFailures + 1
  if (report.verdict === 'unsafe') return { status: 'unsafe', consecutiveFailures: failures }
  if (!report.transient) return { status: 'offline', consecutiveFailures: failures }
  // An outage proves nothing new about the key: Offline and Unsafe keep their state however long
  // it lasts (an Unsafe key turned Offline would alert "Unsafe" a second time when it ends).
  if (prev.status === 'offline' || prev.status === 'unsafe') return { status: prev.status, consecutiveFailures: failures }
  if (failures >= threshold) return { status: 'offline', consecutiveFailures: failures }
  // A key never proven good is not "checking": it has nothing to fall back on.
  if (prev.status === 'untested') return { status: 'offline', consecutiveFailures: failures }
  // Needs-your-confirmation keeps its state until the threshold: the platform is not using the key,
  // and "checking" would announce a key the trader has not confirmed as usable.
  if (prev.status === 'needs_confirmation') return { status: prev.status, consecutiveFailures: failures }
  return { status: 'checking', consecutiveFailures: failures }
}
