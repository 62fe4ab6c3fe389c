import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config.js'
import { Sqlite } from '../../src/storage/sqlite-driver.js'
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram-server.js'
import { freePort, spawnBot, STARTED, type BotProcess } from '../helpers/bot-process.js'
import { startE2E, type E2E } from '../helpers/e2e.js'
import { makeTmpDir } from '../helpers/tmp.js'

/** Everything a forged update could change, read straight from the file. */
function snapshot(dbPath: string): string {
  const db = new Sqlite(dbPath, { readonly: true })
  try {
    return JSON.stringify(['users', 'connections', 'outbox'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()))
  } finally {
    db.close()
  }
}

/** A message update as an attacker would POST it, from any Telegram user id they like. */
const forgedText = (userId: number, text: string) => ({
  update_id: 900_000 + Math.floor(Math.random() * 1000),
  message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: 'private' as const, first_name: 'Victim' }, from: { id: userId, is_bot: false, first_name: 'Victim' }, text, ...(text.startsWith('/') ? { entities: [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]!.length }] } : {}) },
})

/** The first address of this machine that is not loopback, if it has one. */
const externalIp = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address

function tcpConnects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port })
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

/** F1: webhook mode without WEBHOOK_SECRET let anyone who found the URL act as any user. */
describe('F1: webhook mode is closed', { timeout: 120_000 }, () => {
  let tg: FakeTelegram | undefined
  let bot: BotProcess | undefined
  let e: E2E | undefined
  let tmp: ReturnType<typeof makeTmpDir> | undefined
  afterEach(async () => {
    await bot?.stop('SIGKILL')
    await tg?.close()
    await e?.close()
    tmp?.cleanup()
    bot = tg = e = tmp = undefined
  })

  it('WEBHOOK_URL without WEBHOOK_SECRET is a configuration error', () => {
    let err: unknown
    try {
      parseConfig({ BOT_TOKEN: '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', WEBHOOK_URL: 'https://bot.example.com/hook' })
    } catch (x) {
      err = x
    }
    expect(err).toBeInstanceOf(ConfigError)
    expect((err as ConfigError).problems).toEqual([expect.stringMatching(/^WEBHOOK_URL is set but WEBHOOK_SECRET is not/)])
  })

  it('the real bot with WEBHOOK_URL only refuses to start: nothing listens, nothing is registered, a forged update reaches no one', async () => {
    tmp = makeTmpDir()
    tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
    const port = await freePort()
    const url = `http://127.0.0.1:${port}/hook`
    bot = spawnBot({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, DATABASE_PATH: join(tmp.dir, 'bot.sqlite'), MASTER_KEY_FILE: join(tmp.dir, 'master.key'), WEBHOOK_URL: url, WEBHOOK_PORT: String(port) })
    const started = await bot.waitFor(STARTED, 60_000)
    // Whatever happened, an attacker now POSTs a forged /connect as user 4711.
    const victim = tg.createUser({ id: 4711, firstName: 'Victim', languageCode: 'en' })
    const forged = await tg.postWebhookUpdate(forgedText(victim.id, '/connect'), { url, secretToken: null }).catch((err: unknown) => ({ status: 0, body: String(err) }))
    expect(started, 'the bot must not start in webhook mode without a secret').toBe(false)
    expect(await bot.exited).toBe(1)
    expect(bot.output().trim().split('\n')).toEqual([expect.stringMatching(/^Cannot start: WEBHOOK_URL is set but WEBHOOK_SECRET is not/)])
    expect(forged.status, 'nothing answers on the webhook port').toBe(0)
    expect(tg.callsTo('setWebhook')).toHaveLength(0)
    expect(tg.botMessages(victim)).toHaveLength(0)
  })

  it('with the secret set, updates without the header (or with a wrong one) get 401 and change nothing', async () => {
    const port = await freePort()
    e = await startE2E({ env: { WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: randomBytes(16).toString('hex'), WEBHOOK_PORT: String(port) } })
    const victim = e.tg.createUser({ id: 4712, firstName: 'Victim', languageCode: 'en' })
    // The victim is a real user with notifications on.
    expect((await e.say(victim, '/start')).text).toContain('BackFuture Connect')
    const messagesBefore = e.tg.botMessages(victim).length
    const before = snapshot(e.dbPath)

    const callback = {
      update_id: 910_001,
      callback_query: { id: 'forged-1', chat_instance: '1', data: 'n:0', from: { id: victim.id, is_bot: false, first_name: 'Victim' }, message: { message_id: 1, date: 0, chat: { id: victim.id, type: 'private' as const, first_name: 'Victim' }, text: 'x' } },
    }
    for (const secretToken of [null, 'not-the-secret', '']) {
      expect((await e.tg.postWebhookUpdate(forgedText(victim.id, '/connect'), { secretToken })).status).toBe(401)
      expect((await e.tg.postWebhookUpdate(forgedText(4713, '/start'), { secretToken })).status).toBe(401)
      expect((await e.tg.postWebhookUpdate(callback, { secretToken })).status).toBe(401)
    }
    expect(snapshot(e.dbPath), 'no user created, no setting changed').toBe(before)
    expect(e.tg.botMessages(victim)).toHaveLength(messagesBefore)
    expect(e.tg.botMessages(4713)).toHaveLength(0)
    expect(e.app.repos.users.get(victim.id)?.notifications).toBe(true)
  })

  it.skipIf(!externalIp)('the webhook server listens on 127.0.0.1 only (a TLS proxy forwards to it), unless WEBHOOK_HOST says otherwise', async () => {
    const port = await freePort()
    e = await startE2E({ env: { WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: randomBytes(16).toString('hex'), WEBHOOK_PORT: String(port) } })
    expect(await tcpConnects('127.0.0.1', port)).toBe(true)
    expect(await tcpConnects(externalIp!, port), `port ${port} must not be reachable on ${externalIp}`).toBe(false)
    await e.close()
    e = undefined

    const port2 = await freePort()
    e = await startE2E({ env: { WEBHOOK_URL: `http://127.0.0.1:${port2}/hook`, WEBHOOK_SECRET: randomBytes(16).toString('hex'), WEBHOOK_PORT: String(port2), WEBHOOK_HOST: '0.0.0.0' } })
    expect(await tcpConnects(externalIp!, port2)).toBe(true)
  })
})
