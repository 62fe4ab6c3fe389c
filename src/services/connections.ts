import { randomBytes } from 'node:crypto'
import { AppError } from '../domain/errors.js'
import { nameProblem, normalizeName, suggestName } from '../domain/names.js'
import { credentialsRejected, identityProven } from '../domain/identity.js'
import { nextStatus } from '../domain/status.js'
import type { CredentialField, Credentials, ExchangeId, Market, TestReport } from '../domain/types.js'
import type { ExchangeAdapter } from '../exchanges/adapter.js'
import type { ExchangeRegistry } from '../exchanges/registry.js'
import type { AppLogger } from '../logger.js'
import { maskKey } from '../secrets/redact.js'
import type { Sealer } from '../secrets/sealer.js'
import type { ConnectionRow, ConnectionsRepo } from '../storage/connections.repo.js'
import type { OutboxRepo } from '../storage/outbox.repo.js'
import type { TestResultsRepo } from '../storage/test-results.repo.js'
import type { UsersRepo } from '../storage/users.repo.js'
import { toView, withdrawConfirmedAt, type ConnectionView } from './connection-view.js'
import { createQuota } from './quota.js'
import { createSingleFlight, type SingleFlight } from './single-flight.js'

/** Who asked for a test; stored in the history. */
export type TestSource = 'connect' | 'manual' | 'monitor' | 'replace'

/** A stored connection's test: its state before and after, and the report. */
export interface TestOutcome {
  before: ConnectionView
  after: ConnectionView
  report: TestReport
}

/**
 * Why /connect or /replace stored nothing after testing the key: UNSAFE = it can withdraw;
 * UNPROVEN = the exchange never accepted its signature (wrong key, secret or passphrase, our IP
 * not whitelisted, or the exchange unreachable before it checked), so nothing proves the key is
 * the caller's and re-testing a stored copy could not fix it; NOT_ONLINE = a replacement that
 * did not pass every check.
 */
export type RefusalReason = 'UNSAFE' | 'UNPROVEN' | 'NOT_ONLINE'

/** Result of /connect or /replace: saved (with its state) or refused (nothing changed). */
export type SaveOutcome =
  | { outcome: 'saved'; connection: ConnectionView; report: TestReport }
  | { outcome: 'refused'; reason: RefusalReason; report: TestReport }

/** Per-user limits against junk load (F6): config `MAX_CONNECTIONS_PER_USER`, `CONNECT_PER_HOUR`, `TEST_PER_HOUR`, `MONITOR_STOP_AFTER_INVALID`. */
export interface UserLimits {
  /** Connections one user may store. */
  maxConnections: number
  /** Keys one user may have tested per hour through /connect and /replace. */
  connectPerHour: number
  /** Manual /test runs per user per hour (the monitor's tests do not count). */
  testPerHour: number
  /** Monitor tests in a row with the key, secret or passphrase refused before the monitor stops testing that key. */
  stopMonitorAfterInvalid: number
}

/** The defaults documented in the README's settings table. */
export const DEFAULT_LIMITS: UserLimits = { maxConnections: 20, connectPerHour: 10, testPerHour: 30, stopMonitorAfterInvalid: 3 }

/** What the connection service needs, injected by the composition root. */
export interface ConnectionServiceDeps {
  users: UsersRepo
  connections: ConnectionsRepo
  testResults: TestResultsRepo
  sealer: Sealer
  exchanges: ExchangeRegistry
  transaction: <T>(fn: () => T) => T
  settings: { egressIps: readonly string[]; requestTimeoutMs: number; totalTimeoutMs: number; offlineAfterFailures: number; limits?: Partial<UserLimits> }
  logger: AppLogger
  lock?: SingleFlight<TestOutcome | null>
  /** Pending notifications of a deleted or replaced connection are cancelled in the same transaction. */
  outbox?: Pick<OutboxRepo, 'cancelForConnection'>
  /** Called after a delete or replace commits: empties the WAL so the old ciphertext leaves the disk (never throws). */
  scrubDisk?: () => void
  /** The quotas' clock (tests). */
  now?: () => number
  /**
   * Issue 5 (monitor): called inside the transaction that stores a stored connection's test, so
   * the notification it causes is written to the outbox atomically with the state change (a
   * crash can neither lose nor double it). Must be synchronous; a throw rolls the test back.
   */
  onTested?: (event: TestedEvent) => void
  /**
   * Issue 14 (platform gate): told inside the transaction of each change the platform must hear
   * about, so its event commits with the change. Status changes reach it through `onTested`.
   */
  events?: ConnectionEventSink
}

