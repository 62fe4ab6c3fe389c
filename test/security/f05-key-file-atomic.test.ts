import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readKeyFile } from '../../src/secrets/master-key.js'
import { ROOT, runTs } from '../helpers/run-script.js'
import { makeTmpDir } from '../helpers/tmp.js'

const key = () => randomBytes(32).toString('base64')

/** F5: the key file, the only copy of every master key, is never rewritten in place. */
describe('F5: a failed key-file write leaves the previous key file whole', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(() => tmp.cleanup())

  it('a write that fails with EFBIG (file size limit 0, like a full disk) keeps every old key and leaves no temp file', () => {
    const file = join(tmp.dir, 'master.key')
    const before = `# keys\n${key()}\n${key()}\n`
    writeFileSync(file, before, { mode: 0o600 })
    // The real writeKeyFile in a process whose every file write fails (RLIMIT_FSIZE = 0).
    const script = join(tmp.dir, 'write.ts')
    writeFileSync(script, `import { writeKeyFile } from ${JSON.stringify(join(ROOT, 'src/secrets/master-key.ts'))}\nwriteKeyFile(${JSON.stringify(file)}, ${JSON.stringify([key(), key(), key()])})\n`)
    const r = spawnSync('bash', ['-c', `ulimit -f 0; exec "${process.execPath}" --import tsx "${script}"`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })
    expect(r.status, 'the write itself failed').not.toBe(0)
    expect(r.stderr).toContain('EFBIG')
    expect(readFileSync(file, 'utf8'), 'the key file is untouched').toBe(before)
    expect(readKeyFile(file)).toHaveLength(2)
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('rotate-key --generate replaces the file by rename (new inode) and keeps the previous one as master.key.bak, mode 0600', () => {
    const env = { DATABASE_PATH: join(tmp.dir, 'bot.sqlite'), MASTER_KEY_FILE: join(tmp.dir, 'master.key') }
    const before = `# keys\n${key()}\n`
    writeFileSync(env.MASTER_KEY_FILE, before, { mode: 0o600 })
    const inode = statSync(env.MASTER_KEY_FILE).ino
    const r = runTs('src/cli/rotate-key.ts', env, ['--generate'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(readKeyFile(env.MASTER_KEY_FILE)).toHaveLength(2)
    expect(statSync(env.MASTER_KEY_FILE).ino, 'written to a new file, then renamed over the old one').not.toBe(inode)
    expect(readFileSync(`${env.MASTER_KEY_FILE}.bak`, 'utf8')).toBe(before)
    expect(statSync(`${env.MASTER_KEY_FILE}.bak`).mode & 0o777).toBe(0o600)
    expect(statSync(env.MASTER_KEY_FILE).mode & 0o777).toBe(0o600)
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
