import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Credentials } from '../../src/domain/types.js'
import { maskKey } from '../../src/secrets/redact.js'
import { createSealer, type Sealer } from '../../src/secrets/sealer.js'
import { rotateAll } from '../../src/services/key-rotation.js'
import { createConnectionsRepo, type ConnectionRow, type ConnectionsRepo } from '../../src/storage/connections.repo.js'
import { openDatabase, type Database } from '../../src/storage/database.js'
import { createUsersRepo } from '../../src/storage/users.repo.js'
import { randomCredentials, seedConnection } from '../helpers/seed.js'
import { makeTmpDir } from '../helpers/tmp.js'

const USER = 31
const place = (id: string, field: 'apiKey' | 'secret' | 'passphrase') => ({ connectionId: id, userId: USER, field })

/** What the bot's /replace writes (services/connections.ts: sealAll + status), sealed under the bot's current key. */
function replaceFields(sealer: Sealer, id: string, c: Credentials) {
  return {
    sealKeyId: sealer.currentKeyId,
    keyFingerprint: sealer.fingerprint(c.apiKey),
    maskedKey: maskKey(c.apiKey),
    sealedApiKey: sealer.seal(c.apiKey, place(id, 'apiKey')),
    sealedSecret: sealer.seal(c.secret, place(id, 'secret')),
    sealedPassphrase: c.passphrase ? sealer.seal(c.passphrase, place(id, 'passphrase')) : null,
    status: 'online',
    consecutiveFailures: 0,
    lastTestedAt: Date.now(),
    lastReport: null,
    statusChangedAt: Date.now(),
    provenAt: Date.now(),
  }
}

/**
 * The rotation's repository, with a hook that runs once right after the rotation has read a
 * batch (the interleaving of review RT-4b: rotation SELECT, bot /replace commit, rotation UPDATE).
 */
function withHookAfterRead(repo: ConnectionsRepo, hook: (rows: ConnectionRow[]) => void): ConnectionsRepo {
  let fired = false
  return {
    ...repo,
    listSealedWithOtherKey(keyId, limit) {
      const rows = repo.listSealedWithOtherKey(keyId, limit)
      if (!fired && rows.length > 0) {
        fired = true
        hook(rows)
      }
      return rows
    },
  }
}

/** F3: the rotation's compare-and-swap must never put back credentials a /replace just changed. */
describe('F3: a /replace committed during a rotation survives it', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let bot: Database
  let rotation: Database
  const k1 = randomBytes(32)
  const k2 = randomBytes(32)

  beforeEach(() => {
    tmp = makeTmpDir()
    const path = join(tmp.dir, 'bot.sqlite')
    bot = openDatabase(path) // the bot's own connection
    rotation = openDatabase(path) // rotate-key's connection (another process in real life)
    createUsersRepo(bot.db).touch(USER)
  })
  afterEach(() => {
    bot.close()
    rotation.close()
    tmp.cleanup()
  })

  it('a /replace written between the rotation\'s read and its write (same database connection) is kept, then re-sealed under the new key', async () => {
    const oldSealer = await createSealer([k1])
    const both = await createSealer([k2, k1])
    const botRepo = createConnectionsRepo(rotation.db)
    const before = randomCredentials(true)
    const replaced = randomCredentials(true)
    const row = seedConnection(botRepo, oldSealer, { userId: USER, name: 'Main', exchange: 'kucoin', credentials: before })

    const repo = withHookAfterRead(createConnectionsRepo(rotation.db), () => {
      expect(botRepo.replaceCredentials(row.id, USER, replaceFields(oldSealer, row.id, replaced))).toBe(true)
    })
    rotateAll({ repo, sealer: both, transaction: rotation.transaction })

    const now = createConnectionsRepo(rotation.db).getById(row.id)!
    expect(both.open(now.sealedApiKey, place(row.id, 'apiKey')), 'the stored API key is the replacement, not the old one').toBe(replaced.apiKey)
    expect(both.open(now.sealedSecret, place(row.id, 'secret'))).toBe(replaced.secret)
    expect(both.open(now.sealedPassphrase!, place(row.id, 'passphrase'))).toBe(replaced.passphrase)
    expect(now.maskedKey).toBe(maskKey(replaced.apiKey))
    // The replaced row was not skipped: it ends under the new key like every other row.
    expect(now.sealKeyId).toBe(both.currentKeyId)
    expect(now.keyFingerprint).toBe(both.fingerprint(replaced.apiKey))
  })

  it('the bot (its own connection) cannot commit between the rotation\'s read and write; a /replace after the batch is kept', async () => {
    const oldSealer = await createSealer([k1])
    const both = await createSealer([k2, k1])
    const botRepo = createConnectionsRepo(bot.db)
    // The bot would wait 5 s for the lock; a short wait shows the same thing faster.
    ;(bot.db as unknown as { $client: { pragma(s: string): unknown } }).$client.pragma('busy_timeout = 200')
    const before = randomCredentials()
    const replaced = randomCredentials()
    const row = seedConnection(botRepo, oldSealer, { userId: USER, name: 'Main', credentials: before })

    let committed = false as boolean | 'busy'
    const repo = withHookAfterRead(createConnectionsRepo(rotation.db), () => {
      try {
        committed = bot.transaction(() => botRepo.replaceCredentials(row.id, USER, replaceFields(oldSealer, row.id, replaced)))
      } catch (err) {
        expect((err as { code?: string }).code).toBe('SQLITE_BUSY')
        committed = 'busy'
      }
    })
    rotateAll({ repo, sealer: both, transaction: rotation.transaction })
    // The user was told saving failed and tries again (or the replace had committed): either
    // way, what the user last saved successfully is what is stored.
    if (committed === 'busy') expect(bot.transaction(() => botRepo.replaceCredentials(row.id, USER, replaceFields(oldSealer, row.id, replaced)))).toBe(true)
    else expect(committed).toBe(true)

    const now = createConnectionsRepo(rotation.db).getById(row.id)!
    expect(both.open(now.sealedApiKey, place(row.id, 'apiKey')), 'the stored API key is the replacement, not the old one').toBe(replaced.apiKey)
    expect(both.open(now.sealedSecret, place(row.id, 'secret'))).toBe(replaced.secret)
    expect(now.maskedKey).toBe(maskKey(replaced.apiKey))
    expect(committed, 'the read and the write of a batch are one transaction').toBe('busy')
  })
})