/** Changes the platform gate turns into events; each call runs inside the change's transaction. */
export interface ConnectionEventSink {
  connected(c: ConnectionView, userId: number): void
  replaced(c: ConnectionView, userId: number): void
  removed(c: ConnectionView, userId: number): void
  /** The trader confirmed withdrawal is off on the current key (issue 11); `c` is the state after it. */
  confirmed(c: ConnectionView, userId: number, at: number): void
}

/**
 * What a tap on "Withdraw is off on this key" did: `confirmed` (recorded; the connection is
 * Online now if its checks pass), `already` (this key was confirmed before), `not_needed` (the
 * connection is not waiting for it: the exchange proved it, or the key is offline or unsafe), or
 * `stale` (the button was made for a key that has since been replaced: nothing recorded).
 */
export type ConfirmOutcome = { outcome: 'confirmed' | 'already' | 'not_needed' | 'stale'; connection: ConnectionView }

/** A committed test of a stored connection, as the monitor's transition recorder sees it. */
export interface TestedEvent extends TestOutcome {
  source: TestSource
  userId: number
  /** When the current status began (the after-state's). */
  statusChangedAt: number | null
  /** True when this test made the monitor stop testing the key (its credentials kept being refused). */
  monitorStopped?: boolean
}

const SEALED = { apiKey: 'sealedApiKey', secret: 'sealedSecret', passphrase: 'sealedPassphrase' } as const

function isUnique(err: unknown, index: string): boolean {
  return err instanceof Error && /UNIQUE constraint failed/.test(err.message) && err.message.includes(index)
}

/**
 * The use cases on connections and, with platform-gate.ts (the platform's credential read), the
 * only code that opens sealed credentials: plaintext exists only inside a test call and is
 * dropped right after. Errors are AppError codes.
 */
