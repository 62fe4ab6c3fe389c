/**
 * The no-token demo: the real bot, the real database and sealer, real ccxt, against the
 * in-process fake Telegram and fake exchange, with a chat in this terminal. A newcomer with no
 * internet and no Telegram account tries the whole product with `npm start`.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { startFakeExchange } from '../../test/fakes/exchange-server.js'
import { startFakeTelegram } from '../../test/fakes/telegram-server.js'
import { createApp } from '../app.js'
import type { Config } from '../config.js'
import { createLogger } from '../logger.js'
import { demoAccounts, demoBanner, platformBanner } from './demo-accounts.js'
import { runTerminalChat } from './terminal-chat.js'

/** The address the fake exchange sees as ours, so IP whitelists can be shown working and failing. */
export const DEMO_EGRESS_IP = '203.0.113.7'

/** Runs the demo until the person types /quit or closes the input; everything is thrown away after. */
export async function runDemo(base: Config, io: { input: Readable; output: Writable; language?: string }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bfc-demo-'))
  const tg = await startFakeTelegram({ token: `7000000001:AAH${randomBytes(24).toString('base64url')}` })
  const ex = await startFakeExchange()
  ex.callerIp = DEMO_EGRESS_IP
  const accounts = demoAccounts(ex)
  const config: Config = {
    ...base,
    botToken: tg.token,
    telegramApiRoot: tg.url,
    exchangeUrls: ex.exchangeUrls,
    databasePath: join(dir, 'demo.sqlite'),
    masterKey: randomBytes(32).toString('base64'),
    masterKeyFile: join(dir, 'master.key'),
    egressIps: [DEMO_EGRESS_IP],
    webhook: undefined,
    // The platform gate too, on a free local port unless PLATFORM_API_PORT names one.
    platformApi: base.platformApi ?? { host: '127.0.0.1', port: 0, credentialsPerMinute: 60 },
  }
  const logFile = join(dir, 'demo.log')
  const logger = createLogger({ level: base.logLevel, destination: (await import('pino')).default.destination({ dest: logFile, sync: true }) })
  const app = await createApp(config, logger, { botInfo: tg.botInfo })
  await app.start()
  const user = tg.createUser({ id: 4242, firstName: 'Demo', languageCode: io.language ?? 'en' })
  const { token } = app.platform.tokens.create('demo', ['status', 'credentials'])
  io.output.write(demoBanner(accounts, logFile, platformBanner(app.platform.api!.url, token)))
  try {
    await runTerminalChat({ fake: tg, user, input: io.input, output: io.output, ...((io.input as { isTTY?: boolean }).isTTY ? {} : { settleMs: 1000 }) })
  } finally {
    await app.stop()
    await tg.close()
    await ex.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
