import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readKeyFile } from '../../../src/secrets/master-key.js'
import { createSealer } from '../../../src/secrets/sealer.js'
import { createTokenService } from '../../../src/services/platform-tokens.js'
import { openDatabase } from '../../../src/storage/database.js'
import { createServiceTokensRepo } from '../../../src/storage/service-tokens.repo.js'
import { filesUnder } from '../../helpers/hostile.js'
import { runTs } from '../../helpers/run-script.js'
import { makeTmpDir } from '../../helpers/tmp.js'

// Each run is a fresh Node process (several seconds on a loaded machine): generous per-test limits.
const SLOW = { timeout: 180_000 }

/** The operator's CLI for service tokens, run as `npm run platform-token` runs it, in a subprocess. */
describe('npm run platform-token', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let env: Record<string, string>
  const cli = (...args: string[]) => runTs('src/cli/platform-token.ts', env, args)
  /** Verifies a token the way the API does, against the same file and key file. */
  const verify = async (token: string) => {
    const sealer = await createSealer(readKeyFile(env.MASTER_KEY_FILE!))
    const db = openDatabase(env.DATABASE_PATH!)
    try {
      return createTokenService({ repo: createServiceTokensRepo(db.db), sealer }).verify(token)
    } finally {
      db.close()
    }
  }
  beforeEach(() => {
    tmp = makeTmpDir()
    env = { DATABASE_PATH: join(tmp.dir, 'bot.sqlite'), MASTER_KEY_FILE: join(tmp.dir, 'master.key') }
  })
  afterEach(() => tmp.cleanup())

  it('create prints the token once; only its keyed hash is stored; list never shows it; revoke refuses it from then on', SLOW, async () => {
    const made = cli('create', 'engine', '--scope', 'credentials,status')
    expect(made.stderr).toBe('')
    expect(made.code).toBe(0)
    const token = made.stdout.split('\n').find((l) => l.startsWith('bfcpt_'))!
    expect(token).toMatch(/^bfcpt_[0-9a-f]{16}_[0-9a-f]{64}$/)
    expect(made.stdout).toContain('only time it is shown')
    expect(await verify(token)).toMatchObject({ name: 'engine', scopes: ['status', 'credentials'] })
    for (const f of filesUnder(tmp.dir)) expect(readFileSync(f).includes(Buffer.from(token.slice(23))), f).toBe(false)

    const listed = cli('list')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/^engine\s+status,credentials\s+created \d{4}-\d\d-\d\d \d\d:\d\d {2}last used \d{4}.* {2}live$/m)
    expect(listed.stdout).not.toContain(token.slice(23))

    expect(cli('create', 'engine', '--scope', 'status').stderr).toContain('a live token already has that name')
    const revoked = cli('revoke', 'engine')
    expect(revoked.code).toBe(0)
    expect(await verify(token)).toBeNull()
    expect(cli('list').stdout).toMatch(/^engine .* revoked \d{4}-/m)
    // The name is free again once revoked.
    expect(cli('create', 'engine', '--scope', 'status').code).toBe(0)
  })

  it('refuses a bad scope, a bad name and bad usage with a sentence, creating nothing', SLOW, () => {
    const scope = cli('create', 'x', '--scope', 'admin')
    expect(scope.code).toBe(1)
    expect(scope.stderr).toContain('--scope must be status, credentials')
    expect(cli('create', '-bad name', '--scope', 'status').code).not.toBe(0)
    const usage = cli('frobnicate')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('usage:')
    expect(cli('list').stdout).toContain('no service tokens yet')
  })

  it('key rotation: --prune waits until every token was re-hashed under the new key (its next use), and the token keeps working', SLOW, async () => {
    const token = cli('create', 'engine', '--scope', 'status').stdout.split('\n').find((l) => l.startsWith('bfcpt_'))!
    expect(runTs('src/cli/rotate-key.ts', env, ['--generate']).code).toBe(0)
    const refused = runTs('src/cli/rotate-key.ts', env, ['--prune'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('platform tokens not used since the rotation would stop working (engine)')
    expect(cli('list').stdout).toContain('hashed under an older master key')
    expect(await verify(token)).not.toBeNull() // its use re-hashes it under the new key
    expect(runTs('src/cli/rotate-key.ts', env, ['--prune']).code).toBe(0)
    expect(readKeyFile(env.MASTER_KEY_FILE!)).toHaveLength(1)
    expect(await verify(token)).toMatchObject({ name: 'engine' })
  })
})
