import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSealer, type Sealer } from '../../../src/secrets/sealer.js'
import { toView } from '../../../src/services/connection-view.js'
import { rotateAll } from '../../../src/services/key-rotation.js'
import { createConnectionsRepo, type ConnectionsRepo } from '../../../src/storage/connections.repo.js'
import { createUsersRepo } from '../../../src/storage/users.repo.js'
import { randomCredentials, seedConnection } from '../../helpers/seed.js'
import { openTestDb } from '../../helpers/test-db.js'

/**
 * Issue 11.1 on a real SQLite file built by the real migrations: the trader's "withdraw is off"
 * is stored with its time and the fingerprint of the key it was given for; it lands only on that
 * key, a /replace drops it, and a master-key rotation (which recomputes fingerprints) keeps it.
 */
describe('withdrawal confirmation storage', () => {
  let t: ReturnType<typeof openTestDb>
  let masterKey: Uint8Array
  let sealer: Sealer
  let repo: ConnectionsRepo
  beforeEach(async () => {
    t = openTestDb()
    masterKey = randomBytes(32)
    sealer = await createSealer([masterKey])
    repo = createConnectionsRepo(t.db)
    createUsersRepo(t.db).touch(1)
  })
  afterEach(() => t.cleanup())

  const waiting = (name = 'main') => {
    const row = seedConnection(repo, sealer, { userId: 1, name, credentials: randomCredentials() })
    repo.updateStatus(row.id, { status: 'needs_confirmation', consecutiveFailures: 0, lastTestedAt: 1, lastReport: null })
    return repo.getById(row.id)!
  }

  it('the migration adds the two columns, empty for every row', () => {
    const cols = (t.sql.prepare("SELECT name, type, \"notnull\" FROM pragma_table_info('connections') WHERE name LIKE 'withdraw_confirmed%' ORDER BY name").all() as Array<{ name: string; type: string; notnull: number }>)
    expect(cols).toEqual([
      { name: 'withdraw_confirmed_at', type: 'INTEGER', notnull: 0 },
      { name: 'withdraw_confirmed_fingerprint', type: 'TEXT', notnull: 0 },
    ])
    const row = waiting()
    expect(toView(row).withdrawConfirmedAt).toBeNull()
  })

  it('records the time and the key, with the status, for the owner and the current key only', () => {
    const row = waiting()
    expect(repo.confirmWithdraw(row.id, 2, row.keyFingerprint, 5000, { status: 'online', statusChangedAt: 5000 }), 'another user').toBe(false)
    expect(repo.confirmWithdraw(row.id, 1, 'f'.repeat(64), 5000, { status: 'online', statusChangedAt: 5000 }), 'a key replaced meanwhile').toBe(false)
    expect(repo.getById(row.id)).toMatchObject({ status: 'needs_confirmation', withdrawConfirmedAt: null, withdrawConfirmedFingerprint: null })
    expect(repo.confirmWithdraw(row.id, 1, row.keyFingerprint, 5000, { status: 'online', statusChangedAt: 5000 })).toBe(true)
    const stored = repo.getById(row.id)!
    expect(stored).toMatchObject({ status: 'online', statusChangedAt: 5000, withdrawConfirmedAt: 5000, withdrawConfirmedFingerprint: row.keyFingerprint })
    expect(toView(stored).withdrawConfirmedAt).toBe(5000)
  })

  it('new credentials (/replace) drop the confirmation: the new key is asked again', () => {
    const row = waiting()
    repo.confirmWithdraw(row.id, 1, row.keyFingerprint, 5000, { status: 'online' })
    const creds = randomCredentials()
    const place = (field: 'apiKey' | 'secret') => ({ connectionId: row.id, userId: 1, field })
    repo.replaceCredentials(row.id, 1, {
      sealKeyId: sealer.currentKeyId,
      keyFingerprint: sealer.fingerprint(creds.apiKey),
      maskedKey: 'mx0v…new1',
      sealedApiKey: sealer.seal(creds.apiKey, place('apiKey')),
      sealedSecret: sealer.seal(creds.secret, place('secret')),
      sealedPassphrase: null,
      status: 'needs_confirmation',
      consecutiveFailures: 0,
      lastTestedAt: 6000,
      lastReport: null,
      provenAt: 6000,
    })
    const stored = repo.getById(row.id)!
    expect(stored).toMatchObject({ status: 'needs_confirmation', withdrawConfirmedAt: null, withdrawConfirmedFingerprint: null })
    expect(toView(stored).withdrawConfirmedAt).toBeNull()
  })

  it('a master-key rotation recomputes the fingerprint and the confirmation follows the same key', async () => {
    const row = waiting()
    repo.confirmWithdraw(row.id, 1, row.keyFingerprint, 5000, { status: 'online' })
    const other = waiting('second') // unconfirmed: rotates too, and stays unconfirmed
    const next = await createSealer([randomBytes(32), masterKey])
    expect(rotateAll({ repo, sealer: next, transaction: t.transaction }).resealed).toBe(2)
    const rotated = repo.getById(row.id)!
    expect(rotated.keyFingerprint).not.toBe(row.keyFingerprint)
    expect(rotated.withdrawConfirmedFingerprint).toBe(rotated.keyFingerprint)
    expect(toView(rotated).withdrawConfirmedAt).toBe(5000)
    expect(toView(repo.getById(other.id)!).withdrawConfirmedAt).toBeNull()
  })
})

