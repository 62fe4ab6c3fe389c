import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readKeyFile } from '../../../src/secrets/master-key.js'
import { createSealer } from '../../../src/secrets/sealer.js'
import { createConnectionsRepo } from '../../../src/storage/connections.repo.js'
import { openDatabase } from '../../../src/storage/database.js'
import { createUsersRepo } from '../../../src/storage/users.repo.js'
import { makeTmpDir } from '../../helpers/tmp.js'
import { randomCredentials, seedConnection } from '../../helpers/seed.js'
import { runTs } from '../../helpers/run-script.js'

describe('npm run rotate-key', { timeout: 120_000 }, () => {
  let tmp: ReturnType<typeof makeTmpDir>
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(() => tmp.cleanup())

  it('generates a new key, re-seals every row under it, then prunes the old key', async () => {
    const env = { DATABASE_PATH: join(tmp.dir, 'bot.sqlite'), MASTER_KEY_FILE: join(tmp.dir, 'master.key') }
    // First start creates the key file; seed rows under it.
    const first = runTs('src/cli/rotate-key.ts', env)
    expect(first.code).toBe(0)
    const [k1] = readKeyFile(env.MASTER_KEY_FILE)
    const s1 = await createSealer([k1!])
    const db = openDatabase(env.DATABASE_PATH)
    createUsersRepo(db.db).touch(5)
    const creds = Array.from({ length: 4 }, () => randomCredentials(true))
    const rows = creds.map((c, i) => seedConnection(createConnectionsRepo(db.db), s1, { userId: 5, name: `n${i}`, exchange: 'kucoin', credentials: c }))
    db.close()

    const gen = runTs('src/cli/rotate-key.ts', env, ['--generate'])
    expect(gen.stderr).toBe('')
    expect(gen.code).toBe(0)
    expect(gen.stdout).toMatch(/re-sealed 4, could not open 0, still under older keys 0/)
    const keys = readKeyFile(env.MASTER_KEY_FILE)
    expect(keys).toHaveLength(2)
    expect(keys[1]!.equals(k1!)).toBe(true)

    const pruned = runTs('src/cli/rotate-key.ts', env, ['--prune'])
    expect(pruned.code).toBe(0)
    const left = readKeyFile(env.MASTER_KEY_FILE)
    expect(left).toHaveLength(1)
    expect(readFileSync(env.MASTER_KEY_FILE, 'utf8')).not.toContain(k1!.toString('base64'))

    const s2 = await createSealer(left)
    const after = openDatabase(env.DATABASE_PATH)
    const repo = createConnectionsRepo(after.db)
    rows.forEach((r, i) => {
      expect(s2.open(repo.getById(r.id)!.sealedPassphrase!, { connectionId: r.id, userId: 5, field: 'passphrase' })).toBe(creds[i]!.passphrase)
    })
    after.close()
  })
})
