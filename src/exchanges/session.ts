/**
 * One connection test in progress: the ccxt client, the report under construction and the
 * time budget. Adapters read as a straight list of calls; this file decides where a failure
 * lands, what it implies and whether the test can go on, the same way for every exchange.
 */
import type { Exchange } from 'ccxt'
import type { CheckId, DiagnosisCode, ExchangeId, TestReport } from '../domain/types.js'
import type { TestOptions } from './adapter.js'
import type { CcxtClient } from './ccxt-client.js'
import { BadShapeError, DeadlineError, toFailure, type CodeTable, type Failure } from './diagnose.js'
import { createReport, type Detail, type ReportBuilder } from './report.js'

/** Above this offset between our clock and the exchange's we warn the operator (ccxt's default recvWindow is 5 s). */
export const SKEW_WARN_MS = 1000

/** What one exchange call proves, and what a refusal on it means. */
export interface StepSpec {
  /** The check that takes an unexplained failure (UNKNOWN). */
  check: CheckId
  /** What "permission denied" on this call means, e.g. NO_TRADE_PERMISSION on `trade`. */
  permission: { code: DiagnosisCode; check: CheckId }
  /** Codes whose meaning differs on this endpoint (MEXC's contract API reuses numbers). */
  table?: CodeTable
}

/** A call's outcome: the parsed value, or a failure not yet written into the report. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; failure: Failure }

// Where a code lands when a call fails; exchange faults land on `reachable`, never on the key.
const LANDING: Partial<Record<DiagnosisCode, CheckId>> = {
  CLOCK_SKEW: 'reachable',
  RATE_LIMITED: 'reachable',
  EXCHANGE_UNAVAILABLE: 'reachable',
  INVALID_KEY: 'key',
  KEY_REJECTED: 'key',
  KEY_EXPIRED: 'key',
  KEY_OUTDATED: 'key',
  KEY_WRONG_ENVIRONMENT: 'key',
  INVALID_SECRET: 'secret',
  INVALID_PASSPHRASE: 'passphrase',
  IP_NOT_ALLOWED: 'ip',
  ACCOUNT_RESTRICTED: 'key',
  NO_READ_PERMISSION: 'balance',
  NO_TRADE_PERMISSION: 'trade',
  NO_FUTURES_PERMISSION: 'futures',
}

// What the exchange must have accepted before it could answer with this code. A pass here is
// a proof of identity (secret/passphrase pass = the caller holds the secret, see
// domain/identity.ts), so only codes an exchange returns AFTER verifying the signature may imply
// them. ACCOUNT_RESTRICTED implies nothing: an exchange may report a frozen account or an
// expired key before it checks the signature, and a pass nobody proved must never be shown.
const IMPLIED_PASSES: Partial<Record<DiagnosisCode, readonly CheckId[]>> = {
  INVALID_SECRET: ['key'],
  INVALID_PASSPHRASE: ['key'],
  IP_NOT_ALLOWED: ['key'],
  NO_READ_PERMISSION: ['key', 'secret', 'passphrase'],
  NO_TRADE_PERMISSION: ['key', 'secret', 'passphrase'],
  NO_FUTURES_PERMISSION: ['key', 'secret', 'passphrase'],
}

// A missing permission does not stop the other checks; anything else does.
const NON_BLOCKING = new Set<DiagnosisCode>(['NO_READ_PERMISSION', 'NO_TRADE_PERMISSION', 'NO_FUTURES_PERMISSION'])

/** The running test; see {@link createSession}. */
export interface Session<E extends Exchange> {
  readonly client: CcxtClient<E>
  readonly report: ReportBuilder
  readonly options: TestOptions
  /** True once a blocking failure happened: later calls would only repeat it. */
  readonly blocked: boolean
  /** Calls the exchange within the time budget and parses the answer; never throws. */
  tryCall<T>(spec: StepSpec, fn: (ex: E) => Promise<unknown>, parse: (raw: unknown) => T): Promise<CallResult<T>>
  /** {@link tryCall} that writes a failure into the report and returns undefined. */
  call<T>(spec: StepSpec, fn: (ex: E) => Promise<unknown>, parse: (raw: unknown) => T): Promise<T | undefined>
  /** Writes a failure into the report: landing check, implied passes, skipped checks. */
  record(failure: Failure, spec: StepSpec): void
  /** Measures latency and clock offset with a public time call and signs later calls with the offset. */
  measureReachable(fetchTime: (ex: E) => Promise<unknown>, parseTime: (raw: unknown) => number): Promise<boolean>
  finish(): TestReport
}

