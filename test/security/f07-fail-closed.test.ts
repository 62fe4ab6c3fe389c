import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSealer } from '../../src/secrets/sealer.js'
import { createConnectionsRepo } from '../../src/storage/connections.repo.js'
import { openDatabase } from '../../src/storage/database.js'
import { createUsersRepo } from '../../src/storage/users.repo.js'
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-server.js'
import { spawnBot, STARTED, type BotProcess } from '../helpers/bot-process.js'
import { runTs } from '../helpers/run-script.js'
import { randomCredentials, seedConnection } from '../helpers/seed.js'
import { makeTmpDir } from '../helpers/tmp.js'

/** F7: a wrong or missing master key stops the start instead of making every connection unreadable. */
describe('F7: start-up fails closed on keys that cannot open the database', { timeout: 150_000 }, () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let tg: FakeTelegram
  let bot: BotProcess | undefined
  let dbPath: string
  const k1 = randomBytes(32)

  /** Two connections sealed under k1, as a bot that ran with k1 left them. */
  async function seed(): Promise<void> {
    const sealer = await createSealer([k1])
    const db = openDatabase(dbPath)
    createUsersRepo(db.db).touch(8)
    const repo = createConnectionsRepo(db.db)
    seedConnection(repo, sealer, { userId: 8, name: 'One', credentials: randomCredentials() })
    seedConnection(repo, sealer, { userId: 8, name: 'Two', credentials: randomCredentials() })
    db.close()
  }
  const base = () => ({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, DATABASE_PATH: dbPath })

  /** Starts the real bot; resolves with its exit code, 'started' once it receives updates, or 'hung'. */
  async function start(env: Record<string, string>): Promise<{ outcome: number | null | 'started' | 'hung'; output: string }> {
    bot = spawnBot(env)
    const started = await bot.waitFor(STARTED, 60_000)
    if (started) return { outcome: 'started', output: bot.output() }
    if (bot.running()) return { outcome: 'hung', output: bot.output() }
    return { outcome: await bot.exited, output: bot.output() }
  }

  beforeEach(async () => {
    tmp = makeTmpDir()
    dbPath = join(tmp.dir, 'bot.sqlite')
    tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
  })
  afterEach(async () => {
    await bot?.stop('SIGKILL')
    bot = undefined
    await tg.close()
    tmp.cleanup()
  })

  it('a MASTER_KEY that opens none of the stored connections: the bot and rotate-key refuse with one line', async () => {
    await seed()
    const env = { ...base(), MASTER_KEY: randomBytes(32).toString('base64') }
    const r = await start(env)
    expect(r.outcome).toBe(1)
    expect(r.output.trim().split('\n')).toHaveLength(1)
    expect(r.output).toMatch(/^Cannot start: the database holds 2 connections sealed under 1 key id\(s\) that MASTER_KEY .*cannot open \([0-9a-f]{16}\): restore .*ALLOW_UNREADABLE_CONNECTIONS=true/)
    expect(tg.callsTo('getUpdates')).toHaveLength(0)

    const rot = runTs('src/cli/rotate-key.ts', { DATABASE_PATH: dbPath, MASTER_KEY: env.MASTER_KEY })
    expect(rot.code).toBe(1)
    expect(rot.stdout).toBe('')
    expect(rot.stderr.trim().split('\n')).toHaveLength(1)
    expect(rot.stderr).toMatch(/^rotate-key refused: the database holds 2 connections sealed under 1 key id/)
  })

  it('a wrong key file: refused the same way, and the key file is left as it was', async () => {
    await seed()
    const file = join(tmp.dir, 'master.key')
    const wrong = `${randomBytes(32).toString('base64')}\n`
    writeFileSync(file, wrong, { mode: 0o600 })
    const r = await start({ ...base(), MASTER_KEY_FILE: file })
    expect(r.outcome).toBe(1)
    expect(r.output.trim().split('\n')).toEqual([expect.stringMatching(/^Cannot start: the database holds 2 connections .* MASTER_KEY_FILE ".*master.key" cannot open/)])
    expect(readFileSync(file, 'utf8')).toBe(wrong)
  })

  it('a missing key file while the database holds connections: no new key file is created, one line says so', async () => {
    await seed()
    const file = join(tmp.dir, 'keys', 'master.key')
    const r = await start({ ...base(), MASTER_KEY_FILE: file })
    expect(r.outcome).toBe(1)
    expect(r.output.trim().split('\n')).toEqual([expect.stringMatching(/^Cannot start: MASTER_KEY_FILE ".*keys\/master.key" is missing but the database holds 2 connections sealed with it: restore the key file/)])
    expect(existsSync(file), 'no key file was created').toBe(false)

    const rot = runTs('src/cli/rotate-key.ts', { DATABASE_PATH: dbPath, MASTER_KEY_FILE: file }, ['--generate'])
    expect(rot.code).toBe(1)
    expect(rot.stderr).toMatch(/^rotate-key refused: MASTER_KEY_FILE ".*" is missing but the database holds 2 connections/)
    expect(existsSync(file)).toBe(false)
  })

  it('ALLOW_UNREADABLE_CONNECTIONS=true starts anyway, with a loud warning naming the count', async () => {
    await seed()
    const r = await start({ ...base(), MASTER_KEY: randomBytes(32).toString('base64'), ALLOW_UNREADABLE_CONNECTIONS: 'true' })
    expect(r.outcome).toBe('started')
    const warning = r.output.split('\n').find((l) => l.includes('ALLOW_UNREADABLE_CONNECTIONS=true'))
    expect(warning).toBeDefined()
    expect(JSON.parse(warning!)).toMatchObject({ level: 40, connections: 2, keyIds: [expect.stringMatching(/^[0-9a-f]{16}$/)] })
  })

  it('the right key still starts (and an empty database still gets a new key file on first start)', async () => {
    await seed()
    const ok = await start({ ...base(), MASTER_KEY: k1.toString('base64') })
    expect(ok.outcome).toBe('started')
    expect(await bot!.stop()).toBe(0)

    const fresh = join(tmp.dir, 'fresh')
    const first = await start({ ...base(), DATABASE_PATH: join(fresh, 'bot.sqlite'), MASTER_KEY_FILE: join(fresh, 'master.key') })
    expect(first.outcome).toBe('started')
    expect(first.output).toContain('NEW MASTER KEY CREATED')
  })
})
