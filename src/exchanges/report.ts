/**
 * Builds a {@link TestReport} check by check and decides its verdict. The verdict lives here
 * only, so the bot, the monitor and every adapter agree on what "online" means.
 */
import {
  CHECK_IDS,
  TRANSIENT_CODES,
  type CheckId,
  type CheckResult,
  type CheckState,
  type DiagnosisCode,
  type ExchangeId,
  type Market,
  type TestReport,
  type Verdict,
} from '../domain/types.js'

/** Unsafe (withdrawal on) beats offline; warn and unknown never block a connection. */
export function verdictOf(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.id === 'withdraw' && c.state === 'fail')) return 'unsafe'
  if (checks.some((c) => c.state === 'fail')) return 'offline'
  return 'online'
}

/** True when something failed and every failure is the exchange's fault (429, 5xx, timeouts). */
export function isTransient(checks: readonly CheckResult[]): boolean {
  const fails = checks.filter((c) => c.state === 'fail')
  return fails.length > 0 && fails.every((c) => c.code !== undefined && TRANSIENT_CODES.has(c.code))
}

/** Non-secret facts for the fix text; keys double as Fluent variable names (`$ips`, `$skewMs`). */
export type Detail = Record<string, string | number>

/** Mutable report under construction; ids not in this test's check list are ignored. */
export interface ReportBuilder {
  has(id: CheckId): boolean
  isSet(id: CheckId): boolean
  get(id: CheckId): CheckResult | undefined
  set(id: CheckId, state: CheckState, code?: DiagnosisCode, detail?: Detail): void
  /** Marks every check not yet decided as `unknown`, skipped because `blocker` failed. */
  skipRest(blocker: CheckId): void
  finish(meta: { startedAt: number; requestCount: number }): TestReport
}

/** Starts a report for the given checks, kept in the order the user reads them. */
export function createReport(exchange: ExchangeId, market: Market, checkIds: readonly CheckId[]): ReportBuilder {
  const wanted = new Set(checkIds)
  const results = new Map<CheckId, CheckResult>()
  const builder: ReportBuilder = {
    has: (id) => wanted.has(id),
    isSet: (id) => results.has(id),
    get: (id) => results.get(id),
    set(id, state, code, detail) {
      if (!wanted.has(id)) return
      const r: CheckResult = { id, state }
      if (code !== undefined) r.code = code
      if (detail !== undefined && Object.keys(detail).length > 0) r.detail = detail
      results.set(id, r)
    },
    skipRest(blocker) {
      for (const id of wanted) if (!results.has(id)) results.set(id, { id, state: 'unknown', detail: { skipped: blocker } })
    },
    finish({ startedAt, requestCount }) {
      // A check nobody decided is a bug in an adapter; report it honestly rather than as a pass.
      for (const id of wanted) if (!results.has(id)) results.set(id, { id, state: 'unknown', code: 'UNKNOWN' })
      const checks = CHECK_IDS.filter((id) => wanted.has(id)).map((id) => results.get(id) as CheckResult)
      return {
        exchange,
        market,
        verdict: verdictOf(checks),
        transient: isTransient(checks),
        checks,
        startedAt,
        durationMs: Date.now() - startedAt,
        requestCount,
      }
    },
  }
  return builder
}