/** Starts a test; `table` is the exchange's error-code table used for every call. */
export function createSession<E extends Exchange>(args: {
  exchange: ExchangeId
  checks: readonly CheckId[]
  client: CcxtClient<E>
  table: CodeTable
  options: TestOptions
}): Session<E> {
  const { client, options } = args
  const startedAt = Date.now()
  const deadline = startedAt + options.totalTimeoutMs
  const report = createReport(args.exchange, options.market, args.checks)
  let blocked = false
  let skewMs: number | undefined

  async function tryCall<T>(spec: StepSpec, fn: (ex: E) => Promise<unknown>, parse: (raw: unknown) => T): Promise<CallResult<T>> {
    const table = spec.table ? { ...args.table, ...spec.table } : args.table
    const remaining = deadline - Date.now()
    client.resetTrace()
    try {
      if (remaining <= 0) throw new DeadlineError('total timeout')
      client.ex.timeout = Math.max(1, Math.min(options.requestTimeoutMs, remaining))
      const raw = await withDeadline(fn(client.ex), remaining)
      return { ok: true, value: parse(raw) }
    } catch (err) {
      return { ok: false, failure: toFailure(err, client.lastResponse(), table) }
    }
  }

  function record(failure: Failure, spec: StepSpec): void {
    const code: DiagnosisCode = failure.code === 'PERMISSION' ? spec.permission.code : failure.code
    let check: CheckId = code === spec.permission.code ? spec.permission.check : (LANDING[code] ?? spec.check)
    if (!report.has(check)) check = check === 'passphrase' ? 'secret' : spec.check
    for (const id of IMPLIED_PASSES[code] ?? []) if (!report.isSet(id)) report.set(id, 'pass')
    report.set(check, 'fail', code, failureDetail(code, failure, spec))
    if (!NON_BLOCKING.has(code)) {
      blocked = true
      report.skipRest(check)
    }
  }

  function failureDetail(code: DiagnosisCode, f: Failure, spec: StepSpec): Detail {
    const d: Detail = {}
    if (code === 'RATE_LIMITED' && f.retryAfterS !== undefined) d['retryAfterS'] = f.retryAfterS
    if (code === 'CLOCK_SKEW' && skewMs !== undefined) d['skewMs'] = skewMs
    if (code === 'IP_NOT_ALLOWED') d['ips'] = options.egressIps.join(', ')
    if (LANDING[code] === 'reachable' && spec.check !== 'reachable') d['during'] = spec.check
    return d
  }

  return {
    client,
    report,
    options,
    get blocked() {
      return blocked
    },
    tryCall,
    async call(spec, fn, parse) {
      const r = await tryCall(spec, fn, parse)
      if (r.ok) return r.value
      record(r.failure, spec)
      return undefined
    },
    record,
    async measureReachable(fetchTime, parseTime) {
      const spec: StepSpec = { check: 'reachable', permission: { code: 'UNKNOWN', check: 'reachable' } }
      const t0 = Date.now()
      const r = await tryCall(spec, fetchTime, parseTime)
      const t1 = Date.now()
      if (!r.ok) {
        // A public call cannot fail for the key's sake; whatever it says, the exchange is the problem.
        record({ ...r.failure, code: r.failure.code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'EXCHANGE_UNAVAILABLE' }, spec)
        return false
      }
      skewMs = Math.round(r.value - (t0 + t1) / 2)
      // Sign with the exchange's clock: our clock's drift is the operator's problem, not the key's.
      client.ex.options['timeDifference'] = -skewMs
      const detail = { latencyMs: t1 - t0, skewMs }
      if (Math.abs(skewMs) > SKEW_WARN_MS) report.set('reachable', 'warn', 'CLOCK_SKEW', detail)
      else report.set('reachable', 'pass', undefined, detail)
      return true
    },
    finish: () => report.finish({ startedAt, requestCount: client.requestCount() }),
  }
}

/** Parses a number-like field or throws {@link BadShapeError}, so a malformed body reads as an exchange fault. */
export function requireNumber(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new BadShapeError('not a number')
  return n
}

/** Narrows to a plain object or throws {@link BadShapeError}. */
export function requireObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new BadShapeError('not an object')
  return value as Record<string, unknown>
}

async function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  p.catch(() => undefined) // the loser of the race must not become an unhandled rejection
  let timer: NodeJS.Timeout | undefined
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError('total timeout')), ms)
  })
  try {
    return await Promise.race([p, t])
  } finally {
    clearTimeout(timer)
  }
}
