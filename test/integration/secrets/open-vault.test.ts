import { randomBytes } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MasterKeyError } from '../../../src/secrets/master-key.js'
import { openVault, unreadableLine, type VaultSettings } from '../../../src/secrets/open-vault.js'
import { createSealer } from '../../../src/secrets/sealer.js'
import { makeTmpDir } from '../../helpers/tmp.js'

// The start-up gate between the key file and the database (F7): real key files, the real sealer.
describe('openVault: the loaded keys against what the database holds', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let file: string
  const key = randomBytes(32).toString('base64')
  const other = randomBytes(32).toString('base64')
  const idOf = async (k: string) => (await createSealer([Buffer.from(k, 'base64')])).currentKeyId
  const settings = (o: Partial<VaultSettings> = {}): VaultSettings => ({ masterKey: undefined, masterKeyFile: file, previousMasterKeys: [], allowUnreadableConnections: false, ...o })

  beforeEach(() => {
    tmp = makeTmpDir()
    file = join(tmp.dir, 'master.key')
  })
  afterEach(() => tmp.cleanup())

  it('an empty database on first start: a new key file, nothing unreadable', async () => {
    const v = await openVault(settings(), [])
    expect(v.created).toBe(true)
    expect(existsSync(file)).toBe(true)
    expect(v.keys).toHaveLength(1)
    expect(v.sealer.keyIds).toEqual([await idOf(v.keys[0]!.toString('base64'))])
    expect(v.unreadable).toEqual({ keyIds: [], connections: 0 })
  })

  it('rows under a loaded key (current or previous) open: the sealer holds both keys, raw keys handed back', async () => {
    const v = await openVault(settings({ masterKey: key, previousMasterKeys: [other] }), [
      { keyId: await idOf(key), n: 2 },
      { keyId: await idOf(other), n: 1 },
    ])
    expect(v).toMatchObject({ created: false, unreadable: { keyIds: [], connections: 0 } })
    expect(v.keys.map((k) => k.toString('base64'))).toEqual([key, other])
    expect(v.sealer.currentKeyId).toBe(await idOf(key))
  })

  it('a missing key file is not re-created while the database holds connections, counted over every key id', async () => {
    const stored = [
      { keyId: 'aaaaaaaaaaaaaaaa', n: 2 },
      { keyId: 'bbbbbbbbbbbbbbbb', n: 1 },
    ]
    await expect(openVault(settings(), stored)).rejects.toThrow(/is missing but the database holds 3 connections sealed with it/)
    expect(existsSync(file)).toBe(false)
  })

  it('rows under a key id no loaded key has stop the start with one line naming the count, the ids and where the keys came from', async () => {
    writeFileSync(file, `${key}\n`, { mode: 0o600 })
    const stored = [
      { keyId: await idOf(key), n: 5 },
      { keyId: '1111111111111111', n: 2 },
      { keyId: '2222222222222222', n: 1 },
      { keyId: '3333333333333333', n: 0 }, // no row left under it: not a problem
    ]
    const err = await openVault(settings(), stored).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MasterKeyError)
    expect((err as Error).message).toBe(
      `the database holds 3 connections sealed under 2 key id(s) that MASTER_KEY_FILE "${file}" cannot open (1111111111111111, 2222222222222222): ` +
        'restore the master key that was backed up with this database, or set ALLOW_UNREADABLE_CONNECTIONS=true to start anyway',
    )
    const fromEnv = await openVault(settings({ masterKey: key }), stored).catch((e: unknown) => e)
    expect((fromEnv as Error).message).toContain('that MASTER_KEY (with MASTER_KEY_PREVIOUS) cannot open')
  })

  it('ALLOW_UNREADABLE_CONNECTIONS starts anyway and reports what cannot be opened', async () => {
    const v = await openVault(settings({ masterKey: key, allowUnreadableConnections: true }), [
      { keyId: await idOf(key), n: 5 },
      { keyId: '1111111111111111', n: 2 },
      { keyId: '3333333333333333', n: 0 },
    ])
    expect(v.unreadable).toEqual({ keyIds: ['1111111111111111'], connections: 2 })
    expect(v.keys.map((k) => k.toString('base64'))).toEqual([key])
  })

  it('names at most three key ids', () => {
    expect(unreadableLine({ keyIds: ['a', 'b', 'c'], connections: 3 }, 'X')).toContain('X cannot open (a, b, c): ')
    expect(unreadableLine({ keyIds: ['a', 'b', 'c', 'd'], connections: 9 }, 'X')).toMatch(/^the database holds 9 connections sealed under 4 key id\(s\) that X cannot open \(a, b, c, …\): /)
  })
})