export function createConnectionService(deps: ConnectionServiceDeps) {
  const { users, connections, testResults, sealer, exchanges, transaction, settings, logger } = deps
  const lock = deps.lock ?? createSingleFlight<TestOutcome | null>()
  const limits: UserLimits = { ...DEFAULT_LIMITS, ...settings.limits }
  const HOUR = 3_600_000
  const connectQuota = createQuota({ limit: limits.connectPerHour, windowMs: HOUR, ...(deps.now ? { now: deps.now } : {}) })
  const testQuota = createQuota({ limit: limits.testPerHour, windowMs: HOUR, ...(deps.now ? { now: deps.now } : {}) })
  const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000))

  function scrub(): void {
    try {
      deps.scrubDisk?.()
    } catch (err) {
      logger.warn({ err }, 'disk scrub after delete/replace failed')
    }
  }

  /** Throws CONNECTION_LIMIT when the user already stores the maximum. */
  function assertRoom(userId: number): void {
    if (connections.countByUser(userId) >= limits.maxConnections) throw new AppError('CONNECTION_LIMIT', { max: limits.maxConnections })
  }

  /** Counts one key test against the hourly quota of /connect and /replace; throws CONNECT_QUOTA when over. */
  function takeConnect(userId: number): void {
    const wait = connectQuota.take(userId)
    if (wait > 0) throw new AppError('CONNECT_QUOTA', { limit: limits.connectPerHour, minutes: minutes(wait) })
  }

  /**
   * The duplicate check. It runs only after the exchange accepted the key's signature, so it
   * answers nobody who does not hold the secret (no oracle), and only proven rows count (a row
   * that never proved the secret cannot squat a key). Another user's row is never named.
   */
  function assertKeyFree(userId: number, apiKey: string, exceptId?: string): void {
    for (const fp of sealer.fingerprints(apiKey)) {
      const owner = connections.fingerprintOwner(fp, exceptId)
      if (!owner) continue
      if (owner.userId === userId) throw new AppError('KEY_ALREADY_YOURS', { name: owner.name })
      throw new AppError('KEY_ALREADY_CONNECTED')
    }
  }

  const adapter = (id: string): ExchangeAdapter => {
    const a = exchanges.listAdapters().find((x) => x.id === id)
    if (!a) throw new AppError('NOT_FOUND', { what: 'exchange' })
    return a
  }
  const options = (market: Market) => ({ market, egressIps: settings.egressIps, requestTimeoutMs: settings.requestTimeoutMs, totalTimeoutMs: settings.totalTimeoutMs })

  function checkName(userId: number, raw: string, exceptId?: string): string {
    const name = normalizeName(raw)
    const problem = nameProblem(name)
    if (problem) throw new AppError('NAME_INVALID', { problem })
    // Unique regardless of case: "/status main" must not have to choose between "Main" and "main".
    const lower = name.toLowerCase()
    const existing = connections.listViewRowsByUser(userId).find((c) => c.name.toLowerCase() === lower && c.id !== exceptId)
    if (existing) throw new AppError('NAME_TAKEN', { name: existing.name })
    return name
  }

  function checkFormat(a: ExchangeAdapter, creds: Credentials): void {
    for (const spec of a.credentialFields) {
      const value = creds[spec.field] ?? ''
      const problem = a.validateField(spec.field, value, creds)
      if (problem) throw new AppError('INVALID_FORMAT', { field: spec.field, problem })
    }
  }

  function sealAll(id: string, userId: number, creds: Credentials) {
    const seal = (field: CredentialField, v: string | undefined) => (v === undefined ? null : sealer.seal(v, { connectionId: id, userId, field }))
    return {
      sealKeyId: sealer.currentKeyId,
      keyFingerprint: sealer.fingerprint(creds.apiKey),
      maskedKey: maskKey(creds.apiKey),
      sealedApiKey: seal('apiKey', creds.apiKey)!,
      sealedSecret: seal('secret', creds.secret)!,
      sealedPassphrase: seal('passphrase', creds.passphrase),
    }
  }

  function openAll(row: ConnectionRow): Credentials {
    const place = (field: CredentialField) => ({ connectionId: row.id, userId: row.userId, field })
    const creds: Credentials = { apiKey: sealer.open(row[SEALED.apiKey], place('apiKey')), secret: sealer.open(row[SEALED.secret], place('secret')) }
    if (row.sealedPassphrase) creds.passphrase = sealer.open(row.sealedPassphrase, place('passphrase'))
    return creds
  }

  function record(id: string, report: TestReport, source: TestSource): void {
    const codes = report.checks.flatMap((c) => (c.code ? [c.code] : []))
    testResults.add({ connectionId: id, testedAt: report.startedAt, source, verdict: report.verdict, transient: report.transient, codes: codes.join(','), report: JSON.stringify(report), durationMs: report.durationMs })
  }

  /**
   * What a stored connection's test says about its credentials. A proven test resets the count
   * of refusals, resumes a stopped monitor and claims the key's fingerprint (unless another
   * proven row holds it: a row saved before that rule). A refused key, secret or passphrase
   * counts one more; at the limit the monitor stops testing it (only the monitor's own test
   * stops it, so the notice goes out once, through the outbox). Transient results count nothing.
   */
  function identityFields(row: ConnectionRow, report: TestReport, source: TestSource) {
    if (identityProven(report)) {
      const canClaim = row.provenAt !== null || connections.fingerprintOwner(row.keyFingerprint, row.id) === undefined
      return { fields: { authFailures: 0, monitorPausedAt: null, ...(canClaim ? { provenAt: report.startedAt } : {}) }, stopped: false }
    }
    if (!credentialsRejected(report)) return { fields: { authFailures: row.authFailures }, stopped: false }
    const authFailures = row.authFailures + 1
    const stopped = source === 'monitor' && row.monitorPausedAt === null && authFailures >= limits.stopMonitorAfterInvalid
    return { fields: { authFailures, ...(stopped ? { monitorPausedAt: report.startedAt } : {}) }, stopped }
  }

  /** Tests a stored connection under the shared lock; null when it vanished or changed meanwhile. */
  function runTest(row: ConnectionRow, source: TestSource): Promise<TestOutcome | null> {
    return lock.run(row.id, async () => {
      const before = connections.getById(row.id)
      if (!before) return null
      const report = await adapter(before.exchange).testConnection(openAll(before), options(before.market as Market))
      return transaction(() => {
        const now = connections.getById(row.id)
        // Deleted, or given new credentials while we tested the old ones: this result is stale.
        if (!now || now.sealedApiKey !== before.sealedApiKey) return null
        const next = nextStatus({ status: toView(now).status, consecutiveFailures: now.consecutiveFailures }, report, settings.offlineAfterFailures, withdrawConfirmedAt(now) !== null)
        const changed = next.status !== now.status
        const identity = identityFields(now, report, source)
        connections.updateStatus(now.id, { ...next, ...identity.fields, lastTestedAt: report.startedAt, lastReport: JSON.stringify(report), ...(changed ? { statusChangedAt: report.startedAt } : {}) })
        record(now.id, report, source)
        const stored = connections.getById(now.id)!
        const outcome = { before: toView(now), after: toView(stored), report }
        if (identity.stopped) logger.warn({ connectionId: now.id, userId: now.userId, authFailures: identity.fields.authFailures }, 'monitor stopped testing a key the exchange keeps refusing')
        deps.onTested?.({ ...outcome, source, userId: stored.userId, statusChangedAt: stored.statusChangedAt, monitorStopped: identity.stopped }) // issue 5: see ConnectionServiceDeps.onTested
        return outcome
      })
    })
  }

  return {
    /** The exchanges the bot offers, in order. */
    exchanges: () => exchanges.listAdapters(),
    adapter,
    /** Format check of one pasted field, before anything is sent anywhere. */
    validateField(exchange: ExchangeId, field: CredentialField, value: string, others: Partial<Credentials> = {}) {
      return adapter(exchange).validateField(field, value, others)
    },
    /** Throws NAME_INVALID / NAME_TAKEN; returns the normalized name. */
    checkName,
    /** A free default name such as "MEXC spot", "MEXC futuros 2"; `marketWord` is the market in the user's language. */
    suggestName(userId: number, exchange: ExchangeId, market: Market, marketWord: string = market): string {
      const taken = new Set(connections.listViewRowsByUser(userId).map((c) => c.name))
      return suggestName(`${adapter(exchange).label} ${marketWord}`, taken)
    },
    /**
     * Throws CONNECTION_LIMIT or CONNECT_QUOTA when /connect cannot succeed now; records nothing.
     * The bot asks before the trader pastes a key, so nobody types credentials for nothing.
     */
    assertCanConnect(userId: number): void {
      assertRoom(userId)
      const wait = connectQuota.waitMs(userId)
      if (wait > 0) throw new AppError('CONNECT_QUOTA', { limit: limits.connectPerHour, minutes: minutes(wait) })
    },
    /**
     * Validates, tests, and saves a new connection. Nothing is stored when the key can withdraw
     * (UNSAFE) or when the exchange never accepted its signature (UNPROVEN: identity unproven,
     * and re-testing a stored copy could not fix it). A proven key is saved, Online or Offline
     * with its fixes; only then is it checked against keys already connected.
     */
    async connect(input: { userId: number; exchange: ExchangeId; market: Market; name: string; credentials: Credentials }): Promise<SaveOutcome> {
      const a = adapter(input.exchange)
      if (!a.markets.includes(input.market)) throw new AppError('INVALID_FORMAT', { field: 'market', problem: 'UNSUPPORTED' })
      const name = checkName(input.userId, input.name)
      checkFormat(a, input.credentials)
      assertRoom(input.userId)
      takeConnect(input.userId)
      const report = await a.testConnection(input.credentials, options(input.market))
      if (report.verdict === 'unsafe') return { outcome: 'refused', reason: 'UNSAFE', report }
      if (!identityProven(report)) {
        logger.info({ userId: input.userId, exchange: input.exchange, transient: report.transient }, 'connection not saved: identity unproven')
        return { outcome: 'refused', reason: 'UNPROVEN', report }
      }
      assertKeyFree(input.userId, input.credentials.apiKey)
      const id = randomBytes(9).toString('base64url')
      const status = nextStatus({ status: 'untested', consecutiveFailures: 0 }, report, settings.offlineAfterFailures)
      try {
        const row = transaction(() => {
          users.touch(input.userId)
          assertRoom(input.userId)
          const inserted = connections.insert({
            id,
            userId: input.userId,
            exchange: input.exchange,
            name,
            market: input.market,
            ...sealAll(id, input.userId, input.credentials),
            ...status,
            lastTestedAt: report.startedAt,
            lastReport: JSON.stringify(report),
            statusChangedAt: report.startedAt,
            provenAt: report.startedAt,
          })
          record(id, report, 'connect')
          deps.events?.connected(toView(inserted), input.userId)
          return inserted
        })
        logger.info({ connectionId: id, userId: input.userId, exchange: input.exchange, status: status.status }, 'connection saved')
        return { outcome: 'saved', connection: toView(row), report }
      } catch (err) {
        if (isUnique(err, 'connections.user_id')) throw new AppError('NAME_TAKEN', { name })
        if (isUnique(err, 'connections.key_fingerprint')) {
          assertKeyFree(input.userId, input.credentials.apiKey) // a concurrent save won the race: say whose
          throw new AppError('KEY_ALREADY_CONNECTED')
        }
        throw err
      }
    },
    /**
     * Re-runs the test of one of the user's connections now (joins a test already running). A
     * manual run that starts a test counts against the user's hourly /test quota (TEST_QUOTA).
     */
    async test(userId: number, id: string, source: TestSource = 'manual'): Promise<TestOutcome> {
      const row = connections.getOwned(id, userId)
      if (!row) throw new AppError('NOT_FOUND', { what: 'connection' })
      if (source === 'manual' && !lock.isRunning(id)) {
        const wait = testQuota.take(userId)
        if (wait > 0) throw new AppError('TEST_QUOTA', { limit: limits.testPerHour, minutes: minutes(wait) })
      }
      const outcome = await runTest(row, source)
      if (!outcome) throw new AppError('NOT_FOUND', { what: 'connection' })
      return outcome
    },
    /** The monitor's entry: no owner behind it, and a vanished row is simply skipped. */
    async testById(id: string, source: TestSource = 'monitor'): Promise<TestOutcome | null> {
      const row = connections.getById(id)
      return row ? runTest(row, source) : null
    },
    /**
     * New credentials for an existing connection: the old ones stay in use until the new ones
     * pass the whole test; then the old ciphertext is overwritten in the same row, the
     * connection's pending notifications (about the old key) are cancelled in that transaction,
     * and the WAL is emptied so the old ciphertext leaves the disk. Counts against CONNECT_QUOTA.
     */
    async replace(userId: number, id: string, credentials: Credentials): Promise<SaveOutcome> {
      const row = connections.getOwned(id, userId)
      if (!row) throw new AppError('NOT_FOUND', { what: 'connection' })
      const a = adapter(row.exchange)
      checkFormat(a, credentials)
      takeConnect(userId)
      const report = await a.testConnection(credentials, options(row.market as Market))
      if (report.verdict !== 'online') return { outcome: 'refused', reason: report.verdict === 'unsafe' ? 'UNSAFE' : 'NOT_ONLINE', report }
      assertKeyFree(userId, credentials.apiKey, id)
      // A new key is never confirmed: where the exchange cannot prove withdrawal off, the trader is asked again.
      const next = nextStatus({ status: 'untested', consecutiveFailures: 0 }, report, settings.offlineAfterFailures, false)
      try {
        const updated = transaction(() => {
          const ok = connections.replaceCredentials(id, userId, {
            ...sealAll(id, userId, credentials),
            ...next,
            lastTestedAt: report.startedAt,
            lastReport: JSON.stringify(report),
            statusChangedAt: report.startedAt,
            provenAt: report.startedAt,
            authFailures: 0,
            monitorPausedAt: null,
          })
          if (!ok) throw new AppError('NOT_FOUND', { what: 'connection' })
          deps.outbox?.cancelForConnection(id, 'credentials replaced')
          record(id, report, 'replace')
          const stored = connections.getOwned(id, userId)!
          deps.events?.replaced(toView(stored), userId)
          return stored
        })
        logger.info({ connectionId: id, userId }, 'credentials replaced')
        scrub()
        return { outcome: 'saved', connection: toView(updated), report }
      } catch (err) {
        if (isUnique(err, 'connections.key_fingerprint')) {
          assertKeyFree(userId, credentials.apiKey, id)
          throw new AppError('KEY_ALREADY_CONNECTED')
        }
        throw err
      }
    },
    /**
     * The trader's "Withdraw is off on this key" for a connection waiting for it: recorded with
     * its time for the current key only (`keyTag` names the key the button was shown for), and
     * the connection goes Online; an event for the platform commits with it.
     */
    confirmWithdrawOff(userId: number, id: string, keyTag: string): ConfirmOutcome {
      const at = Date.now()
      const result = transaction((): ConfirmOutcome => {
        const row = connections.getOwned(id, userId)
        if (!row) throw new AppError('NOT_FOUND', { what: 'connection' })
        const view = toView(row)
        if (!keyTag || !row.keyFingerprint.startsWith(keyTag)) return { outcome: 'stale', connection: view }
        if (withdrawConfirmedAt(row) !== null) return { outcome: 'already', connection: view }
        if (row.status !== 'needs_confirmation') return { outcome: 'not_needed', connection: view }
        connections.confirmWithdraw(id, userId, row.keyFingerprint, at, { status: 'online', statusChangedAt: at })
        const after = toView(connections.getOwned(id, userId)!)
        deps.events?.confirmed(after, userId, at)
        return { outcome: 'confirmed', connection: after }
      })
      if (result.outcome === 'confirmed') logger.info({ connectionId: id, userId, at }, 'withdrawal confirmed off by the trader')
      return result
    },
    rename(userId: number, id: string, raw: string): ConnectionView {
      if (!connections.getOwned(id, userId)) throw new AppError('NOT_FOUND', { what: 'connection' })
      const name = checkName(userId, raw, id)
      try {
        connections.rename(id, userId, name)
      } catch (err) {
        if (isUnique(err, 'connections.user_id')) throw new AppError('NAME_TAKEN', { name })
        throw err
      }
      return toView(connections.getOwned(id, userId)!)
    },
    /**
     * Deletes the connection, its sealed credentials and history, and cancels its pending
     * notifications in the same transaction; then empties the WAL so the ciphertext leaves the disk.
     */
    remove(userId: number, id: string): ConnectionView {
      const row = transaction(() => {
        const found = connections.getOwned(id, userId)
        if (!found) return undefined
        deps.outbox?.cancelForConnection(id, 'connection deleted')
        if (!connections.delete(id, userId)) return undefined
        deps.events?.removed(toView(found), userId)
        return found
      })
      if (!row) throw new AppError('NOT_FOUND', { what: 'connection' })
      logger.info({ connectionId: id, userId }, 'connection deleted')
      scrub()
      return toView(row)
    },
    list: (userId: number): ConnectionView[] => connections.listViewRowsByUser(userId).map(toView),
    get(userId: number, id: string): ConnectionView {
      const row = connections.getOwned(id, userId)
      if (!row) throw new AppError('NOT_FOUND', { what: 'connection' })
      return toView(row)
    },
    findByName(userId: number, raw: string): ConnectionView | undefined {
      const row = connections.getByName(userId, normalizeName(raw))
      return row ? toView(row) : undefined
    },
    isTesting: (id: string) => lock.isRunning(id),
  }
}

/** The connection service's type, for injection into the bot and the monitor. */
export type ConnectionService = ReturnType<typeof createConnectionService>
