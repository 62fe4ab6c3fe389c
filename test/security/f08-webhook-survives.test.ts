import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-server.js'
import { freePort, spawnBot, STARTED, type BotProcess } from '../helpers/bot-process.js'
import { tr } from '../helpers/e2e-flows.js'
import { startLockHolder } from '../helpers/sqlite-lock.js'
import { makeTmpDir } from '../helpers/tmp.js'

/** POSTs a raw body to the webhook with the right secret; status 0 = the connection failed (process gone). */
async function post(url: string, secret: string, body: string): Promise<number> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body })
    await res.text()
    return res.status
  } catch {
    return 0
  }
}

/** What the process printed that did not go through the logger (JSON lines): grammY's or Node's own printouts. */
const unloggedLines = (out: string) => out.split('\n').filter((l) => l.trim() && !l.startsWith('{'))

/** F8: no request, and no failure while handling one, stops the bot. */
describe('F8: the bot survives bad requests and a locked database', { timeout: 150_000 }, () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let tg: FakeTelegram
  let bot: BotProcess | undefined
  let dbPath: string

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

  it('webhook: non-JSON, oversized and non-update bodies get 400/413; a write lock held past the busy timeout gets a kind error; the process keeps answering', async () => {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}/hook`
    const secret = randomBytes(16).toString('hex')
    bot = spawnBot({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, DATABASE_PATH: dbPath, MASTER_KEY_FILE: join(tmp.dir, 'master.key'), WEBHOOK_URL: url, WEBHOOK_SECRET: secret, WEBHOOK_PORT: String(port) })
    expect(await bot.waitFor(STARTED, 60_000)).toBe(true)

    expect(await post(url, secret, 'not json'), 'non-JSON').toBe(400)
    expect(bot.running()).toBe(true)
    expect(await post(url, secret, '[1, 2]'), 'JSON that is not an update').toBe(400)
    expect(await post(url, secret, JSON.stringify({ update_id: 1, pad: 'x'.repeat(2 * 1024 * 1024) })), 'over 1 MiB').toBe(413)
    expect(bot.running()).toBe(true)

    const first = tg.createUser({ id: 8801, firstName: 'First', languageCode: 'en' })
    tg.sendText(first, '/help')
    expect((await tg.nextBotMessage(first, { timeoutMs: 30_000 })).text).toContain('Commands')

    // Another writer holds the database longer than the bot's 5 s busy timeout while a new
    // user writes to us: recording the user fails with SQLITE_BUSY before i18n ran.
    const holder = startLockHolder(dbPath, { stallMs: 600_000, maxMs: 7_000 })
    try {
      const { released } = await holder.lock()
      const newcomer = tg.createUser({ id: 8802, firstName: 'New', languageCode: 'en' })
      tg.sendText(newcomer, '/start')
      const sorry = await tg.nextBotMessage(newcomer, { timeoutMs: 40_000 })
      expect(sorry.text).toBe(tr('en', 'error-generic'))
      await released
      expect(bot.running(), 'the process is still up').toBe(true)
      // The next update of the same user is served normally.
      tg.sendText(newcomer, '/help')
      expect((await tg.nextBotMessage(newcomer, { timeoutMs: 30_000 })).text).toContain('Commands')
    } finally {
      await holder.close()
    }
    expect(bot.running()).toBe(true)
    const out = bot.output()
    expect(out).toMatch(/"code":"SQLITE_BUSY"/)
    expect(out).not.toContain('ctx.t is not a function')
    expect(unloggedLines(out), 'everything went through the scrubbing logger').toEqual([])
  })

  it('polling: Telegram refusing getUpdates for good is logged through the logger (not console.error) and the process exits 1', async () => {
    bot = spawnBot({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, DATABASE_PATH: dbPath, MASTER_KEY_FILE: join(tmp.dir, 'master.key') })
    expect(await bot.waitFor(STARTED, 60_000)).toBe(true)
    tg.failNext('getUpdates', { error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' })
    // End the long poll in progress so the next getUpdates is the one that fails.
    const user = tg.createUser({ id: 8803, firstName: 'Poll', languageCode: 'en' })
    tg.sendText(user, '/help')
    expect(await bot.waitFor(/polling stopped/, 60_000)).toBe(true)
    expect(await bot.exited).toBe(1)
    const out = bot.output()
    expect(out).toMatch(/"level":60,.*"msg":"polling stopped: Telegram refused getUpdates"/)
    expect(out).not.toContain('[grammY runner]')
    expect(unloggedLines(out)).toEqual([])
  })
})
