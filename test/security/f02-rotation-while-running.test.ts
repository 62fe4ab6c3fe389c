import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readKeyFile } from '../../src/secrets/master-key.js'
import { Sqlite } from '../../src/storage/sqlite-driver.js'
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-server.js'
import { spawnBot, STARTED, type BotProcess } from '../helpers/bot-process.js'
import { runTs } from '../helpers/run-script.js'
import { makeTmpDir } from '../helpers/tmp.js'

/** The heartbeat rows as stored (raw SQL: what any process reading the file sees). */
function heartbeats(dbPath: string): Array<{ role: string; pid: number; seal_key_id: string; heartbeat_at: number }> {
  const db = new Sqlite(dbPath, { readonly: true })
  try {
    return db.prepare('SELECT role, pid, seal_key_id, heartbeat_at FROM instances').all() as Array<{ role: string; pid: number; seal_key_id: string; heartbeat_at: number }>
  } finally {
    db.close()
  }
}

/** F2: rotate-key never runs under a live bot (it would seal under a key the bot does not have, and --prune would retire the bot's key). */
describe('F2: rotate-key refuses while the bot runs', { timeout: 120_000 }, () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let tg: FakeTelegram
  let bot: BotProcess | undefined
  let env: { DATABASE_PATH: string; MASTER_KEY_FILE: string }

  beforeEach(async () => {
    tmp = makeTmpDir()
    env = { DATABASE_PATH: join(tmp.dir, 'bot.sqlite'), MASTER_KEY_FILE: join(tmp.dir, 'master.key') }
    tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
  })
  afterEach(async () => {
    await bot?.stop('SIGKILL')
    bot = undefined
    await tg.close()
    tmp.cleanup()
  })

  it('--generate, --prune and a plain run all refuse with one line while the bot runs; after a clean stop they work', async () => {
    bot = spawnBot({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, ...env })
    expect(await bot.waitFor(STARTED, 60_000)).toBe(true)
    const keyFile = readFileSync(env.MASTER_KEY_FILE, 'utf8')
    const [k1] = readKeyFile(env.MASTER_KEY_FILE)

    for (const args of [['--generate'], ['--prune'], []]) {
      const r = runTs('src/cli/rotate-key.ts', env, args)
      expect(r.code, `rotate-key ${args.join(' ')}`).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^rotate-key refused: the bot is running \(pid \d+ on .*\): stop the bot first, run rotate-key, then start the bot again$/)])
    }
    expect(readFileSync(env.MASTER_KEY_FILE, 'utf8'), 'the key file was not touched').toBe(keyFile)
    expect(existsSync(`${env.MASTER_KEY_FILE}.bak`)).toBe(false)

    // The bot's heartbeat names the key it seals under.
    expect(heartbeats(env.DATABASE_PATH)).toEqual([expect.objectContaining({ role: 'bot', pid: bot.child.pid })])
    expect(await bot.stop('SIGTERM')).toBe(0)
    expect(heartbeats(env.DATABASE_PATH), 'a clean stop removes the heartbeat').toEqual([])
    bot = undefined

    const gen = runTs('src/cli/rotate-key.ts', env, ['--generate'])
    expect(gen.stderr).toBe('')
    expect(gen.code).toBe(0)
    const keys = readKeyFile(env.MASTER_KEY_FILE)
    expect(keys).toHaveLength(2)
    expect(keys[1]!.equals(k1!)).toBe(true)
    expect(heartbeats(env.DATABASE_PATH), 'rotate-key removes its own row').toEqual([])
  })

  it('a bot killed with SIGKILL leaves a heartbeat that blocks rotation only until it is stale', async () => {
    bot = spawnBot({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, ...env })
    expect(await bot.waitFor(STARTED, 60_000)).toBe(true)
    await bot.stop('SIGKILL')
    bot = undefined
    const refused = runTs('src/cli/rotate-key.ts', env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/if that process is gone this clears within \d+ s/)
    // Three missed beats later (45 s): simulated by ageing the row.
    const db = new Sqlite(env.DATABASE_PATH)
    db.prepare('UPDATE instances SET heartbeat_at = heartbeat_at - 46000').run()
    db.close()
    const ok = runTs('src/cli/rotate-key.ts', env)
    expect(ok.stderr).toBe('')
    expect(ok.code).toBe(0)
  })

  it('the bot refuses to start while rotate-key is running', async () => {
    // Bring the schema and key file into being, then play a running rotate-key's heartbeat.
    expect(runTs('src/cli/rotate-key.ts', env).code).toBe(0)
    const db = new Sqlite(env.DATABASE_PATH)
    db.prepare('INSERT INTO instances (id, role, pid, host, seal_key_id, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run('rot1', 'rotate-key', 4242, 'ops-host', 'abcd', Date.now(), Date.now())
    db.close()
    bot = spawnBot({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, ...env })
    expect(await bot.waitFor(STARTED, 30_000)).toBe(false)
    expect(await bot.exited).toBe(1)
    expect(bot.output().trim().split('\n')).toEqual([expect.stringMatching(/^Cannot start: rotate-key is running \(pid 4242 on ops-host, .*\): wait for it to finish, then start the bot$/)])
  })
})
