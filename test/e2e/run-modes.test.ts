import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { startFakeTelegram } from '../fakes/telegram-server.js'
import { ROOT } from '../helpers/run-script.js'
import { makeTmpDir } from '../helpers/tmp.js'

/** A free loopback port for the webhook server. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

describe('webhook mode', () => {
  let e: E2E | undefined
  afterEach(async () => {
    await e?.close()
    e = undefined
  })

  it('registers the webhook with its secret, answers updates Telegram posts, and refuses a wrong secret', async () => {
    const port = await freePort()
    const secret = randomBytes(16).toString('hex')
    e = await startE2E({ env: { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram-hook`, WEBHOOK_SECRET: secret, WEBHOOK_PORT: String(port) } })
    expect(e.tg.webhookInfo).toMatchObject({ url: `http://127.0.0.1:${port}/telegram-hook` })
    const user = e.tg.createUser({ id: 6601, firstName: 'Wes', languageCode: 'en' })
    const forged = await e.tg.postWebhookUpdate({ message: { message_id: 1, date: 0, chat: { id: user.id, type: 'private', first_name: 'Wes' }, from: { id: user.id, is_bot: false, first_name: 'Wes' }, text: '/help' } }, { secretToken: 'not-the-secret' })
    expect(forged.status).toBe(401)
    expect(e.tg.botMessages(user)).toHaveLength(0)
    const reply = await e.say(user, '/help')
    expect(reply.text).toContain('Commands')
  })
})

describe('process signals', () => {
  it('stops cleanly on SIGTERM: exit code 0 after "shutting down"', async () => {
    const tmp = makeTmpDir()
    const tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, DATABASE_PATH: join(tmp.dir, 'bot.sqlite'), MASTER_KEY_FILE: join(tmp.dir, 'master.key'), LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      child.stdout.on('data', (d) => (out += String(d)))
      child.stderr.on('data', (d) => (out += String(d)))
      // Up and polling: it asked Telegram for updates.
      await tg.waitFor(() => tg.callsTo('getUpdates').length > 0 || null, 20_000)
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(out).toContain('shutting down')
      expect(out).toContain('NEW MASTER KEY CREATED')
    } finally {
      await tg.close()
      tmp.cleanup()
    }
  }, 30_000)
})
