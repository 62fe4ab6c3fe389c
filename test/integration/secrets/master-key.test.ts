import { randomBytes } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadMasterKeys, MasterKeyError } from '../../../src/secrets/master-key.js'
import { makeTmpDir } from '../../helpers/tmp.js'

describe('master key loading', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(() => tmp.cleanup())

  it('creates the key file once, mode 0600, and reuses it afterwards', () => {
    const file = join(tmp.dir, 'nested', 'master.key')
    const first = loadMasterKeys({ masterKey: undefined, masterKeyFile: file, previous: [], storedConnections: 0 })
    expect(first.created).toBe(true)
    expect(first.keys[0]).toHaveLength(32)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const again = loadMasterKeys({ masterKey: undefined, masterKeyFile: file, previous: [], storedConnections: 0 })
    expect(again.created).toBe(false)
    expect(again.keys[0]!.equals(first.keys[0]!)).toBe(true)
  })

  it('prefers MASTER_KEY and appends previous keys for rotation', () => {
    const k = randomBytes(32).toString('base64')
    const p = randomBytes(32).toString('base64')
    const loaded = loadMasterKeys({ masterKey: k, masterKeyFile: join(tmp.dir, 'unused.key'), previous: [p], storedConnections: 0 })
    expect(loaded.keys.map((b) => b.toString('base64'))).toEqual([k, p])
  })

  it('reads several keys from the file, newest first', () => {
    const file = join(tmp.dir, 'keys')
    const a = randomBytes(32).toString('base64')
    const b = randomBytes(32).toString('base64')
    writeFileSync(file, `# comment\n${a}\n\n${b}\n`, { mode: 0o600 })
    const loaded = loadMasterKeys({ masterKey: undefined, masterKeyFile: file, previous: [], storedConnections: 0 })
    expect(loaded.keys.map((x) => x.toString('base64'))).toEqual([a, b])
  })

  it('refuses a malformed key file with one line naming it, not the content', () => {
    const file = join(tmp.dir, 'bad.key')
    writeFileSync(file, 'c2hvcnQ=\n', { mode: 0o600 })
    expect(() => loadMasterKeys({ masterKey: undefined, masterKeyFile: file, previous: [], storedConnections: 0 })).toThrow(MasterKeyError)
    try {
      loadMasterKeys({ masterKey: undefined, masterKeyFile: file, previous: [], storedConnections: 0 })
    } catch (err) {
      expect((err as Error).message).toMatch(/MASTER_KEY_FILE ".*bad.key" line 1 must hold the base64 of exactly 32 bytes/)
      expect((err as Error).message).not.toContain('c2hvcnQ')
    }
    expect(readFileSync(file, 'utf8')).toBe('c2hvcnQ=\n')
  })
})
