import type { ConnectionStatus, TestReport } from './types.js'

/** A connection's state before a test, as the status rules need it. */
export interface StatusState {
  status: ConnectionStatus
  consecutiveFailures: number
}

/**
 * The hysteresis rules, shared by the monitor and manual tests: a key-level failure changes the
 * state at once (Offline, or Unsafe when withdrawal is on); a transient one (timeouts, 5xx, 429,
 * maintenance) shows "Checking" until `threshold` failures in a row (Offline and Unsafe keep
 * their state); one pass brings it back.
 */
export function nextStatus(prev: StatusState, report: TestReport, threshold: number): StatusState {
  if (report.verdict === 'online') return { status: 'online', consecutiveFailures: 0 }
  const failures = prev.consecutiveFailures + 1
  if (report.verdict === 'unsafe') return { status: 'unsafe', consecutiveFailures: failures }
  if (!report.transient) return { status: 'offline', consecutiveFailures: failures }
  // An outage proves nothing new about the key: Offline and Unsafe keep their state however long
  // it lasts (an Unsafe key turned Offline would alert "Unsafe" a second time when it ends).
  if (prev.status === 'offline' || prev.status === 'unsafe') return { status: prev.status, consecutiveFailures: failures }
  if (failures >= threshold) return { status: 'offline', consecutiveFailures: failures }
  // A key never proven good is not "checking": it has nothing to fall back on.
  if (prev.status === 'untested') return { status: 'offline', consecutiveFailures: failures }
  return { status: 'checking', consecutiveFailures: failures }
}
