import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadMasterKeys, MasterKeyError } from '../../src/secrets/master-key.js'
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-server.js'
import { spawnBot, STARTED, type BotProcess } from '../helpers/bot-process.js'
import { runTs } from '../helpers/run-script.js'
import { makeTmpDir } from '../helpers/tmp.js'

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8).padStart(3, '0')

/** F15: the database, its folder and the key file are private to the bot's user, whatever the umask. */
describe('F15: file permissions', { timeout: 120_000 }, () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let tg: FakeTelegram
  let bot: BotProcess | undefined

  beforeEach(async () => {
    tmp = makeTmpDir()
    tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
  })
  afterEach(async () => {
    await bot?.stop('SIGKILL')
    bot = undefined
    await tg.close()
    tmp.cleanup()
  })

  it('started with umask 022, the bot creates its folders 0700 and the database, WAL and key file 0600', async () => {
    expect(process.umask() & 0o077, 'this test runs under a permissive umask (the child inherits it)').toBe(0o022)
    const dir = join(tmp.dir, 'data', 'db')
    const env = { BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, DATABASE_PATH: join(dir, 'bot.sqlite'), MASTER_KEY_FILE: join(dir, 'master.key') }
    bot = spawnBot(env)
    expect(await bot.waitFor(STARTED, 60_000)).toBe(true)
    const modes = Object.fromEntries(
      [join(tmp.dir, 'data'), dir, env.DATABASE_PATH, `${env.DATABASE_PATH}-wal`, `${env.DATABASE_PATH}-shm`, env.MASTER_KEY_FILE].filter((p) => existsSync(p)).map((p) => [p.slice(tmp.dir.length), modeOf(p)]),
    )
    expect(modes).toEqual({
      '/data': '700',
      '/data/db': '700',
      '/data/db/bot.sqlite': '600',
      '/data/db/bot.sqlite-wal': '600',
      '/data/db/bot.sqlite-shm': '600',
      '/data/db/master.key': '600',
    })
    expect(await bot.stop()).toBe(0)
  })

  it('rotate-key, also under umask 022, creates its folder 0700 and every file 0600 (key file, its .bak, the database)', () => {
    const dir = join(tmp.dir, 'rot')
    const env = { DATABASE_PATH: join(dir, 'bot.sqlite'), MASTER_KEY_FILE: join(dir, 'master.key') }
    expect(runTs('src/cli/rotate-key.ts', env).code).toBe(0)
    expect(runTs('src/cli/rotate-key.ts', env, ['--generate']).code).toBe(0)
    expect([dir, env.DATABASE_PATH, env.MASTER_KEY_FILE, `${env.MASTER_KEY_FILE}.bak`].map(modeOf)).toEqual(['700', '600', '600', '600'])
  })

  it('a key file readable or writable by group or others stops the bot and rotate-key with one line', async () => {
    const file = join(tmp.dir, 'master.key')
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`)
    chmodSync(file, 0o640)
    const env = { BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, DATABASE_PATH: join(tmp.dir, 'bot.sqlite'), MASTER_KEY_FILE: file }
    bot = spawnBot(env)
    expect(await bot.waitFor(STARTED, 60_000), 'the bot must not start with a group-readable key file').toBe(false)
    expect(await bot.exited).toBe(1)
    expect(bot.output().trim().split('\n')).toEqual([`Cannot start: MASTER_KEY_FILE "${file}" is readable or writable by group or others (mode 640); run: chmod 600 ${file}`])

    const rot = runTs('src/cli/rotate-key.ts', { DATABASE_PATH: env.DATABASE_PATH, MASTER_KEY_FILE: file })
    expect(rot.code).toBe(1)
    expect(rot.stderr.trim().split('\n')).toEqual([`rotate-key refused: MASTER_KEY_FILE "${file}" is readable or writable by group or others (mode 640); run: chmod 600 ${file}`])
    expect(modeOf(file), 'the mode is the operator\'s to fix, not changed behind their back').toBe('640')

    for (const mode of [0o604, 0o620, 0o602, 0o660, 0o644]) {
      chmodSync(file, mode)
      expect(() => loadMasterKeys({ masterKey: undefined, masterKeyFile: file, previous: [], storedConnections: 0 }), mode.toString(8)).toThrow(MasterKeyError)
    }
    chmodSync(file, 0o600)
    expect(loadMasterKeys({ masterKey: undefined, masterKeyFile: file, previous: [], storedConnections: 0 }).keys).toHaveLength(1)
    chmodSync(file, 0o400)
    expect(loadMasterKeys({ masterKey: undefined, masterKeyFile: file, previous: [], storedConnections: 0 }).keys).toHaveLength(1)
  })
})
