import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadMasterKeys, MasterKeyError, readKeyFile, writeKeyFile } from '../../../src/secrets/master-key.js'
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

// What each refusal says, and the key file's life cycle, in the process (no spawned bot): the
// start-up checks and writes a mutation run must see break.
describe('master key: refusals and the key file', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  const key = () => randomBytes(32).toString('base64')
  const load = (o: Partial<Parameters<typeof loadMasterKeys>[0]> = {}) => loadMasterKeys({ masterKey: undefined, masterKeyFile: join(tmp.dir, 'master.key'), previous: [], storedConnections: 0, ...o })
  const refusal = (f: () => unknown): string => {
    let caught: unknown
    try {
      f()
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(MasterKeyError)
    return (caught as Error).message
  }
  const HINT = 'must hold the base64 of exactly 32 bytes (44 characters); generate one with: openssl rand -base64 32'
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(() => tmp.cleanup())

  it('accepts standard base64 of 32 bytes with surrounding spaces, and refuses everything else naming the variable', () => {
    const k = key()
    expect(load({ masterKey: `  ${k}\n` }).keys[0]!.toString('base64')).toBe(k)
    expect(refusal(() => load({ masterKey: k.slice(0, 43) }))).toBe(`MASTER_KEY ${HINT}`)
    expect(refusal(() => load({ masterKey: `${k.slice(0, 42)}A=` + 'A' }))).toBe(`MASTER_KEY ${HINT}`)
    // URL-safe letters decode to 32 bytes too, but are not the format we write.
    expect(refusal(() => load({ masterKey: `-_${k.slice(2)}` }))).toBe(`MASTER_KEY ${HINT}`)
    expect(refusal(() => load({ masterKey: `!!${k}` }))).toBe(`MASTER_KEY ${HINT}`)
    let named: unknown
    try {
      load({ masterKey: 'short' })
    } catch (err) {
      named = err
    }
    expect((named as Error).name).toBe('MasterKeyError')
    expect(refusal(() => load({ masterKey: k, previous: [key(), 'short'] }))).toBe(`MASTER_KEY_PREVIOUS entry 2 ${HINT}`)
  })

  it('an empty MASTER_KEY means the key file', () => {
    const k = key()
    writeFileSync(join(tmp.dir, 'master.key'), `${k}\n`, { mode: 0o600 })
    expect(load({ masterKey: '' }).keys.map((b) => b.toString('base64'))).toEqual([k])
  })

  it('file keys come first, then MASTER_KEY_PREVIOUS', () => {
    const [a, b] = [key(), key()]
    writeFileSync(join(tmp.dir, 'master.key'), `${a}\n`, { mode: 0o600 })
    expect(load({ previous: [b] }).keys.map((x) => x.toString('base64'))).toEqual([a, b])
  })

  it('refuses a key file group or others can read or write, naming its mode and the fix', () => {
    const file = join(tmp.dir, 'master.key')
    for (const [mode, shown] of [[0o640, '640'], [0o604, '604'], [0o620, '620'], [0o602, '602']] as const) {
      writeFileSync(file, `${key()}\n`)
      chmodSync(file, mode)
      expect(refusal(() => readKeyFile(file))).toBe(`MASTER_KEY_FILE "${file}" is readable or writable by group or others (mode ${shown}); run: chmod 600 ${file}`)
    }
    chmodSync(file, 0o400)
    expect(readKeyFile(file)).toHaveLength(1)
    chmodSync(file, 0o700)
    expect(readKeyFile(file)).toHaveLength(1)
  })

  it('skips comments and blank lines (indented too), numbers the keys it reads, and refuses a file with none', () => {
    const file = join(tmp.dir, 'master.key')
    const a = key()
    writeFileSync(file, `  # old note\n\n   ${a}  \n\t\nnot-a-key\n`, { mode: 0o600 })
    expect(refusal(() => readKeyFile(file))).toBe(`MASTER_KEY_FILE "${file}" line 2 ${HINT}`)
    writeFileSync(file, '# only a comment\n\n', { mode: 0o600 })
    expect(refusal(() => readKeyFile(file))).toBe(`MASTER_KEY_FILE "${file}" holds no key`)
    writeFileSync(file, `# x\n  ${a}\n`, { mode: 0o600 })
    expect(readKeyFile(file).map((b) => b.toString('base64'))).toEqual([a])
  })

  it('a key file that exists but cannot be read is refused with its error code, never replaced', () => {
    const dir = join(tmp.dir, 'master.key')
    mkdirSync(dir)
    expect(refusal(() => load())).toBe(`MASTER_KEY_FILE "${dir}" cannot be read (EISDIR)`)
    expect(statSync(dir).isDirectory()).toBe(true)
  })

  it('a key file that cannot be created on first start is one line with the error code', () => {
    const file = join(tmp.dir, 'master.key')
    symlinkSync(join(tmp.dir, 'nowhere', 'target'), file) // reads as missing, yet the name is taken
    expect(refusal(() => load())).toBe(`MASTER_KEY_FILE "${file}" does not exist and cannot be created (EEXIST)`)
    expect(readdirSync(tmp.dir)).toEqual(['master.key'])
  })

  it('writes the header and the keys, mode 0600 in a 0700 folder, keeping the previous file as .bak', () => {
    const file = join(tmp.dir, 'keys', 'master.key')
    const [a, b] = [key(), key()]
    writeKeyFile(file, [a])
    const header = '# BackFuture Connect master keys, newest first. Back this file up WITH the database.\n'
    expect(readFileSync(file, 'utf8')).toBe(`${header}${a}\n`)
    expect(statSync(join(tmp.dir, 'keys')).mode & 0o777).toBe(0o700)
    expect(existsSync(`${file}.bak`)).toBe(false)
    writeKeyFile(file, [b, a])
    expect(readFileSync(file, 'utf8')).toBe(`${header}${b}\n${a}\n`)
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(`${header}${a}\n`)
    for (const f of [file, `${file}.bak`]) expect(statSync(f).mode & 0o777).toBe(0o600)
    expect(readdirSync(join(tmp.dir, 'keys')).sort()).toEqual(['master.key', 'master.key.bak'])
  })

  it('the first-start write never replaces an existing file and leaves no temp file', () => {
    const file = join(tmp.dir, 'master.key')
    writeFileSync(file, 'mine\n', { mode: 0o600 })
    expect(() => writeKeyFile(file, [key()], true)).toThrow(expect.objectContaining({ code: 'EEXIST' }))
    expect(readFileSync(file, 'utf8')).toBe('mine\n')
    expect(readdirSync(tmp.dir)).toEqual(['master.key'])
    const fresh = join(tmp.dir, 'fresh.key')
    writeKeyFile(fresh, [key()], true)
    expect(readKeyFile(fresh)).toHaveLength(1)
    expect(readdirSync(tmp.dir).sort()).toEqual(['fresh.key', 'master.key'])
  })
})
