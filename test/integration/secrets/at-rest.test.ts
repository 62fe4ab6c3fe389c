import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../../src/domain/errors.js'
import { createSealer } from '../../../src/secrets/sealer.js'
import { rotateAll } from '../../../src/services/key-rotation.js'
import { createConnectionsRepo } from '../../../src/storage/connections.repo.js'
import { createUsersRepo } from '../../../src/storage/users.repo.js'
import { openTestDb } from '../../helpers/test-db.js'
import { randomCredentials, seedConnection } from '../../helpers/seed.js'

/** Every byte the database has on disk: main file, WAL and rollback journal. */
function diskBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`, `${path}-journal`].filter(existsSync).map((p) => readFileSync(p)))
}

describe('credentials at rest', () => {
  let t: ReturnType<typeof openTestDb>
  beforeEach(() => {
    t = openTestDb()
    createUsersRepo(t.db).touch(7)
  })
  afterEach(() => t.cleanup())

  it('leaves no plaintext key, secret or passphrase in the SQLite file or its WAL', async () => {
    const sealer = await createSealer([randomBytes(32)])
    const repo = createConnectionsRepo(t.db)
    const all = Array.from({ length: 5 }, () => randomCredentials(true))
    all.forEach((c, i) => seedConnection(repo, sealer, { userId: 7, name: `c${i}`, exchange: 'kucoin', credentials: c }))
    const scan = () => {
      const bytes = diskBytes(t.path)
      for (const c of all) {
        for (const v of [c.apiKey, c.secret, c.passphrase!]) expect(bytes.includes(Buffer.from(v)), 'plaintext on disk').toBe(false)
      }
      return bytes
    }
    expect(existsSync(`${t.path}-wal`)).toBe(true)
    // Before the checkpoint the rows live in the WAL; after it, in the main file.
    const beforeCheckpoint = scan()
    expect(beforeCheckpoint.includes(Buffer.from(repo.getById(repo.listViewRowsByUser(7)[0]!.id)!.sealedSecret))).toBe(true)
    t.checkpoint()
    scan()
  })

  it('fails to open a ciphertext copied to another row, owner or field', async () => {
    const sealer = await createSealer([randomBytes(32)])
    const repo = createConnectionsRepo(t.db)
    createUsersRepo(t.db).touch(8)
    const a = seedConnection(repo, sealer, { userId: 7, name: 'a', credentials: randomCredentials() })
    const b = seedConnection(repo, sealer, { userId: 8, name: 'b', credentials: randomCredentials() })
    // An attacker with write access to the file copies A's sealed secret into B's row.
    t.sql.prepare('UPDATE connections SET sealed_secret = ? WHERE id = ?').run(a.sealedSecret, b.id)
    const stolen = repo.getById(b.id)!
    const attempts = [
      () => sealer.open(stolen.sealedSecret, { connectionId: b.id, userId: 8, field: 'secret' }),
      () => sealer.open(a.sealedSecret, { connectionId: a.id, userId: 8, field: 'secret' }),
      () => sealer.open(a.sealedSecret, { connectionId: a.id, userId: 7, field: 'apiKey' }),
    ]
    for (const attempt of attempts) {
      let caught: unknown
      try {
        attempt()
      } catch (err) {
        caught = err
      }
      expect(isAppError(caught, 'SEAL_FAILED')).toBe(true)
    }
  })

  it('rotates: rows under key 1 open after re-sealing under key 2, and key 1 can then be dropped', async () => {
    const k1 = randomBytes(32)
    const k2 = randomBytes(32)
    const old = await createSealer([k1])
    const repo = createConnectionsRepo(t.db)
    const creds = Array.from({ length: 23 }, (_, i) => ({ name: `c${i}`, c: randomCredentials(i % 2 === 0) }))
    const rows = creds.map(({ name, c }) => seedConnection(repo, old, { userId: 7, name, exchange: 'kucoin', credentials: c }))

    const both = await createSealer([k2, k1])
    // Interrupt the first run after one batch: what was done stays done.
    expect(() =>
      rotateAll({ repo, sealer: both, transaction: t.transaction, batchSize: 5, onBatch: (n) => { if (n >= 5) throw new Error('power cut') } }),
    ).toThrow('power cut')
    expect(repo.countByKeyId().find((k) => k.keyId === both.currentKeyId)?.n).toBe(5)
    const second = rotateAll({ repo, sealer: both, transaction: t.transaction, batchSize: 5 })
    expect(second).toMatchObject({ resealed: 18, failed: 0 })
    expect(rotateAll({ repo, sealer: both, transaction: t.transaction }).resealed).toBe(0)

    const onlyNew = await createSealer([k2])
    rows.forEach((row, i) => {
      const now = repo.getById(row.id)!
      expect(now.sealKeyId).toBe(onlyNew.currentKeyId)
      expect(now.keyFingerprint).toBe(onlyNew.fingerprint(creds[i]!.c.apiKey))
      expect(onlyNew.open(now.sealedSecret, { connectionId: row.id, userId: 7, field: 'secret' })).toBe(creds[i]!.c.secret)
      if (creds[i]!.c.passphrase) expect(onlyNew.open(now.sealedPassphrase!, { connectionId: row.id, userId: 7, field: 'passphrase' })).toBe(creds[i]!.c.passphrase)
    })
  })

  it('reports rows whose key is gone instead of guessing', async () => {
    const repo = createConnectionsRepo(t.db)
    const lost = await createSealer([randomBytes(32)])
    seedConnection(repo, lost, { userId: 7, name: 'orphan', credentials: randomCredentials() })
    const fresh = await createSealer([randomBytes(32)])
    expect(rotateAll({ repo, sealer: fresh, transaction: t.transaction })).toMatchObject({ resealed: 0, failed: 1 })
  })
})
