import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTmpDir } from '../../helpers/tmp.js'
import { runTs } from '../../helpers/run-script.js'

// A token, so the real start runs (without one the demo starts with its own temporary files);
// the API root is a closed port, so nothing could leave the machine even if the start went on.
const REAL = { BOT_TOKEN: '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }

// Each case starts a real process (tsx compiles on start): on a loaded machine that alone can take 20 s.
describe('start-up failures are one clear line', { timeout: 90_000 }, () => {
  let tmp: ReturnType<typeof makeTmpDir>
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(() => tmp.cleanup())

  it('stops on a bad MASTER_KEY without printing it', () => {
    const bad = 'dGhpcy1pcy1ub3QtMzItYnl0ZXM='
    const r = runTs('src/main.ts', { ...REAL, MASTER_KEY: bad, DATABASE_PATH: join(tmp.dir, 'bot.sqlite') })
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Cannot start: MASTER_KEY must be the base64 of exactly 32 bytes/)
    expect(r.stderr + r.stdout).not.toContain(bad)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('stops on a DATABASE_PATH that cannot be written', () => {
    const file = join(tmp.dir, 'a-file')
    writeFileSync(file, 'x')
    const r = runTs('src/main.ts', { ...REAL, MASTER_KEY: randomBytes(32).toString('base64'), DATABASE_PATH: join(file, 'bot.sqlite') })
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Cannot start: DATABASE_PATH ".*a-file\/bot.sqlite" cannot be opened for writing \((EEXIST|ENOTDIR): a parent path is a file, not a folder\); point it at a writable file$/)
  })

  it('stops on an unreadable key file with one line', () => {
    const r = runTs('src/main.ts', { ...REAL, MASTER_KEY_FILE: tmp.dir, DATABASE_PATH: join(tmp.dir, 'bot.sqlite') })
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([`Cannot start: MASTER_KEY_FILE "${tmp.dir}" cannot be read (EISDIR)`])
  })
})
