import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSealer, type Sealer } from '../../../src/secrets/sealer.js'
import { createConnectionsRepo } from '../../../src/storage/connections.repo.js'
import { createOutboxRepo } from '../../../src/storage/outbox.repo.js'
import { createTestResultsRepo } from '../../../src/storage/test-results.repo.js'
import { createUsersRepo } from '../../../src/storage/users.repo.js'
import { openTestDb } from '../../helpers/test-db.js'
import { randomCredentials, seedConnection } from '../../helpers/seed.js'

describe('repositories on a real SQLite file', () => {
  let t: ReturnType<typeof openTestDb>
  let sealer: Sealer
  beforeEach(async () => {
    t = openTestDb()
    sealer = await createSealer([randomBytes(32)])
  })
  afterEach(() => t.cleanup())

  it('sets the pragmas the bot relies on', () => {
    expect(t.pragmas()).toEqual({ journal_mode: 'wal', synchronous: 1, foreign_keys: 1, busy_timeout: 5000, secure_delete: 1, journal_size_limit: 0, cache_size: -65536 })
  })

  it('creates users once and reactivates them when they write again', () => {
    const users = createUsersRepo(t.db)
    expect(users.touch(42).active).toBe(true)
    users.setActive(42, false)
    users.setLanguage(42, 'pt-BR')
    expect(users.get(42)?.active).toBe(false)
    expect(users.touch(42).active).toBe(true)
    expect(users.get(42)?.language).toBe('pt-BR')
  })

  it('scopes every user-facing query to its owner', () => {
    const users = createUsersRepo(t.db)
    const repo = createConnectionsRepo(t.db)
    users.touch(1)
    users.touch(2)
    const a = seedConnection(repo, sealer, { userId: 1, name: 'main', credentials: randomCredentials() })
    expect(repo.getOwned(a.id, 1)?.name).toBe('main')
    expect(repo.getOwned(a.id, 2)).toBeUndefined()
    expect(repo.rename(a.id, 2, 'stolen')).toBe(false)
    expect(repo.delete(a.id, 2)).toBe(false)
    expect(repo.listViewRowsByUser(2)).toEqual([])
    expect(repo.rename(a.id, 1, 'renamed')).toBe(true)
    expect(repo.delete(a.id, 1)).toBe(true)
    expect(repo.getById(a.id)).toBeUndefined()
  })

  it("lists a user's connections for display, oldest first, without reading a sealed column", () => {
    createUsersRepo(t.db).touch(1)
    const repo = createConnectionsRepo(t.db)
    const first = seedConnection(repo, sealer, { userId: 1, name: 'zeta', credentials: randomCredentials() })
    const report = JSON.stringify({ verdict: 'online', checks: [] })
    repo.updateStatus(first.id, { status: 'online', consecutiveFailures: 0, lastTestedAt: 5, lastReport: report })
    const second = seedConnection(repo, sealer, { userId: 1, name: 'alpha', credentials: randomCredentials(true) })
    const rows = repo.listViewRowsByUser(1)
    expect(rows.map((r) => r.id)).toEqual([first.id, second.id])
    expect(Object.keys(rows[0]!).sort()).toEqual(['consecutiveFailures', 'exchange', 'id', 'keyFingerprint', 'lastCredentialReadAt', 'lastReport', 'lastTestedAt', 'market', 'maskedKey', 'name', 'pausedAt', 'status', 'withdrawConfirmedAt', 'withdrawConfirmedFingerprint'])
    expect(rows[0]).toMatchObject({ name: 'zeta', status: 'online', lastTestedAt: 5, lastReport: report, keyFingerprint: first.keyFingerprint })
    expect(JSON.stringify(rows)).not.toMatch(/sealed|seal_key/i)
    expect(JSON.stringify(rows)).not.toContain(first.sealedSecret)
  })

  it('keeps names unique per owner and API keys unique across owners', () => {
    const users = createUsersRepo(t.db)
    const repo = createConnectionsRepo(t.db)
    users.touch(1)
    users.touch(2)
    const creds = randomCredentials()
    seedConnection(repo, sealer, { userId: 1, name: 'main', credentials: creds })
    expect(() => seedConnection(repo, sealer, { userId: 1, name: 'main', credentials: randomCredentials() })).toThrow(/UNIQUE/)
    expect(() => seedConnection(repo, sealer, { userId: 2, name: 'other', credentials: creds })).toThrow(/UNIQUE/)
    expect(repo.fingerprintTaken(sealer.fingerprint(creds.apiKey))).toBe(true)
    // F6: a row that never proved it holds the secret (saved before that rule) owns no fingerprint and blocks nobody.
    const squatted = randomCredentials()
    seedConnection(repo, sealer, { userId: 2, name: 'squat', credentials: squatted, proven: false })
    expect(repo.fingerprintTaken(sealer.fingerprint(squatted.apiKey))).toBe(false)
    const owner = seedConnection(repo, sealer, { userId: 1, name: 'owner', credentials: squatted })
    expect(repo.fingerprintOwner(sealer.fingerprint(squatted.apiKey))).toEqual({ id: owner.id, userId: 1, name: 'owner' })
    seedConnection(repo, sealer, { userId: 2, name: 'main', credentials: randomCredentials() })
    expect(repo.countByUser(2)).toBe(2) // 'squat' and 'main'
  })

  it('keeps only the newest HISTORY_KEEP results per connection', () => {
    createUsersRepo(t.db).touch(1)
    const c = seedConnection(createConnectionsRepo(t.db), sealer, { userId: 1, name: 'm', credentials: randomCredentials() })
    const history = createTestResultsRepo(t.db, 3)
    for (let i = 0; i < 7; i++) {
      history.add({ connectionId: c.id, testedAt: i, source: 'monitor', verdict: 'online', transient: false, codes: '', report: '{}', durationMs: i })
    }
    expect(history.listForConnection(c.id).map((r) => r.durationMs)).toEqual([6, 5, 4])
  })

  it('enqueues a notification once per idempotency key and tracks its delivery', () => {
    createUsersRepo(t.db).touch(1)
    const outbox = createOutboxRepo(t.db)
    const row = { userId: 1, connectionId: null, idempotencyKey: 'c1:offline:5', kind: 'offline', payload: '{}' }
    expect(outbox.enqueue({ ...row, nextAttemptAt: 10 })).toBe(true)
    expect(outbox.enqueue({ ...row, nextAttemptAt: 10 })).toBe(false)
    const [due] = outbox.due(10, 10)
    expect(due?.idempotencyKey).toBe('c1:offline:5')
    expect(outbox.due(9, 10)).toEqual([])
    outbox.retryLater(due!.id, 50, 1, 'Too Many Requests')
    expect(outbox.due(20, 10)).toEqual([])
    outbox.markSent(due!.id, 60)
    expect(outbox.pendingCount()).toBe(0)
  })

  it('removes a deleted user\'s connections and history with them', () => {
    const users = createUsersRepo(t.db)
    users.touch(1)
    const repo = createConnectionsRepo(t.db)
    const c = seedConnection(repo, sealer, { userId: 1, name: 'm', credentials: randomCredentials() })
    createTestResultsRepo(t.db, 5).add({ connectionId: c.id, testedAt: 1, source: 'connect', verdict: 'online', transient: false, codes: '', report: '{}', durationMs: 1 })
    t.sql.prepare('DELETE FROM users WHERE id = 1').run()
    expect(repo.getById(c.id)).toBeUndefined()
    expect(t.sql.prepare('SELECT count(*) AS n FROM test_results').get()).toEqual({ n: 0 })
  })
})
